"""Turning what the user typed into an engine: a SQLAlchemy URL, or a plain file path for SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from chronicler.errors import StoreError


def parse_target(url_or_path: str) -> URL:
    """A SQLAlchemy URL for ``url_or_path``; anything without ``://`` is a SQLite file path."""
    if "://" not in url_or_path:
        return URL.create("sqlite", database=str(Path(url_or_path).expanduser()))
    try:
        url = make_url(url_or_path)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(
            f"{url_or_path!r} is not a database URL: write e.g. sqlite:///events.db, "
            "postgresql://user@host/db, or a plain file path"
        ) from exc
    # SQLAlchemy would read a bare postgresql:// as psycopg2, a driver chronicler does not install.
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    return url


def safe_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def is_sqlite_file(url: URL) -> bool:
    database = url.database or ""
    return (
        url.get_backend_name() == "sqlite"
        and database not in ("", ":memory:")
        and not (database.startswith("file:") or url.query.get("mode") == "memory")
    )


def require_existing(url: URL) -> None:
    """StoreError unless ``url`` names a SQLite file that exists (other databases are not checked:
    chronicler never creates those)."""
    if is_sqlite_file(url) and not Path(url.database or "").is_file():
        raise StoreError(
            f"no database at {url.database}: check --db or $CHRONICLER_DB (`chronicler ingest` creates one)"
        )


def create_store_engine(url: URL) -> Engine:
    """An engine for ``url``; for SQLite, the parent folder is made and the connection set up."""
    if is_sqlite_file(url):
        parent = Path(url.database or "").parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{safe_url(url)}: cannot create the folder {parent}: {exc}") from exc
    try:
        engine = create_engine(url)
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(
            f"{safe_url(url)}: no database driver for this URL ({exc}); "
            "install the driver it names; for PostgreSQL: pip install 'chronicler[pg]'"
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The sqlite3 module would BEGIN only before the first write, leaving a read-then-write
    # (is this hash stored? then insert) and DDL outside the transaction. Turn its own
    # transaction handling off and BEGIN in _sqlite_on_begin instead (SQLAlchemy's recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()
    # SQLite's own lower() folds ASCII only; case-insensitive place search needs "Īlām" too.
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)


def _sqlite_on_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value
