"""The command line as a user drives it: real files, a real SQLite database, the real model."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronicler.cli import app

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = str(ROOT / "examples")
BAD = ROOT / "tests" / "fixtures" / "bad"


@pytest.fixture()
def runner(tmp_path: Path) -> CliRunner:
    return CliRunner(env={"CHRONICLER_DB": str(tmp_path / "test.sqlite")})


def _jsonl(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def _text(value: object) -> str:
    """A JSON string field, narrowed for comparison."""
    assert isinstance(value, str), value
    return value


def _object(value: object) -> dict[str, object]:
    """A JSON object field that may be null (null reads as {})."""
    if value is None:
        return {}
    assert isinstance(value, dict), value
    return value


@pytest.mark.parametrize("command", [[], ["extract"], ["ingest"], ["events"], ["show"], ["failures"]])
def test_help_explains_with_an_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: chronicler" in result.output


def test_extract_jsonl_is_the_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", EXAMPLES, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = _jsonl(result.stdout)
    assert events
    keys = {
        "id",
        "doc_id",
        "event",
        "mode",
        "context",
        "actor",
        "recipient",
        "date",
        "enddate",
        "event_loc",
        "places",
        "counts",
        "claimed_by",
        "modality",
        "historical",
        "text",
        "text_info",
        "trigger",
        "outlet",
        "extractor",
        "confidence",
    }
    assert all(set(e) == keys for e in events)


def test_extract_reads_stdin(runner: CliRunner) -> None:
    doc = {"id": "s1", "published": "2021-03-02", "text": "Police arrested forty workers in Arak on Monday."}
    result = runner.invoke(app, ["extract", "-"], input=json.dumps(doc) + "\n")
    assert result.exit_code == 0, result.output
    (event,) = _jsonl(result.stdout)
    assert (event["doc_id"], event["event"], event["date"]) == ("s1", "COERCE", "2021-03-01")
    counts = event["counts"]
    assert isinstance(counts, list) and counts[0]["low"] == 40


def test_ingest_is_idempotent_and_events_match_extract(runner: CliRunner) -> None:
    first = runner.invoke(app, ["ingest", EXAMPLES])
    assert first.exit_code == 0, first.output
    assert "stored: 10" in first.output and "failed: 0" in first.output
    again = runner.invoke(app, ["ingest", EXAMPLES])
    assert "stored: 0" in again.output and "skipped as unchanged: 10" in again.output
    stored = _jsonl(runner.invoke(app, ["events", "--format", "jsonl"]).stdout)
    extracted = _jsonl(runner.invoke(app, ["extract", EXAMPLES]).stdout)
    assert sorted(json.dumps(e, sort_keys=True) for e in stored) == sorted(
        json.dumps(e, sort_keys=True) for e in extracted
    )


def test_events_filters_and_show(runner: CliRunner) -> None:
    runner.invoke(app, ["ingest", EXAMPLES])
    assaults = _jsonl(runner.invoke(app, ["events", "--type", "assault", "--format", "jsonl"]).stdout)
    assert assaults and all(e["event"] == "ASSAULT" for e in assaults)
    news = _jsonl(runner.invoke(app, ["events", "--no-historical", "--country", "IR", "-f", "jsonl"]).stdout)
    assert news and all(not e["historical"] for e in news)
    assert all(_object(e["event_loc"]).get("country_code") == "IR" for e in news)
    since = _jsonl(runner.invoke(app, ["events", "--since", "2022-01-01", "-f", "jsonl"]).stdout)
    assert since and all(_text(e["date"]) >= "2022" for e in since)
    shown = runner.invoke(app, ["show", _text(assaults[0]["id"])])
    assert shown.exit_code == 0
    assert "extractor" in shown.stdout and str(assaults[0]["doc_id"]) in shown.stdout
    missing = runner.invoke(app, ["show", "ev_nope"])
    assert missing.exit_code == 1


def test_csv_output(runner: CliRunner) -> None:
    runner.invoke(app, ["ingest", EXAMPLES])
    lines = runner.invoke(app, ["events", "--format", "csv"]).stdout.splitlines()
    assert lines[0].startswith("id,event,mode,date")


def test_bad_files_are_recorded_and_the_batch_goes_on(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ingest", str(BAD)])
    assert result.exit_code == 1, result.output  # some inputs failed
    # one_bad_line.jsonl holds two good documents around a broken line
    assert "stored: 2" in result.output
    for name in (
        "binary.txt",
        "empty.txt",
        "latin1.txt",
        "one_bad_line.jsonl:2",
        "list_not_object.json",
        "no_text_no_html.json",
    ):
        assert name in result.output, name


def test_bad_filter_value_is_a_clear_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["events", "--since", "last tuesday"])
    assert result.exit_code == 2
    assert "since" in result.output


# chronicler evaluate

GOLD = ROOT / "tests" / "evaluate" / "gold"


def _system_file(tmp_path: Path) -> Path:
    path = tmp_path / "system.jsonl"
    event = {
        "doc_id": "ex03-state-media",
        "event": "REQUEST",
        "text": "He called on families to keep their children away.",
    }
    path.write_text(json.dumps(event) + "\n")
    return path


def test_evaluate_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0 and "Example: chronicler evaluate" in result.output


def test_evaluate_extracts_in_process_and_scores(runner: CliRunner) -> None:
    from chronicler.evaluate.scoring import score

    result = runner.invoke(
        app, ["evaluate", str(GOLD), EXAMPLES, "--json", "--only", "ex01-wire-fuel-protests"]
    )
    assert result.exit_code == 0, result.output
    scored = json.loads(result.stdout)
    assert scored["articles"] == 1 and scored["events_all"]["tp"] > 0
    extracted = _jsonl(runner.invoke(app, ["extract", EXAMPLES]).stdout)
    assert scored == json.loads(json.dumps(score(GOLD, extracted, {"ex01-wire-fuel-protests"})))


def test_evaluate_a_system_file_prints_the_score_py_report(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(GOLD), EXAMPLES, "--system", str(_system_file(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "events_all       {'p': 1.0, 'r': 0.013, 'f1': 0.025, 'tp': 1, 'fp': 0, 'fn': 79}"
    assert "attributes (on matched events):" in lines and "per type:" in lines
    assert "  REQUEST    {'p': 1.0, 'r': 0.167, 'f1': 0.286, 'tp': 1, 'fp': 0, 'fn': 5}" in lines


def test_evaluate_reports_gold_problems_and_extra_pack_dirs(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    anchor = {"anchor": "no such words anywhere", "event": "PROTEST", "historical": False}
    (gold / "s1.json").write_text(json.dumps({"article": "s1", "events": [anchor]}))
    doc = tmp_path / "s1.json"
    doc.write_text(
        json.dumps({"id": "s1", "published": "2021-03-02", "text": "Police arrested forty workers."})
    )
    result = runner.invoke(app, ["evaluate", str(gold), str(doc), "--packs", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events_all"]["fn"] == 1
    assert "anchor not found verbatim" in result.stderr


@pytest.mark.parametrize(("exists", "message"), [(True, "no gold files"), (False, "not a directory")])
def test_evaluate_without_gold_is_an_error_naming_the_directory(
    runner: CliRunner, tmp_path: Path, exists: bool, message: str
) -> None:
    gold = tmp_path / "gold_here"
    if exists:
        gold.mkdir()
    result = runner.invoke(app, ["evaluate", str(gold), EXAMPLES])
    assert result.exit_code == 2
    assert message in result.output and gold.name in result.output


def test_evaluate_bad_system_file_names_the_line(runner: CliRunner, tmp_path: Path) -> None:
    system = tmp_path / "bad.jsonl"
    system.write_text('{"event": "PROTEST"}\n{oops\n')
    result = runner.invoke(app, ["evaluate", str(GOLD), EXAMPLES, "--system", str(system)])
    assert result.exit_code == 2
    assert "bad.jsonl:2" in result.output


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_faulty_user_pack_stops_before_any_document(tmp_path: Path, command: str) -> None:
    # A path longer than any console is wide: the message must name it whole, never wrapped.
    pack = tmp_path / ("mypack-" + "x" * 90)
    pack.mkdir()
    (pack / "plover.yaml").write_text("version: 1\ntriggers: [unclosed\n", encoding="utf-8")
    db = tmp_path / "test.sqlite"
    runner = CliRunner(env={"CHRONICLER_DB": str(db), "CHRONICLER_PACKS": str(pack)})
    result = runner.invoke(app, [command, EXAMPLES])
    assert result.exit_code == 2
    assert str(pack / "plover.yaml") in result.stderr
    assert "Traceback" not in result.output
    assert not result.stdout.strip()
    assert not db.exists()  # nothing opened, nothing written


# --- reliability (issue 16): hostile inputs, the per-document budget, exit codes ----------------

GOOD = "Police arrested forty workers in Arak on Monday, a rights group said.\n"
DEEP = "[" * 5000 + "]" * 5000


def _failures(runner: CliRunner) -> dict[str, str]:
    listed = runner.invoke(app, ["failures", "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    return {Path(str(row["source"])).name: str(row["code"]) for row in _jsonl(listed.stdout)}


def test_hostile_files_fail_alone_with_codes_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_deep.json").write_text('{"text": "x", "ignored": ' + DEEP + "}")
    (folder / "b.jsonl").write_text(json.dumps({"id": "b1", "text": GOOD}) + "\n" + DEEP + "\n")
    os.mkfifo(folder / "pipe.txt")  # opened, it would hang the run
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "z_good.txt").write_text(GOOD.replace("Arak", "Qom"))
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "stored: 2" in result.output and "failed: 4" in result.output
    for name in ("a_deep.json", "b.jsonl:2", "pipe.txt", "loop.txt"):
        assert f"failed {folder / name}" in " ".join(result.stderr.split()), name
    assert _failures(runner) == {
        "a_deep.json": "too_deep",
        "b.jsonl:2": "too_deep",
        "loop.txt": "symlink_loop",
        "pipe.txt": "special_file",
    }
    clean_run = runner.invoke(app, ["ingest", str(folder / "z_good.txt")])
    assert clean_run.exit_code == 0, clean_run.output  # every input stored (here: already was)


def test_strict_stops_at_the_first_failure(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\xff\xfe not UTF-8")
    (folder / "b.txt").write_text(GOOD)
    result = runner.invoke(app, ["ingest", "--strict", str(folder)])
    assert result.exit_code == 1, result.output
    assert "stored: 0" in result.output and "failed: 1" in result.output
    extracted = runner.invoke(app, ["extract", "--strict", str(folder)])
    assert extracted.exit_code == 1 and not extracted.stdout.strip()


def test_a_document_over_its_budget_is_stored_as_failed_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # About 400 KB of short paragraphs: many seconds of extraction, far over a 1 s budget.
    paragraphs = [f"Police arrested {n} workers in Arak on {n % 28 + 1} March, a rights group said."
                  for n in range(6000)]
    (folder / "a_slow.txt").write_text("\n\n".join(paragraphs))
    (folder / "b_good.txt").write_text(GOOD)
    env = {"CHRONICLER_DB": str(tmp_path / "t.sqlite"), "CHRONICLER_DOC_TIMEOUT": "1"}
    runner = CliRunner(env=env)
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 1, result.output
    assert "stored: 1" in result.output and "failed: 1" in result.output
    assert "took longer than 1 s" in result.stderr
    assert _failures(runner) == {"a_slow.txt": "timeout"}
    stored = _jsonl(runner.invoke(app, ["events", "--format", "jsonl"]).stdout)
    assert [e["event"] for e in stored] == ["COERCE"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["events", "--type", "ASSALT"], "the PLOVER types are ACCUSE, AGREE"),
        (["events", "--since", "2020", "--until", "2019"], "is after until='2019'"),
        (["events", "--since", "2019-13"], "is not a date"),
        (["failures", "--code", "slow"], "the codes are binary"),
    ],
)
def test_a_filter_that_can_match_nothing_is_a_usage_error(
    runner: CliRunner, args: list[str], says: str
) -> None:
    runner.invoke(app, ["ingest", str(ROOT / "examples" / "01_wire_fuel_protests_2019.json")])
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert says in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    "command",
    [
        ["events"],
        ["show", "ev_x"],
        ["claims", "ce_x"],
        ["sources"],
        ["export", "consolidated"],
        ["failures"],
    ],
)
def test_read_commands_never_create_a_database(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "iran.sqlit"
    result = CliRunner().invoke(app, [*command, "--db", str(typo)])
    assert result.exit_code == 2
    assert f"no database at {typo}" in " ".join(result.stderr.split())
    assert not typo.exists()


def test_help_documents_the_exit_codes(runner: CliRunner) -> None:
    text = " ".join(runner.invoke(app, ["--help"]).stdout.split())
    assert "Exit status: 0 when every input was read and stored" in text
    assert "1 when some inputs failed" in text and "2 for a usage error" in text


def _command_paths() -> list[list[str]]:
    import typer.main

    def walk(command: Any, path: list[str]) -> list[list[str]]:
        found = [path]
        for name, sub in getattr(command, "commands", {}).items():  # a group's commands
            found += walk(sub, [*path, name])
        return found

    return walk(typer.main.get_command(app), [])


@pytest.mark.parametrize("command", _command_paths(), ids=lambda c: " ".join(c) or "chronicler")
def test_every_command_explains_itself_with_an_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: chronicler" in result.output
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"chronicler {' '.join(command)}".strip() in readme
