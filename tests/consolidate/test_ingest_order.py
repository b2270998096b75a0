"""Consolidated events do not depend on the order documents were ingested in: the example corpus
ingested in one batch, and file by file in reverse order (each ingest consolidating what is
stored so far), into two real SQLite files, gives byte-identical exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicler import service
from chronicler.config import Settings

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in {".json", ".jsonl", ".html", ".txt"})


def _export(settings: Settings) -> str:
    events = service.export_consolidated(settings)
    return "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in events)


def test_the_examples_forward_and_one_by_one_in_reverse_give_identical_exports(tmp_path: Path) -> None:
    # doc_timeout 0: extraction in this process, the model loaded once for both databases
    forward = Settings(db=str(tmp_path / "forward.sqlite"), doc_timeout=0)
    backward = Settings(db=str(tmp_path / "backward.sqlite"), doc_timeout=0)
    assert len(FILES) >= 9
    assert not service.ingest(FILES, forward).failures
    for path in reversed(FILES):
        assert not service.ingest([path], backward).failures
    exported = _export(forward)
    assert exported.count("\n") > 50
    assert _export(backward) == exported
    # and consolidating again changes nothing
    service.consolidate(backward)
    assert _export(backward) == exported
