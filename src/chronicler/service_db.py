"""The service behind ``chronicler db``: a database's schema revision, migrating it, and copying a
whole database to another (a laptop's SQLite file to the team's PostgreSQL server)."""

from __future__ import annotations

from collections.abc import Callable

from chronicler.config import Settings
from chronicler.store import schema
from chronicler.store.copy import TableCopy
from chronicler.store.schema import SchemaState

__all__ = ["SchemaState", "TableCopy", "copy", "downgrade", "revisions", "state", "upgrade"]


def state(settings: Settings) -> SchemaState:
    return schema.state(settings.db_url)


def revisions() -> list[tuple[str, str]]:
    return schema.revisions()


def upgrade(settings: Settings, revision: str = "head") -> SchemaState:
    return schema.move(settings.db_url, revision)


def downgrade(settings: Settings, revision: str) -> SchemaState:
    return schema.move(settings.db_url, revision, down=True)


def copy(source: str, target: str, progress: Callable[[str, int], None] | None = None) -> list[TableCopy]:
    return schema.copy(source, target, progress)
