"""Train the learned event detector (a spaCy textcat_multilabel over sentences), reproducibly.

    python scripts/detector_data.py ../shared/devset train /tmp/det/train.jsonl
    python scripts/train_detector.py /tmp/det/train.jsonl --out src/chronicler/models/detector

Bag-of-words and bigram features over spaCy's multilingual tokeniser, so one small model reads
every language of the training split. A fixed seed and a fixed number of epochs: the same data
gives the same model. ``--cv K`` reports K-fold cross-validated precision and recall per threshold
(folds by article) instead of saving, which is how the threshold in the model card was chosen.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from chronicler.extract.learned import SEED, save, train

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cross_validate(
    rows: list[dict[str, Any]], folds: int, oof: Path | None = None
) -> dict[float, dict[str, float]]:
    docs = sorted({r["doc"] for r in rows})
    random.Random(SEED).shuffle(docs)
    fold_of = {d: i % folds for i, d in enumerate(docs)}
    tally: dict[float, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn per threshold
    predictions = []
    for k in range(folds):
        model = train([r for r in rows if fold_of[r["doc"]] != k])
        held = [r for r in rows if fold_of[r["doc"]] == k]
        for row, doc in zip(held, model.pipe(r["text"] for r in held), strict=True):
            gold = set(row["labels"])
            predictions.append({**row, "cats": doc.cats})
            for t in THRESHOLDS:
                got = {label for label, p in doc.cats.items() if p >= t}
                tally[t][0] += len(got & gold)
                tally[t][1] += len(got - gold)
                tally[t][2] += len(gold - got)
    if oof is not None:  # out-of-fold probabilities, to measure the detector combined with the rules
        lines = (json.dumps(p, ensure_ascii=False) + "\n" for p in predictions)
        oof.write_text("".join(lines), encoding="utf-8")
    out = {}
    for t, (tp, fp, fn) in sorted(tally.items()):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="sentences with labels, from scripts/detector_data.py")
    parser.add_argument("--out", type=Path, help="where to save the model")
    parser.add_argument("--cv", type=int, default=0, help="K-fold cross-validation by article, not saving")
    parser.add_argument("--oof", type=Path, help="with --cv: write the out-of-fold probabilities here")
    args = parser.parse_args(argv)
    rows = read(args.data)
    if args.cv:
        print(json.dumps(cross_validate(rows, args.cv, args.oof), indent=1))
        return 0
    if args.out is None:
        parser.error("give --out or --cv")
    save(train(rows), args.out, [r["text"] for r in rows])
    print(f"saved {args.out} ({len(rows)} sentences)", file=sys.stderr)
    return 0



if __name__ == "__main__":
    raise SystemExit(main())
