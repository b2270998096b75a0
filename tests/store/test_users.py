"""Accounts in the store (store/users.py): a token shown once and kept only as its SHA-256; names
unique; a renewed token ends the old one. On SQLite, and on PostgreSQL when $TEST_POSTGRESQL_URL
names a database these tests may empty."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from chronicler.errors import StoreError
from chronicler.store import Store
from chronicler.store.tables import users
from chronicler.store.users import TOKEN_PREFIX, token_hash


@pytest.fixture(params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path: Path, empty_postgresql: Callable[[], str]
) -> Iterator[Store]:
    url = str(tmp_path / "events.db") if request.param == "sqlite" else empty_postgresql()
    with Store.open(url) as opened:
        yield opened


def test_a_token_is_shown_once_and_kept_as_its_hash(store: Store) -> None:
    token = store.users.add("ana", "editor")
    assert token.startswith(TOKEN_PREFIX) and len(token) > 40
    with store._engine.connect() as conn:
        kept = conn.execute(select(users.c.token_hash)).scalar_one()
    assert kept == token_hash(token) and token not in kept
    found = store.users.find(token)
    assert found is not None and (found.name, found.role) == ("ana", "editor")
    assert store.users.find(token + "x") is None and store.users.find("") is None


def test_names_are_unique(store: Store) -> None:
    store.users.add("ana", "viewer")
    with pytest.raises(StoreError, match="already a user named 'ana'"):
        store.users.add("ana", "admin")
    assert [(u.name, u.role) for u in store.users.list()] == [("ana", "viewer")]


def test_a_new_token_ends_the_old_and_removal_ends_both(store: Store) -> None:
    old = store.users.add("ben", "viewer")
    new = store.users.renew("ben")
    assert new is not None and new != old
    assert store.users.find(old) is None and store.users.find(new) is not None
    assert store.users.renew("nobody") is None
    assert store.users.remove("ben") and not store.users.remove("ben")
    assert store.users.find(new) is None and store.users.list() == []


def test_tokens_differ_every_time(store: Store) -> None:
    tokens = {store.users.add(f"user{i}", "viewer") for i in range(20)}
    assert len(tokens) == 20
