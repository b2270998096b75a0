"""Sentence-level training data for the learned event detector, from the development set's gold.

Each article of a split is read and cleaned exactly as ``chronicler extract`` reads it, cut into
paragraphs and sentences as the detector will cut them at run time, and each sentence is labelled
with the PLOVER types of the gold events whose anchor it contains (the development set's scorer
matches an event to a sentence the same way). The text never leaves the machine: the output is
written to a path you give, outside the repository.

usage: python scripts/detector_data.py DEVSET_DIR SPLIT OUT.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from chronicler.extract.sentences import sentences
from chronicler.pipeline import read_documents, shared_knowledge
from chronicler.records import Document


def norm(text: str) -> str:
    """The development set scorer's normalisation: NFKC, straight quotes, folded spaces, lower case."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def examples(document: Document, gold: dict[str, object]) -> Iterator[dict[str, object]]:
    events = gold.get("events")
    gold_events = events if isinstance(events, list) else []
    anchors = [(norm(str(e["anchor"])), str(e["event"])) for e in gold_events if isinstance(e, dict)]
    for start, end in sentences(document.text):
        text = document.text[start:end]
        key = norm(text)
        labels = Counter(kind for anchor, kind in anchors if anchor and anchor in key)
        yield {"doc": document.id, "language": document.language, "start": start, "end": end,
               "text": text, "labels": dict(labels)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("devset", type=Path)
    parser.add_argument("split", help="a file name under DEVSET/splits without .txt (train, dev)")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    names = (args.devset / "splits" / f"{args.split}.txt").read_text(encoding="utf-8").split()
    paths = [str(args.devset / "docs" / f"{name}.json") for name in names]
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        for item in read_documents(paths, boilerplate=shared_knowledge(()).boilerplate):
            if not isinstance(item, Document):
                print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
                continue
            name = Path(item.source).stem
            gold = json.loads((args.devset / "gold" / f"{name}.json").read_text(encoding="utf-8"))
            for example in examples(item, gold):
                example["doc"] = name
                out.write(json.dumps(example, ensure_ascii=False) + "\n")
                written += 1
    print(f"{written} sentences from {len(names)} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
