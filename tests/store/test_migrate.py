from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from sqlalchemy import create_engine

from chronicler.records import ReadFailure
from chronicler.store import Store, migrate

if TYPE_CHECKING:  # conftest is not importable at run time; its builders are handed over as a fixture
    from tests.store.conftest import Build


def test_packaged_migrations_are_found_without_an_ini_file() -> None:
    assert migrate.MIGRATIONS_DIR.joinpath("env.py").is_file()
    assert migrate.alembic_config().config_file_name is None
    assert migrate.head_revision() == "0012"


def test_open_upgrades_to_head_and_reopening_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    Store.open(str(path)).close()
    Store.open(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
    finally:
        engine.dispose()


def test_fresh_database_has_no_revision(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) is None
    finally:
        engine.dispose()


def test_offline_postgresql_ddl_is_generated_from_the_same_migration() -> None:
    # No PostgreSQL server here: render the migration as SQL for its dialect instead.
    buffer = io.StringIO()
    config = migrate.alembic_config()
    config.output_buffer = buffer
    config.set_main_option("sqlalchemy.url", "postgresql+psycopg://chronicler@localhost/events")
    command.upgrade(config, "head", sql=True)
    ddl = buffer.getvalue()
    for expected in (
        "CREATE TABLE documents",
        "CREATE TABLE failures",
        "CREATE TABLE event_mentions",
        '"end" INTEGER NOT NULL',
        "ingested_at TIMESTAMP WITH TIME ZONE",
        "CREATE UNIQUE INDEX ix_documents_content_hash",
        "UNIQUE (source, reason)",
        "ON DELETE CASCADE",
        "CREATE TABLE document_keys",
        "signature BYTEA NOT NULL",
        "CREATE TABLE consolidated_events",
        "CREATE TABLE consolidated_members",
        "CREATE INDEX ix_consolidated_members_event_id",
        "CREATE TABLE superseded_documents",
        "PRIMARY KEY (doc_id, revision, id)",
        "FOREIGN KEY(doc_id, revision) REFERENCES superseded_documents (doc_id, revision) ON DELETE CASCADE",
    ):
        assert expected in ddl


def test_a_database_of_the_first_revision_upgrades_keeping_its_rows(
    tmp_path: Path, build: type[Build]
) -> None:
    path = tmp_path / "events.db"
    with Store.open(str(path)) as store:
        store.save_extraction(build.extraction("doc-1", build.mention("ev-1")))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            migrate.downgrade(conn, "0001")
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "0001"
    finally:
        engine.dispose()
    with Store.open(str(path)) as store:
        assert store.stats()["event_mentions"] == 1
        assert [m.id for m in store.load_mentions()] == ["ev-1"]


def test_failures_stored_before_codes_read_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store.open(str(path)) as store:
        store.save_failure(ReadFailure("a.jsonl:3", "malformed JSON (column 1)", "malformed_json"))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            migrate.downgrade(conn, "0002")
            conn.exec_driver_sql(
                "INSERT INTO failures (source, reason, recorded_at) VALUES ('old.txt', 'empty file', "
                "'2026-01-01 00:00:00')"
            )
    finally:
        engine.dispose()
    with Store.open(str(path)) as store:
        stored = {f.failure.source: f.failure.code for f in store.list_failures()}
    # The code of the newer failure was lost with the column; both read as "any other reason".
    assert stored == {"old.txt": "unreadable", "a.jsonl:3": "unreadable"}
