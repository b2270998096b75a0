"""Running the packaged Alembic migrations from code, without an alembic.ini on disk."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Alembic runs a migration through module-level state (``alembic.context``): two threads upgrading
# at once (a server answering requests in parallel) break each other, so one runs at a time.
_UPGRADING = threading.Lock()


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config for the packaged migrations; ``connection`` is handed to env.py."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the database on ``connection`` up to ``revision``; a no-op when it is there."""
    if revision == "head" and current_revision(connection) == head_revision():
        return  # the common case, every time a store is opened: no Alembic environment to set up
    with _UPGRADING:
        command.upgrade(alembic_config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    with _UPGRADING:
        command.downgrade(alembic_config(connection), revision)
