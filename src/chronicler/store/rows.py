"""Records to rows and back. The event JSON is stored as text; reading it gives the record back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from chronicler.consolidate.load import consolidated_from_json, mention_from_json
from chronicler.errors import StoreError
from chronicler.records import ConsolidatedEvent, Document, EventMention, ReadFailure
from chronicler.store.records import StoredDocument, StoredDocumentFacts, StoredFailure


def encode_record(mention: EventMention) -> str:
    """The event JSON as compact text; refuses NaN and infinities, which are not JSON."""
    try:
        return json.dumps(mention.to_json(), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError as exc:
        raise StoreError(
            f"event {mention.id!r} of document {mention.doc_id!r} cannot be stored: {exc}; "
            "every number in an event must be finite"
        ) from exc


def encode_consolidated(event: ConsolidatedEvent) -> str:
    try:
        return json.dumps(event.to_json(), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError as exc:
        raise StoreError(
            f"consolidated event {event.id!r} cannot be stored: {exc}; every number must be finite"
        ) from exc


def consolidated_row(event: ConsolidatedEvent, position: int) -> dict[str, Any]:
    loc = event.event_loc
    town = loc is not None and loc.resolution == "city"
    return {
        "id": event.id,
        "position": position,
        "event": event.event,
        "date": event.date,
        "country_code": loc.country_code if loc else None,
        "historical": event.historical,
        "record": encode_consolidated(event),
        "mode": event.mode,
        "enddate": event.enddate,
        "place": loc.resolved_place if loc else None,
        "admin1": loc.admin1 if loc else None,
        "geo_precision": loc.resolution if loc else None,
        "latitude": loc.lat if loc is not None and town else None,
        "longitude": loc.lon if loc is not None and town else None,
        "mentions": len(event.mentions),
        "documents": len(event.documents),
        "disagreement": event.disagreement,
    }


def member_rows(events: Sequence[ConsolidatedEvent]) -> list[dict[str, Any]]:
    return [{"mention_id": m, "event_id": e.id} for e in events for m in e.mentions]


def decode_record(text: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(text)
    return record


def decode_mention(text: str) -> EventMention:
    """The record ``encode_record`` stored: ``decode_mention(encode_record(m)) == m``."""
    return mention_from_json(decode_record(text))


def decode_consolidated(text: str) -> ConsolidatedEvent:
    return consolidated_from_json(decode_record(text))


def document_row(document: Document, ingested_at: dt.datetime) -> dict[str, Any]:
    return {
        "id": document.id,
        "content_hash": document.content_hash,
        "source": document.source,
        "url": document.url,
        "title": document.title,
        "published": document.published,
        "published_inferred": document.published_inferred,
        "outlet": document.outlet,
        "language": document.language,
        "text": document.text,
        "ingested_at": ingested_at,
    }


def mention_row(mention: EventMention) -> dict[str, Any]:
    loc = mention.event_loc
    return {
        "id": mention.id,
        "doc_id": mention.doc_id,
        "event": mention.event,
        "mode": mention.mode,
        "date": mention.date,
        "enddate": mention.enddate,
        "country_code": loc.country_code if loc else None,
        "place": loc.resolved_place if loc else None,
        "extracted_place": loc.extracted_place if loc else None,
        "admin1": loc.admin1 if loc else None,
        "historical": mention.historical,
        "modality": mention.modality,
        "extractor": mention.extractor,
        "confidence": mention.confidence,
        "start": mention.start,
        "end": mention.end,
        "record": encode_record(mention),
    }


def failure_row(failure: ReadFailure, content_hash: str | None, recorded_at: dt.datetime) -> dict[str, Any]:
    return {
        "source": failure.source,
        "reason": failure.reason,
        "code": failure.code,
        "content_hash": content_hash,
        "recorded_at": recorded_at,
    }


def utc(stored: dt.datetime) -> dt.datetime:
    """A stored time as timezone-aware UTC."""
    # SQLite gives back naive datetimes; they were written in UTC.
    return (stored.replace(tzinfo=dt.UTC) if stored.tzinfo is None else stored).astimezone(dt.UTC)


def stored_failure(row: Mapping[Any, Any]) -> StoredFailure:
    """A ``failures`` row as the record it was stored from, with its ``recorded_at`` in UTC."""
    recorded: dt.datetime = row["recorded_at"]
    if recorded.tzinfo is None:  # SQLite gives back naive datetimes; they were written in UTC
        recorded = recorded.replace(tzinfo=dt.UTC)
    return StoredFailure(ReadFailure(row["source"], row["reason"], row["code"]), recorded)


def stored_document(row: Mapping[Any, Any], revision: int = 1, superseded: bool = False) -> StoredDocument:
    """A ``documents`` (or ``superseded_documents``) row as the record it was stored from, with its
    ``ingested_at`` in UTC and its revision number."""
    document = Document(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        content_hash=row["content_hash"],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        published_inferred=row["published_inferred"],
        outlet=row["outlet"],
        language=row["language"],
    )
    return StoredDocument(document, utc(row["ingested_at"]), revision, superseded)


def document_facts(row: Mapping[Any, Any]) -> StoredDocumentFacts:
    return StoredDocumentFacts(
        id=row["id"],
        published=row["published"],
        outlet=row["outlet"],
        url=row["url"],
        signature=row["signature"],
    )


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
