"""Records to rows and back. The event JSON is stored as text and returned unchanged."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from chronicler.errors import StoreError
from chronicler.records import ConsolidatedEvent, Document, EventMention, ReadFailure


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
    return {
        "id": event.id,
        "position": position,
        "event": event.event,
        "date": event.date,
        "country_code": loc.country_code if loc else None,
        "historical": event.historical,
        "record": encode_consolidated(event),
    }


def member_rows(events: Sequence[ConsolidatedEvent]) -> list[dict[str, Any]]:
    return [{"mention_id": m, "event_id": e.id} for e in events for m in e.mentions]


def decode_record(text: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(text)
    return record


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
        "content_hash": content_hash,
        "recorded_at": recorded_at,
    }


def document_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """A document row as plain JSON-ready values; ``ingested_at`` as an ISO 8601 UTC string."""
    out = dict(row)
    ingested = out.get("ingested_at")
    if isinstance(ingested, dt.datetime):
        # SQLite gives back naive datetimes; they were written in UTC.
        if ingested.tzinfo is None:
            ingested = ingested.replace(tzinfo=dt.UTC)
        out["ingested_at"] = ingested.astimezone(dt.UTC).isoformat()
    return out


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
