"""The service layer's pages: stored results a page at a time, with cursors that stay right while
documents are added (``chronicler serve`` answers from these; the CLI lists whole results).

A cursor is the sort key of the last item given, opaque to the client (base64url JSON); a cursor
this server did not give, or one of another list, is a ValueError.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from chronicler.config import Settings
from chronicler.records import ConsolidatedEvent, EventMention
from chronicler.service_collections import visible_events
from chronicler.service_filters import check_filters
from chronicler.store import Store
from chronicler.store.query import MAP_COLUMNS, sort_key
from chronicler.store.rows import consolidated_row

T = TypeVar("T")
MAX_PAGE = 500
CONTEXT_CHARS = 300


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next: str | None  # the cursor of the next page; None on the last


def encode_cursor(kind: str, key: Any) -> str:
    raw = json.dumps([kind, key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str) -> Any:
    try:
        found = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        found = None
    if not (isinstance(found, list) and len(found) == 2 and found[0] == kind):
        raise ValueError(f"cursor {cursor[:40]!r} is not one this server gave for {kind}")
    return found[1]


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit={limit}: give 1 to {MAX_PAGE}")
    return limit


def events_page(
    settings: Settings,
    *,
    limit: int = 50,
    cursor: str | None = None,
    hidden: frozenset[str] = frozenset(),
    **filters: Any,
) -> Page[EventMention]:
    """One page of the stored event mentions that pass ``filters`` (those of ``list_events``);
    ``hidden``, here and below: collections whose documents and all read from them are left out."""
    check_filters(settings, filters)
    after = None
    if cursor is not None:
        key = decode_cursor("events", cursor)
        if not (isinstance(key, list) and len(key) == 3 and key[0] in (0, 1)
                and all(isinstance(k, str) for k in key[1:])):  # fmt: skip
            raise ValueError(f"cursor {cursor[:40]!r} is not one this server gave for events")
        after = (key[0], key[1], key[2])
    size = _limit(limit)
    with Store.open(settings.db_url, create=False) as store:
        found = store.query_events(limit=size + 1, after=after, hidden=hidden, **filters)
    items = found[:size]
    more = len(found) > size
    return Page(
        items, encode_cursor("events", list(sort_key(items[-1].date, items[-1].id))) if more else None
    )


def consolidated_page(
    settings: Settings, *, limit: int = 50, cursor: str | None = None, hidden: frozenset[str] = frozenset()
) -> Page[ConsolidatedEvent]:
    """One page of the consolidated events, in the order of the last consolidation (first report)."""
    size = _limit(limit)
    start = 0
    if cursor is not None:
        start = decode_cursor("consolidated", cursor)
        if not isinstance(start, int) or start < 0:
            raise ValueError(f"cursor {cursor[:40]!r} is not one this server gave for consolidated")
    with Store.open(settings.db_url, create=False) as store:
        events = store.load_consolidated()
        # Cut the page first: only its own events are merged again without the hidden mentions
        # (a page may then hold fewer than ``limit``, never a hidden event).
        items = visible_events(store, settings, events[start : start + size], hidden)
    more = start + size < len(events)
    return Page(items, encode_cursor("consolidated", start + size) if more else None)


@dataclass(frozen=True)
class InContext:
    """One event mention with its evidence in the article around it."""

    event: EventMention
    document: dict[str, Any]
    before: str
    evidence: str
    after: str


def event_in_context(
    settings: Settings, event_id: str, hidden: frozenset[str] = frozenset()
) -> InContext | None:
    with Store.open(settings.db_url, create=False) as store:
        found = store.get_event(event_id, hidden)
    if found is None:
        return None
    event, stored = found
    doc = stored.document
    before, evidence, after = evidence_context(doc.text or "", event.start, event.end)
    return InContext(
        event=event,
        document={
            "id": doc.id,
            "title": doc.title,
            "url": doc.url,
            "outlet": doc.outlet,
            "published": doc.published,
            "language": doc.language,
            "revision": stored.revision,
        },
        before=before,
        evidence=evidence,
        after=after,
    )


def evidence_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The evidence ``text[start:end]`` with up to ``CONTEXT_CHARS`` of its article either side."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[start:end], text[end : end + CONTEXT_CHARS]


def documents_page(
    settings: Settings, *, limit: int = 50, cursor: str | None = None, hidden: frozenset[str] = frozenset()
) -> Page[dict[str, Any]]:
    """One page of the stored documents by id, each with its number of event mentions."""
    size = _limit(limit)
    after = decode_cursor("documents", cursor) if cursor is not None else None
    if after is not None and not isinstance(after, str):
        raise ValueError(f"cursor {str(cursor)[:40]!r} is not one this server gave for documents")
    with Store.open(settings.db_url, create=False) as store:
        found = store.list_documents(after=after, limit=size + 1, hidden=hidden)
    items = [row | {"ingested_at": row["ingested_at"].isoformat(timespec="seconds")} for row in found[:size]]
    return Page(items, encode_cursor("documents", items[-1]["id"]) if len(found) > size else None)


def timeline(
    settings: Settings, hidden: frozenset[str] = frozenset(), **filters: Any
) -> list[dict[str, Any]]:
    """Mentions per day and type for the filters of ``events_page`` (those dated to the day)."""
    check_filters(settings, filters)
    with Store.open(settings.db_url, create=False) as store:
        rows = store.count_events_by_day(hidden=hidden, **filters)
    return [{"date": day, "event": event, "count": n} for day, event, n in rows]


def map_points(
    settings: Settings,
    *,
    event: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    hidden: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """The consolidated events that pass the filters, each with a point only where it happened in a
    town: an event placed in a province or a country names it and has no point (its stored
    coordinates are the capital's, not the event's). Read from the columns each consolidation
    stores for the map (migration 0008), not from the records."""
    check_filters(settings, {"event": event, "since": since, "until": until})
    with Store.open(settings.db_url, create=False) as store:
        rows = store.map_rows(event=event, since=since, until=until, country=country)
        if hidden:
            rows = _visible_rows(store, settings, rows, hidden)
    return [
        {"id": ident, "event": kind, "mode": mode, "date": date, "place": place, "admin1": admin1,
         "country_code": country_code, "resolution": precision, "lat": lat, "lon": lon,
         "mentions": mentions or 0, "documents": documents or 0, "disagreement": bool(disagreement)}
        for (ident, _, kind, mode, date, _, place, admin1, country_code, precision, lat, lon, mentions,
             documents, disagreement) in rows
    ]  # fmt: skip


def _visible_rows(
    store: Store, settings: Settings, rows: list[tuple[Any, ...]], hidden: frozenset[str]
) -> list[tuple[Any, ...]]:
    """The map rows of events read partly from hidden documents made again from their public
    part (left out where they have none); the filters chose them by their stored columns."""
    secret = store.hidden_mention_ids(hidden)
    if not secret:
        return rows
    events = {e.id: e for e in store.load_consolidated()}
    out = []
    for row in rows:
        stored = events.get(str(row[0]))
        if stored is None or secret.isdisjoint(stored.mentions):
            out.append(row)
            continue
        for event in visible_events(store, settings, [stored], hidden):
            columns = consolidated_row(event, int(row[1]))
            out.append(tuple(columns.get(name) for name in MAP_COLUMNS))
    return out
