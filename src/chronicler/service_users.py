"""Accounts of a served database: the service behind ``chronicler users`` and the API's sign-in.

Three roles, each allowed what the one before is: a viewer reads; an editor also reviews (and,
later, ingests); an admin also manages users. Names are what judgements record as the reviewer.
"""

from __future__ import annotations

import unicodedata

from chronicler.config import Settings
from chronicler.store import Store
from chronicler.store.records import StoredUser

ROLES = ("viewer", "editor", "admin")
MAX_NAME = 100
MAX_TOKEN = 200  # a token is 47 characters; anything much longer is not one and is not hashed


def allows(role: str, needed: str) -> bool:
    """Whether ``role`` may do what ``needed`` may."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


def _name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise ValueError(f"a user's name has 1 to {MAX_NAME} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        raise ValueError("a user's name has no control or formatting characters")
    return name


def add(settings: Settings, name: str, role: str) -> str:
    """Make an account (creating the database if need be) and return its token, shown only now."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    with Store.open(settings.db_url) as store:
        return store.users.add(_name(name), role)


def users(settings: Settings) -> list[StoredUser]:
    with Store.open(settings.db_url, create=False) as store:
        return store.users.list()


def renew(settings: Settings, name: str) -> str | None:
    """A new token for ``name``, the old one ended; None for no such user."""
    with Store.open(settings.db_url, create=False) as store:
        return store.users.renew(name)


def remove(settings: Settings, name: str) -> bool:
    with Store.open(settings.db_url, create=False) as store:
        return store.users.remove(name)


def authenticate(settings: Settings, token: str) -> StoredUser | None:
    """The account a presented token belongs to, or None."""
    found = signed_in(settings, token)
    return None if found is None else found[0]


def signed_in(settings: Settings, token: str) -> tuple[StoredUser, frozenset[str]] | None:
    """The account a presented token belongs to and the private collections it is no member of,
    read together (every request with sign-in asks both); None for no account's token."""
    if not token or len(token) > MAX_TOKEN:
        return None
    with Store.open(settings.db_url, create=False) as store:
        user = store.users.find(token)
        return None if user is None else (user, store.collections.hidden(user.name))
