"""ACLED's columns: kinds from the table, ACLED's precision codes and conservative fatalities, and a
row only for what ACLED would code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.export.acled import ACLED_COLUMNS, COLUMNS, TAG, consolidated_row, mention_row
from chronicler.export.columns import SourceFacts
from chronicler.knowledge.acled import SUB_EVENT_TYPES, AcledTable, load_acled
from chronicler.knowledge.countries import Country
from chronicler.records import Claim, ConsolidatedEvent, Count, EventMention, Location

Mention = Callable[..., EventMention]

# ACLED's export columns as its codebook lists them (2023 onwards), in order.
ACLED_EXPORT = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def test_columns_are_acleds_then_chroniclers() -> None:
    assert list(ACLED_COLUMNS) == ACLED_EXPORT
    assert COLUMNS[: len(ACLED_EXPORT)] == ACLED_COLUMNS
    assert "chronicler_id" in COLUMNS


@pytest.mark.parametrize(
    ("event", "mode", "kind"),
    [
        ("PROTEST", "demo", ("Demonstrations", "Protests", "Peaceful protest")),
        ("PROTEST", None, ("Demonstrations", "Protests", "Peaceful protest")),
        ("PROTEST", "riot", ("Demonstrations", "Riots", "Violent demonstration")),
        ("ASSAULT", "firearms", ("Political violence", "Violence against civilians", "Attack")),
        ("ASSAULT", "aerial", ("Political violence", "Explosions/Remote violence", "Air/drone strike")),
        (
            "ASSAULT",
            "abduct",
            ("Political violence", "Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("COERCE", "arrest", ("Strategic developments", "Strategic developments", "Arrests")),
    ],
)
def test_kinds_come_from_the_table(
    table: AcledTable, event: str, mode: str | None, kind: tuple[str, ...]
) -> None:
    found = table.kind(event, mode)
    assert found is not None
    assert (found.disorder_type, found.event_type, found.sub_event_type) == kind


def test_every_shipped_kind_is_one_of_acleds(table: AcledTable) -> None:
    for modes in table.events.values():
        for kind in modes.values():
            assert kind.sub_event_type in SUB_EVENT_TYPES[kind.event_type]


def test_a_row_in_acleds_terms(
    mention_of: Mention, source: SourceFacts, table: AcledTable, countries: dict[str, Country]
) -> None:
    counts = (
        Count("dead", 4, None, "at_least", "at least four"),
        Count("dead", None, None, "vague", "dozens"),
    )
    row = mention_row(mention_of(counts=counts), source, table, countries)
    assert row is not None and tuple(row) == COLUMNS
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2022-10-01", 2022, 1)
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "riot police",
        "State forces",
        "marchers",
        "Civilians",
    )
    assert row["interaction"] == "State forces-Civilians"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["country"], row["admin1"], row["location"]) == (364, "Iran", "Alborz", "Karaj")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (35.8355, 50.9915, 1)
    assert (row["source"], row["source_scale"]) == ("wire.example", "International")
    # ACLED's rule: the lowest figure reported ("dozens" asserts 12 or more, "at least four" 4).
    assert row["fatalities"] == 4
    assert row["tags"] == TAG and row["claimed_by"] == "Iran Human Rights"


def test_no_figure_is_zero_fatalities_as_acled_writes_it(
    mention_of: Mention, table: AcledTable, countries: dict[str, Country]
) -> None:
    row = mention_row(mention_of(), None, table, countries)
    assert row is not None and row["fatalities"] == 0


def test_protesters_are_protesters_whatever_their_sector(
    mention_of: Mention, table: AcledTable, countries: dict[str, Country]
) -> None:
    march = mention_of(event="PROTEST", mode="demo")
    march = type(march)(**{**march.__dict__, "actor": march.recipient, "recipient": ()})
    row = mention_row(march, None, table, countries)
    assert row is not None
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("marchers", "Protesters", "Protesters only")
    assert row["civilian_targeting"] is None


def test_month_dates_sit_mid_month_and_coarse_places_get_no_point(
    mention_of: Mention, places: dict[str, Location], table: AcledTable, countries: dict[str, Country]
) -> None:
    row = mention_row(mention_of(date="2019-11", loc=places["country"]), None, table, countries)
    assert row is not None
    assert (row["event_date"], row["time_precision"]) == ("2019-11-15", 3)
    assert (row["latitude"], row["longitude"], row["geo_precision"], row["location"]) == (
        None,
        None,
        3,
        "Iran",
    )


@pytest.mark.parametrize(
    ("event", "mode", "date"),
    [("ACCUSE", "disapprove", "2022-10-01"), ("REQUEST", None, "2022-10-01"), ("ASSAULT", None, "1988"),
     ("ASSAULT", None, None)],
)  # fmt: skip
def test_what_acled_would_not_code_has_no_row(
    mention_of: Mention, table: AcledTable, countries: dict[str, Country], event: str, mode: str | None,
    date: str | None,
) -> None:  # fmt: skip
    assert mention_row(mention_of(event=event, mode=mode, date=date), None, table, countries) is None


def test_consolidated_row_sets_claims_side_by_side(
    consolidated_of: Callable[..., ConsolidatedEvent],
    claim_of: Callable[..., Claim],
    table: AcledTable,
    countries: dict[str, Country],
) -> None:
    claims = (
        claim_of(208, "at_least", published="2019-11-29"),
        claim_of(304, "exact", published="2019-12-16"),
        claim_of(1500, "about", by=None),
    )
    types = {"wire.example": "wire", "state.example": "state_media"}
    row = consolidated_row(consolidated_of(claims), table, countries, types)
    assert row is not None
    # Each claimant's latest figure counts: the group's 304 (its 208 was revised), the wire's 1,500.
    assert row["fatalities"] == 304
    assert row["notes"] == "dead: 208 -> 304 (Iran Human Rights); dead: 1500 (wire.example (own voice))"
    assert row["source_scale"] == "International-National"
    assert (row["event_date"], row["time_precision"]) == ("2022-10-15", 3)


def test_a_bad_table_names_the_file_and_the_fault(tmp_path: Path) -> None:
    (tmp_path / "acled.yaml").write_text(
        "version: 1\nevents:\n  PROTEST:\n    riot: [Demonstrations, Riots, Street party]\n", encoding="utf-8"
    )
    with pytest.raises(PackError, match=r"acled\.yaml.*Street party.*not a sub-event type of Riots"):
        load_acled([tmp_path])


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("events:\n  PROTST: {default: [Demonstrations, Protests, Peaceful protest]}\n", "not a PLOVER type"),
        (
            "events:\n  PROTEST: {dance: [Demonstrations, Protests, Peaceful protest]}\n",
            "not a mode of PROTEST",
        ),
        ("inter:\n  COP: Police\n", "not one of ACLED's"),
        ("geo_precision:\n  city: 7\n", "integer from 1 to 3"),
        ("colour: red\n", "unknown key"),
    ],
)
def test_user_table_faults_are_refused(tmp_path: Path, text: str, fault: str) -> None:
    (tmp_path / "acled.yaml").write_text("version: 1\n" + text, encoding="utf-8")
    with pytest.raises(PackError, match=fault):
        load_acled([tmp_path])


def test_a_user_table_extends_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "acled.yaml").write_text(
        "version: 1\nevents:\n  THREATEN:\n"
        "    default: [Strategic developments, Strategic developments, Other]\n",
        encoding="utf-8",
    )
    table = load_acled([tmp_path])
    assert table.kind("THREATEN", "violence") is not None
    assert table.kind("PROTEST", "demo") is not None
