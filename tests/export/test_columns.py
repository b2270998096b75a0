"""Flat rows: every column a researcher filters on, and no point on the map the text does not give."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chronicler.export.columns import (
    CONSOLIDATED_COLUMNS,
    EVENT_COLUMNS,
    SourceFacts,
    consolidated_row,
    date_precision,
    event_row,
    point,
)
from chronicler.knowledge.countries import Country
from chronicler.records import Claim, ConsolidatedEvent, Count, EventMention, Location


@pytest.mark.parametrize(
    ("iso", "precision"),
    [("2019-11-16", "day"), ("2019-11", "month"), ("2019", "year"), (None, None), ("", None)],
)
def test_date_precision_follows_the_iso_form(iso: str | None, precision: str | None) -> None:
    assert date_precision(iso) == precision


def test_only_a_town_gets_coordinates(places: dict[str, Location]) -> None:
    assert point(places["town"]) == (35.8355, 50.9915)
    # A province's or a country's stored point is its capital: a map would put the event there.
    assert point(places["province"]) == (None, None)
    assert point(places["country"]) == (None, None)
    assert point(None) == (None, None)


def test_event_row_has_every_column_typed(
    mention_of: Callable[..., EventMention], source: SourceFacts, countries: dict[str, Country]
) -> None:
    counts = (
        Count("dead", 4, None, "at_least", "at least four"),
        Count("dead", 2, None, "exact", "two"),
        Count("injured", None, None, "vague", "dozens"),
    )
    row = event_row(mention_of(counts=counts), source, countries)
    assert tuple(row) == EVENT_COLUMNS
    assert row["date"] == "2022-10-01" and row["date_precision"] == "day"
    assert (row["place"], row["place_as_written"], row["admin1"], row["country"], row["country_code"]) == (
        "Karaj",
        "Karadsch",
        "Alborz",
        "Iran",
        "IR",
    )
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (35.8355, 50.9915, "city")
    assert (row["actor"], row["actor_sector"], row["recipient"], row["recipient_sector"]) == (
        "riot police",
        "COP",
        "marchers",
        "CVL",
    )
    # The first figure of a kind in the numbers, every figure as written in ``counts``.
    assert (row["dead_low"], row["dead_high"], row["dead_qualifier"]) == (4, None, "at_least")
    assert (row["injured_low"], row["injured_qualifier"]) == (None, "vague")
    assert row["arrested_low"] is None and row["arrested_qualifier"] is None
    assert row["counts"] == "at least four (dead); two (dead); dozens (injured)"
    assert (row["claimed_by"], row["claimed_by_id"]) == ("Iran Human Rights", "ihr")
    assert row["historical"] is False and row["confidence"] == 0.8
    assert (row["outlet"], row["outlet_type"], row["url"], row["published"]) == (
        "wire.example",
        "wire",
        "https://wire.example/a?x=1",
        "2022-10-02",
    )
    assert row["trigger"] == "fired on" and str(row["text"]).startswith("Riot police")


def test_event_row_placed_in_a_country_names_it_without_a_point(
    mention_of: Callable[..., EventMention], places: dict[str, Location], countries: dict[str, Country]
) -> None:
    row = event_row(mention_of(loc=places["country"]), None, countries)
    assert (row["place"], row["country"], row["geo_precision"]) == ("Iran", "Iran", "country")
    assert row["latitude"] is None and row["longitude"] is None
    # No stored document: the mention's own outlet, no URL.
    assert row["outlet"] == "wire.example" and row["url"] is None


def test_an_unknown_country_code_is_kept_as_written(
    mention_of: Callable[..., EventMention], countries: dict[str, Country]
) -> None:
    loc = Location("Atlantis", "Atlantis", None, 1.0, 2.0, None, "QQ", "city")
    assert event_row(mention_of(loc=loc), None, countries)["country"] == "QQ"


def test_consolidated_row_gives_acled_and_ucdp_figures(
    consolidated_of: Callable[..., ConsolidatedEvent],
    claim_of: Callable[..., Claim],
    countries: dict[str, Country],
) -> None:
    claims = (claim_of(304, "at_least"), claim_of(1500, "about", by=None))
    row = consolidated_row(consolidated_of(claims), countries)
    assert tuple(row) == CONSOLIDATED_COLUMNS
    # ACLED: the lowest figure asserted; UCDP-style low, best (lower median), high.
    assert row["dead_conservative"] == 304
    assert (row["dead_low"], row["dead_best"], row["dead_high"]) == (304, 304, 1500)
    assert row["injured_conservative"] is None
    assert (row["claims"], row["mentions"], row["documents"], row["independent_sources"]) == (2, 2, 2, 2)
    assert row["outlets"] == "state.example; wire.example"
    assert row["date_precision"] == "month"
