"""The service layer: what the CLI (and later the API and UI) call. No presentation here."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from chronicler.config import Settings
from chronicler.pipeline import process, read_documents
from chronicler.records import Document, Extraction, ReadFailure
from chronicler.store import Store


@dataclass
class IngestSummary:
    read: int = 0
    unchanged: int = 0
    stored: int = 0
    events: int = 0
    failures: list[ReadFailure] = field(default_factory=list)


def _safe_process(doc: Document, settings: Settings) -> Extraction | ReadFailure:
    try:
        return process(doc, settings.pack_dirs, settings.spacy_model)
    except Exception as exc:
        return ReadFailure(doc.source, f"extraction failed: {type(exc).__name__}: {exc}")


def extract(
    paths: Sequence[str], settings: Settings, *, stdin: TextIO | None = None
) -> Iterator[Extraction | ReadFailure]:
    """Read, clean and extract, storing nothing."""
    for item in read_documents(paths, stdin=stdin, max_bytes=settings.max_bytes):
        yield item if isinstance(item, ReadFailure) else _safe_process(item, settings)


def ingest(
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    on_document: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Read, clean, extract and store; documents already stored (same content hash) are skipped."""
    summary = IngestSummary()
    with Store.open(settings.db_url) as store:
        for item in read_documents(paths, stdin=stdin, max_bytes=settings.max_bytes):
            summary.read += 1
            if isinstance(item, ReadFailure):
                summary.failures.append(item)
                store.save_failure(item)
            elif store.has_document(item.content_hash):
                summary.unchanged += 1
            else:
                result = _safe_process(item, settings)
                if isinstance(result, ReadFailure):
                    summary.failures.append(result)
                    store.save_failure(result, item.content_hash)
                else:
                    summary.events += store.save_extraction(result)
                    summary.stored += 1
            if on_document is not None:
                on_document(item.source)
    return summary


def list_events(settings: Settings, **filters: Any) -> list[dict[str, Any]]:
    with Store.open(settings.db_url) as store:
        return store.query_events(**filters)


def show_event(settings: Settings, event_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    with Store.open(settings.db_url) as store:
        return store.get_event(event_id)
