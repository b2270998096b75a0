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
from collections.abc import Mapping, Sequence
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
from chronicler.store.connect import create_store_engine, parse_target, require_existing, safe_url
from chronicler.store.guard import guarded
from chronicler.store.locks import exclusive
from chronicler.store.records import StoredDocument, StoredDocumentFacts, StoredFailure, StoredRevision
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
    stored_document,
    stored_failure,
)
from chronicler.store.tables import (
    consolidated_events,
    consolidated_members,
    document_keys,
    documents,
    event_mentions,
    failures,
    superseded_documents,
    superseded_mentions,
)
from chronicler.store.users import Users


class Store:
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

    def save_extraction(self, extraction: Extraction) -> int:
        """Store a document and its event mentions in one transaction; return how many mentions.

        Idempotent: when any revision of a stored document has the same content hash, nothing
        is written and 0 is returned (re-reading an older version reverts nothing). When a
        document with the same ``id`` but another content hash is stored (the article was
        edited), this is its next revision: the stored one and its mentions move to the
        superseded tables (``revisions.supersede``) and the new one takes their place, in one
        transaction, so a reader never sees old and new mixed and no figure is lost.
        """
        doc = extraction.document
        mention_rows = [mention_row(m) for m in extraction.mentions]
        _check_mentions(doc.id, mention_rows)
        try:
            return self._save(doc, mention_rows)
        except StoreError as exc:
            # Another process stored this very text between our look and our write (two ingests
            # of one corpus at once): its transaction won, ours was rolled back; nothing to do.
            if isinstance(exc.__cause__, IntegrityError) and self.has_document(doc.content_hash):
                return 0
            raise

    def _save(self, doc: Document, mention_rows: list[dict[str, Any]]) -> int:
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
                conn.execute(insert(documents).values(row))
            if mention_rows:
                conn.execute(insert(event_mentions), mention_rows)
                refresh_reviewed(conn, [r["id"] for r in mention_rows])  # judgements outlive re-reading
        return len(mention_rows)

    def save_failure(self, failure: ReadFailure, content_hash: str | None = None) -> None:
        """Record a document that could not be read; the same source and reason are stored once."""
        row = failure_row(failure, content_hash, now_utc())
        with self._guard(f"record the failure of {failure.source!r}"), self._engine.begin() as conn:
            _insert_ignoring_conflict(conn, failures, row, ["source", "reason"])

    # -- reading ---------------------------------------------------------------------------

    def query_events(
        self,
        *,
        event: str | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        country: str | None = None,
        historical: bool | None = None,
        limit: int | None = None,
        after: query.Cursor | None = None,
        text: str | None = None,
    ) -> list[EventMention]:
        """The stored event mentions that match, by date then id (``to_json`` gives their JSON back).

        - ``event``: PLOVER type, any case ("protest" finds PROTEST).
        - ``since``/``until``: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; an event matches when its
          period overlaps the window, so "2019-11" is within ``since="2019-11-01"`` and within
          ``until="2019-11-01"``; undated events never match (see ``chronicler.store.query``).
        - ``place``: the resolved place, its admin1 or the place as written, ignoring case.
        - ``country``: ISO 3166-1 alpha-2 ("IR"); alpha-3 ("IRN") and English names also work.
        - ``historical``: only background events (True) or only current ones (False).
        - ``text``: words the evidence sentence contains, ignoring case.

        Undated events come last. A bad ``since``, ``until``, ``country`` or ``limit`` raises
        ValueError saying what to write instead.
        """
        filters: dict[str, Any] = {"event": event, "since": since, "until": until, "place": place,
                                   "country": country, "historical": historical, "text": text}  # fmt: skip
        with self._guard("query events"), self._engine.connect() as conn:

            def run(part: query.Part, after: query.Cursor | None, limit: int | None) -> list[EventMention]:
                stmt = query.events_select(**filters, limit=limit, after=after, part=part)
                return [decode_mention(record) for record in conn.execute(stmt).scalars()]

            if limit is None and after is None:
                return run("all", None, None)
            # A page: the dated side, then the undated, each in an order the date index serves.
            in_undated = after is not None and after[0] == 1
            found = [] if in_undated else run("dated", after, limit)
            if limit is None or len(found) < limit:
                rest = None if limit is None else limit - len(found)
                found += run("undated", after if in_undated else None, rest)
            return found

    def count_events_by_day(self, **filters: Any) -> list[tuple[str, str, int]]:
        """(day, PLOVER type, mentions) for the mentions dated to the day that pass the filters of
        ``query_events``, in day order: a timeline."""
        with self._guard("count events by day"), self._engine.connect() as conn:
            rows = conn.execute(query.per_day_select(**filters))
            return [(str(row[0]), str(row[1]), int(row[2])) for row in rows]

    def map_rows(self, **filters: str | None) -> list[tuple[Any, ...]]:
        """The consolidated events' map columns (``query.MAP_COLUMNS``, in that order), by position."""
        with self._guard("read the map rows"), self._engine.connect() as conn:
            return [tuple(row) for row in conn.execute(query.map_select(**filters))]

    def get_event(self, event_id: str) -> tuple[EventMention, StoredDocument] | None:
        """The event mention in the latest revision of its document, and that document; None for
        an id no latest revision has (``get_superseded_event`` looks in the earlier ones)."""
        stmt = (
            select(event_mentions.c.record, documents)
            .join(documents, documents.c.id == event_mentions.c.doc_id)
            .where(event_mentions.c.id == event_id)
        )
        with self._guard(f"read event {event_id!r}"), self._engine.connect() as conn:
            row = conn.execute(stmt).mappings().first()
            number = revisions.revision_numbers(conn, [row["id"]]) if row is not None else {}
        if row is None:
            return None
        return decode_mention(row["record"]), stored_document(row, number[row["id"]])

    def get_superseded_event(self, event_id: str) -> tuple[EventMention, StoredDocument] | None:
        """The event mention in the newest superseded revision that has it, and that revision."""
        with self._guard(f"read event {event_id!r}"), self._engine.connect() as conn:
            found = revisions.superseded_event(conn, event_id)
        return None if found is None else (decode_mention(found[0]), found[1])

    def document_revisions(self, doc_ids: Sequence[str]) -> dict[str, list[StoredRevision]]:
        """Every revision of each stored document of ``doc_ids``, oldest first, with its mentions."""
        with self._guard("read document revisions"), self._engine.connect() as conn:
            return revisions.revisions(conn, doc_ids)

    def list_documents(self, *, after: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """The stored documents (latest revisions) by id, after ``after``: id, title, url, outlet,
        published, language, when stored, and how many event mentions were read in each."""
        mentions = (
            select(event_mentions.c.doc_id, func.count().label("mentions"))
            .group_by(event_mentions.c.doc_id)
            .subquery()
        )
        count = func.coalesce(mentions.c.mentions, 0).label("mentions")
        d = documents.c
        stmt = (
            select(d.id, d.title, d.url, d.outlet, d.published, d.language, d.ingested_at, count)
            .outerjoin(mentions, mentions.c.doc_id == d.id)
            .order_by(d.id)
            .limit(limit)
        )
        if after is not None:
            stmt = stmt.where(d.id > after)
        with self._guard("list documents"), self._engine.connect() as conn:
            return [dict(row) for row in conn.execute(stmt).mappings()]

    def latest_revision(self, doc_id: str) -> int | None:
        """The revision number of the stored document ``doc_id``; None when it is not stored."""
        with self._guard(f"look up document {doc_id!r}"), self._engine.connect() as conn:
            return revisions.revision_numbers(conn, [doc_id]).get(doc_id)

    def list_failures(self) -> list[StoredFailure]:
        """The stored failures, oldest first (then by source)."""
        stmt = select(failures).order_by(failures.c.recorded_at, failures.c.source, failures.c.id)
        with self._guard("read failures"), self._engine.connect() as conn:
            return [stored_failure(row) for row in conn.execute(stmt).mappings()]

    def stats(self) -> dict[str, int]:
        """How many rows each table holds: documents, failures, event_mentions (the latest
        revisions) and superseded_documents, superseded_mentions (the earlier ones)."""
        tables = (documents, failures, event_mentions, superseded_documents, superseded_mentions)
        with self._guard("count rows"), self._engine.connect() as conn:
            counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}
        return {name: int(n) for name, n in counts.items()}

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

    def document_facts(self) -> list[StoredDocumentFacts]:
        """Per document, by id: id, published, outlet, url and signature (None when not computed)."""
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

