"""The typed records that flow between chronicler's stages.

    read ──▶ RawDocument | ReadFailure ──clean──▶ Document ──extract──▶ Extraction(EventMention...)

Every record is a frozen dataclass: a stage takes records and returns new ones, it never
mutates what it was given. ``EventMention.to_json`` is the event JSON of SCHEMA.md, field
for field; nothing else in the code base writes that shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Qualifier = Literal["exact", "at_least", "more_than", "about", "range", "at_most", "less_than", "vague"]
CountKind = Literal["dead", "injured", "arrested", "participants", "other"]
Modality = Literal["asserted", "negated", "hedged", "future", "hypothetical"]
Resolution = Literal["city", "admin1", "country", "region"]


@dataclass(frozen=True)
class RawDocument:
    """One document as a reader found it: nothing interpreted yet.

    ``source`` names where it came from for error messages ("a/b.jsonl:12", "<stdin>").
    Exactly one of ``text`` or ``html`` is set by a well-formed reader.
    """

    source: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class ReadFailure:
    """A document that could not be read, cleaned or extracted, with the reason a person can act
    on and a code a program can (``FAILURE_CODES``)."""

    source: str
    reason: str
    code: str = "unreadable"


# ReadFailure.code: what went wrong, for a program; the reason says it for a person.
FAILURE_CODES = {
    "not_found": "no such file or directory",
    "unsupported_type": "a file of a kind chronicler does not read",
    "special_file": "a named pipe, socket or device: skipped without opening it",
    "symlink_loop": "a symbolic link that leads back to itself",
    "permission": "the file or directory may not be read",
    "io_error": "the operating system could not read it",
    "too_large": "over the max_bytes limit",
    "binary": "a NUL byte: not text",
    "not_utf8": "not UTF-8 text",
    "empty": "nothing but whitespace",
    "malformed_json": "not valid JSON",
    "too_deep": "JSON nested too deep to read",
    "not_a_document": "JSON that is not a document object with text or html",
    "no_text": "the cleaner found no article text",
    "timeout": "extraction ran past the per-document budget (doc_timeout)",
    "memory": "extraction passed the per-document memory budget (doc_memory_mb)",
    "worker_died": "the extraction worker ended without an answer",
    "extraction_error": "an error in extraction",
    "unreadable": "any other reason",
}


@dataclass(frozen=True)
class Document:
    """A cleaned document: the text that extraction reads and every offset refers to."""

    id: str
    source: str
    text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601, reduced to what is known: "2019-12-16", "2019-12", "2019"
    published_inferred: bool = False  # True when guessed from the page (a copyright year), not stated
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Entity:
    entity_text: str
    identifier_id: str | None = None
    identifier_text: str | None = None
    code: str | None = None
    sector: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "entity_text": self.entity_text,
            "identifier_id": self.identifier_id,
            "identifier_text": self.identifier_text,
            "code": self.code,
            "sector": self.sector,
        }


@dataclass(frozen=True)
class Location:
    extracted_place: str
    resolved_place: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    country_code: str | None
    resolution: Resolution

    def to_json(self) -> dict[str, Any]:
        return {
            "extracted_place": self.extracted_place,
            "resolved_place": self.resolved_place,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "country_code": self.country_code,
            "resolution": self.resolution,
        }


@dataclass(frozen=True)
class Count:
    kind: CountKind
    low: int | None
    high: int | None
    qualifier: Qualifier
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "text": self.text,
        }


@dataclass(frozen=True)
class Span:
    """Character offsets into ``Document.text``."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


ReviewStatus = Literal["confirmed", "corrected", "rejected"]


@dataclass(frozen=True)
class Review:
    """What reviewers said of a stored mention (``chronicler review``): beyond SCHEMA.md's fields,
    as its first line allows; absent from what ``extract`` writes."""

    status: ReviewStatus
    fields: tuple[str, ...] = ()  # the fields whose values are a reviewer's, not the extraction's
    reviewers: tuple[str, ...] = ()  # who judged it, in order
    at: str = ""  # ISO 8601 time of the latest judgement

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "fields": list(self.fields), "reviewers": list(self.reviewers),
                "at": self.at}  # fmt: skip


