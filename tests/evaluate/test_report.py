"""The text report: what score.py prints without --json, line for line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from chronicler.evaluate.report import render_text
from chronicler.evaluate.scoring import prf, score


def test_render_text_layout() -> None:
    result = {
        "events_all": prf(1, 0, 1),
        "events_material": prf(1, 0, 0),
        "events_verbal": prf(0, 0, 1),
        "count_claims": prf(0, 0, 0),
        "attributes": {"date": 1.0, "modality_marked": None},
        "attribute_n": {"date": 1, "modality_marked": 0},
        "per_type": {"ASSAULT": prf(1, 0, 0), None: prf(0, 1, 0)},
    }
    lines = render_text(result).splitlines()
    assert lines[0] == "events_all       {'p': 1.0, 'r': 0.5, 'f1': 0.667, 'tp': 1, 'fp': 0, 'fn': 1}"
    assert lines[4:7] == [
        "attributes (on matched events):",
        "  date         1.0  (n=1)",
        "  modality_marked None  (n=0)",
    ]
    assert lines[7] == "per type:"
    assert lines[9].startswith("  None       {'p': 0.0")  # an untyped event does not break the report


def test_render_text_is_what_score_py_prints(
    devset: Path, synthetic_system: list[dict[str, Any]], tmp_path: Path
) -> None:
    path = tmp_path / "system.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in synthetic_system))
    args = [sys.executable, str(devset / "score.py"), str(devset / "docs"), str(devset / "gold"), str(path)]
    printed = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    assert render_text(score(devset / "gold", synthetic_system)) + "\n" == printed
