"""`chronicler review` as a reviewer runs it on the examples' database: a correction that the lists,
the exports and the next consolidation read, a rejection that leaves them, the audit trail, undo,
and the errors a mistyped judgement gets."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronicler.cli import app
from chronicler.text.csvcells import read_rows

pytestmark = pytest.mark.slow


@pytest.fixture
def runner(examples_db: Path, tmp_path: Path) -> CliRunner:
    db = tmp_path / "review.sqlite"
    shutil.copyfile(examples_db, db)
    return CliRunner(env={"CHRONICLER_DB": str(db)})


def _ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _events(runner: CliRunner, *filters: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in _ok(runner, "events", "-f", "jsonl", *filters).splitlines()]


def test_a_correction_is_read_by_lists_exports_and_consolidation(runner: CliRunner) -> None:
    target = next(e for e in _events(runner, "--type", "PROTEST") if e["mode"] is None or e["mode"] == "demo")
    ident = str(target["id"])
    if target["mode"] is not None:
        _ok(runner, "review", "correct", ident, "mode", "", "--reviewer", "alice")
    _ok(
        runner,
        "review",
        "correct",
        ident,
        "event",
        "COERCE",
        "--reviewer",
        "alice",
        "--note",
        "a sit-in broken up",
    )
    _ok(runner, "review", "correct", ident, "date", "2019-11-17", "--reviewer", "bob")
    found = next(e for e in _events(runner, "--type", "COERCE") if e["id"] == ident)
    assert (found["event"], found["date"]) == ("COERCE", "2019-11-17")
    assert found["review"]["status"] == "corrected" and found["review"]["reviewers"] == ["alice", "bob"]
    assert ident not in {e["id"] for e in _events(runner, "--type", "PROTEST")}
    rows = {
        r["id"]: r for r in map(json.loads, _ok(runner, "export", "events", "--format", "jsonl").splitlines())
    }
    assert rows[ident]["event"] == "COERCE"
    row = next(
        r
        for r in read_rows(io.StringIO(_ok(runner, "export", "events", "--format", "csv")))
        if r["id"] == ident
    )
    assert (row["event"], row["review"]) == ("COERCE", "corrected")
    assert row["reviewed_fields"].split("; ")[-2:] == ["event", "date"]
    _ok(runner, "consolidate")
    consolidated = map(json.loads, _ok(runner, "export", "consolidated", "--format", "jsonl").splitlines())
    assert any(ident in c["mentions"] and c["event"] == "COERCE" for c in consolidated)
    trail = _ok(runner, "review", "show", ident, "--json").splitlines()
    assert [json.loads(line)["field"] for line in trail][:2] == ["date", "event"]  # newest first


def test_reject_then_undo(runner: CliRunner) -> None:
    ident = str(_events(runner)[0]["id"])
    before = len(_events(runner))
    out = _ok(runner, "review", "reject", ident, "--reviewer", "carol", "--note", "a film's plot")
    number = out.split()[0].lstrip("#")
    assert len(_events(runner)) == before - 1
    assert "reject" in _ok(runner, "show", ident)  # still stored, and says it was rejected
    _ok(runner, "review", "undo", number, "--reviewer", "dave")
    assert len(_events(runner)) == before
    listed = [json.loads(line) for line in _ok(runner, "review", "list", "--json").splitlines()]
    assert listed[0]["undone_by"] == "dave" and listed[0]["reviewer"] == "carol"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["correct", "{id}", "actor", "police"], 2, "unknown field"),
        (["correct", "{id}", "date", "16 Nov"], 2, "write 2019"),
        (["correct", "{id}", "place", "Nowhere-on-Earth"], 2, "not in the gazetteer"),
        (["confirm", "ev_nothere"], 1, "no event mention"),
        (["undo", "999"], 1, "no judgement #999"),
        (["confirm", "{id}", "--reviewer", " "], 2, "1 to 100 characters"),
    ],
)
def test_a_mistyped_judgement_says_what_to_write(
    runner: CliRunner, args: list[str], code: int, message: str
) -> None:
    ident = str(_events(runner)[0]["id"])
    result = runner.invoke(app, ["review", *(a.replace("{id}", ident) for a in args)])
    assert result.exit_code == code and message in result.output, result.output
    assert _ok(runner, "review", "list").strip() == ""  # nothing stored
