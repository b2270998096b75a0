"""Train the learned event detector (logistic layers over MiniLM sentence embeddings), reproducibly.

    python scripts/detector_data.py ../shared/devset train /tmp/det/train.jsonl
    python scripts/train_detector.py /tmp/det/train.jsonl --out src/chronicler/models/detector/detector.json

The embeddings are the fixed all-MiniLM-L6-v2 vectors (chronicler.extract.embedding) and each type's
classifier is a convex L2-regularised logistic regression: the same data gives the same model, with
no seed to set. ``--cv K`` instead writes K-fold out-of-fold probabilities (folds by article) to
``--oof``, which ``bench/detector_ablation.py`` joins with the rules' output to choose the threshold
(the model card says how) and to report rules only, detector only, and both.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

from chronicler.extract.embedding import load_encoder
from chronicler.extract.learned import train
from chronicler.pipeline import shared_knowledge

SEED = 0  # only the assignment of articles to folds is random


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def folds_of(rows: list[dict[str, Any]], folds: int) -> dict[str, int]:
    """The fold of each article: the one assignment every detector's cross-validation uses."""
    docs = sorted({r["doc"] for r in rows})
    random.Random(SEED).shuffle(docs)
    return {d: i % folds for i, d in enumerate(docs)}


def out_of_fold(
    rows: list[dict[str, Any]], embeddings: np.ndarray, types: tuple[str, ...], folds: int, c: float
) -> list[dict[str, Any]]:
    """Each sentence with the probabilities of a detector trained on the other folds' articles."""
    fold_of = folds_of(rows, folds)
    out: list[dict[str, Any]] = [{} for _ in rows]
    for k in range(folds):
        inside = [i for i, r in enumerate(rows) if fold_of[r["doc"]] != k]
        held = [i for i, r in enumerate(rows) if fold_of[r["doc"]] == k]
        model = train(embeddings[inside], [rows[i]["labels"] for i in inside], types, c=c)
        for i, probs in zip(held, model.probabilities(embeddings[held]), strict=True):
            cats = {t: round(float(p), 5) for t, p in zip(model.types, probs, strict=True)}
            out[i] = {**rows[i], "cats": cats}
    return out


def add_threshold_options(parser: argparse.ArgumentParser) -> None:
    """The thresholds a trained detector is saved with, the same for both training scripts."""
    parser.add_argument("--threshold", type=float, default=0.7, help="probability an added event needs")
    parser.add_argument(
        "--beside",
        type=float,
        default=0.9,
        help="probability an event needs in a sentence where the rules found another type",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="sentences with labels, from scripts/detector_data.py")
    parser.add_argument("--out", type=Path, help="where to write the model (detector.json)")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of each classifier")
    add_threshold_options(parser)
    parser.add_argument("--cv", type=int, default=0, help="K-fold cross-validation by article, not saving")
    parser.add_argument("--oof", type=Path, help="with --cv: where to write the out-of-fold probabilities")
    args = parser.parse_args(argv)
    rows = read(args.data)
    embeddings = load_encoder().encode([r["text"] for r in rows])
    types = tuple(shared_knowledge().language("en").lexicon.groups)  # the PLOVER types of packs/plover.yaml
    if args.cv:
        if args.oof is None:
            parser.error("--cv needs --oof")
        found = out_of_fold(rows, embeddings, types, args.cv, args.c)
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in found)
        args.oof.write_text("".join(lines), encoding="utf-8")
        print(f"wrote {args.oof} ({len(rows)} sentences, {args.cv} folds)", file=sys.stderr)
        return 0
    if args.out is None:
        parser.error("give --out or --cv")
    model = train(
        embeddings, [r["labels"] for r in rows], types, c=args.c, threshold=args.threshold, beside=args.beside
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    print(f"saved {args.out} ({len(rows)} sentences, types {', '.join(model.types)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
