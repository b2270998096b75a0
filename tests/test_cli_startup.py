"""What the command line does before any command: its imports and --version."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronicler
from chronicler import cli
from chronicler.cli import app

HEAVY = ("spacy", "scipy", "datasketch", "alembic", "trafilatura", "sqlalchemy")


@pytest.fixture()
def runner(tmp_path: Path) -> CliRunner:
    return CliRunner(env={"CHRONICLER_DB": str(tmp_path / "test.sqlite")})


def test_building_the_app_imports_no_heavy_library() -> None:
    code = f"import chronicler.cli, sys; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_version_is_the_installed_one(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"chronicler {version('chronicler')}\n"


def test_version_without_an_installed_distribution_is_the_package_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert cli.version() == chronicler.__version__
