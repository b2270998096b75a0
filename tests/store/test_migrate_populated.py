"""Migrations over a populated database (issue 16): the examples ingested and consolidated, three
stored failures, then each revision's step down and back up, and all the way to nothing and back.

"Nothing lost" means: after head -> R -> head, every row a table of revision R holds is there,
equal, and what the steps below head dropped is what chronicler derives again (``consolidate``
rebuilds signatures and consolidated events, byte-identical), so every export equals the one
before. Two things R cannot hold are gone by design and checked as such: the superseded revisions
below 0004 (this corpus has none) and the failure codes below 0003 (they read ``unreadable``, as
for failures stored before codes existed). head -> base -> head gives the schema of a fresh
database, empty and working.

Runs on SQLite, and on PostgreSQL too when $TEST_POSTGRESQL_URL names a database it may empty.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, inspect, select

from chronicler import service
from chronicler.config import Settings
from chronicler.store import Store, migrate, search
from chronicler.store.connect import create_store_engine, parse_target

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
# Inputs that fail, each with its own code (binary, not_utf8, not_a_document)
BAD = ROOT / "tests" / "fixtures" / "bad"
BROKEN = [str(BAD / name) for name in ("binary.txt", "latin1.txt", "list_not_object.json")]
Rows = dict[str, list[tuple[Any, ...]]]
Exports = Callable[..., dict[str, str]]


@pytest.fixture(params=["sqlite", "postgresql"])
def populated(
    request: pytest.FixtureRequest, tmp_path: Path, examples_db: Path, empty_postgresql: Callable[[], str]
) -> Iterator[str]:
    """The URL of a database of examples/ (ingested and consolidated) and three stored failures."""
    if request.param == "sqlite":
        url = str(tmp_path / "examples.sqlite")
        shutil.copyfile(examples_db, url)
    else:
        url = empty_postgresql()
        assert not service.ingest([str(ROOT / "examples")], Settings(db=url, doc_timeout=0)).failures
    assert len(service.ingest(BROKEN, Settings(db=url, doc_timeout=0)).failures) == len(BROKEN)
    yield url
    if request.param == "postgresql":
        empty_postgresql()


@pytest.fixture
def engine(populated: str) -> Iterator[Engine]:
    # The store's own engine setup: on SQLite, foreign keys are on, as when chronicler migrates.
    engine = create_store_engine(parse_target(populated))
    yield engine
    engine.dispose()


def _dump(engine: Engine) -> Rows:
    """Every row of every table but alembic's, as dicts of their columns, in a fixed order. The
    evidence index (SQLite's FTS5, migration 0009) is dumped as what it says: each mention id with
    the sentence indexed for it, not as the shadow tables whose row numbers depend on the order
    of indexing."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        rows = {
            name: _sorted(tuple(sorted(row._mapping.items())) for row in conn.execute(select(table)))
            for name, table in sorted(meta.tables.items())
            if name != "alembic_version" and not name.startswith(search.INDEX_TABLES)
        }
        index = search.indexed(conn)
        if index is not None:
            rows[search.INDEX_TABLES] = [tuple(row) for row in index]
    return rows


def _sorted(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted(rows, key=repr)


def _without(rows: Rows, table: str, column: str) -> Rows:
    """``rows`` with ``column`` of ``table`` left out."""
    return {
        name: _sorted(tuple(kv for kv in row if name != table or kv[0] != column) for row in found)
        for name, found in rows.items()
    }


def _projected(before: Rows, now: Rows) -> Rows:
    """The rows of ``before`` that the tables and columns of ``now`` can hold."""
    columns = {name: {kv[0] for row in rows for kv in row} for name, rows in now.items()}
    out: Rows = {}
    for name in now:
        keep = columns[name] or {kv[0] for row in before[name] for kv in row}
        out[name] = _sorted(tuple(kv for kv in row if kv[0] in keep) for row in before[name])
    return out


def _migrate(engine: Engine, step: str) -> None:
    with engine.begin() as conn:
        if step == "head":
            migrate.upgrade(conn)
        else:
            migrate.downgrade(conn, step)


def _schema(engine: Engine) -> dict[str, list[str]]:
    found = inspect(engine)
    return {name: sorted(c["name"] for c in found.get_columns(name)) for name in found.get_table_names()}


def _check_sqlite(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def _revisions_below_head() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in script.walk_revisions() if r.revision != script.get_current_head()]


@pytest.mark.parametrize("target", _revisions_below_head())
def test_each_step_down_and_up_keeps_every_row_and_every_export(
    populated: str, engine: Engine, exports: Exports, target: str
) -> None:
    before = _dump(engine)
    exported = exports(populated, per_id=False)
    assert len(before["documents"]) >= 9 and len(before["event_mentions"]) > 80
    assert len(before["consolidated_events"]) > 50 and len(before["failures"]) == len(BROKEN)

    _migrate(engine, target)
    below = _dump(engine)
    assert below == _projected(before, below)  # every row the older schema can hold is there
    _check_sqlite(engine)
    _migrate(engine, "head")
    _check_sqlite(engine)
    service.consolidate(Settings(db=populated))  # what the steps dropped, derived again

    after = _dump(engine)
    if "code" not in {kv[0] for row in below["failures"] for kv in row}:
        # 0002 has no failure codes: those stored since read "unreadable" (migration 0003)
        assert {dict(row)["code"] for row in after["failures"]} == {"unreadable"}
        before, after = _without(before, "failures", "code"), _without(after, "failures", "code")
        exported = {k: v for k, v in exported.items() if k != "failures"}
    assert after == before
    assert {k: v for k, v in exports(populated, per_id=False).items() if k in exported} == exported


def test_down_to_nothing_and_up_again_is_a_fresh_working_schema(
    populated: str, engine: Engine, tmp_path: Path
) -> None:
    before = _dump(engine)
    _migrate(engine, "base")
    assert set(_schema(engine)) <= {"alembic_version"}
    _migrate(engine, "head")
    _check_sqlite(engine)
    assert _dump(engine) == {name: [] for name in before}
    fresh = create_store_engine(parse_target(str(tmp_path / "fresh.sqlite")))
    try:
        with Store.open(str(tmp_path / "fresh.sqlite")):
            pass
        if engine.dialect.name == "sqlite":
            assert _schema(engine) == _schema(fresh)
        else:  # the evidence index (FTS5) is SQLite's alone, the column of words PostgreSQL's
            postgresql = _schema(engine)
            postgresql["event_mentions"].remove(search.WORDS_COLUMN)
            assert postgresql == {
                name: columns
                for name, columns in _schema(fresh).items()
                if not name.startswith(search.INDEX_TABLES)
            }
    finally:
        fresh.dispose()
    # and it works: the failures stored again
    assert len(service.ingest(BROKEN, Settings(db=populated, doc_timeout=0)).failures) == len(BROKEN)
    with Store.open(populated) as store:
        codes = sorted(f.failure.code for f in store.list_failures())
    assert codes == sorted(dict(row)["code"] for row in before["failures"])
    assert len(set(codes)) == len(BROKEN)
