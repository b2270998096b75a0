"""CASE 2021 shared task 2: news snippets labelled with ACLED sub-event types.

The labels are mapped to PLOVER by ``acled_to_plover.yaml`` (beside this module), one row per label
with its reason; labels with no PLOVER counterpart are left out and counted, and the two disaster
labels are kept as snippets where no event should be found.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from external import SetResult, missing
from external.sentences import Judged, breakdown, event_types, majority, sentence_metrics

KEY = "case2021"
TITLE = "CASE 2021 task 2 (ACLED sub-event types)"
DIRNAME = "case2021_task2_acled_subtypes"
DATA = "test_set_final_release_with_labels.tsv"
MAPPING = Path(__file__).with_name("acled_to_plover.yaml")
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
NO_EVENT, EXCLUDED = "none", "excluded"


class MappingError(ValueError):
    pass


def load_mapping(path: Path = MAPPING) -> dict[str, str]:
    """ACLED label -> PLOVER type, "none" or "excluded"; every row must carry a reason."""
    raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise MappingError(f"{path}: expected a mapping of labels")
    out: dict[str, str] = {}
    for label, row in raw.items():
        if not isinstance(row, dict) or not str(row.get("reason") or "").strip():
            raise MappingError(f"{path}: {label}: needs `plover` and a `reason`")
        target = str(row.get("plover"))
        if target not in PLOVER_TYPES | {NO_EVENT, EXCLUDED}:
            raise MappingError(f"{path}: {label}: unknown PLOVER type {target!r}")
        out[str(label)] = target
    return out


def _rows(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["id"], r["EventSnippet"], r["SubType"]) for r in reader if r.get("EventSnippet")]


def run(root: Path) -> SetResult:
    base = root / DIRNAME
    gone = missing(KEY, TITLE, base / DATA)
    if gone:
        return gone
    mapping = load_mapping()
    items: list[Judged] = []
    left_out: Counter[str] = Counter()
    for ident, text, label in _rows(base / DATA):
        target = mapping.get(label)
        if target is None or target == EXCLUDED:
            left_out[label] += 1
            continue
        gold = None if target == NO_EVENT else target
        items.append(Judged(label, gold, event_types(text, f"case-{ident}")))
    negatives = sum(1 for j in items if j.gold is None)
    top = majority(items)
    covered = sum(1 for target in mapping.values() if target == top)
    excluded = ", ".join(f"{label} {n}" for label, n in sorted(left_out.items()))
    return SetResult(
        key=KEY,
        title=TITLE,
        n=len(items),
        unit=f"snippets ({len(items) - negatives} with a mapped event, {negatives} disaster snippets)",
        baseline="majority class (every snippet given the most frequent mapped type)",
        metrics=sentence_metrics(items),
        measured=(
            "Each snippet (one to three sentences, no publication date) is run through "
            "`chronicler.pipeline.process` as an English document; the set of PLOVER types extracted "
            "is compared with the PLOVER type its ACLED label maps to. Disaster snippets should give "
            "no event at all."
        ),
        mapping=(
            "`bench/external/acled_to_plover.yaml`: one row per label with a one-line reason; all 25 "
            "ACLED sub-types and the 5 added labels are listed."
        ),
        excluded=f"{sum(left_out.values())} snippets whose label has no single PLOVER type: {excluded}.",
        notes=(
            "ACLED labels one sub-type per snippet; snippets often state more (a protest and the arrests "
            "that ended it), so every extra type counts as a false positive and pair precision is a lower "
            "bound.",
            f"The majority baseline ({top}) benefits from that type covering {covered} of the mapped "
            "labels; it is a floor, not a competing system. Published task-2 systems were trained on "
            "ACLED data; chronicler's rules were not tuned to this set, and its lexicon targets protest "
            "and repression, so battle and territory labels (COERCE seize, RETREAT, MOBILIZE) are "
            "expected to be weak.",
        ),
        table=breakdown(items),
    )
