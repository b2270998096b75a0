"""Event types chronicler gives a short text, and sentence-level scoring against one gold type.

Shared by the PLOVER gold-standard records and the CASE 2021 snippets: both label a sentence (or a
snippet of two or three) with one event type, while chronicler may state several events per sentence.
Scoring is over (sentence, type) pairs: a gold type found is a true positive, a gold type not found a
false negative, and every other type chronicler gives a false positive, even when the sentence does
state a second event that the set simply does not label (so precision here is a lower bound).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from chronicler.clean.hashing import content_hash
from chronicler.pipeline import process, shared_knowledge
from chronicler.records import Document
from external import Metric, prf, ratio


@dataclass(frozen=True)
class Judged:
    label: str  # the set's own label (before mapping), for the breakdown
    gold: str | None  # the PLOVER type expected; None where no event is expected
    predicted: frozenset[str]


def event_types(text: str, key: str, published: str | None = None) -> frozenset[str]:
    """The PLOVER types of every event mention chronicler extracts from ``text`` (read as English)."""
    doc = Document(
        id=key, source=key, text=text, content_hash=content_hash(text), published=published, language="en"
    )
    return frozenset(m.event for m in process(doc, shared_knowledge()).mentions)


def pair_counts(items: Sequence[Judged]) -> tuple[int, int, int]:
    tp = sum(1 for j in items if j.gold is not None and j.gold in j.predicted)
    fp = sum(len(j.predicted - {j.gold}) for j in items)
    fn = sum(1 for j in items if j.gold is not None and j.gold not in j.predicted)
    return tp, fp, fn


def majority(items: Sequence[Judged]) -> str:
    """The most frequent gold type (ties broken by name, so the choice is stable)."""
    counts = Counter(j.gold for j in items if j.gold is not None)
    return min(counts, key=lambda t: (-counts[t], t))


def sentence_metrics(items: Sequence[Judged]) -> tuple[Metric, ...]:
    """Pair precision/recall/F1 for chronicler and for the majority-class baseline, plus silence rates."""
    cp, cr, cf = prf(*pair_counts(items))
    top = majority(items)
    base = [Judged(j.label, j.gold, frozenset({top})) for j in items]
    bp, br, bf = prf(*pair_counts(base))
    positives = [j for j in items if j.gold is not None]
    negatives = [j for j in items if j.gold is None]
    metrics = [
        Metric("precision (sentence, type) pairs", cp, bp),
        Metric("recall (gold type among the types given)", cr, br),
        Metric("F1", cf, bf),
        Metric("event sentences with no event output", ratio(sum(not j.predicted for j in positives),
                                                             len(positives)), 0.0),
    ]
    if negatives:
        metrics.append(
            Metric("no-event snippets with any event output (lower is better)",
                   ratio(sum(bool(j.predicted) for j in negatives), len(negatives)), 1.0)
        )
    return tuple(metrics)


def breakdown(items: Sequence[Judged]) -> tuple[tuple[str, ...], ...]:
    """Per set label: its PLOVER type, n, and how often chronicler gave that type."""
    rows: list[tuple[str, ...]] = [("label", "PLOVER type", "n", "chronicler recall", "other types given")]
    for label in sorted({j.label for j in items}):
        group = [j for j in items if j.label == label]
        gold = group[0].gold
        hits = sum(1 for j in group if gold is not None and gold in j.predicted)
        others = Counter(t for j in group for t in j.predicted if t != gold)
        shown = ", ".join(f"{t} {c}" for t, c in others.most_common(3))
        recall = f"{hits / len(group):.2f}" if gold is not None else "n/a"
        rows.append((label, gold or "(none)", str(len(group)), recall, shown or "-"))
    return tuple(rows)
