"""Rules only, learned detector only, and both: event figures on the development set's splits.

    python scripts/detector_data.py ../shared/devset train /tmp/det/train.jsonl
    python scripts/detector_data.py ../shared/devset dev /tmp/det/dev.jsonl
    python scripts/train_detector.py /tmp/det/train.jsonl --cv 5 --oof /tmp/det/oof.jsonl
    CHRONICLER_DETECTOR=off chronicler extract ../shared/devset/docs > /tmp/det/rules.jsonl
    python bench/detector_ablation.py ../shared/devset /tmp/det/rules.jsonl --oof /tmp/det/oof.jsonl \\
        --dev /tmp/det/dev.jsonl

The training split is scored with out-of-fold probabilities (each article by a detector that never
saw it); the dev split with the shipped model. Each line: the split, the threshold, and the scorer's
P / R / F1 over all events for the rules alone, the detector alone, and both (the detector adding,
in the languages it reads, events to the sentences where the rules found none). Only aggregate
figures are printed. With ``--beside T``, "both" also adds, in sentences where the rules found
events, the types they did not find whose probability reaches T (as ``learned.add_detected`` does
with the model's ``threshold_beside_rules``). First, per split, each type's average precision over
the sentences (in the languages the detector reads), with how many sentences state it: how well the
probabilities rank, whatever the threshold.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8)


def _scorer(devset: Path) -> Any:
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _added(
    sentences: list[dict[str, Any]],
    rules: list[dict[str, Any]],
    threshold: float,
    languages: set[str],
    *,
    alone: bool,
    beside: float | None = None,
) -> list[dict[str, Any]]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in rules:
        by_doc[str(event["doc_id"])].append(event)
    out = []
    for row in sentences:
        if row.get("language") not in languages:
            continue
        told = set() if alone else {e["event"] for e in by_doc[row["doc"]] if _inside(e, row)}
        if told and beside is None:
            continue  # the detector reads only sentences where the rules found nothing
        # as at run time: where the rules found events, only other types, at the ``beside`` threshold
        least = beside if told and beside is not None else threshold
        out += [
            {"doc_id": row["doc"], "event": kind, "text": row["text"]}
            for kind, p in row["cats"].items()
            if p >= least and kind not in told
        ]
    return out


def _inside(event: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether a reader's event lies in the detector's sentence, as ``learned.add_detected`` tells it:
    by where its trigger (or, with none, its text) starts."""
    at = (event.get("trigger") or {}).get("start", (event.get("text_info") or {}).get("start", -1))
    return bool(row["start"] <= at < row["end"])


def _vetoed(
    sentences: list[dict[str, Any]], rules: list[dict[str, Any]], floor: float, languages: set[str]
) -> list[dict[str, Any]]:
    """The rules' events less those whose type the detector gives under ``floor`` in their sentence."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in sentences:
        by_doc[row["doc"]].append(row)
    kept = []
    for event in rules:
        row = next((r for r in by_doc.get(str(event["doc_id"]), []) if _inside(event, r)), None)
        if (
            row is None
            or row.get("language") not in languages
            or row["cats"].get(event["event"], 1.0) >= floor
        ):
            kept.append(event)
    return kept


def average_precision(sentences: list[dict[str, Any]], kind: str) -> float | None:
    """Average precision of one type's probabilities over ``sentences`` (the mean, over the sentences
    that state the type, of the precision at its rank); None where none states it."""
    ranked = sorted(sentences, key=lambda r: -float(r["cats"].get(kind, 0.0)))
    hits, total = 0, 0.0
    for rank, row in enumerate(ranked, 1):
        if kind in row["labels"]:
            hits += 1
            total += hits / rank
    return total / hits if hits else None


def _ap_table(sentences: list[dict[str, Any]], languages: set[str]) -> str:
    read = [r for r in sentences if r.get("language") in languages]
    kinds = sorted({k for r in read for k in r["cats"]}, key=lambda k: -sum(k in r["labels"] for r in read))
    cells = []
    for kind in kinds:
        ap = average_precision(read, kind)
        if ap is not None:
            cells.append(f"{kind} {ap:.2f} ({sum(kind in r['labels'] for r in read)})")
    return ", ".join(cells)


def _prf(scorer: Any, devset: Path, names: list[str], events: list[dict[str, Any]]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp)
        for name in names:
            (gold / f"{name}.json").symlink_to((devset / "gold" / f"{name}.json").resolve())
        result = scorer.score(devset / "docs", gold, events, None)["events_all"]
    return f"P {result['p']:.3f} R {result['r']:.3f} F1 {result['f1']:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("devset", type=Path)
    parser.add_argument("rules", type=Path, help="the rules' extraction of the devset (detector off)")
    parser.add_argument("--oof", type=Path, required=True, help="train split out-of-fold probabilities")
    parser.add_argument("--dev", type=Path, help="dev split sentences (scripts/detector_data.py)")
    parser.add_argument(
        "--veto",
        type=float,
        default=0.0,
        help="also drop a rules event whose type the detector gives under this probability",
    )
    parser.add_argument(
        "--beside",
        type=float,
        help="also add, in sentences where the rules found events, other types at this probability",
    )
    parser.add_argument("--languages", default="en", help="languages the detector reads (comma-separated)")
    args = parser.parse_args(argv)
    scorer = _scorer(args.devset)
    rules = _read(args.rules)
    languages = set(args.languages.split(","))
    splits = {"train": _read(args.oof)}
    if args.dev:
        from chronicler.extract.learned import load_detector

        model = load_detector()
        if model is None:
            parser.error("no detector model is installed to score the dev split")
        dev = _read(args.dev)
        probs = model.probabilities(model.encode([r["text"] for r in dev]))
        splits["dev"] = [
            {**r, "cats": dict(zip(model.types, map(float, p), strict=True))}
            for r, p in zip(dev, probs, strict=True)
        ]
    for split, sentences in splits.items():
        print(f"{split:5} average precision (sentences stating it): {_ap_table(sentences, languages)}")
        names = (args.devset / "splits" / f"{split}.txt").read_text(encoding="utf-8").split()
        print(f"{split:5} rules only          {_prf(scorer, args.devset, names, rules)}")
        if args.veto:
            rules = _vetoed(sentences, rules, args.veto, languages)
            print(f"{split:5} rules, veto {args.veto:.2f}   {_prf(scorer, args.devset, names, rules)}")
        for t in THRESHOLDS:
            alone = _added(sentences, rules, t, languages, alone=True)
            both = rules + _added(sentences, rules, t, languages, alone=False, beside=args.beside)
            print(
                f"{split:5} t={t:.2f} detector only {_prf(scorer, args.devset, names, alone)}"
                f" | both {_prf(scorer, args.devset, names, both)}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
