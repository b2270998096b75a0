"""The service layer: what the CLI (and later the API and UI) call. No presentation here."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from chronicler import service_collections
from chronicler.config import Settings
from chronicler.consolidate import claims as claim_views
from chronicler.consolidate import near_duplicates
from chronicler.consolidate.events import consolidate as consolidate_mentions
from chronicler.consolidate.outlets import OutletRegistry, load_outlets
from chronicler.nlp import check_models
from chronicler.pipeline import KnowledgeBase, clean_raw, process, read_documents, shared_knowledge
from chronicler.readiness import use_detector
from chronicler.records import (
    FAILURE_CODES,
    Claim,
    ConsolidatedEvent,
    Document,
    EventMention,
    Extraction,
    ReadFailure,
)
from chronicler.service_collections import visible_events
from chronicler.service_facts import document_facts
from chronicler.service_filters import check_filters
from chronicler.sources.jsondoc import raw_from_json
from chronicler.store import Store, StoredDocument, StoredFailure, StoredRevision
from chronicler.worker import EXTRACTION_ERROR, shared_worker

logger = logging.getLogger(__name__)


@dataclass
class ConsolidateSummary:
    documents: int = 0
    mentions: int = 0
    events: int = 0
    duplicate_groups: int = 0  # near-duplicate groups of two or more documents
    seconds: float = 0.0


@dataclass
class IngestSummary:
    read: int = 0
    unchanged: int = 0
    stored: int = 0
    revised: int = 0  # of those stored, new revisions of a document id already stored
    events: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    consolidated: ConsolidateSummary | None = None  # None when nothing new was stored


Extractor = Callable[[Document], Extraction | ReadFailure]


def _extractor(knowledge: KnowledgeBase, settings: Settings) -> Extractor:
    """Extraction of one document that never raises: in a worker process stopped after
    ``settings.doc_timeout`` seconds or past ``settings.doc_memory_mb`` megabytes, or in this
    process, with neither budget, when the timeout is 0.

    Before any document: a spaCy model package that is not installed, or the detector's sentence
    model where ``detector`` is ``on``, stops the run with a ChroniclerError naming what to install."""
    check_models(settings.spacy_model)
    detector = use_detector(settings)
    if settings.doc_timeout > 0:
        worker = shared_worker(settings.pack_dirs, settings.spacy_model, detector)
        return lambda doc: worker.extract(doc, settings.doc_timeout, settings.doc_memory_mb)

    def in_process(doc: Document) -> Extraction | ReadFailure:
        try:
            return process(doc, knowledge, settings.spacy_model, detector=detector)
        except Exception as exc:
            # One bad document is set aside with its reason and never stops the batch; the
            # traceback is for whoever debugs it (-vv).
            logger.debug("extraction of %s failed", doc.source, exc_info=True)
            reason = f"extraction failed: {type(exc).__name__}: {exc}"
            return ReadFailure(doc.source, reason, EXTRACTION_ERROR)

    return in_process


def extract(
    paths: Sequence[str], settings: Settings, *, stdin: TextIO | None = None
) -> Iterator[Extraction | ReadFailure]:
    """Read, clean and extract, storing nothing."""
    knowledge = shared_knowledge(settings.pack_dirs)  # a broken pack stops here, before any document
    extract_one = _extractor(knowledge, settings)
    for item in read_documents(
        paths, boilerplate=knowledge.boilerplate, stdin=stdin, max_bytes=settings.max_bytes
    ):
        yield item if isinstance(item, ReadFailure) else extract_one(item)


def ingest(
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    on_document: Callable[[str], None] | None = None,
    strict: bool = False,
    collection: str | None = None,
) -> IngestSummary:
    """Read, clean, extract and store; a text already stored (same content hash, in any revision)
    is skipped, and a new text under a stored document id is stored as its next revision.
    ``collection``: the existing collection new documents go into (None: the shared one).

    ``strict``: stop at the first input that fails (it is stored as a failure); what was stored
    before it stays stored."""
    knowledge = shared_knowledge(settings.pack_dirs)  # a broken pack stops here, before any document
    collection = service_collections.check(settings, collection)  # and an unknown collection
    boilerplate, largest = knowledge.boilerplate, settings.max_bytes
    items = read_documents(paths, boilerplate=boilerplate, stdin=stdin, max_bytes=largest)
    return _ingest(items, knowledge, settings, on_document=on_document, strict=strict, collection=collection)


def ingest_document(
    settings: Settings, value: Any, source: str, collection: str | None = None
) -> tuple[str | None, IngestSummary]:
    """One document given as decoded JSON (the document format of docs/schema.md), ingested as
    ``ingest`` would a file holding it: its id (None when it could not be read) and the summary."""
    knowledge = shared_knowledge(settings.pack_dirs)
    collection = service_collections.check(settings, collection)
    raw = raw_from_json(value, source)
    item = raw if isinstance(raw, ReadFailure) else clean_raw(raw, knowledge.boilerplate)
    summary = _ingest([item], knowledge, settings, collection=collection)
    return (None if isinstance(item, ReadFailure) else item.id), summary


def _ingest(
    items: Iterable[Document | ReadFailure],
    knowledge: KnowledgeBase,
    settings: Settings,
    *,
    on_document: Callable[[str], None] | None = None,
    strict: bool = False,
    collection: str | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    extract_one = _extractor(knowledge, settings)
    with Store.open(settings.db_url) as store:
        for item in items:
            summary.read += 1
            if isinstance(item, ReadFailure):
                logger.info("set aside %s: %s", item.source, item.reason)
                summary.failures.append(item)
                store.save_failure(item, collection=collection)
            elif store.has_document(item.content_hash):
                logger.info("unchanged %s", item.source)
                summary.unchanged += 1
            else:
                result = extract_one(item)
                if isinstance(result, ReadFailure):
                    logger.info("set aside %s: %s", result.source, result.reason)
                    summary.failures.append(result)
                    store.save_failure(result, item.content_hash, collection)
                else:
                    previous = store.latest_revision(item.id)
                    stored = store.save_extraction(result, collection)
                    revision = f" as revision {previous + 1} of {item.id}" if previous else ""
                    logger.info("stored %s%s: %d event mention(s)", item.source, revision, stored)
                    summary.events += stored
                    summary.stored += 1
                    summary.revised += previous is not None
            if on_document is not None:
                on_document(item.source)
            if strict and summary.failures:
                break
        if summary.stored:
            summary.consolidated = _consolidate(store, settings)
    return summary


def list_events(settings: Settings, **filters: Any) -> list[EventMention]:
    """The stored event mentions that pass ``filters`` (those of ``Store.query_events``).

    A filter that could never match is a ValueError naming what is allowed: an event type the
    ontology does not know ("ASSALT"), ``since`` after ``until``, a date that is no date.
    """
    check_filters(settings, filters)
    with Store.open(settings.db_url, create=False) as store:
        return store.query_events(**filters)


def list_failures(
    settings: Settings, code: str | None = None, hidden: frozenset[str] = frozenset()
) -> list[StoredFailure]:
    """The stored failures (documents set aside, with reason and code), oldest first; only those
    of ``code`` when given, which must be one of ``FAILURE_CODES`` (else ValueError)."""
    if code is not None and code not in FAILURE_CODES:
        raise ValueError(f"unknown failure code {code!r}; the codes are {', '.join(sorted(FAILURE_CODES))}")
    with Store.open(settings.db_url, create=False) as store:
        found = store.list_failures(hidden)
    return [f for f in found if code is None or f.failure.code == code]


def show_event(settings: Settings, event_id: str) -> tuple[EventMention, StoredDocument] | None:
    """The event mention in the latest revision of its document; else, for an id that only an
    earlier revision has (an export made before the article was edited), in the newest of those."""
    with Store.open(settings.db_url, create=False) as store:
        return store.get_event(event_id) or store.get_superseded_event(event_id)


@dataclass(frozen=True)
class RevisionRow:
    """One revision of one document: a row of the revision lists of ``show`` and ``claims``."""

    doc_id: str
    revision: int  # 1 for the first ingested; the latest is the most recently ingested text
    content_hash: str
    published: str | None
    ingested_at: dt.datetime
    latest: bool
    figures: tuple[str, ...]  # what the mentions asked about state in this revision: "dead 208"


def document_revisions(settings: Settings, doc_id: str, mention_ids: Sequence[str] = ()) -> list[RevisionRow]:
    """Every revision of document ``doc_id``, oldest first, with the figures its mentions of
    ``mention_ids`` state; empty for a document not stored."""
    with Store.open(settings.db_url, create=False) as store:
        found = store.document_revisions([doc_id])
    return _revision_rows(found.get(doc_id, []), mention_ids)


def _revision_rows(revisions: Sequence[StoredRevision], mention_ids: Sequence[str]) -> list[RevisionRow]:
    # A mention keeps its id across revisions while its sentence starts at the same offset; an
    # edit before it moves it, and its figures in other revisions are then not linked to it.
    wanted = set(mention_ids)
    return [
        RevisionRow(
            doc_id=r.doc_id,
            revision=r.revision,
            content_hash=r.content_hash,
            published=r.published,
            ingested_at=r.ingested_at,
            latest=r.latest,
            figures=tuple(f"{c.kind} {c.text}" for m in r.mentions if m.id in wanted for c in m.counts),
        )
        for r in revisions
    ]


# -- consolidation -------------------------------------------------------------------------


def consolidate(settings: Settings, *, anew: bool = False) -> ConsolidateSummary:
    """Group the stored event mentions into consolidated events and store the result.

    Incremental: the previous result is the starting point, so only mentions not yet placed
    are compared, and existing events keep their ids. ``anew``: every mention is compared again,
    as when a reviewer's split or join is undone and the previous groups were made with it.
    """
    with Store.open(settings.db_url) as store:
        return _consolidate(store, settings, anew=anew)


def _consolidate(store: Store, settings: Settings, *, anew: bool = False) -> ConsolidateSummary:
    # Two runs at once on one server would each replace the other's result with one read from
    # an older state: the second waits for the first.
    with store.exclusive("consolidate"):
        return _consolidate_now(store, settings, anew)


def _consolidate_now(store: Store, settings: Settings, anew: bool) -> ConsolidateSummary:
    started = time.perf_counter()
    missing = store.missing_signatures()
    store.save_signatures({doc_id: near_duplicates.signature(text) for doc_id, text in missing})
    rows = store.document_facts()
    facts, representatives = document_facts(rows, load_outlets(settings.pack_dirs))
    mentions = store.load_mentions()
    splits_and_joins = store.reviews.group_judgements()
    previous = () if anew else store.load_consolidated()
    events = consolidate_mentions(mentions, facts, previous, splits_and_joins)
    store.replace_consolidated(events, representatives)
    sizes = Counter(representatives.values())
    return ConsolidateSummary(
        documents=len(rows),
        mentions=len(mentions),
        events=len(events),
        duplicate_groups=sum(1 for n in sizes.values() if n > 1),
        seconds=time.perf_counter() - started,
    )


def export_consolidated(settings: Settings) -> Iterator[ConsolidatedEvent]:
    """The stored consolidated events, in the order of the last consolidation."""
    with Store.open(settings.db_url, create=False) as store:
        events = store.load_consolidated()
    yield from events


@dataclass(frozen=True)
class ClaimRow:
    """One claimant's figures of one kind for one event: a row of ``chronicler claims``."""

    kind: str
    claimant: str  # as a reader knows it: canonical name, else as written, else "<outlet> (own voice)"
    claimant_key: str
    figures: tuple[str, ...]  # in published order, a repeated figure once: ("208", "304")
    first: str | None  # published date of the first and of the latest report
    latest: str | None
    outlets: tuple[str, ...]
    outlet_types: tuple[str, ...]  # of those outlets in the outlets pack; empty when none is
    affiliations: tuple[str, ...]


