"""The map views (migration 0005): events, consolidated events and claims with plain columns and
coordinates for towns only, equal to what the records say; on SQLite, and on PostgreSQL when
$TEST_POSTGRESQL_URL names a database these tests may empty."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text

from chronicler import service
from chronicler.config import Settings
from chronicler.store.connect import create_store_engine, parse_target

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, examples_db: Path, empty_postgresql: Callable[[], str]
) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = str(examples_db)
    else:
        url = empty_postgresql()
        summary = service.ingest([str(EXAMPLES)], Settings(db=url, doc_timeout=0))
        assert summary.stored >= 9 and not summary.failures
    found_engine = create_store_engine(parse_target(url))
    yield found_engine
    found_engine.dispose()


def _rows(engine: Engine, query: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(query)).mappings()]


def test_the_views_are_there(engine: Engine) -> None:
    assert {"events_map", "consolidated_map", "claims_map"} <= set(inspect(engine).get_view_names())


def test_event_rows_follow_their_records(engine: Engine) -> None:
    records = {
        r["id"]: json.loads(r["record"]) for r in _rows(engine, "SELECT id, record FROM event_mentions")
    }
    rows = _rows(engine, "SELECT * FROM events_map")
    assert len(rows) == len(records) > 80
    towns = 0
    for row in rows:
        loc = records[row["id"]]["event_loc"] or {}
        assert row["place"] == loc.get("resolved_place") and row["geo_precision"] == loc.get("resolution")
        if loc.get("resolution") == "city":
            towns += 1
            assert (row["latitude"], row["longitude"]) == pytest.approx((loc["lat"], loc["lon"]))
        else:  # a province's or a country's stored point is its capital's: none here
            assert row["latitude"] is None and row["longitude"] is None
        claimant = records[row["id"]]["claimed_by"]
        assert row["claimed_by"] == (claimant and (claimant["identifier_text"] or claimant["entity_text"]))
        assert row["text"] == records[row["id"]]["text"]
    assert 0 < towns < len(rows)


def test_consolidated_and_claims_rows(engine: Engine) -> None:
    records = [json.loads(r["record"]) for r in _rows(engine, "SELECT record FROM consolidated_events")]
    rows = {r["id"]: r for r in _rows(engine, "SELECT * FROM consolidated_map")}
    assert set(rows) == {r["id"] for r in records}
    for record in records:
        row = rows[record["id"]]
        assert (row["mentions"], row["documents"], row["claims"]) == (
            len(record["mentions"]),
            len(record["documents"]),
            len(record["claims"]),
        )
        assert row["independent_sources"] == record["sources"]["independent"]
    claims = _rows(engine, "SELECT * FROM claims_map")
    assert len(claims) == sum(len(r["claims"]) for r in records) > 0
    wanted = sorted((c["kind"], c["low"] or -1, c["text"]) for r in records for c in r["claims"])
    assert sorted((c["kind"], c["low"] or -1, c["figure"]) for c in claims) == wanted


def test_keyset_pages_give_every_event_once_in_order(engine: Engine) -> None:
    """The cursor the API pages with (``after``), on each server."""
    from chronicler.store import Store
    from chronicler.store.query import sort_key

    with Store.open(engine.url.render_as_string(hide_password=False), create=False) as store:
        whole = [m.id for m in store.query_events()]
        paged: list[str] = []
        after = None
        while True:
            page = store.query_events(limit=9, after=after)
            paged += [m.id for m in page]
            if len(page) < 9:
                break
            after = sort_key(page[-1].date, page[-1].id)
    assert paged == whole and len(whole) > 80


def test_text_search_on_each_server(engine: Engine) -> None:
    from chronicler.store import Store

    with Store.open(engine.url.render_as_string(hide_password=False), create=False) as store:
        found = store.query_events(text="Tear Gas")
        everything = store.query_events()
    wanted = [m.id for m in everything if "tear gas" in m.text.lower()]
    assert wanted and [m.id for m in found] == wanted


def test_map_rows_filter_the_view_by_the_window_rule(engine: Engine) -> None:
    from chronicler.store.query import map_select

    every = _rows(engine, "SELECT * FROM consolidated_map ORDER BY position")
    with engine.connect() as conn:
        found = [dict(r) for r in conn.execute(map_select()).mappings()]
        window = [dict(r) for r in conn.execute(map_select(since="2019-11", until="2019-11-20")).mappings()]
        assaults = [dict(r) for r in conn.execute(map_select(event="assault", country="IRN")).mappings()]
    assert [r["id"] for r in found] == [r["id"] for r in every]
    # The columns the consolidation stores (migration 0008) say what the view reads from each record.
    keys = ("place", "admin1", "country_code", "geo_precision", "latitude", "longitude", "mentions")
    assert [tuple(r[k] for k in keys) for r in found] == [tuple(r[k] for k in keys) for r in every]
    assert [r["documents"] for r in found] == [r["documents"] for r in every]
    assert [bool(r["disagreement"]) for r in found] == [r["disagreement"] in (1, True, "true") for r in every]
    # a period overlapping the window: a day inside it, November itself, or 2019 as a whole
    expected = [r["id"] for r in every if r["date"] and (r["enddate"] or r["date"]) >= "2019-11"[: len(
        r["enddate"] or r["date"])] and r["date"] < "2019-11-21"]
    assert window and [r["id"] for r in window] == expected
    assert assaults and all(r["event"] == "ASSAULT" and r["country_code"] == "IR" for r in assaults)
