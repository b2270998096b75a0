"""Gold-file checks, and the example corpus's gold: valid, and a faithful copy of examples/README.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from chronicler.evaluate.gold import anchor_problems, check_gold, field_problems, validate_gold
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.triggers import Lexicon
from chronicler.pipeline import read_documents
from chronicler.records import Document

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Police arrested 40 workers in Arak. Police arrested them again on Monday."


@pytest.mark.parametrize(
    ("anchor", "problem"),
    [
        ("arrested 40 workers in Arak", None),
        ("arrested 40 workers in Arak.", None),
        ("Police arrested", "occurs 2 times"),
        ("police arrested 40 workers", "not found verbatim"),  # verbatim means case too
        ("arrested  40 workers", "not found verbatim"),
        ("", "no anchor"),
    ],
)
def test_anchor_problems(anchor: str, problem: str | None) -> None:
    found = anchor_problems(anchor, TEXT, "the text")
    assert (found == []) if problem is None else (len(found) == 1 and problem in found[0])


def _event(**fields: Any) -> dict[str, Any]:
    return {
        "anchor": "arrested 40 workers",
        "event": "COERCE",
        "mode": "arrest",
        "historical": False,
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({}, None),
        ({"date": "2019-11", "enddate": "2019-11-20"}, None),
        (
            {
                "place": {"name": "Arak", "country": "IR"},
                "counts": [{"kind": "arrested", "low": 40, "high": None, "qualifier": "exact"}],
            },
            None,
        ),
        ({"event": "ARREST"}, "bad type"),
        ({"mode": "firearms"}, "not a mode of COERCE"),
        ({"date": "16 Nov 2019"}, "bad date"),
        ({"enddate": "2019-1"}, "bad enddate"),
        ({"place": {"name": "Arak"}}, "bad place"),
        ({"counts": [{"kind": "detained", "low": 40, "qualifier": "exact"}]}, "bad count"),
        ({"counts": [{"kind": "arrested", "low": "40", "qualifier": "exact"}]}, "whole number"),
        ({"modality": "likely"}, "bad modality"),
        ({"historical": "no"}, "historical must be"),
    ],
)
def test_field_problems(fields: dict[str, Any], problem: str | None, lexicon: Lexicon) -> None:
    found = field_problems(_event(**fields), lexicon)
    assert (found == []) if problem is None else any(problem in p for p in found), found


def test_check_gold_checks_the_gold_text_too(lexicon: Lexicon) -> None:
    gold = {"text": "Police arrested 40 workers in Arak.", "events": [_event(anchor="again on Monday")]}
    problems = check_gold(gold, TEXT, lexicon)
    assert problems == ["event 0 ('again on Monday'): anchor not found verbatim in the gold text"]


def test_validate_gold_names_file_and_event(tmp_path: Path) -> None:
    (tmp_path / "a1.json").write_text(
        json.dumps({"article": "doc-1", "events": [_event(anchor="Police arrested")]})
    )
    (tmp_path / "a2.json").write_text(json.dumps({"events": []}))
    (tmp_path / "a3.json").write_text("{")
    problems = validate_gold(tmp_path, {"doc-1": TEXT})
    assert problems[0] == (
        "a1: event 0 ('Police arrested'): anchor occurs 2 times in the cleaned document text; "
        "it must be unique"
    )
    assert problems[1] == "a2: no document with id 'a2' among those read"
    assert problems[2].startswith(f"{tmp_path / 'a3.json'}:1: gold file is not JSON")
    assert validate_gold(tmp_path / "none", {}) == [f"{tmp_path / 'none'}: no gold files (*.json)"]


def test_example_gold_anchors_are_verbatim_and_unique(example_gold: Path, knowledge: KnowledgeBase) -> None:
    read = read_documents([str(ROOT / "examples")], boilerplate=knowledge.boilerplate)
    docs = {d.id: d.text for d in read if isinstance(d, Document)}
    assert validate_gold(example_gold, docs) == []
    assert len(list(example_gold.glob("*.json"))) == len(docs) == 10


def test_example_gold_is_the_readme_tables(example_gold: Path) -> None:
    script = ROOT / "scripts" / "examples_gold.py"
    run = subprocess.run(
        [sys.executable, str(script), "--check", "--out", str(example_gold)], capture_output=True, text=True
    )
    assert run.returncode == 0, f"{run.stdout}{run.stderr}\nregenerate: python scripts/examples_gold.py"
    events = [e for p in example_gold.glob("*.json") for e in json.loads(p.read_text())["events"]]
    assert len(events) == 80
