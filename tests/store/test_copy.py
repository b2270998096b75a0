"""`chronicler db copy` underneath: a whole database into an empty one, on either backend, proven
by per-table counts and backend-neutral checksums; all or nothing in the target.

The PostgreSQL half runs when $TEST_POSTGRESQL_URL names a database these tests may empty."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from chronicler import service
from chronicler.config import Settings
from chronicler.errors import StoreError
from chronicler.store import Store, schema, search
from chronicler.store.connect import create_store_engine, parse_target
from chronicler.store.copy import _row_digest, nonempty_tables, table_summary
from chronicler.store.tables import metadata

if TYPE_CHECKING:
    from tests.store.conftest import Build

pytestmark = pytest.mark.slow
BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"


@pytest.fixture
def laptop(tmp_path: Path, examples_db: Path, build: type[Build]) -> str:
    """A SQLite file of every kind of row: the examples ingested and consolidated, a failure, a
    document with a superseded revision, judgements, one of them undone, an account, and a
    private collection with its member and a document."""
    path = str(tmp_path / "laptop.sqlite")
    shutil.copyfile(examples_db, path)
    assert service.ingest([str(BAD / "binary.txt")], Settings(db=path, doc_timeout=0)).failures
    with Store.open(path) as store:
        store.save_extraction(build.extraction("edited", build.mention("ev_edited_1", doc_id="edited")))
        store.save_extraction(
            build.extraction("edited", build.mention("ev_edited_2", doc_id="edited"), text="Revised text.")
        )
        first = store.load_mentions()[0].id
        store.reviews.judge(first, "confirm", "ana")
        undone = store.reviews.judge(first, "reject", "ana", note="wrong sentence")
        store.reviews.undo(undone.id, "ben")
        store.users.add("ana", "editor")
        store.collections.add("witness", private=True)
        store.collections.grant("witness", "ana")
        store.save_extraction(build.extraction("private", build.mention("ev_private", doc_id="private"),
                                               text="A private text."), "witness")  # fmt: skip
    return path


def _summaries(url: str) -> dict[str, tuple[int, str]]:
    engine = create_store_engine(parse_target(url))
    try:
        with engine.connect() as conn:
            return {table.name: table_summary(conn, table) for table in metadata.sorted_tables}
    finally:
        engine.dispose()


@pytest.fixture
def postgresql(empty_postgresql: Callable[[], str]) -> Iterator[str]:
    url = empty_postgresql()
    yield url
    empty_postgresql()


def test_a_copy_holds_every_row_of_every_table(laptop: str, tmp_path: Path) -> None:
    target = str(tmp_path / "copy.sqlite")
    copies = schema.copy(laptop, target)
    assert all(c.same for c in copies)
    assert {c.table for c in copies} == {t.name for t in metadata.sorted_tables}
    assert {c.table: (c.rows, c.checksum) for c in copies} == _summaries(laptop) == _summaries(target)
    # Every kind of row was there to copy, and what triggers derive (the evidence index) followed.
    assert not {t.name for t in metadata.sorted_tables} - set(_filled(laptop))
    with Store.open(target, create=False) as copied, Store.open(laptop, create=False) as original:
        assert copied.query_events(text="protesters") == original.query_events(text="protesters") != []
        assert copied.reviews.history() == original.reviews.history()


def _filled(url: str) -> list[str]:
    engine = create_store_engine(parse_target(url))
    try:
        with engine.connect() as conn:
            return nonempty_tables(conn)
    finally:
        engine.dispose()


def test_sqlite_to_postgresql_and_back_gives_the_same_checksums(
    laptop: str, postgresql: str, tmp_path: Path
) -> None:
    there = schema.copy(laptop, postgresql)
    back = schema.copy(postgresql, str(tmp_path / "back.sqlite"))
    assert [(c.table, c.rows, c.checksum) for c in there] == [(c.table, c.rows, c.checksum) for c in back]
    assert _summaries(postgresql) == _summaries(laptop)
    # The ids copied with their rows do not block the next ones PostgreSQL numbers itself.
    with Store.open(postgresql) as team:
        copied = [j.id for j in team.reviews.history()]
        judged = team.reviews.judge(team.load_mentions()[-1].id, "confirm", "carla")
        assert judged.id > max(copied)
    assert service.ingest([str(BAD / "latin1.txt")], Settings(db=postgresql, doc_timeout=0)).failures
    with Store.open(postgresql) as team:  # nor do the copied accounts' ids
        team.users.add("ben", "viewer")


def test_a_target_that_holds_rows_is_refused_and_left_as_it_was(
    laptop: str, tmp_path: Path, build: type[Build]
) -> None:
    target = str(tmp_path / "team.sqlite")
    with Store.open(target) as team:
        team.save_extraction(build.extraction("theirs", build.mention("ev_theirs", doc_id="theirs")))
    before = _summaries(target)
    with pytest.raises(StoreError, match=r"already holds rows \(documents, event_mentions\)"):
        schema.copy(laptop, target)
    assert _summaries(target) == before


def test_a_copy_that_fails_part_way_leaves_the_target_empty(laptop: str, tmp_path: Path) -> None:
    target = str(tmp_path / "team.sqlite")

    def interrupted(table: str, rows: int) -> None:
        if table == "event_mentions":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        schema.copy(laptop, target, interrupted)
    assert _filled(target) == []
    engine = create_store_engine(parse_target(target))
    try:
        with engine.connect() as conn:
            assert search.indexed(conn) == []
    finally:
        engine.dispose()


def test_a_missing_source_or_the_same_database_is_refused(tmp_path: Path, laptop: str) -> None:
    typo = tmp_path / "lapto.sqlite"
    with pytest.raises(StoreError, match="no database at"):
        schema.copy(str(typo), str(tmp_path / "copy.sqlite"))
    assert not typo.exists()
    with pytest.raises(StoreError, match="the same database"):
        schema.copy(laptop, f"sqlite:///{laptop}")


def test_a_row_hashes_the_same_whichever_backend_read_it() -> None:
    naive = (1, dt.datetime(2019, 11, 16, 12, 30), b"\x01\xff", True, 0.1)
    plus_two = dt.timezone(dt.timedelta(hours=2))
    aware = (1, dt.datetime(2019, 11, 16, 14, 30, tzinfo=plus_two), memoryview(b"\x01\xff"), True, 0.1)
    assert _row_digest(naive) == _row_digest(aware)
    assert _row_digest(naive) != _row_digest((2, *naive[1:]))
