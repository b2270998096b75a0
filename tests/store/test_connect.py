from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.errors import StoreError
from chronicler.store.connect import is_sqlite_file, parse_target, safe_url


@pytest.mark.parametrize(
    ("target", "backend", "database"),
    [
        ("events.db", "sqlite", "events.db"),
        ("data/2019/events.sqlite", "sqlite", "data/2019/events.sqlite"),
        ("sqlite:///events.db", "sqlite", "events.db"),
        ("sqlite:////var/lib/events.db", "sqlite", "/var/lib/events.db"),
        ("postgresql+psycopg://user:pw@db.example.org:5432/events", "postgresql", "events"),
    ],
)
def test_parse_target(target: str, backend: str, database: str) -> None:
    url = parse_target(target)
    assert (url.get_backend_name(), url.database) == (backend, database)


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_a_bare_postgresql_url_uses_the_installed_driver(scheme: str) -> None:
    # psycopg 3 (chronicler[pg]), not SQLAlchemy's default psycopg2, which chronicler never installs.
    assert parse_target(f"{scheme}://team@db.example.org/events").drivername == "postgresql+psycopg"
    assert parse_target("postgresql+psycopg://team@db.example.org/events").drivername == "postgresql+psycopg"


def test_parse_target_expands_home() -> None:
    assert parse_target("~/events.db").database == str(Path.home() / "events.db")


@pytest.mark.parametrize("target", ["sqlite://not a url://", "postgresql://u@h:port/db"])
def test_parse_target_refuses_broken_urls(target: str) -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        parse_target(target)


def test_safe_url_hides_the_password() -> None:
    shown = safe_url(parse_target("postgresql+psycopg://reader:s3cr3t@db.example.org/events"))
    assert "s3cr3t" not in shown
    assert shown.startswith("postgresql+psycopg://reader:***@db.example.org")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("events.db", True),
        ("sqlite:///events.db", True),
        ("sqlite://", False),
        ("sqlite:///:memory:", False),
        ("postgresql://u@h/db", False),
    ],
)
def test_is_sqlite_file(target: str, expected: bool) -> None:
    assert is_sqlite_file(parse_target(target)) is expected
