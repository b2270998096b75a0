"""What consolidation knows of each stored document: its outlet's facts and the near-duplicate
group it belongs to, for ``chronicler consolidate`` and for the visible part of an event."""

from __future__ import annotations

from collections.abc import Sequence

from chronicler.consolidate import near_duplicates
from chronicler.consolidate.outlets import Outlet, OutletRegistry, normalise_host
from chronicler.records import DocumentFacts
from chronicler.store import StoredDocumentFacts


def outlet_name(outlet: str | None, url: str | None) -> str | None:
    """The outlet as named, else the host of its address."""
    return outlet or (normalise_host(url) if url else None)


def document_facts(
    rows: Sequence[StoredDocumentFacts], registry: OutletRegistry
) -> tuple[dict[str, DocumentFacts], dict[str, str]]:
    """Each document's facts, and the representative of each near-duplicate group among ``rows``."""
    known = {row.id: registry.lookup(row.outlet, row.url) for row in rows}
    # A document stored since its signature was made by another process has none yet: it stands
    # alone this time and is compared on the next run.
    keys = [
        near_duplicates.DocumentKey(row.id, row.signature, row.published, bool(known[row.id]))
        for row in rows
        if row.signature is not None
    ]
    representatives = near_duplicates.duplicate_groups(keys)
    facts = {
        row.id: _facts(row, representatives.get(row.id, row.id), known[row.id], registry) for row in rows
    }
    return facts, representatives


def _facts(
    row: StoredDocumentFacts, representative: str, found: Outlet | None, registry: OutletRegistry
) -> DocumentFacts:
    return DocumentFacts(
        doc_id=row.id,
        published=row.published,
        outlet=outlet_name(row.outlet, row.url),
        representative=representative,
        independence_key=registry.independence_key(row.outlet, row.url),
        affiliation=found.affiliation if found else None,
        outlet_type=found.type if found else None,
    )
