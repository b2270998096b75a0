"""export events and export consolidated as a user runs them: the real model on the consolidation
corpus of tests/fixtures/consolidation (a wire story, its reposts, a rights group's toll, a
state-media toll), each format read back with the reader its users have."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler.cli import app
from chronicler.export.acled import COLUMNS as ACLED
from chronicler.export.columns import CONSOLIDATED_COLUMNS, EVENT_COLUMNS
from chronicler.knowledge.acled import SUB_EVENT_TYPES
from chronicler.text.csvcells import read_rows

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).resolve().parent / "fixtures" / "consolidation"


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    db = tmp_path_factory.mktemp("exports") / "test.sqlite"
    runner = CliRunner(env={"CHRONICLER_DB": str(db)})
    result = runner.invoke(app, ["ingest", *sorted(str(p) for p in CORPUS.glob("*.json"))])
    assert result.exit_code == 0, result.output
    return runner


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _mentions(runner: CliRunner) -> list[dict[str, object]]:
    return [json.loads(line) for line in _run(runner, "events").splitlines()]


@pytest.mark.parametrize("command", [["export", "events"], ["export", "consolidated"]])
def test_help_explains_with_an_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: chronicler export" in result.output and "geojson" in result.output


def test_csv_has_a_row_per_mention_and_the_flat_columns(runner: CliRunner) -> None:
    mentions = _mentions(runner)
    rows = list(read_rows(io.StringIO(_run(runner, "events", "--format", "csv"))))
    assert len(rows) == len(mentions) > 0
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert [r["id"] for r in rows] == [m["id"] for m in mentions]
    for row in rows:
        # A point only for a town; every row names its outlet and the sentence it comes from.
        assert bool(row["latitude"]) == (row["geo_precision"] == "city")
        assert row["outlet"] and row["text"] and row["extractor"]
    killed = [r for r in rows if r["dead_low"]]
    assert killed and all(int(r["dead_low"]) > 0 for r in killed)


def test_filters_apply_as_in_events(runner: CliRunner) -> None:
    rows = list(read_rows(io.StringIO(_run(runner, "events", "-f", "csv", "--type", "assault"))))
    assert rows and {r["event"] for r in rows} == {"ASSAULT"}


def test_acled_columns_and_kinds(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "events", "--format", "acled"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and tuple(rows[0]) == ACLED
    for row in rows:
        assert row["sub_event_type"] in SUB_EVENT_TYPES[row["event_type"]]
        assert row["time_precision"] in {"1", "3"} and row["event_date"][:4] == row["year"]
        assert row["tags"] == "chronicler extraction, not ACLED data"
        assert int(row["fatalities"]) >= 0
    left = len(_mentions(runner)) - len(rows)
    if left:
        assert f"{left} left out" in result.stderr


def test_geojson_features_follow_rfc_7946(runner: CliRunner) -> None:
    collection = json.loads(_run(runner, "events", "--format", "geojson"))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(_mentions(runner))
    for item in collection["features"]:
        geometry, props = item["geometry"], item["properties"]
        if geometry is None:
            assert props["geo_precision"] != "city"
        else:
            lon, lat = geometry["coordinates"]
            assert props["geo_precision"] == "city" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_consolidated_formats(runner: CliRunner) -> None:
    events = [json.loads(line) for line in _run(runner, "consolidated").splitlines()]
    rows = list(read_rows(io.StringIO(_run(runner, "consolidated", "-f", "csv"))))
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert tuple(rows[0]) == CONSOLIDATED_COLUMNS
    tolls = [r for r in rows if r["dead_conservative"]]
    assert tolls and all(int(r["dead_conservative"]) <= int(r["dead_high"]) for r in tolls)
    acled = list(csv.DictReader(io.StringIO(_run(runner, "consolidated", "-f", "acled"))))
    assert acled and all(r["chronicler_id"].startswith("ce_") for r in acled)
    collection = json.loads(_run(runner, "consolidated", "-f", "geojson"))
    assert len(collection["features"]) == len(events)


def test_a_file_export_is_whole_and_the_same_twice(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    _run(runner, "events", "-f", "csv", "-o", str(target))
    first = target.read_bytes()
    _run(runner, "events", "-f", "csv", "-o", str(target))
    assert target.read_bytes() == first
    assert not (tmp_path / "events.csv.part").exists()


def test_a_failed_export_leaves_the_earlier_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    target.write_text("an earlier export\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "events", "-f", "csv", "--type", "ASSALT", "-o", str(target)])
    assert result.exit_code == 2
    assert "unknown event type 'ASSALT'" in result.output
    assert target.read_text(encoding="utf-8") == "an earlier export\n"
    assert list(tmp_path.iterdir()) == [target]


def test_an_unwritable_target_names_the_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.csv"
    result = runner.invoke(app, ["export", "events", "-f", "csv", "-o", str(target)])
    assert result.exit_code == 2
    assert "cannot write" in result.output and "out.csv" in result.output


def test_no_database_is_a_usage_error(tmp_path: Path) -> None:
    runner = CliRunner(env={"CHRONICLER_DB": str(tmp_path / "absent.sqlite")})
    for command in (["export", "events", "-f", "csv"], ["export", "consolidated", "-f", "acled"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        assert "no database" in result.output
    assert not (tmp_path / "absent.sqlite").exists()


def test_an_unknown_format_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "events", "--format", "xlsx"])
    assert result.exit_code == 2
    assert "jsonl" in result.output and "geojson" in result.output


def test_parquet_holds_the_csv_rows_typed(runner: CliRunner, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    target = tmp_path / "events.parquet"
    _run(runner, "events", "--format", "parquet", "-o", str(target))
    table = pq.read_table(target)
    rows = list(read_rows(io.StringIO(_run(runner, "events", "--format", "csv"))))
    assert table.column_names == list(EVENT_COLUMNS) and table.num_rows == len(rows)
    for typed, text in zip(table.to_pylist(), rows, strict=True):
        assert typed["id"] == text["id"]
        assert ("" if typed["latitude"] is None else str(typed["latitude"])) == text["latitude"]
        assert ("" if typed["dead_low"] is None else str(typed["dead_low"])) == text["dead_low"]
    consolidated = tmp_path / "consolidated.parquet"
    _run(runner, "consolidated", "-f", "parquet", "-o", str(consolidated))
    assert pq.read_table(consolidated).column_names == list(CONSOLIDATED_COLUMNS)


def test_plover_records_one_a_line(runner: CliRunner) -> None:
    lines = _run(runner, "events", "--format", "plover").splitlines()
    assert len(lines) == len(_mentions(runner))
    for line in lines:
        found = json.loads(line)
        assert found["event"] and len(found["event"]) == 1 and found["quad_code"] in {1, 2, 3, 4}
        assert found["date"] is None or len(found["date"]) == 10
        assert found["cite_info"]["codebook"] == "plover-2.0"
    result = runner.invoke(app, ["export", "consolidated", "--format", "plover"])
    assert result.exit_code == 2 and "plover is a format of event mentions" in result.output


def test_limit_as_in_events(runner: CliRunner) -> None:
    rows = list(read_rows(io.StringIO(_run(runner, "events", "-f", "csv", "--limit", "3"))))
    assert len(rows) == 3
    assert runner.invoke(app, ["export", "events", "--limit", "0"]).exit_code == 2
