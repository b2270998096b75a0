"""Tables for a person at 80 columns (issue 16): every line fits, ids are printed whole (so they
can be pasted into `show` and `claims`), and `events` shows type, date and place; --wide shows
every column. Over the consolidation corpus of tests/fixtures, read with the real model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler.cli import app

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).resolve().parent / "fixtures" / "consolidation"
ID = re.compile(r"\bev_[0-9a-f]{20}\b")


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    db = tmp_path_factory.mktemp("tables") / "t.sqlite"
    runner = CliRunner(env={"CHRONICLER_DB": str(db), "CHRONICLER_DOC_TIMEOUT": "0", "COLUMNS": "80"})
    result = runner.invoke(app, ["ingest", str(CORPUS), str(CORPUS / "missing.txt")])
    assert result.exit_code == 1, result.output  # the missing file makes a stored failure
    return runner


def _lines(runner: CliRunner, *args: str) -> list[str]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _stored_ids(runner: CliRunner) -> list[str]:
    return [json.loads(line)["id"] for line in _lines(runner, "events", "--format", "jsonl")]


def test_events_at_80_columns_show_whole_ids_type_date_and_place(runner: CliRunner) -> None:
    lines = _lines(runner, "events")
    assert max(len(line) for line in lines) <= 80
    ids = _stored_ids(runner)
    assert len(ids) > 5
    shown = [ID.search(line) for line in lines]
    assert sorted(m.group(0) for m in shown if m) == sorted(ids)
    first = next(line for line in lines if ID.match(line))
    assert re.match(r"ev_\w{20}  [A-Z]+ .* \d{4}(-\d\d){0,2} .*\w", first), first
    pasted = runner.invoke(app, ["show", ids[0]])
    assert pasted.exit_code == 0 and max(len(line) for line in pasted.stdout.splitlines()) <= 80


def test_wide_shows_every_column_and_the_whole_text(runner: CliRunner) -> None:
    lines = _lines(runner, "events", "--wide")
    header = lines[1]
    for column in ("id", "event", "mode", "date", "place", "actor", "counts", "claimed_by", "text"):
        assert f" {column} " in header
    texts = [json.loads(line)["text"] for line in _lines(runner, "events", "--format", "jsonl")]
    assert all(any(t in line for line in lines) for t in texts)


def test_other_tables_fit_80_columns(runner: CliRunner) -> None:
    events = [json.loads(line) for line in _lines(runner, "export", "consolidated")]
    with_claims = next(e["id"] for e in events if e["claims"])
    for command in (["sources"], ["failures"], ["claims", with_claims]):
        lines = _lines(runner, *command)
        assert lines and max(len(line) for line in lines) <= 80, command
    claims = "\n".join(_lines(runner, "claims", with_claims))
    assert with_claims in claims


def test_piped_output_without_columns_is_the_wide_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["events"], env={"COLUMNS": None})
    assert result.exit_code == 0, result.output
    assert " claimed_by " in result.stdout.splitlines()[1]
