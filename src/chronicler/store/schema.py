"""The schema of a database as its administrator handles it: which migration it is at, moving it
up or down, and copying a whole database to another (``chronicler db``).

Unlike ``Store.open``, nothing here upgrades a database on the way in: ``current`` only reads,
and ``downgrade`` leaves the database at the revision asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from chronicler.errors import StoreError
from chronicler.store import migrate
from chronicler.store.connect import create_store_engine, parse_target, require_existing, safe_url
from chronicler.store.copy import TableCopy, copy_tables
from chronicler.store.guard import guarded


@dataclass(frozen=True)
class SchemaState:
    database: str  # the URL, password masked
    current: str | None  # None: no chronicler schema yet
    head: str  # the newest migration this chronicler knows

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def revisions() -> list[tuple[str, str]]:
    """(revision, what it does) of every migration, oldest first."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    found = [(s.revision, (s.doc or "").strip().splitlines()[0]) for s in script.walk_revisions()]
    return found[::-1]


@contextmanager
def _engine(url_or_path: str, *, must_exist: bool) -> Iterator[Engine]:
    target = parse_target(url_or_path)
    if must_exist:
        require_existing(target)
    engine = create_store_engine(target)
    try:
        yield engine
    finally:
        engine.dispose()


def state(url_or_path: str) -> SchemaState:
    """Where the database stands; it is read, never created or changed."""
    with _engine(url_or_path, must_exist=True) as engine, guarded(safe_url(engine.url), "read the schema"):
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
        return SchemaState(safe_url(engine.url), current, migrate.head_revision() or "")


def move(url_or_path: str, revision: str, *, down: bool = False) -> SchemaState:
    """Upgrade (``down=False``: creating the database where it does not exist) or downgrade to
    ``revision``, each step in one transaction; the state afterwards."""
    with _engine(url_or_path, must_exist=down) as engine:
        url = safe_url(engine.url)
        with guarded(url, "migrate the schema"), engine.begin() as conn:
            try:
                (migrate.downgrade if down else migrate.upgrade)(conn, revision)
            except CommandError as exc:
                raise StoreError(f"{url}: cannot move the schema to {revision!r}: {exc}") from exc
    return state(url_or_path)


def copy(source: str, target: str, progress: Callable[[str, int], None] | None = None) -> list[TableCopy]:
    """Copy every row of ``source`` into the empty database ``target`` (created and brought to the
    newest schema; the source is brought up to it first, as any command would). One transaction
    on the target: a copy whose counts or checksums differ from the source's is rolled back, and
    so is one that fails part-way, leaving the target as it was."""
    if parse_target(source) == parse_target(target):
        raise StoreError("the source and the target are the same database")
    require_existing(parse_target(source))
    move(source, "head")
    move(target, "head")
    with _engine(source, must_exist=True) as read, _engine(target, must_exist=True) as write:
        where = f"copy {safe_url(read.url)} to {safe_url(write.url)}"
        with guarded(safe_url(write.url), where), read.connect() as src, write.begin() as dst:
            copies = copy_tables(src, dst, progress)
            different = [c.table for c in copies if not c.same]
            if different:
                raise StoreError(f"{where}: the copy of {', '.join(different)} differs from the source "
                                 "(rows or checksum); nothing was kept in the target")  # fmt: skip
    return copies
