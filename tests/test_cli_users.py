"""`chronicler users` as an admin runs it: a token printed once on standard output and never again,
bad names and roles refused with the reason, unknown users exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler import service_users
from chronicler.cli import app
from chronicler.config import Settings


def test_add_list_renew_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "team.sqlite")
    runner = CliRunner()
    made = runner.invoke(app, ["users", "add", "ana", "--role", "editor", "--db", db])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    assert token.startswith("chr_") and "shown this once" in made.stderr
    listed = runner.invoke(app, ["users", "list", "--db", db])
    assert "ana" in listed.stdout and "editor" in listed.stdout and token not in listed.output
    renewed = runner.invoke(app, ["users", "token", "ana", "--db", db])
    assert renewed.exit_code == 0 and renewed.stdout.strip() != token
    settings = Settings(db=db)
    assert service_users.authenticate(settings, token) is None
    assert service_users.authenticate(settings, renewed.stdout.strip()) is not None
    assert runner.invoke(app, ["users", "remove", "ana", "--db", db]).exit_code == 0
    gone = runner.invoke(app, ["users", "remove", "ana", "--db", db])
    assert gone.exit_code == 1 and "no user named 'ana'" in gone.stderr
    assert runner.invoke(app, ["users", "token", "ana", "--db", db]).exit_code == 1


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "1 to 100 characters"),
        ("x" * 101, "1 to 100 characters"),
        ("ana\u202e", "no control or formatting"),
    ],
)
def test_bad_names_are_refused_with_the_reason(tmp_path: Path, name: str, reason: str) -> None:
    result = CliRunner().invoke(
        app, ["users", "add", name, "--role", "viewer", "--db", str(tmp_path / "t.sqlite")]
    )
    assert result.exit_code == 2 and reason in " ".join(result.stderr.split())


def test_an_unknown_role_or_a_second_ana_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "team.sqlite")
    runner = CliRunner()
    assert runner.invoke(app, ["users", "add", "ana", "--role", "owner", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["users", "add", "ana", "--role", "viewer", "--db", db]).exit_code == 0
    again = runner.invoke(app, ["users", "add", "ana", "--role", "admin", "--db", db])
    assert again.exit_code == 2 and "already a user named 'ana'" in again.stderr


def test_roles_allow_what_the_ones_before_do() -> None:
    allowed = {(r, n) for r in service_users.ROLES for n in service_users.ROLES if service_users.allows(r, n)}
    assert allowed == {("viewer", "viewer"), ("editor", "viewer"), ("editor", "editor"), ("admin", "viewer"),
                       ("admin", "editor"), ("admin", "admin")}  # fmt: skip
    assert not service_users.allows("stranger", "viewer")
