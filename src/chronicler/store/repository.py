"""``Store``: the one place chronicler writes, over SQLAlchemy Core (SQLite or PostgreSQL).

    store = Store.open("~/chronicler/events.db")        # or sqlite:///..., postgresql+psycopg://...
    store.save_extraction(extraction)                    # idempotent by content hash; a new
                                                         # text under a stored id: a new revision
    store.query_events(event="PROTEST", since="2019-11", country="IR")  # -> [EventMention, ...]

Reading gives records back: the ``EventMention`` and ``ConsolidatedEvent`` records that were
stored and, for what only the store knows, those of ``chronicler.store.records``.

Every database error comes out as ``StoreError`` naming the database (never its password) and
what to do about it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self

from alembic.util import CommandError
from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from chronicler.errors import StoreError
from chronicler.records import ConsolidatedEvent, Document, EventMention, Extraction, ReadFailure
from chronicler.store import migrate, query, revisions
from chronicler.store.collections import Collections
from chronicler.store.connect import create_store_engine, parse_target, require_existing, safe_url
from chronicler.store.guard import guarded
from chronicler.store.locks import exclusive
from chronicler.store.reading import Reading
from chronicler.store.records import StoredDocumentFacts
from chronicler.store.reviews import Reviews
from chronicler.store.reviews import refresh as refresh_reviewed
from chronicler.store.rows import (
    consolidated_row,
    decode_consolidated,
    decode_mention,
    document_facts,
    document_row,
    failure_row,
    member_rows,
    mention_row,
    now_utc,
)
from chronicler.store.tables import (
    consolidated_events,
    consolidated_members,
    document_keys,
    documents,
    event_mentions,
    failures,
)
from chronicler.store.users import Users


class Store(Reading):
    """A chronicler database. Open with ``Store.open``; use as a context manager or ``close()``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, url_or_path: str, *, create: bool = True) -> Store:
        """Open (creating if need be) the database and upgrade its schema to the newest migration.

        ``url_or_path`` is a SQLAlchemy URL (``sqlite:///events.db``,
        ``postgresql+psycopg://user@host/db``) or a plain file path, which means a SQLite file;
        missing parent folders are created. SQLite runs with WAL and foreign keys on.
        ``create=False`` (for reading) makes a missing SQLite file a ``StoreError`` instead: a
        mistyped path must not leave an empty database behind and answer "nothing found".
        """
        target = parse_target(url_or_path)
        if not create:
            require_existing(target)
        engine = create_store_engine(target)
        store = cls(engine)
        try:
            with store._guard("bring the schema up to date"), engine.begin() as conn:
                migrate.upgrade(conn)
        except CommandError as exc:
            engine.dispose()
            raise StoreError(
                f"{store.url}: the schema cannot be brought up to date ({exc}); the database was "
                "probably written by a newer chronicler: upgrade chronicler, or use another database"
            ) from exc
        except BaseException:
            engine.dispose()
            raise
        return store

    @property
    def reviews(self) -> Reviews:
        """Reviewers' judgements of this store's mentions (``store.reviews``)."""
        return Reviews(self._engine, self._guard)

    @property
    def collections(self) -> Collections:
        """Named sets of documents, private ones seen only by their members."""
        return Collections(self._engine, self._guard)

    @property
    def users(self) -> Users:
        """The accounts of a served database (``chronicler users``)."""
        return Users(self._engine, self._guard)

    @property
    def url(self) -> str:
        """The database URL with any password masked."""
        return safe_url(self._engine.url)

    # -- writing ---------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """Whether any revision of a stored document, the latest or an earlier one, has this hash."""
        with self._guard("look up a document"), self._engine.connect() as conn:
            return revisions.hash_is_stored(conn, content_hash)

    def save_extraction(self, extraction: Extraction, collection: str | None = None) -> int:
        """Store a document and its event mentions in one transaction; return how many mentions.

        Idempotent: when any revision of a stored document has the same content hash, nothing
        is written and 0 is returned (re-reading an older version reverts nothing). When a
        document with the same ``id`` but another content hash is stored (the article was
        edited), this is its next revision: the stored one and its mentions move to the
        superseded tables (``revisions.supersede``) and the new one takes their place, in one
        transaction, so a reader never sees old and new mixed and no figure is lost.
        ``collection``: where a new document goes (None: the shared one); a new revision stays
        in the collection of the document it revises.
        """
        doc = extraction.document
        mention_rows = [mention_row(m) for m in extraction.mentions]
        _check_mentions(doc.id, mention_rows)
        try:
            return self._save(doc, mention_rows, collection)
        except StoreError as exc:
            # Another process stored this very text between our look and our write (two ingests
            # of one corpus at once): its transaction won, ours was rolled back; nothing to do.
            if isinstance(exc.__cause__, IntegrityError) and self.has_document(doc.content_hash):
                return 0
            raise

    def _save(self, doc: Document, mention_rows: list[dict[str, Any]], collection: str | None) -> int:
        with self._guard(f"store document {doc.id!r}"), self._engine.begin() as conn:
            if revisions.hash_is_stored(conn, doc.content_hash):
                return 0
            row = document_row(doc, now_utc())
            if _document_exists(conn, doc.id):
                revisions.supersede(conn, doc.id)
                conn.execute(delete(event_mentions).where(event_mentions.c.doc_id == doc.id))
                # The old text's near-duplicate signature no longer describes the document.
                conn.execute(delete(document_keys).where(document_keys.c.doc_id == doc.id))
                conn.execute(update(documents).where(documents.c.id == doc.id).values(row))
            else:
                conn.execute(insert(documents).values({**row, "collection": collection}))
            if mention_rows:
                conn.execute(insert(event_mentions), mention_rows)
                refresh_reviewed(conn, [r["id"] for r in mention_rows])  # judgements outlive re-reading
        return len(mention_rows)

    def save_failure(
        self, failure: ReadFailure, content_hash: str | None = None, collection: str | None = None
    ) -> None:
        """Record a document that could not be read; the same source and reason are stored once."""
        row = failure_row(failure, content_hash, now_utc()) | {"collection": collection}
        with self._guard(f"record the failure of {failure.source!r}"), self._engine.begin() as conn:
            _insert_ignoring_conflict(conn, failures, row, ["source", "reason"])

    # -- consolidation -----------------------------------------------------------------------

    def load_mentions(self) -> list[EventMention]:
        """Every stored event mention a reviewer has not rejected, as a record, by id."""
        stmt = select(event_mentions.c.record).where(query.not_rejected()).order_by(event_mentions.c.id)
        with self._guard("read event mentions"), self._engine.connect() as conn:
            return [decode_mention(text) for text in conn.execute(stmt).scalars()]

    def missing_signatures(self) -> list[tuple[str, str]]:
        """(doc id, text) of the documents without a near-duplicate signature yet, by id."""
        stmt = (
            select(documents.c.id, documents.c.text)
            .outerjoin(document_keys, document_keys.c.doc_id == documents.c.id)
            .where(document_keys.c.doc_id.is_(None))
            .order_by(documents.c.id)
        )
        with self._guard("find documents without a signature"), self._engine.connect() as conn:
            return [(row.id, row.text) for row in conn.execute(stmt)]

    def save_signatures(self, signatures: Mapping[str, bytes]) -> None:
        """Store each document's near-duplicate signature, replacing any it had."""
        if not signatures:
            return
        rows = [{"doc_id": d, "signature": s, "representative": None} for d, s in sorted(signatures.items())]
        with self._guard("store document signatures"), self._engine.begin() as conn:
            conn.execute(delete(document_keys).where(document_keys.c.doc_id.in_(list(signatures))))
            conn.execute(insert(document_keys), rows)

    def document_facts(self, hidden: Collection[str] = ()) -> list[StoredDocumentFacts]:
        """Per document, by id: id, published, outlet, url and signature (None when not computed);
        none in a ``hidden`` collection."""
        stmt = (
            select(
                documents.c.id,
                documents.c.published,
                documents.c.outlet,
                documents.c.url,
                document_keys.c.signature,
            )
            .outerjoin(document_keys, document_keys.c.doc_id == documents.c.id)
            .order_by(documents.c.id)
        )
        if hidden:
            stmt = stmt.where(query.visible_documents(hidden))
        with self._guard("read document facts"), self._engine.connect() as conn:
            return [document_facts(row) for row in conn.execute(stmt).mappings()]

    def replace_consolidated(
        self, events: Sequence[ConsolidatedEvent], representatives: Mapping[str, str] | None = None
    ) -> None:
        """Replace the consolidated events (and each document's representative) in one transaction.

        A failure part-way leaves the previous result exactly as it was.
        """
        event_rows = [consolidated_row(e, i) for i, e in enumerate(events)]
        members = member_rows(events)
        with self._guard("store the consolidated events"), self._engine.begin() as conn:
            conn.execute(delete(consolidated_members))
            conn.execute(delete(consolidated_events))
            if event_rows:
                conn.execute(insert(consolidated_events), event_rows)
            if members:
                conn.execute(insert(consolidated_members), members)
            for doc_id, rep in sorted((representatives or {}).items()):
                conn.execute(
                    update(document_keys).where(document_keys.c.doc_id == doc_id).values(representative=rep)
                )

    def load_consolidated(self) -> list[ConsolidatedEvent]:
        """The last consolidation's events as records, in the order it produced them."""
        stmt = select(consolidated_events.c.record).order_by(consolidated_events.c.position)
        with self._guard("read consolidated events"), self._engine.connect() as conn:
            return [decode_consolidated(text) for text in conn.execute(stmt).scalars()]

    def get_consolidated(self, event_id: str) -> ConsolidatedEvent | None:
        stmt = select(consolidated_events.c.record).where(consolidated_events.c.id == event_id)
        with self._guard(f"read consolidated event {event_id!r}"), self._engine.connect() as conn:
            text = conn.execute(stmt).scalar_one_or_none()
        return None if text is None else decode_consolidated(text)

    def exclusive(self, name: str) -> AbstractContextManager[None]:
        """Hold the lock ``name`` for this database while the body runs (``store.locks``)."""
        return exclusive(self._engine, name)

    # -- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def _guard(self, action: str) -> AbstractContextManager[None]:
        return guarded(self.url, action)


