"""Work that two chronicler processes must never do at once on one database, such as rebuilding the
consolidated events from what they read: each run's result replaces the last, so two runs that
interleave their reads and writes could store a result from an older state of the mentions."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

logger = logging.getLogger(__name__)


def lock_key(name: str) -> int:
    """The advisory lock's number for ``name``: a signed 64-bit integer, as PostgreSQL takes it."""
    return int.from_bytes(hashlib.sha256(f"chronicler.{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """Run the body while holding the database-wide lock ``name``, waiting for whoever holds it.

    On PostgreSQL a session-level advisory lock, on a connection of its own in autocommit (no
    transaction stays open while the body works): released when the body ends, however it ends,
    and by the server when the process dies. On SQLite nothing: a laptop's database has one user,
    and SQLite lets one writer in at a time anyway."""
    if engine.dialect.name != "postgresql":
        yield
        return
    key = {"key": lock_key(name)}
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), key).scalar_one():
            logger.warning("waiting for another chronicler process to finish: %s", name)
            conn.execute(text("SELECT pg_advisory_lock(:key)"), key)
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), key)
