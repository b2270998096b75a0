"""What chronicler writes is safe to open (issue 16): a document whose fields carry a NUL, bidi
overrides and spreadsheet formulas is ingested; no NUL reaches the database or an output, the
outlet is not shown as the domain it spoofs, and every CSV cell a spreadsheet would run is
written as text and read back as it was."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler.cli import app
from chronicler.text.csvcells import FORMULA_STARTS, read_rows

pytestmark = pytest.mark.slow
RLO, PDF = "\u202e", "\u202c"
HOSTILE = {
    "id": "hostile-1",
    "outlet": f"{RLO}moc.cbb",  # a terminal shows it as "bbc.com"
    "url": f"https://{RLO}moc.cbb/news/1",
    "title": f"=cmd|' /C calc'!A0 {RLO}elttil [/bold]",  # "[/bold]": no rich markup
    "published": "2022-09-21",
    "text": (
        '=HYPERLINK("http://evil.example") Police arrested 20 protesters in Tehran on Monday, '
        "the group said.\u0000\n\n"
        "+Security forces opened fire on protesters in Zahedan on Friday, killing at least 40 "
        "people, Amnesty International said.\n\n"
        f"@Riot police beat {RLO}demonstrators{PDF} in Shiraz on Sunday, witnesses said."
    ),
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[CliRunner, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile.json"
    path.write_text(json.dumps(HOSTILE), encoding="utf-8")
    db = folder / "h.sqlite"
    runner = CliRunner(env={"CHRONICLER_DB": str(db), "CHRONICLER_DOC_TIMEOUT": "0"})
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 0, result.output
    return runner, db


def test_no_nul_or_spoofing_character_reaches_the_database(stored: tuple[CliRunner, Path]) -> None:
    _, db = stored
    with sqlite3.connect(db) as conn:
        (text, title, outlet, url) = conn.execute("SELECT text, title, outlet, url FROM documents").fetchone()
        mentions = [repr(tuple(row)) for row in conn.execute("SELECT * FROM event_mentions")]
    assert len(mentions) == 3
    assert "\x00" not in text + title + outlet + url + "".join(mentions)
    assert "\\x00" not in "".join(mentions)
    assert (outlet, url) == ("moc.cbb", "https://moc.cbb/news/1")
    assert RLO not in title
    assert RLO in text  # the evidence text is kept as the source wrote it, but for NUL


def test_sources_shows_no_reversed_domain(stored: tuple[CliRunner, Path]) -> None:
    runner, _ = stored
    result = runner.invoke(app, ["sources"])
    assert result.exit_code == 0, result.output
    assert "moc.cbb" in result.stdout and RLO not in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "table"])
def test_no_nul_in_any_output(stored: tuple[CliRunner, Path], fmt: str) -> None:
    runner, _ = stored
    result = runner.invoke(app, ["events", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "\x00" not in result.stdout and "\\u0000" not in result.stdout


def test_csv_cells_are_neutralised_and_read_back(stored: tuple[CliRunner, Path]) -> None:
    runner, _ = stored
    result = runner.invoke(app, ["events", "--format", "csv"])
    assert result.exit_code == 0, result.output
    raw = list(csv.DictReader(io.StringIO(result.stdout)))
    cells = [cell for row in raw for cell in row.values()]
    assert len(raw) == 3
    assert not [c for c in cells if c[:1] in FORMULA_STARTS - {"'"}]
    assert {c[:2] for c in cells if c.startswith("'")} == {"'=", "'+", "'@"}
    restored = list(read_rows(io.StringIO(result.stdout)))
    texts = sorted(row["text"][:1] for row in restored)
    assert texts == ["+", "=", "@"]
    beaten = next(row for row in restored if row["text"].startswith("@"))
    assert "beat demonstrators in Shiraz" in beaten["text"]  # the override is not shown


def test_show_prints_names_and_text_without_controls(stored: tuple[CliRunner, Path]) -> None:
    runner, _ = stored
    rows = list(read_rows(io.StringIO(runner.invoke(app, ["events", "--format", "csv"]).stdout)))
    result = runner.invoke(app, ["show", rows[0]["id"]], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "moc.cbb" in result.stdout and "=cmd|' /C calc'!A0 elttil [/bold]" in result.stdout
    assert not any(c in result.stdout for c in (RLO, PDF, "\x00"))
