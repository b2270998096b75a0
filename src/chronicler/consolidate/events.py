"""``consolidate``: event mentions in, consolidated events out, in one run or incrementally.

Ids. A consolidated event's id is ``ce_`` and 20 hex digits of a SHA-1 over the id of its
earliest member, earliest by (publication date, mention id), an unknown date counting as the
latest. The clustering takes mentions in publication order and never revisits a decision, so
documents published later cannot change which member is earliest: re-running over a grown
corpus gives the existing events the ids they had. In incremental mode an event keeps the id
it was given, whatever joins it.

Incremental mode. ``previous`` is the last result; ``mentions`` are all the mentions now
known (the old ones and the new). The old groups are kept as they were (an old mention that
is gone is dropped from its event), the clusters' summaries are rebuilt from their members in
one linear pass, and only the new mentions are compared and assigned. When the new documents
are published after the old ones this is exactly what one run over everything gives.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from chronicler.consolidate.coreference import cluster
from chronicler.consolidate.features import Features, features
from chronicler.consolidate.merge import merge
from chronicler.records import ConsolidatedEvent, DocumentFacts, EventMention


def event_id(mention_id: str) -> str:
    """The id of the consolidated event whose earliest member is ``mention_id``."""
    return "ce_" + hashlib.sha1(f"ce|{mention_id}".encode()).hexdigest()[:20]


def _earliest(members: Sequence[Features]) -> str:
    return min(members, key=lambda f: (f.order[0], f.id)).id


def consolidate(
    mentions: Sequence[EventMention],
    documents: Mapping[str, DocumentFacts],
    previous: Sequence[ConsolidatedEvent] = (),
) -> tuple[ConsolidatedEvent, ...]:
    """Group mentions of one real-world event; events come in order of their first report."""
    by_id = {m.id: m for m in sorted(mentions, key=lambda m: m.id)}
    feats = {i: features(m, documents.get(m.doc_id)) for i, m in by_id.items()}
    seeded: list[list[Features]] = []
    kept_id: dict[str, str] = {}  # member id -> the id its previous event had
    for old in previous:
        group = [feats[i] for i in old.mentions if i in feats and i not in kept_id]
        if group:
            seeded.append(group)
            kept_id.update((f.id, old.id) for f in group)
    fresh = [f for i, f in feats.items() if i not in kept_id]
    out: list[ConsolidatedEvent] = []
    for c in cluster(fresh, seeded):
        members = sorted(c.members, key=lambda f: f.order)
        eid = next((kept_id[f.id] for f in members if f.id in kept_id), None) or event_id(_earliest(members))
        out.append(merge(eid, [by_id[f.id] for f in members], documents))
    return tuple(out)
