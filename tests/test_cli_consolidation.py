"""consolidate, export consolidated, claims and sources as a user runs them: the real model and
a small corpus written for these tests (tests/fixtures/consolidation): one wire story, two
reposts of it, a rights group's toll, a state-media toll with a denial, and later the rights
group's revised toll."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronicler.cli import app

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).resolve().parent / "fixtures" / "consolidation"
FIRST = sorted(str(p) for p in CORPUS.glob("*.json"))
LATER = str(CORPUS / "later")


@pytest.fixture()
def runner(tmp_path: Path) -> CliRunner:
    return CliRunner(env={"CHRONICLER_DB": str(tmp_path / "test.sqlite")})


def _export(runner: CliRunner) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["export", "consolidated", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def _shooting(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The event the rights group's toll belongs to."""
    (event,) = [
        e for e in events if any(c["outlet"] == "hengaw.net" and c["kind"] == "dead" for c in e["claims"])
    ]
    return event


@pytest.mark.parametrize(
    "command", [["consolidate"], ["export"], ["export", "consolidated"], ["claims"], ["sources"]]
)
def test_help_explains_with_an_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: chronicler" in result.output


def test_ingest_consolidates_and_reposts_count_once(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ingest", *FIRST])
    assert result.exit_code == 0, result.output
    assert "consolidated:" in result.output and "near-duplicate groups: 1" in result.output
    event = _shooting(_export(runner))
    assert event["event"] == "ASSAULT"
    # The wire story and both reposts are one source; the rights group and state media two more.
    assert {"cons-wire", "cons-repost-a", "cons-repost-b"} <= set(event["documents"])
    assert event["sources"]["outlets"] == ["apnews.com", "hengaw.net", "irna.ir"]
    assert event["sources"]["independent"] == 3
    assert event["disagreement"] is True


def test_ids_survive_a_rerun_and_a_later_document(runner: CliRunner) -> None:
    runner.invoke(app, ["ingest", *FIRST])
    before = _export(runner)
    again = runner.invoke(app, ["consolidate"])
    assert again.exit_code == 0, again.output
    assert _export(runner) == before
    later = runner.invoke(app, ["ingest", LATER])
    assert later.exit_code == 0, later.output
    after = _export(runner)
    assert {e["id"] for e in before} <= {e["id"] for e in after}
    assert _shooting(after)["id"] == _shooting(before)["id"]
    assert "cons-ngo-update" in _shooting(after)["documents"]


def test_claims_shows_the_revision_in_order_and_the_views(runner: CliRunner) -> None:
    runner.invoke(app, ["ingest", *FIRST])
    runner.invoke(app, ["ingest", LATER])
    event = _shooting(_export(runner))
    result = runner.invoke(app, ["claims", event["id"]])
    assert result.exit_code == 0, result.output
    assert "12 -> 19" in result.output
    assert "state_media" in result.output and "iran-state" in result.output
    assert "ACLED conservative: 3; UCDP low/best/high: 3/3/19" in result.output


def test_claims_of_an_unknown_event_is_an_error(runner: CliRunner) -> None:
    runner.invoke(app, ["ingest", *FIRST])
    result = runner.invoke(app, ["claims", "ce_nothing"])
    assert result.exit_code == 1
    assert "no consolidated event with id 'ce_nothing'" in result.output


def test_export_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", *FIRST])
    target = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "consolidated", "--output", str(target)])
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == _export(runner)


def test_sources_lists_outlets_with_type_affiliation_and_counts(runner: CliRunner) -> None:
    runner.invoke(app, ["ingest", *FIRST, LATER])
    result = runner.invoke(app, ["sources"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[1]: line for line in result.stdout.splitlines() if ".ne" in line or ".ir" in line}
    assert "ngo" in rows["hengaw.net"] and "independent" in rows["hengaw.net"]
    assert "state_media" in rows["irna.ir"]
    assert "unknown" in rows["dailyaggregate.example.net"]
    assert "5 outlet(s)" in result.output
