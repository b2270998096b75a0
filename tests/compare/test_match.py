"""The matching rule: country, day, place and kind must agree; each row to its best event."""

from __future__ import annotations

import pytest

from chronicler.compare.match import compare, km, place_fit
from chronicler.compare.records import ExternalEvent
from chronicler.knowledge.acled import AcledTable, load_acled
from chronicler.records import ConsolidatedEvent, Location, Sources

MAHSHAHR = Location("Mahshahr", "Mahshahr", 1, 30.5589, 49.1981, "Khuzestan", "IR", "city")
KHUZESTAN = Location("Khuzestan", "Khuzestan", 2, 31.0, 49.0, "Khuzestan", "IR", "admin1")
IRAN = Location("Iran", "Iran", 3, 35.69, 51.42, None, "IR", "country")


@pytest.fixture(scope="module")
def table() -> AcledTable:
    return load_acled()


def event(
    id: str,
    kind: str = "ASSAULT",
    date: str | None = "2019-11-16",
    loc: Location | None = MAHSHAHR,
    mode: str | None = "firearms",
) -> ConsolidatedEvent:
    return ConsolidatedEvent(
        id, kind, mode, date, None, loc, (), (), (), False, (), (), (), Sources((), 0, ()), False
    )


def row(
    id: str,
    date: str = "2019-11-16",
    kind: str = "Violence against civilians",
    lat: float | None = 30.56,
    lon: float | None = 49.20,
    location: str | None = "Mahshahr",
    country: str = "IR",
    admin1: str | None = "Khuzestan",
) -> ExternalEvent:
    return ExternalEvent("ACLED", id, date, kind, "", country, admin1, location, lat, lon, 3, "", 2)


def test_distance() -> None:
    assert km((35.6944, 51.4215), (35.6944, 51.4215)) == 0
    assert 670 < km((35.6944, 51.4215), (29.6103, 52.5311)) < 700  # Tehran to Shiraz, about 680 km


def test_places_agree_by_town_province_or_country() -> None:
    assert place_fit(MAHSHAHR, row("a")) == 3
    assert place_fit(MAHSHAHR, row("b", lat=29.61, lon=52.53, location="Shiraz")) is None
    assert place_fit(MAHSHAHR, row("c", lat=None, lon=None)) == 3  # by name
    assert place_fit(KHUZESTAN, row("d")) == 2
    assert place_fit(KHUZESTAN, row("e", admin1="Fars", location="Shiraz")) is None
    assert place_fit(IRAN, row("f")) == 1
    assert place_fit(IRAN, row("g", country="IQ")) is None


def test_rows_go_to_the_event_they_fit_best(table: AcledTable) -> None:
    events = [event("town"), event("country", loc=IRAN), event("protest", kind="PROTEST", mode="demo")]
    rows = [
        row("r1"),
        row("r2", date="2019-11-17"),
        row("r3", date="2019-11-19"),
        row("r4", kind="Protests"),
        row("r5", kind="Battles"),
    ]
    found = compare(events, rows, table)
    matched = {p.event.id: [r.id for r in p.rows] for p in found.pairs}
    # the town event fits better than the country-level one; a day either side is the same event;
    # every kind of political violence agrees with every other; a protest only with a protest
    assert matched == {"town": ["r1", "r5", "r2"], "protest": ["r4"]}
    assert [r.id for r in found.only_theirs] == ["r3"]  # three days later
    assert [e.id for e in found.only_ours] == ["country"]


def test_month_dates_match_any_day_of_the_month_and_year_dates_none(table: AcledTable) -> None:
    events = [
        event("month", date="2019-11"),
        event("year", date="2019"),
        event("talks", kind="CONSULT", mode=None),
    ]
    found = compare(events, [row("r1", date="2019-11-29")], table)
    assert [p.event.id for p in found.pairs] == ["month"]
    assert found.not_comparable == 2


def test_missing_on_their_side_only_within_what_their_file_covers(table: AcledTable) -> None:
    events = [
        event("before", date="2019-10-01"),
        event("inside", date="2019-11-20"),
        event(
            "elsewhere", date="2019-11-20", loc=Location("Kabul", "Kabul", 9, 34.5, 69.2, None, "AF", "city")
        ),
    ]
    found = compare(
        events, [row("r1"), row("r2", date="2019-11-25", location="Abadan", lat=30.34, lon=48.3)], table
    )
    assert [e.id for e in found.only_ours] == ["inside"]


def test_nothing_to_compare(table: AcledTable) -> None:
    found = compare([], [], table)
    assert (found.pairs, found.only_ours, found.only_theirs, found.not_comparable) == ((), (), (), 0)
