"""compare acled and compare gdelt as a user runs them, on the example corpus's database and the
sample files of tests/fixtures/compare (rows written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler.cli import app

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "compare"


@pytest.fixture(scope="module")
def runner(examples_db: Path) -> CliRunner:
    return CliRunner(env={"CHRONICLER_DB": str(examples_db)})


@pytest.mark.parametrize("command", [["compare"], ["compare", "acled"], ["compare", "gdelt"]])
def test_help_explains_with_an_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Example: chronicler compare" in result.output


def test_acled_rows_beside_the_events_and_what_each_side_lacks(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", "acled", str(FIXTURES / "acled_sample.csv"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    pairs = [x for x in lines if "rows" in x]
    matched = {r["id"]: p["chronicler"] for p in pairs for r in p["rows"]}
    assert set(matched) == {"TST1", "TST3", "TST4"}
    # the Mahshahr shooting goes to the crackdown of 16 November 2019, with its competing tolls
    crackdown = matched["TST1"]
    assert crackdown["event"] == "ASSAULT" and crackdown["date"] == "2019-11-16"
    assert len({c["claimed_by"] and c["claimed_by"]["entity_text"] for c in crackdown["claims"]}) > 2
    assert matched["TST4"]["event_loc"]["resolved_place"] == "Zahedan"
    theirs = {x["row"]["id"] for x in lines if x.get("only_in") == "ACLED"}
    assert theirs == {"TST2", "TST6"}  # the riot in Shiraz (we have an arson), the march in Baghdad
    ours = [x["chronicler"] for x in lines if x.get("only_in") == "chronicler"]
    assert ours and all(e["event_loc"]["country_code"] == "IR" for e in ours)
    assert "line 6: date '31 Smarch 2019' is no date" in result.stderr
    assert "3 event(s) matched to 3 ACLED row(s)" in result.stderr


def test_gdelt_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", "gdelt", str(FIXTURES / "gdelt_sample.tsv")])
    assert result.exit_code == 0, result.output
    assert "GDELT 900001" in result.stdout and "only in GDELT: 1" in result.stdout
    assert "1 of theirs (not material conflict)" in result.stderr


def test_bad_input_is_a_usage_error_naming_the_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "events.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", "acled", str(bad)])
    assert result.exit_code == 2 and "events.csv: not an ACLED export" in result.output
    missing = runner.invoke(app, ["compare", "acled", str(tmp_path / "absent.csv")])
    assert missing.exit_code == 2 and "absent.csv" in missing.output


def test_no_database_is_a_usage_error(tmp_path: Path) -> None:
    runner = CliRunner(env={"CHRONICLER_DB": str(tmp_path / "none.sqlite")})
    result = runner.invoke(app, ["compare", "acled", str(FIXTURES / "acled_sample.csv")])
    assert result.exit_code == 2 and "no database" in result.output
    assert not (tmp_path / "none.sqlite").exists()
