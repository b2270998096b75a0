"""What chronicler writes does not depend on the run or on the order documents were ingested in
(issue 16, determinism): the example corpus ingested in one batch, again in one batch into a fresh
database, and file by file in reverse order (each ingest consolidating what is stored so far), into
real SQLite files, gives byte-identical exports, every one the command line has."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from chronicler import service
from chronicler.config import Settings

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in {".json", ".jsonl", ".html", ".txt"})

Exports = Callable[..., dict[str, str]]


def _environment() -> dict[str, str]:
    """This process's environment without CHRONICLER_* settings, and with chronicler's source on
    the path (a checkout that is not installed runs too)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHRONICLER_")}
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


def _differences(got: dict[str, str], expected: dict[str, str]) -> list[str]:
    """The exports that differ, the first with its diff."""
    names = sorted(name for name in expected.keys() | got.keys() if got.get(name) != expected.get(name))
    if names:
        diff = difflib.unified_diff(
            expected.get(names[0], "").splitlines(), got.get(names[0], "").splitlines(), lineterm=""
        )
        names[0] += "\n" + "\n".join(diff)
    return names


def test_the_examples_twice_and_one_by_one_in_reverse_give_identical_exports(
    tmp_path: Path, examples_db: Path, exports: Exports
) -> None:
    # examples_db is the first run: examples/ in one batch, extraction in this process, as here
    backward = Settings(db=str(tmp_path / "backward.sqlite"), doc_timeout=0)
    assert len(FILES) >= 9
    # The second run as a user makes it: the command in its own process, with another hash seed,
    # extraction in the worker process (the default doc_timeout)
    again = tmp_path / "again.sqlite"
    run = subprocess.run(
        [sys.executable, "-m", "chronicler.cli", "-q", "ingest", str(EXAMPLES), "--db", str(again)],
        env={**_environment(), "PYTHONHASHSEED": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    for path in reversed(FILES):
        assert not service.ingest([path], backward).failures
    first = exports(str(examples_db))
    assert first["export consolidated"].count("\n") > 50
    assert first["events jsonl"].count("\n") > 80
    assert sum(name.startswith("claims ") for name in first) > 50
    assert _differences(exports(str(again)), first) == []
    assert _differences(exports(backward.db), first) == []
    # and consolidating again changes nothing
    service.consolidate(backward)
    lists = exports(backward.db, per_id=False)
    assert _differences(lists, {name: first[name] for name in lists}) == []


def test_postgresql_gives_the_exports_sqlite_gives(
    empty_postgresql: Callable[[], str], examples_db: Path, exports: Exports
) -> None:
    # The examples file by file in reverse, into PostgreSQL: every export the command line has
    # is byte for byte the one of the SQLite database of the examples in one batch.
    url = empty_postgresql()
    settings = Settings(db=url, doc_timeout=0)
    for path in reversed(FILES):
        assert not service.ingest([path], settings).failures
    assert _differences(exports(url), exports(str(examples_db))) == []
