"""Copying a whole chronicler database to another, on any backend, proven by checksums.

``copy_tables`` moves every row of every table of ``tables.metadata`` in foreign-key order, in
the caller's transaction on the target, then compares each table's row count and checksum on
both sides. The checksum does not depend on the backend: each row is written out as JSON of
backend-neutral values (instants in UTC, bytes in hex), hashed, and the sorted row hashes hashed
again, so that neither row order nor collation can make two equal tables differ. Indexes kept
by triggers (SQLite's full-text index) fill themselves as the rows arrive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text

from chronicler.errors import StoreError
from chronicler.store.tables import metadata

BATCH_ROWS = 1000


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int  # in the source
    checksum: str  # of the source's rows, hex SHA-256
    copied_rows: int  # in the target, after the copy
    copied_checksum: str

    @property
    def same(self) -> bool:
        return (self.rows, self.checksum) == (self.copied_rows, self.copied_checksum)


def _neutral(value: Any) -> Any:
    """A value as JSON holds it whatever the backend gave: SQLite hands back naive instants
    (stored as UTC), PostgreSQL aware ones."""
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, float):
        return repr(value)
    return value


def _row_digest(row: Sequence[Any]) -> bytes:
    encoded = json.dumps([_neutral(v) for v in row], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).digest()


def table_summary(conn: Connection, table: Table) -> tuple[int, str]:
    """The number of rows of ``table`` and their checksum."""
    digests = sorted(_row_digest(row) for row in _rows(conn, table))
    whole = hashlib.sha256()
    for digest in digests:
        whole.update(digest)
    return len(digests), whole.hexdigest()


def _rows(conn: Connection, table: Table) -> Iterable[Sequence[Any]]:
    # On the statement, not the connection: that would turn the target's inserts into server-side
    # cursors too, which PostgreSQL cannot executemany on.
    for partition in conn.execute(select(table).execution_options(yield_per=BATCH_ROWS)).partitions():
        yield from partition


def nonempty_tables(conn: Connection) -> list[str]:
    return [t.name for t in metadata.sorted_tables if conn.scalar(select(func.count()).select_from(t))]


def copy_tables(
    source: Connection, target: Connection, progress: Callable[[str, int], None] | None = None
) -> list[TableCopy]:
    """Copy every table from ``source`` to ``target`` (both at the same schema revision, the
    target empty) and return what each side holds afterwards. Commits nothing: the caller's
    transaction on ``target`` decides. ``progress(table, rows)`` is called after each batch."""
    filled = nonempty_tables(target)
    if filled:
        raise StoreError(f"the target database already holds rows ({', '.join(filled)}): "
                         "chronicler db copy fills only an empty database")  # fmt: skip
    copies = []
    for table in metadata.sorted_tables:
        copied = 0
        for partition in source.execute(select(table).execution_options(yield_per=BATCH_ROWS)).partitions():
            target.execute(insert(table), [row._asdict() for row in partition])
            copied += len(partition)
            if progress is not None:
                progress(table.name, len(partition))
        _restart_sequences(target, table)
        rows, checksum = table_summary(source, table)
        copied_rows, copied_checksum = table_summary(target, table)
        copies.append(TableCopy(table.name, rows, checksum, copied_rows, copied_checksum))
    return copies


def _restart_sequences(target: Connection, table: Table) -> None:
    """On PostgreSQL, rows copied with their ids leave the id sequence behind: the next row
    written would collide with the first copied one."""
    if target.dialect.name != "postgresql":
        return
    for column in table.primary_key.columns:
        if column.autoincrement is True:
            target.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:table, :column), "
                    f'coalesce(max("{column.name}"), 0) + 1, false) FROM "{table.name}"'
                ),
                {"table": table.name, "column": column.name},
            )
