"""The migrations build exactly what tables.py describes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Connection, Index, MetaData, String, create_engine, inspect

from chronicler.store import Store, migrate
from chronicler.store.tables import metadata


def _not_the_search_index(name: str | None, kind: str, parent: Any) -> bool:
    # The evidence index is SQLite's FTS5 with its shadow tables, kept by triggers (migration
    # 0009), and PostgreSQL's generated column of words with its index (0010): none of it in
    # tables.py, all of it tested in tests/store/test_search.py.
    if kind == "table":
        return not (name or "").startswith("mention_search")
    return name not in ("evidence_words", "ix_event_mentions_evidence_words")


def _differences(conn: Connection, target: MetaData) -> list[Any]:
    opts = {"compare_type": True, "compare_server_default": True, "include_name": _not_the_search_index}
    context = MigrationContext.configure(conn, opts=opts)
    return list(compare_metadata(context, target))


def test_migrated_schema_matches_tables(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "events.db")) as store, store._engine.connect() as conn:
        assert _differences(conn, metadata) == []


def _with_extra_column(target: MetaData) -> None:
    target.tables["event_mentions"].append_column(Column("sentiment", String))


def _with_extra_index(target: MetaData) -> None:
    Index("ix_event_mentions_mode", target.tables["event_mentions"].c.mode)


@pytest.mark.parametrize("change", [_with_extra_column, _with_extra_index])
def test_the_comparison_does_see_differences(tmp_path: Path, change: Any) -> None:
    # Guards the test above against passing because compare_metadata looks at nothing.
    changed = MetaData(naming_convention=metadata.naming_convention)
    for table in metadata.tables.values():
        table.to_metadata(changed)
    change(changed)
    with Store.open(str(tmp_path / "events.db")) as store, store._engine.connect() as conn:
        assert _differences(conn, changed) != []


def test_downgrade_then_upgrade_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    Store.open(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            migrate.downgrade(conn, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        with engine.begin() as conn:
            migrate.upgrade(conn)
        with engine.connect() as conn:
            assert _differences(conn, metadata) == []
    finally:
        engine.dispose()