@dataclass(frozen=True)
class EventMention:
    """One event stated in one sentence: the unit of SCHEMA.md's event JSON."""

    id: str
    doc_id: str
    event: str
    mode: str | None
    text: str
    start: int
    end: int
    trigger: Span | None
    extractor: str
    confidence: float
    context: tuple[str, ...] = ()
    actor: tuple[Entity, ...] = ()
    recipient: tuple[Entity, ...] = ()
    date: str | None = None
    enddate: str | None = None
    event_loc: Location | None = None
    places: tuple[Location, ...] = ()
    counts: tuple[Count, ...] = ()
    claimed_by: Entity | None = None
    modality: Modality = "asserted"
    historical: bool = False
    outlet: str | None = None
    # Provenance beyond the contract: which extractor made each field, for `chronicler show`.
    provenance: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    review: Review | None = None  # a stored mention that a reviewer judged

    def to_json(self) -> dict[str, Any]:
        record = self._contract_json()
        if self.review is not None:
            record["review"] = self.review.to_json()
        return record

    def _contract_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [e.to_json() for e in self.actor],
            "recipient": [e.to_json() for e in self.recipient],
            "date": self.date,
            "enddate": self.enddate,
            "event_loc": self.event_loc.to_json() if self.event_loc else None,
            "places": [p.to_json() for p in self.places],
            "counts": [c.to_json() for c in self.counts],
            "claimed_by": self.claimed_by.to_json() if self.claimed_by else None,
            "modality": self.modality,
            "historical": self.historical,
            "text": self.text,
            "text_info": {"start": self.start, "end": self.end},
            "trigger": self.trigger.to_json() if self.trigger else None,
            "outlet": self.outlet,
            "extractor": self.extractor,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Extraction:
    """What ``process`` returns for one document."""

    document: Document
    mentions: tuple[EventMention, ...] = ()


# --- Consolidation --------------------------------------------------------------------------
# What ``chronicler.consolidate`` reads beside the mentions (DocumentFacts) and what it makes:
# consolidated events, each with its claims side by side and the sources that carry it.


@dataclass(frozen=True)
class DocumentFacts:
    """What consolidation needs to know of one document.

    ``representative`` is the doc id of its near-duplicate group's representative (itself when
    it has none); ``independence_key`` groups outlets that do not count as independent of each
    other (one owner, one affiliation), None when unknown.
    """

    doc_id: str
    published: str | None = None
    outlet: str | None = None
    representative: str = ""
    independence_key: str | None = None
    affiliation: str | None = None
    outlet_type: str | None = None


@dataclass(frozen=True)
class Claim:
    """One figure as one mention states it, with its full provenance; never averaged away."""

    kind: CountKind
    low: int | None
    high: int | None
    qualifier: Qualifier
    text: str
    claimed_by: Entity | None
    outlet: str | None
    doc_id: str
    mention_id: str
    published: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "text": self.text,
            "claimed_by": self.claimed_by.to_json() if self.claimed_by else None,
            "outlet": self.outlet,
            "doc_id": self.doc_id,
            "mention_id": self.mention_id,
            "published": self.published,
        }


@dataclass(frozen=True)
class Sources:
    """Who carries an event: near-duplicates count once, one independence key counts once."""

    outlets: tuple[str, ...]
    independent: int
    affiliations: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "outlets": list(self.outlets),
            "independent": self.independent,
            "affiliations": list(self.affiliations),
        }


@dataclass(frozen=True)
class ConsolidatedEvent:
    """One real-world event: the mentions of it across sentences and documents, merged."""

    id: str
    event: str
    mode: str | None
    date: str | None
    enddate: str | None
    event_loc: Location | None
    places: tuple[Location, ...]
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    historical: bool
    mentions: tuple[str, ...]
    documents: tuple[str, ...]
    claims: tuple[Claim, ...]
    sources: Sources
    disagreement: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "mode": self.mode,
            "date": self.date,
            "enddate": self.enddate,
            "event_loc": self.event_loc.to_json() if self.event_loc else None,
            "places": [p.to_json() for p in self.places],
            "actor": [e.to_json() for e in self.actor],
            "recipient": [e.to_json() for e in self.recipient],
            "historical": self.historical,
            "mentions": list(self.mentions),
            "documents": list(self.documents),
            "claims": [c.to_json() for c in self.claims],
            "sources": self.sources.to_json(),
            "disagreement": self.disagreement,
        }
