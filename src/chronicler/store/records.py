"""What the store's read side hands back beside the stage records of ``chronicler.records``.

Event mentions and consolidated events come back as the records they were stored from
(``EventMention``, ``ConsolidatedEvent``); these are the shapes only the store knows: a document
with the time it was stored, the few facts of each document that consolidation reads, and the
revisions of a document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chronicler.records import Document, EventMention, ReadFailure


@dataclass(frozen=True)
class StoredDocument:
    """A stored document: the cleaned ``Document``, when it was stored (timezone-aware UTC), and
    which revision of its id it is (1 the first ingested); ``superseded`` when a later one exists."""

    document: Document
    ingested_at: dt.datetime
    revision: int = 1
    superseded: bool = False


@dataclass(frozen=True)
class StoredRevision:
    """One revision of a document: its number, content hash, published date, when it was stored,
    and the event mentions found in its text. The latest is the most recently ingested."""

    doc_id: str
    revision: int
    content_hash: str
    published: str | None
    ingested_at: dt.datetime
    latest: bool
    mentions: tuple[EventMention, ...]


@dataclass(frozen=True)
class StoredDocumentFacts:
    """What consolidation reads of one stored document; ``signature`` is None until computed."""

    id: str
    published: str | None
    outlet: str | None
    url: str | None
    signature: bytes | None


@dataclass(frozen=True)
class StoredFailure:
    """A stored failure: the ``ReadFailure`` and when it was recorded (timezone-aware UTC)."""

    failure: ReadFailure
    recorded_at: dt.datetime


@dataclass(frozen=True)
class StoredUser:
    """An account: its name, role (viewer, editor or admin) and when it was made; never its token."""

    name: str
    role: str
    created_at: dt.datetime
