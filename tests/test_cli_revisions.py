"""Document revisions as a user meets them: the real model, a real SQLite file, and an article
written for these tests that is ingested, edited (a figure changed), edited again and re-read."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronicler.cli import app

pytestmark = pytest.mark.slow

ARTICLE_ID = "https://news.example.org/shiraz-crackdown"
BODY = (
    "Security forces killed {n} protesters in Shiraz on Saturday, Amnesty International said on Monday.\n\n"
    "Shops in the city centre stayed closed on Sunday and internet access was cut across the province."
)


def _article(folder: Path, name: str, dead: int, published: str, lead: str = "") -> str:
    path = folder / name
    document = {
        "id": ARTICLE_ID,
        "url": ARTICLE_ID,
        "title": "Crackdown in Shiraz",
        "published": published,
        "outlet": "news.example.org",
        "text": lead + BODY.format(n=dead),
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "revisions.sqlite"


@pytest.fixture()
def runner(db: Path) -> CliRunner:
    # In-process extraction: these tests are about storage, not the worker's budget.
    return CliRunner(env={"CHRONICLER_DB": str(db), "CHRONICLER_DOC_TIMEOUT": "0"})


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _events(runner: CliRunner) -> list[dict[str, Any]]:
    lines = _run(runner, "events", "--format", "jsonl").splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]


def _dead(event: dict[str, Any]) -> list[str]:
    return [c["text"] for c in event["counts"] if c["kind"] == "dead"]


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(db)
    try:
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(connection.execute(f'SELECT * FROM "{n}"'), key=repr) for n in sorted(names)}
    finally:
        connection.close()


def test_an_edited_figure_is_a_new_revision_and_the_old_one_is_kept(
    runner: CliRunner, db: Path, tmp_path: Path
) -> None:
    first = _article(tmp_path, "first.json", 208, "2019-11-18")
    _run(runner, "ingest", first)
    (before,) = _events(runner)
    assert _dead(before) == ["208"]

    edited = _article(tmp_path, "edited.json", 304, "2019-11-20")
    assert "stored: 1" in _run(runner, "ingest", edited)
    # Views and exports read the latest revision: one mention, the new figure.
    (after,) = _events(runner)
    assert (after["id"], _dead(after)) == (before["id"], ["304"])
    (consolidated,) = [
        json.loads(line)
        for line in _run(runner, "export", "consolidated").splitlines()
        if line.startswith("{")
    ]
    assert [c["text"] for c in consolidated["claims"]] == ["304"]

    # Both revisions are stored and listed, oldest first, with the figure each stated.
    rows = _rows(db)
    assert (len(rows["documents"]), len(rows["superseded_documents"])) == (1, 1)
    assert (len(rows["event_mentions"]), len(rows["superseded_mentions"])) == (1, 1)
    hashes = [rows["superseded_documents"][0][2], rows["documents"][0][1]]
    shown = _run(runner, "show", after["id"])
    claims = _run(runner, "claims", consolidated["id"])
    for listing in (shown, claims):
        assert hashes[0][:12] in listing and hashes[1][:12] in listing
        assert "2 (latest)" in listing
        assert -1 < listing.find("dead 208") < listing.find("dead 304")
    assert "2019-11-18" in shown and "2019-11-20" in shown


def test_reading_the_first_file_again_changes_nothing(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    first = _article(tmp_path, "first.json", 208, "2019-11-18")
    _run(runner, "ingest", first)
    _run(runner, "ingest", _article(tmp_path, "edited.json", 304, "2019-11-20"))
    rows, data = _rows(db), db.read_bytes()
    output = _run(runner, "ingest", first)
    assert "stored: 0" in output and "skipped as unchanged: 1" in output
    assert _rows(db) == rows
    assert db.read_bytes() == data
    assert [_dead(e) for e in _events(runner)] == [["304"]]


def test_a_mention_only_an_earlier_revision_has_is_still_shown(
    runner: CliRunner, db: Path, tmp_path: Path
) -> None:
    _run(runner, "ingest", _article(tmp_path, "first.json", 208, "2019-11-18"))
    (old,) = _events(runner)
    # A lead paragraph moves the sentence: its mention gets another id in the new revision.
    lead = "This article was updated with new figures from the rights group.\n\n"
    _run(runner, "ingest", _article(tmp_path, "moved.json", 311, "2019-11-21", lead=lead))
    (new,) = _events(runner)
    assert new["id"] != old["id"] and _dead(new) == ["311"]
    shown = runner.invoke(app, ["show", old["id"]])
    assert shown.exit_code == 0, shown.output
    assert "revision 1 of " + ARTICLE_ID in shown.output and "superseded" in shown.output
    assert "killed 208 protesters" in shown.output
    # The revision list links figures by mention id: the moved sentence's are not linked.
    assert "dead 208" in shown.output and "dead 311" not in shown.output
