"""scripts/train_detector.py: the same data gives the same model; cross-validation writes every sentence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "train_detector.py"
ROWS = [
    *(
        {
            "doc": f"p{i}",
            "text": f"Workers number {i} staged a sit-in at the plant.",
            "labels": {"PROTEST": 1},
        }
        for i in range(6)
    ),
    *(
        {"doc": f"c{i}", "text": f"Police detained activist number {i} at home.", "labels": {"COERCE": 1}}
        for i in range(6)
    ),
    *(
        {"doc": f"n{i}", "text": f"The library number {i} opened a reading room.", "labels": {}}
        for i in range(6)
    ),
]


@pytest.mark.slow
def test_training_is_reproducible_and_cross_validation_writes_every_sentence(tmp_path: Path) -> None:
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    models = []
    for name in ("a", "b"):
        out = tmp_path / name / "detector.json"
        subprocess.run(
            [sys.executable, str(SCRIPT), str(data), "--out", str(out)], check=True, capture_output=True
        )
        models.append(json.loads(out.read_text(encoding="utf-8")))
    assert models[0] == models[1]
    assert models[0]["types"] == ["PROTEST", "COERCE"] and models[0]["languages"] == ["en"]
    assert models[0]["threshold"] == 0.7 and len(models[0]["weights"][0]) == 384
    command = [sys.executable, str(SCRIPT), str(data), "--cv", "3", "--oof", str(tmp_path / "oof")]
    subprocess.run(command, check=True, capture_output=True, text=True)
    rows = [json.loads(line) for line in (tmp_path / "oof").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == [r["text"] for r in ROWS]
    assert all(set(r["cats"]) == {"PROTEST", "COERCE"} and min(r["cats"].values()) >= 0 for r in rows)


def test_cross_validation_needs_a_file_for_its_probabilities(tmp_path: Path) -> None:
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(data), "--cv", "3"], capture_output=True, text=True
    )
    assert done.returncode == 2 and "--cv needs --oof" in done.stderr
