"""What the store's read side hands back beside the stage records of ``chronicler.records``.

Event mentions and consolidated events come back as the records they were stored from
(``EventMention``, ``ConsolidatedEvent``); these are the shapes only the store knows: a document
with the time it was stored, and the few facts of each document that consolidation reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chronicler.records import Document, ReadFailure


@dataclass(frozen=True)
class StoredDocument:
    """A stored document: the cleaned ``Document`` and when it was stored (timezone-aware UTC)."""

    document: Document
    ingested_at: dt.datetime


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
