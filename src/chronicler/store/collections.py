"""Collections in the store: named sets of documents, private ones seen only by their members.

A document's ``collection`` is None for the shared collection, which everyone sees. ``hidden``
gives, for a user, the private collections they are no member of: what every read for them
leaves out (``store.query.visible_documents`` and the like).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import Engine, delete, exists, func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from chronicler.errors import StoreError
from chronicler.store.rows import now_utc
from chronicler.store.tables import collection_members, collections, documents, failures, users

Guard = Callable[[str], AbstractContextManager[None]]
SHARED = "shared"  # how the collection of documents in none is named to users


@dataclass(frozen=True)
class StoredCollection:
    name: str
    private: bool
    members: tuple[str, ...]
    documents: int


class Collections:
    """The collections of one store (``Store.collections``)."""

    def __init__(self, engine: Engine, guard: Guard) -> None:
        self._engine = engine
        self._guard = guard

    def add(self, name: str, *, private: bool) -> None:
        if name == SHARED:
            raise StoreError(
                f"{SHARED!r} is the collection of every document in no other: choose another name"
            )
        with self._guard(f"add collection {name!r}"):
            try:
                with self._engine.begin() as conn:
                    conn.execute(insert(collections).values(name=name, private=private, created_at=now_utc()))
            except IntegrityError as exc:
                raise StoreError(f"there is already a collection named {name!r}") from exc

    def exists(self, name: str) -> bool:
        with self._guard(f"look up collection {name!r}"), self._engine.connect() as conn:
            return (
                conn.execute(select(collections.c.name).where(collections.c.name == name)).first() is not None
            )

    def list(self) -> list[StoredCollection]:
        """Every collection by name, with its members and how many documents it holds."""
        counts = select(documents.c.collection, func.count().label("n")).group_by(documents.c.collection)
        with self._guard("list collections"), self._engine.connect() as conn:
            held = {row.collection: int(row.n) for row in conn.execute(counts)}
            members: dict[str, list[str]] = {}
            for row in conn.execute(select(collection_members).order_by(collection_members.c.user_name)):
                members.setdefault(row.collection, []).append(row.user_name)
            rows = conn.execute(select(collections).order_by(collections.c.name)).all()
        return [StoredCollection(r.name, bool(r.private), tuple(members.get(r.name, ())), held.get(r.name, 0))
                for r in rows]  # fmt: skip

    def grant(self, name: str, user: str) -> None:
        """Make ``user`` a member of ``name``; StoreError naming what does not exist."""
        with self._guard(f"add {user!r} to collection {name!r}"), self._engine.begin() as conn:
            if conn.execute(select(collections.c.name).where(collections.c.name == name)).first() is None:
                raise StoreError(f"no collection named {name!r}")
            if conn.execute(select(users.c.name).where(users.c.name == user)).first() is None:
                raise StoreError(f"no user named {user!r}")
            member = (collection_members.c.collection == name) & (collection_members.c.user_name == user)
            if conn.execute(select(collection_members).where(member)).first() is None:
                conn.execute(insert(collection_members).values(collection=name, user_name=user))

    def revoke(self, name: str, user: str) -> bool:
        member = (collection_members.c.collection == name) & (collection_members.c.user_name == user)
        with self._guard(f"remove {user!r} from collection {name!r}"), self._engine.begin() as conn:
            return bool(conn.execute(delete(collection_members).where(member)).rowcount)

    def hidden(self, user: str | None) -> frozenset[str]:
        """The private collections ``user`` is no member of (all of them for None) that hold
        something to hide: a collection with no document and no failure yet needs no filter,
        which would slow every read for nothing."""
        mine = select(collection_members.c.collection).where(collection_members.c.user_name == user)
        holds = or_(
            exists().where(documents.c.collection == collections.c.name),
            exists().where(failures.c.collection == collections.c.name),
        )
        stmt = select(collections.c.name).where(collections.c.private.is_(True), holds)
        if user is not None:
            stmt = stmt.where(collections.c.name.not_in(mine))
        with self._guard("read the collections"), self._engine.connect() as conn:
            return frozenset(conn.execute(stmt).scalars())
