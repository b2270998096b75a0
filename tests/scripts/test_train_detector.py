"""scripts/train_detector.py: the same data gives the same model; cross-validation reports per threshold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "train_detector.py"
ROWS = [
    *({"doc": f"p{i}", "text": f"Workers number {i} staged a sit-in at the plant.", "labels": {"PROTEST": 1}}
      for i in range(6)),
    *({"doc": f"c{i}", "text": f"Police detained activist number {i} at home.", "labels": {"COERCE": 1}}
      for i in range(6)),
    *({"doc": f"n{i}", "text": f"The library number {i} opened a reading room.", "labels": {}}
      for i in range(6)),
]


@pytest.mark.slow
def test_training_is_reproducible_and_cross_validation_reports(tmp_path: Path) -> None:
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    models = []
    for name in ("a", "b"):
        subprocess.run([sys.executable, str(SCRIPT), str(data), "--out", str(tmp_path / name)],
                       check=True, capture_output=True)
        models.append((tmp_path / name / "textcat_multilabel" / "model").read_bytes())
    assert models[0] == models[1]
    command = [sys.executable, str(SCRIPT), str(data), "--cv", "3", "--oof", str(tmp_path / "oof")]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert set(report) == {"0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"}
    assert all(0.0 <= v["p"] <= 1.0 and 0.0 <= v["r"] <= 1.0 for v in report.values())
    assert len((tmp_path / "oof").read_text(encoding="utf-8").splitlines()) == len(ROWS)
