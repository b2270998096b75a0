"""What the command line does before any command: its imports, --version, and -v/-q logging."""

from __future__ import annotations

import importlib.metadata
import logging
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronicler
from chronicler import cli
from chronicler.cli import app

HEAVY = ("spacy", "scipy", "datasketch", "alembic", "trafilatura", "sqlalchemy")


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """The CLI sets up the ``chronicler`` logger; put it back as it was for the next test."""
    logger = logging.getLogger("chronicler")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers


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


@pytest.mark.parametrize(
    ("flags", "level"),
    [
        ([], logging.WARNING),
        (["-v"], logging.INFO),
        (["-vv"], logging.DEBUG),
        (["--verbose", "--verbose", "--verbose"], logging.DEBUG),
        (["-q"], logging.ERROR),
        (["--quiet", "-vv"], logging.ERROR),
    ],
)
def test_verbosity_flags_set_the_log_level(runner: CliRunner, flags: list[str], level: int) -> None:
    result = runner.invoke(app, [*flags, "sources", "--help"])
    assert result.exit_code == 0, result.output
    assert logging.getLogger("chronicler").getEffectiveLevel() == level


def test_set_up_twice_leaves_one_handler(runner: CliRunner) -> None:
    runner.invoke(app, ["-v", "sources", "--help"])
    runner.invoke(app, ["-v", "sources", "--help"])
    names = [h.get_name() for h in logging.getLogger("chronicler").handlers]
    assert names.count("chronicler.cli") == 1


def _unreadable(tmp_path: Path) -> str:
    path = tmp_path / "empty.txt"
    path.write_text("")
    return str(path)


def test_log_messages_go_to_stderr_not_stdout(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["-v", "ingest", _unreadable(tmp_path)])
    assert result.exit_code == 1, result.output  # an input failed
    assert result.stdout == ""
    assert "INFO chronicler.service: set aside" in result.stderr and "empty.txt" in result.stderr


def test_quiet_prints_no_summary_but_still_names_the_failure(runner: CliRunner, tmp_path: Path) -> None:
    loud = runner.invoke(app, ["ingest", _unreadable(tmp_path)])
    assert "documents read: 1" in loud.stderr and "INFO" not in loud.stderr
    quiet = runner.invoke(app, ["-q", "ingest", _unreadable(tmp_path)])
    assert quiet.exit_code == 1, quiet.output  # an input failed
    assert "documents read" not in quiet.stderr and "database:" not in quiet.stderr
    assert "failed" in quiet.stderr and "empty.txt" in quiet.stderr
