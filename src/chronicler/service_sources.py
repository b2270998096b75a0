"""The outlets of the stored documents, as `chronicler sources` and the API's /api/sources list them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from chronicler.config import Settings
from chronicler.consolidate.outlets import load_outlets
from chronicler.service_collections import visible_events
from chronicler.service_facts import outlet_name
from chronicler.store import Store


@dataclass(frozen=True)
class OutletRow:
    """One outlet of the stored documents: a row of ``chronicler sources``.

    ``name``, ``type`` and ``affiliation`` come from the outlets pack; None when it is not there.
    """

    outlet: str
    name: str | None
    type: str | None
    affiliation: str | None
    documents: int  # stored documents it published
    claims: int  # claims of the consolidated events it carries


def sources_view(settings: Settings, hidden: frozenset[str] = frozenset()) -> list[OutletRow]:
    """Per outlet: its type and affiliation (None when not in the outlets pack), and how many
    stored documents and consolidated claims it carries; most documents first."""
    registry = load_outlets(settings.pack_dirs)
    with Store.open(settings.db_url, create=False) as store:
        rows = store.document_facts(hidden)
        events = visible_events(store, settings, store.load_consolidated(), hidden)
    documents = Counter(outlet_name(r.outlet, r.url) or "(unknown)" for r in rows)
    claims = Counter(c.outlet or "(unknown)" for e in events for c in e.claims)
    out = []
    for outlet in sorted(set(documents) | set(claims)):
        found = registry.lookup(outlet)
        out.append(
            OutletRow(
                outlet=outlet,
                name=found.name if found else None,
                type=found.type if found else None,
                affiliation=found.affiliation if found else None,
                documents=documents[outlet],
                claims=claims[outlet],
            )
        )
    return sorted(out, key=lambda r: (-r.documents, -r.claims, r.outlet))
