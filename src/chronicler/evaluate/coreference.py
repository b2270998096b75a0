"""Coreference metrics, and cross-document coreference of consolidation against the gold keys.

A clustering is a dict from item to cluster id. The key (gold) and the response (system)
should cover the same items; an item missing from one side counts there as a singleton.

- MUC (Vilain, Burger, Aberdeen, Connolly and Hirschman 1995, "A model-theoretic coreference
  scoring scheme"): recall = sum(|K| - |p(K)|) / sum(|K| - 1) over key clusters K, where p(K)
  is K partitioned by the response; precision swaps key and response. Blind to singletons.
- B-cubed (Bagga and Baldwin 1998, "Algorithms for scoring coreference chains"): per item,
  precision = |K(i) & R(i)| / |R(i)| and recall = |K(i) & R(i)| / |K(i)|, averaged over
  items with equal weights.
- CEAF-e (Luo 2005, "On coreference resolution performance metrics"): the one-to-one
  alignment of key and response clusters maximising the sum of phi4(K, R) =
  2|K & R| / (|K| + |R|); precision = that sum / number of response clusters, recall = that
  sum / number of key clusters.
- CoNLL F1 (Pradhan et al. 2011/2012 shared tasks): the mean of the MUC, B-cubed and CEAF-e F1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from scipy.optimize import linear_sum_assignment

from chronicler.evaluate.scoring import gold_doc_id, load_gold, match_events
from chronicler.records import ConsolidatedEvent, EventMention

K = TypeVar("K", bound=Hashable)
# item -> cluster id; generic in the item so that a dict[str, str] is a Clustering[str]
Clustering = Mapping[K, Hashable]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, p: float, r: float) -> PRF:
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)

    def to_json(self) -> dict[str, float]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4)}


def _clusters(assignment: Clustering[K], items: Sequence[K]) -> list[frozenset[K]]:
    groups: defaultdict[Hashable, set[K]] = defaultdict(set)
    for item in items:
        # an item the clustering does not know is a singleton of its own
        groups[("cluster", assignment[item]) if item in assignment else ("alone", item)].add(item)
    return [frozenset(g) for g in groups.values()]


def _items(key: Clustering[K], response: Clustering[K]) -> list[K]:
    return sorted(set(key) | set(response), key=repr)


def _muc_side(gold: list[frozenset[K]], other: Clustering[K]) -> float:
    numerator = denominator = 0
    for cluster in gold:
        parts = {other.get(i, ("alone", i)) for i in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering[K], response: Clustering[K]) -> PRF:
    items = _items(key, response)
    return PRF.of(_muc_side(_clusters(response, items), key), _muc_side(_clusters(key, items), response))


def b_cubed(key: Clustering[K], response: Clustering[K]) -> PRF:
    items = _items(key, response)
    if not items:
        return PRF.of(0.0, 0.0)
    of_key = {i: c for c in _clusters(key, items) for i in c}
    of_response = {i: c for c in _clusters(response, items) for i in c}
    p = sum(len(of_key[i] & of_response[i]) / len(of_response[i]) for i in items) / len(items)
    r = sum(len(of_key[i] & of_response[i]) / len(of_key[i]) for i in items) / len(items)
    return PRF.of(p, r)


def ceaf_e(key: Clustering[K], response: Clustering[K]) -> PRF:
    items = _items(key, response)
    keys, responses = _clusters(key, items), _clusters(response, items)
    if not keys or not responses:
        return PRF.of(0.0, 0.0)
    phi = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in responses] for k in keys])
    rows, cols = linear_sum_assignment(phi, maximize=True)
    total = float(phi[rows, cols].sum())
    return PRF.of(total / len(responses), total / len(keys))


def conll_f1(key: Clustering[K], response: Clustering[K]) -> float:
    return (muc(key, response).f1 + b_cubed(key, response).f1 + ceaf_e(key, response).f1) / 3


def coreference_on_gold(
    gold_dir: Path,
    docs: Sequence[str] | None,
    system_mentions: Sequence[EventMention | Mapping[str, Any]],
    consolidated: Sequence[ConsolidatedEvent],
) -> dict[str, Any]:
    """Score consolidation against the gold ``event_key`` of every matched mention.

    Per article, system mentions are matched to gold events with ``scoring.match_events``
    (same type, sentence containing the anchor, greedy one-to-one); only matched mentions are
    scored, the gold cluster being the event key and the system cluster the consolidated event
    holding the mention. ``docs`` restricts the articles by document id (None: every gold file).
    """
    events = [m.to_json() if isinstance(m, EventMention) else dict(m) for m in system_mentions]
    by_doc: defaultdict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for event in events:
        by_doc[str(event.get("doc_id"))].append(event)
    cluster_of = {mid: ev.id for ev in consolidated for mid in ev.mentions}
    key: dict[Hashable, Hashable] = {}
    response: dict[Hashable, Hashable] = {}
    gold_events = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = load_gold(path)
        doc_id = gold_doc_id(path.stem, gold)
        if docs is not None and doc_id not in docs:
            continue
        golds = [g for g in gold.get("events", []) if g.get("event_key")]
        gold_events += len(golds)
        system = by_doc.get(doc_id, [])
        for n, hit in enumerate(match_events(golds, system)):
            if hit is None:
                continue
            mention_id = str(system[hit].get("id"))
            key[(doc_id, n)] = golds[n]["event_key"]
            response[(doc_id, n)] = cluster_of.get(mention_id, ("unclustered", mention_id))
    return {
        "gold_events": gold_events,
        "matched": len(key),
        "gold_clusters": len(set(key.values())),
        "system_clusters": len(set(response.values())),
        "muc": muc(key, response).to_json(),
        "b_cubed": b_cubed(key, response).to_json(),
        "ceaf_e": ceaf_e(key, response).to_json(),
        "conll_f1": round(conll_f1(key, response), 4),
    }
