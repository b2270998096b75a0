"""Accounts in the store: a name, a role and the SHA-256 of an API token shown once.

A token is 32 random bytes (``secrets``) written in URL-safe base64 after ``chr_``, so that it is
recognisable in a leaked file; the store keeps its SHA-256 only, and finds a user by hashing what
a request presents. Making a new token for a user ends the old one.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from chronicler.errors import StoreError
from chronicler.store.records import StoredUser
from chronicler.store.rows import now_utc, utc
from chronicler.store.tables import users

Guard = Callable[[str], AbstractContextManager[None]]
TOKEN_PREFIX = "chr_"


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Users:
    """The accounts of one store (``Store.users``)."""

    def __init__(self, engine: Engine, guard: Guard) -> None:
        self._engine = engine
        self._guard = guard

    def add(self, name: str, role: str) -> str:
        """Make the account ``name`` and return its token, which is not stored and cannot be shown again."""
        token = new_token()
        row = {"name": name, "role": role, "token_hash": token_hash(token), "created_at": now_utc()}
        with self._guard(f"add user {name!r}"):
            try:
                with self._engine.begin() as conn:
                    conn.execute(insert(users).values(row))
            except IntegrityError as exc:
                raise StoreError(f"there is already a user named {name!r}") from exc
        return token

    def list(self) -> list[StoredUser]:
        """Every account, by name."""
        with self._guard("list users"), self._engine.connect() as conn:
            rows = conn.execute(select(users.c.name, users.c.role, users.c.created_at).order_by(users.c.name))
            return [StoredUser(r.name, r.role, utc(r.created_at)) for r in rows]

    def find(self, token: str) -> StoredUser | None:
        """The account whose token this is, or None."""
        stmt = select(users.c.name, users.c.role, users.c.created_at).where(
            users.c.token_hash == token_hash(token)
        )
        with self._guard("look up a token"), self._engine.connect() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else StoredUser(row.name, row.role, utc(row.created_at))

    def renew(self, name: str) -> str | None:
        """A new token for ``name`` (the old one stops working at once); None for no such user."""
        token = new_token()
        stmt = update(users).where(users.c.name == name).values(token_hash=token_hash(token))
        with self._guard(f"renew the token of {name!r}"), self._engine.begin() as conn:
            return token if conn.execute(stmt).rowcount else None

    def remove(self, name: str) -> bool:
        """Delete the account (its judgements keep its name); False for no such user."""
        with self._guard(f"remove user {name!r}"), self._engine.begin() as conn:
            return bool(conn.execute(delete(users).where(users.c.name == name)).rowcount)