def _check_mentions(doc_id: str, rows: list[dict[str, Any]]) -> None:
    strays = sorted({r["id"] for r in rows if r["doc_id"] != doc_id})
    if strays:
        raise StoreError(
            f"document {doc_id!r}: events {strays} name another doc_id; an extraction's "
            "events must all belong to its document"
        )
    repeated = sorted(i for i, n in Counter(r["id"] for r in rows).items() if n > 1)
    if repeated:
        raise StoreError(f"document {doc_id!r}: event ids {repeated} occur twice; event ids must be unique")


def _document_exists(conn: Connection, doc_id: str) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def _insert_ignoring_conflict(conn: Connection, table: Table, row: dict[str, Any], keys: list[str]) -> None:
    """INSERT that does nothing when ``keys`` already hold these values (both dialects say so)."""
    if conn.dialect.name == "postgresql":
        conn.execute(postgresql.insert(table).values(row).on_conflict_do_nothing(index_elements=keys))
    elif conn.dialect.name == "sqlite":
        conn.execute(sqlite.insert(table).values(row).on_conflict_do_nothing(index_elements=keys))
    else:
        match = [table.c[k] == row[k] for k in keys]
        if conn.execute(select(func.count()).select_from(table).where(*match)).scalar_one() == 0:
            conn.execute(insert(table).values(row))