@dataclass(frozen=True)
class KindView:
    """One kind of figure (dead, injured, ...) of one event: the claims table and the views."""

    kind: str
    rows: list[ClaimRow]
    acled: int | None
    ucdp: tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class ClaimsView:
    event: ConsolidatedEvent
    kinds: list[KindView]
    # Every revision of each of its documents that has more than one, oldest first; the event's
    # claims are those of the latest revisions, the figures here show what the earlier ones said.
    revisions: tuple[RevisionRow, ...] = ()


def claims_view(settings: Settings, event_id: str, hidden: frozenset[str] = frozenset()) -> ClaimsView | None:
    """The claims of one consolidated event side by side, by kind; None for an unknown id, or
    one read only from documents in ``hidden`` collections (of one read partly from them: the rest)."""
    with Store.open(settings.db_url, create=False) as store:
        event = store.get_consolidated(event_id)
        if event is not None and hidden:
            event = next(iter(visible_events(store, settings, [event], hidden)), None)
        found = store.document_revisions(event.documents) if event is not None else {}
    if event is None:
        return None
    revised = [r for doc in found.values() if len(doc) > 1 for r in _revision_rows(doc, event.mentions)]
    registry = load_outlets(settings.pack_dirs)
    rows = _claim_rows(event.claims, registry)
    kinds = []
    for kind in sorted({c.kind for c in event.claims}):
        kinds.append(
            KindView(
                kind=kind,
                rows=[r for r in rows if r.kind == kind],
                acled=claim_views.acled_conservative(event.claims, kind),
                ucdp=claim_views.ucdp_estimates(event.claims, kind),
            )
        )
    return ClaimsView(event, kinds, tuple(revised))


def _claim_rows(claims: Sequence[Claim], registry: OutletRegistry) -> list[ClaimRow]:
    """One row per (kind, claimant), in the order of ``claims.group_table``, with outlet facts."""
    rows = []
    for (kind, key), group in claim_views.claim_groups(claims).items():
        outlets = sorted({c.outlet for c in group if c.outlet})
        found = [registry.lookup(o) for o in outlets]
        rows.append(
            ClaimRow(
                kind=kind,
                claimant=claim_views.claimant_name(group[-1]),
                claimant_key=key,
                figures=tuple(claim_views.revisions(group)),
                first=group[0].published,
                latest=group[-1].published,
                outlets=tuple(outlets),
                outlet_types=tuple(sorted({o.type for o in found if o})),
                affiliations=tuple(sorted({o.affiliation for o in found if o})),
            )
        )
    return rows
