"""The quality floor: chronicler on its own example corpus may not fall below tests/quality_floor.json.

The example corpus (examples/) is extracted with the real pipeline and scored against its gold
files exactly as the devset's score.py scores. Every figure named in the floor file must be at
least its floor. After an improvement, raise the floors: run
``chronicler evaluate tests/evaluate/gold examples/`` and set each figure in
tests/quality_floor.json to the new value rounded DOWN to 2 decimals.
"""

from __future__ import annotations

from pathlib import Path

from chronicler.config import Settings
from chronicler.evaluate.floor import load_floors, shortfalls
from chronicler.evaluate.runner import extract_corpus
from chronicler.evaluate.scoring import gold_doc_id, load_gold, score
from chronicler.sources.files import KINDS

ROOT = Path(__file__).resolve().parents[2]
FLOOR_FILE = ROOT / "tests" / "quality_floor.json"
HOW_TO_RAISE = (
    "After an improvement, raise the floors instead: run `chronicler evaluate tests/evaluate/gold examples/` "
    f"and set each figure in {FLOOR_FILE.relative_to(ROOT)} to the new value rounded DOWN to 2 decimals."
)


def _documents() -> list[str]:
    # The top-level example files only, so that gold files kept beside them are never read as documents.
    return [str(p) for p in sorted((ROOT / "examples").iterdir()) if p.is_file() and p.suffix in KINDS]


def test_examples_stay_above_the_quality_floor(example_gold: Path) -> None:
    corpus = extract_corpus(_documents(), Settings())
    assert not corpus.failures, [f"{f.source}: {f.reason}" for f in corpus.failures]
    ids = {gold_doc_id(p.stem, load_gold(p)) for p in example_gold.glob("*.json")}
    lost = sorted(ids - set(corpus.texts))
    assert not lost, (
        f"gold files describe documents chronicler no longer reads under these ids: {lost}. "
        "A text page's id is its content hash: if cleaning changed, update the gold file's 'article'."
    )
    result = score(example_gold, corpus.events)
    fallen = shortfalls(result, load_floors(FLOOR_FILE))
    assert not fallen, (
        "quality fell below the floor on the example corpus:\n  "
        + "\n  ".join(str(s) for s in fallen)
        + "\nSee what was lost: chronicler evaluate tests/evaluate/gold examples/ --json "
        + "(misses, false_positives).\n"
        + HOW_TO_RAISE
    )
