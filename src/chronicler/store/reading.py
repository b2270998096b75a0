"""The read side of ``Store``: mentions filtered and paged, the timeline's counts, the map's rows,
one mention with its document, documents, failures and counts of rows."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from chronicler.records import EventMention
from chronicler.store import query, revisions
from chronicler.store.records import StoredDocument, StoredFailure, StoredRevision
from chronicler.store.rows import decode_mention, stored_document, stored_failure
from chronicler.store.tables import (
    documents,
    event_mentions,
    failures,
    superseded_documents,
    superseded_mentions,
)


class Reading:
    """What ``Store`` reads; it gives the engine and the guard."""

    _engine: Engine

    def _guard(self, action: str) -> AbstractContextManager[None]:
        raise NotImplementedError

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
        hidden: Collection[str] = (),
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
        - ``hidden``: collections whose documents' mentions are left out (``Collections.hidden``).

        Undated events come last. A bad ``since``, ``until``, ``country`` or ``limit`` raises
        ValueError saying what to write instead.
        """
        filters: dict[str, Any] = {"event": event, "since": since, "until": until, "place": place,
                                   "country": country, "historical": historical, "text": text,
                                   "hidden": hidden}  # fmt: skip
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

    def get_event(
        self, event_id: str, hidden: Collection[str] = ()
    ) -> tuple[EventMention, StoredDocument] | None:
        """The event mention in the latest revision of its document, and that document; None for
        an id no latest revision has (``get_superseded_event`` looks in the earlier ones), or one
        read from a document in a ``hidden`` collection."""
        stmt = (
            select(event_mentions.c.record, documents)
            .join(documents, documents.c.id == event_mentions.c.doc_id)
            .where(event_mentions.c.id == event_id)
        )
        if hidden:
            stmt = stmt.where(query.visible_documents(hidden))
        with self._guard(f"read event {event_id!r}"), self._engine.connect() as conn:
            row = conn.execute(stmt).mappings().first()
            number = revisions.revision_numbers(conn, [row["id"]]) if row is not None else {}
        if row is None:
            return None
        return decode_mention(row["record"]), stored_document(row, number[row["id"]])

    def get_superseded_event(
        self, event_id: str, hidden: Collection[str] = ()
    ) -> tuple[EventMention, StoredDocument] | None:
        """The event mention in the newest superseded revision that has it, and that revision
        (None where its document is in a ``hidden`` collection)."""
        with self._guard(f"read event {event_id!r}"), self._engine.connect() as conn:
            found = revisions.superseded_event(conn, event_id)
            if found is not None and hidden and self._in_hidden(conn, found[1].document.id, hidden):
                return None
        return None if found is None else (decode_mention(found[0]), found[1])

    @staticmethod
    def _in_hidden(conn: Connection, doc_id: str, hidden: Collection[str]) -> bool:
        # Every revision of a document stays in the collection of its first: the latest says it.
        found = conn.execute(select(documents.c.collection).where(documents.c.id == doc_id)).scalar()
        return found in hidden

    def document_revisions(self, doc_ids: Sequence[str]) -> dict[str, list[StoredRevision]]:
        """Every revision of each stored document of ``doc_ids``, oldest first, with its mentions."""
        with self._guard("read document revisions"), self._engine.connect() as conn:
            return revisions.revisions(conn, doc_ids)

    def list_documents(
        self, *, after: str | None = None, limit: int = 50, hidden: Collection[str] = ()
    ) -> list[dict[str, Any]]:
        """The stored documents (latest revisions) by id, after ``after``: id, title, url, outlet,
        published, language, when stored, and how many event mentions were read in each; none of
        a ``hidden`` collection."""
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
        if hidden:
            stmt = stmt.where(query.visible_documents(hidden))
        with self._guard("list documents"), self._engine.connect() as conn:
            return [dict(row) for row in conn.execute(stmt).mappings()]

    def latest_revision(self, doc_id: str) -> int | None:
        """The revision number of the stored document ``doc_id``; None when it is not stored."""
        with self._guard(f"look up document {doc_id!r}"), self._engine.connect() as conn:
            return revisions.revision_numbers(conn, [doc_id]).get(doc_id)

    def list_failures(self, hidden: Collection[str] = ()) -> list[StoredFailure]:
        """The stored failures, oldest first (then by source); none met ingesting into a ``hidden``
        collection."""
        stmt = select(failures).order_by(failures.c.recorded_at, failures.c.source, failures.c.id)
        if hidden:
            stmt = stmt.where(query.visible_documents(hidden, failures.c.collection))
        with self._guard("read failures"), self._engine.connect() as conn:
            return [stored_failure(row) for row in conn.execute(stmt).mappings()]

    def mentions(self, ids: Collection[str]) -> list[EventMention]:
        """The latest mentions of these ids (rejected ones too), by id."""
        stmt = (
            select(event_mentions.c.record)
            .where(event_mentions.c.id.in_(sorted(ids)))
            .order_by(event_mentions.c.id)
        )
        with self._guard("read event mentions"), self._engine.connect() as conn:
            return [decode_mention(record) for record in conn.execute(stmt).scalars()]

    def hidden_mention_ids(self, hidden: Collection[str]) -> frozenset[str]:
        """The ids of the latest mentions read from documents in the ``hidden`` collections."""
        if not hidden:
            return frozenset()
        stmt = select(event_mentions.c.id).where(event_mentions.c.doc_id.in_(query.hidden_documents(hidden)))
        with self._guard("read the collections' mentions"), self._engine.connect() as conn:
            return frozenset(conn.execute(stmt).scalars())

    def stats(self) -> dict[str, int]:
        """How many rows each table holds: documents, failures, event_mentions (the latest
        revisions) and superseded_documents, superseded_mentions (the earlier ones)."""
        tables = (documents, failures, event_mentions, superseded_documents, superseded_mentions)
        with self._guard("count rows"), self._engine.connect() as conn:
            counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}
        return {name: int(n) for name, n in counts.items()}
