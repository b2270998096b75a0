"""`chronicler db` as an administrator runs it: the revision, down and up, and a copy with its
per-table checksums; a refused copy exits 2 and says why."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler.cli import app
from chronicler.store import migrate

pytestmark = pytest.mark.slow


@pytest.fixture
def db(tmp_path: Path, examples_db: Path) -> str:
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(examples_db, path)
    return str(path)


def test_current_downgrade_and_upgrade(db: str) -> None:
    runner = CliRunner()
    head = migrate.head_revision()
    shown = runner.invoke(app, ["db", "current", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert re.search(rf"^ *{head} +current newest ", shown.stdout, re.MULTILINE)
    assert re.search(r"^ *0001 +The initial schema", shown.stdout, re.MULTILINE)
    down = runner.invoke(app, ["db", "downgrade", "0008", "--db", db])
    assert down.exit_code == 0 and "at revision 0008" in down.stderr
    behind = runner.invoke(app, ["db", "current", "--db", db])
    assert f"at 0008; `chronicler db upgrade` brings it to {head}" in behind.stderr
    up = runner.invoke(app, ["db", "upgrade", "--db", db])
    assert up.exit_code == 0 and f"at revision {head}" in up.stderr


def test_copy_prints_each_table_and_refuses_a_second_time(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    target = str(tmp_path / "team.sqlite")
    copied = runner.invoke(app, ["db", "copy", db, target])
    assert copied.exit_code == 0, copied.output
    assert "every table's rows and checksum are the same" in copied.stderr
    assert "event_mentions" in copied.stdout and "differs" not in copied.stdout
    again = runner.invoke(app, ["db", "copy", db, target])
    assert again.exit_code == 2
    said = " ".join(again.stderr.split())
    assert "already holds rows" in said and "fills only an empty database" in said


def test_a_downgrade_to_a_revision_that_does_not_exist_is_a_usage_error(db: str) -> None:
    result = CliRunner().invoke(app, ["db", "downgrade", "9999", "--db", db])
    assert result.exit_code == 2 and "cannot move the schema to '9999'" in result.stderr
