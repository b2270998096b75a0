"""scripts/build_gazetteer.py regenerates the shipped gazetteer pack byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_gazetteer.py"
SHIPPED = ROOT / "src" / "chronicler" / "packs" / "gazetteer" / "places.tsv"


@pytest.mark.slow
def test_the_shipped_pack_is_what_the_script_builds(tmp_path: Path) -> None:
    out = tmp_path / "places.tsv"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == SHIPPED.read_bytes(), "the pack is stale: run scripts/build_gazetteer.py"
