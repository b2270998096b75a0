"""``consolidate``: event mentions in, consolidated events out, in one run or incrementally.

The result depends only on the mentions and documents given, never on the order they were
stored in: ingesting a corpus in one batch, or file by file in any order, gives the same events
with the same ids.

Ids. A consolidated event's id is ``ce_`` and 20 hex digits of a SHA-1 over the id of its
earliest member, earliest by (publication date, mention id), an unknown date counting as the
latest: a function of the event's members alone. Documents published later never change which
member is earliest, so the ids of a corpus that grows in publication order stay as they were;
a report published earlier than every member (a back-filled archive) that joins an event
renames it, as one run over everything would name it.

Incremental mode. ``previous`` is the last result; ``mentions`` are all the mentions now
known (the old ones and the new). When every new mention comes after every old one in the
clustering's canonical order (see ``coreference``), every old mention is still there, and no
new document is a near-duplicate of an old one, one run over everything would make the old
decisions again: the old groups are kept, their summaries rebuilt from their members in one
linear pass, and only the new mentions are compared and assigned. Otherwise (a back-filled
document, a mention gone, a new repost of an old document) everything is clustered again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from chronicler.consolidate.coreference import cluster
from chronicler.consolidate.features import Features, features
from chronicler.consolidate.merge import merge
from chronicler.consolidate.regroup import GroupJudgement, regroup
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
    judgements: Sequence[GroupJudgement] = (),
) -> tuple[ConsolidatedEvent, ...]:
    """Group mentions of one real-world event; events come in order of their first report.
    ``judgements``: reviewers' splits and joins, applied to the groups (``regroup``)."""
    by_id = {m.id: m for m in sorted(mentions, key=lambda m: m.id)}
    feats = {i: features(m, documents.get(m.doc_id)) for i, m in by_id.items()}
    seeded = _seeds(previous, feats)
    placed = {f.id for group in seeded for f in group}
    fresh = [f for i, f in feats.items() if i not in placed]
    groups = [[f.id for f in c.members] for c in cluster(fresh, seeded)]
    if judgements:
        # Clusters are made in the order of their first report; regrouped ones are put back in it.
        groups = sorted(regroup(groups, judgements), key=lambda g: min(feats[i].order for i in g))
    out: list[ConsolidatedEvent] = []
    for group in groups:
        members = sorted((feats[i] for i in group), key=lambda f: f.order)
        out.append(merge(event_id(_earliest(members)), [by_id[f.id] for f in members], documents))
    return tuple(out)


def _seeds(previous: Sequence[ConsolidatedEvent], feats: Mapping[str, Features]) -> list[list[Features]]:
    """The previous groups, to be kept as they are, when one run over everything would make
    them again (see the module doc); else none, and everything is clustered anew."""
    groups = [[feats[i] for i in old.mentions if i in feats] for old in previous]
    if any(len(g) != len(old.mentions) for g, old in zip(groups, previous, strict=True)):
        return []  # a mention gone: the groups were made with it
    old = {f.id for g in groups for f in g}
    if not old:
        return []
    fresh = [f for i, f in feats.items() if i not in old]
    if not fresh:
        return groups
    last = max(f.order for g in groups for f in g)
    old_reps = {f.rep for g in groups for f in g}
    if min(f.order for f in fresh) <= last or any(f.rep in old_reps for f in fresh):
        return []
    return groups
