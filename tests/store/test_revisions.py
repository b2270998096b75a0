"""Document revisions in a real database, and migration 0004 over a populated one.

Each test runs on SQLite, and on PostgreSQL too when $TEST_POSTGRESQL_URL names a database
it may empty (e.g. postgresql+psycopg://chronicler@127.0.0.1:5432/scratch; needs psycopg).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import Engine, MetaData, select

from chronicler import service
from chronicler.config import Settings
from chronicler.records import Count, ReadFailure
from chronicler.store import Store, migrate, search
from chronicler.store.connect import create_store_engine, parse_target

if TYPE_CHECKING:  # conftest is not importable at run time; its builders are handed over as a fixture
    from tests.store.conftest import Build

FIRST = "Police said 208 people were killed in the protests across the province on Friday."
EDITED = "Police said 304 people were killed in the protests across the province on Friday."
OTHER = "Students gathered outside the university gates on Saturday to demand the release of friends."
SUPERSEDED = {"superseded_documents", "superseded_mentions"}


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, empty_postgresql: Callable[[], str]
) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "events.db")
        return
    yield empty_postgresql()
    empty_postgresql()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    # The store's own engine setup: on SQLite, foreign keys are on, as when chronicler migrates.
    engine = create_store_engine(parse_target(db_url))
    yield engine
    engine.dispose()


def _dead(n: int) -> Count:
    return Count("dead", n, None, "exact", str(n))


def _populate(db_url: str, build: type[Build]) -> None:
    """Two documents with mentions and figures, a failure, and a consolidation of them."""
    with Store.open(db_url) as store:
        store.save_extraction(
            build.extraction(
                "doc-1",
                build.mention("m1", event="ASSAULT", text=FIRST, counts=(_dead(208),)),
                build.mention("m2"),
                text=FIRST,
            )
        )
        store.save_extraction(build.extraction("doc-2", build.mention("m3", doc_id="doc-2"), text=OTHER))
        store.save_failure(ReadFailure("broken.json", "not valid JSON", "malformed_json"))
    service.consolidate(Settings(db=db_url))


def _edit(db_url: str, build: type[Build]) -> int:
    """Store the edited doc-1: the figure 208 became 304."""
    with Store.open(db_url) as store:
        return store.save_extraction(
            build.extraction(
                "doc-1",
                build.mention("m1", event="ASSAULT", text=EDITED, counts=(_dead(304),)),
                text=EDITED,
                published="2019-11-19",
            )
        )


def _dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but alembic's, in a fixed order; the evidence index as each mention
    id with its indexed sentence (its FTS5 shadow tables number rows in the order of indexing)."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        rows = {
            name: [tuple(row) for row in conn.execute(select(table).order_by(*table.c))]
            for name, table in sorted(meta.tables.items())
            if name != "alembic_version" and not name.startswith(search.INDEX_TABLES)
        }
        index = search.indexed(conn)
        if index is not None:
            rows[search.INDEX_TABLES] = [tuple(row) for row in index]
    return rows


def _below(before: dict[str, list[tuple[Any, ...]]], engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """``before`` as an older schema holds it: only the tables it has (not the superseded ones, nor
    the judgements), each row cut to the columns the table has there (later migrations add theirs
    at the end)."""
    meta = MetaData()
    meta.reflect(engine)
    return {
        name: [row[: len(meta.tables[name].c)] for row in rows]
        for name, rows in before.items()
        if name in meta.tables
    }


def _migrate(engine: Engine, step: str) -> None:
    with engine.begin() as conn:
        if step == "head":
            migrate.upgrade(conn)
        else:
            migrate.downgrade(conn, step)


def test_an_edited_document_keeps_both_revisions_and_views_read_the_latest(
    db_url: str, build: type[Build]
) -> None:
    _populate(db_url, build)
    assert _edit(db_url, build) == 1
    with Store.open(db_url) as store:
        listed = store.document_revisions(["doc-1"])["doc-1"]
        assert [(r.revision, r.latest, r.published) for r in listed] == [
            (1, False, "2019-11-18"),
            (2, True, "2019-11-19"),
        ]
        assert [[c.text for m in r.mentions for c in m.counts] for r in listed] == [["208"], ["304"]]
        assert listed[0].ingested_at <= listed[1].ingested_at
        assert [m.counts for m in store.query_events(event="ASSAULT")] == [(_dead(304),)]
        assert sorted(m.id for m in store.load_mentions()) == ["m1", "m3"]
        assert sorted(f.id for f in store.document_facts()) == ["doc-1", "doc-2"]
    summary = service.consolidate(Settings(db=db_url))
    assert (summary.documents, summary.mentions) == (2, 2)
    with Store.open(db_url) as store:
        claims = [c.text for e in store.load_consolidated() for c in e.claims]
    assert claims == ["304"]


def test_reading_an_older_revision_again_changes_nothing(
    db_url: str, engine: Engine, build: type[Build]
) -> None:
    _populate(db_url, build)
    _edit(db_url, build)
    before = _dump(engine)
    with Store.open(db_url) as store:
        assert store.save_extraction(build.extraction("doc-1", build.mention("m1"), text=FIRST)) == 0
    assert _edit(db_url, build) == 0
    assert _dump(engine) == before


def test_upgrade_downgrade_upgrade_of_a_populated_database_loses_nothing(
    engine: Engine, db_url: str, build: type[Build]
) -> None:
    _populate(db_url, build)
    before = _dump(engine)
    assert sum(len(rows) for rows in before.values()) > 10
    _migrate(engine, "0003")
    assert _dump(engine) == _below(before, engine)
    _migrate(engine, "head")
    assert _dump(engine) == before
    _migrate(engine, "base")
    _migrate(engine, "head")  # an empty schema again: the step from nothing works too
    assert _dump(engine) == {name: [] for name in before}


def test_existing_documents_become_revision_1(engine: Engine, db_url: str, build: type[Build]) -> None:
    _populate(db_url, build)
    _migrate(engine, "0003")
    with Store.open(db_url) as store:  # opening upgrades to 0004
        listed = store.document_revisions(["doc-1", "doc-2"])
        assert {d: [(r.revision, r.latest) for r in rs] for d, rs in listed.items()} == {
            "doc-1": [(1, True)],
            "doc-2": [(1, True)],
        }
    _edit(db_url, build)
    with Store.open(db_url) as store:
        listed = store.document_revisions(["doc-1"])
    assert [(r.revision, sorted(m.id for m in r.mentions)) for r in listed["doc-1"]] == [
        (1, ["m1", "m2"]),
        (2, ["m1"]),
    ]


def test_downgrading_keeps_the_latest_revision_of_each_document(
    engine: Engine, db_url: str, build: type[Build]
) -> None:
    # The schema of 0003 holds one text per document: the earlier revisions cannot go with it.
    _populate(db_url, build)
    _edit(db_url, build)
    service.consolidate(Settings(db=db_url))
    before = _dump(engine)
    assert (len(before["superseded_documents"]), len(before["superseded_mentions"])) == (1, 2)
    _migrate(engine, "0003")
    assert _dump(engine) == _below(before, engine)
    _migrate(engine, "head")
    with Store.open(db_url) as store:
        assert [m.counts for m in store.query_events(event="ASSAULT")] == [(_dead(304),)]
        assert [r.revision for r in store.document_revisions(["doc-1"])["doc-1"]] == [1]
