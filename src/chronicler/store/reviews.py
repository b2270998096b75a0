"""Judgements in the store: written once, undone by a mark, and applied to the mention they judge.

A mention's ``record`` and columns hold the reviewed values (``chronicler.review.reviewed`` of the
extracted record and the judgements not undone), ``machine_record`` the extracted record while any
judgement stands, and ``review`` the status; ``refresh`` recomputes all three from the judgements,
after a judgement, an undo, or a document stored again (its mentions keep their ids).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import (
    BigInteger,
    BindParameter,
    CompoundSelect,
    Connection,
    Engine,
    insert,
    literal,
    select,
    union,
    update,
)

from chronicler.consolidate.regroup import GroupJudgement
from chronicler.records import EventMention
from chronicler.review import GROUP_ACTIONS, Judgement, encode, reviewed
from chronicler.store.query import hidden_documents
from chronicler.store.rows import decode_mention, encode_record, mention_row, now_utc, utc
from chronicler.store.tables import event_mentions, judgements, superseded_mentions

Guard = Callable[[str], AbstractContextManager[None]]


class Reviews:
    """The judgements of one store (``Store.reviews``)."""

    def __init__(self, engine: Engine, guard: Guard) -> None:
        self._engine = engine
        self._guard = guard

    def mention(self, mention_id: str) -> EventMention | None:
        """The stored mention as it stands now (reviewed values), rejected ones included."""
        stmt = select(event_mentions.c.record).where(event_mentions.c.id == mention_id)
        with self._guard(f"read event {mention_id!r}"), self._engine.connect() as conn:
            text = conn.execute(stmt).scalar_one_or_none()
        return None if text is None else decode_mention(text)

    def judge(
        self,
        mention_id: str,
        action: str,
        reviewer: str,
        *,
        field: str | None = None,
        old_value: Any = None,
        new_value: Any = None,
        note: str | None = None,
    ) -> Judgement:
        """Store a judgement and apply it to its mention, in one transaction."""
        row: dict[str, Any] = {
            "mention_id": mention_id, "action": action, "field": field, "note": note, "reviewer": reviewer,
            "old_value": encode(old_value) if field else None,
            "new_value": encode(new_value) if field else None,
            "created_at": now_utc(),
        }  # fmt: skip
        with self._guard(f"judge event {mention_id!r}"), self._engine.begin() as conn:
            ident = conn.execute(insert(judgements).values(row).returning(judgements.c.id)).scalar_one()
            refresh(conn, [mention_id])
            return _judgement(
                conn.execute(select(judgements).where(judgements.c.id == ident)).mappings().one()
            )

    def undo(self, judgement_id: int, reviewer: str, hidden: Collection[str] = ()) -> Judgement | None:
        """Mark a judgement undone (it stays listed) and recompute its mention; None for an unknown
        id, or one of a mention in a ``hidden`` collection; one already undone is given back."""
        stmt = select(judgements).where(judgements.c.id == _number(judgement_id))
        if hidden:
            stmt = stmt.where(judgements.c.mention_id.not_in(_mentions_in(hidden)))
        with self._guard(f"undo judgement {judgement_id}"), self._engine.begin() as conn:
            found = conn.execute(stmt).mappings().first()
            if found is None or found["undone_at"] is not None:
                return None if found is None else _judgement(found)
            done = {"undone_at": now_utc(), "undone_by": reviewer}
            conn.execute(update(judgements).where(judgements.c.id == _number(judgement_id)).values(done))
            refresh(conn, [found["mention_id"]])
            return _judgement({**found, **done})

    def group_judgements(self) -> list[GroupJudgement]:
        """The splits and joins not undone, in the order they were made, for consolidation."""
        stmt = (
            select(judgements.c.action, judgements.c.mention_id, judgements.c.new_value)
            .where(judgements.c.action.in_(GROUP_ACTIONS), judgements.c.undone_at.is_(None))
            .order_by(judgements.c.id)
        )
        with self._guard("read splits and joins"), self._engine.connect() as conn:
            return [_group_judgement(row) for row in conn.execute(stmt)]

    def history(
        self,
        *,
        mention_id: str | None = None,
        limit: int = 100,
        before: int | None = None,
        hidden: Collection[str] = (),
    ) -> list[Judgement]:
        """Judgements, newest first (an audit trail), of one mention or of all; ``before`` pages;
        none of a mention read from a document in a ``hidden`` collection."""
        stmt = select(judgements).order_by(judgements.c.id.desc()).limit(limit)
        if hidden:
            stmt = stmt.where(judgements.c.mention_id.not_in(_mentions_in(hidden)))
        if mention_id is not None:
            stmt = stmt.where(judgements.c.mention_id == mention_id)
        if before is not None:
            stmt = stmt.where(judgements.c.id < _number(before))
        with self._guard("read judgements"), self._engine.connect() as conn:
            return [_judgement(row) for row in conn.execute(stmt).mappings()]


def _number(value: int) -> BindParameter[int]:
    """An id from a request, compared as a 64-bit number: PostgreSQL would cast it to the
    column's 32-bit type first, and refuse one past that as out of range."""
    return literal(value, BigInteger())


def _group_judgement(row: Any) -> GroupJudgement:
    other = json.loads(row.new_value) if row.new_value else None
    return GroupJudgement(row.action, row.mention_id, other if isinstance(other, str) else None)


def _mentions_in(hidden: Collection[str]) -> CompoundSelect[tuple[str]]:
    """The ids of the mentions, latest or superseded, read from documents in ``hidden``."""
    docs = hidden_documents(hidden)
    return union(
        select(event_mentions.c.id).where(event_mentions.c.doc_id.in_(docs)),
        select(superseded_mentions.c.id).where(superseded_mentions.c.doc_id.in_(docs)),
    )


def refresh(conn: Connection, mention_ids: Collection[str]) -> None:
    """Recompute the stored mentions ``mention_ids`` from their extracted records and judgements."""
    found = _judgements_of(conn, mention_ids)
    if not found:
        return
    stmt = select(event_mentions.c.id, event_mentions.c.record, event_mentions.c.machine_record).where(
        event_mentions.c.id.in_(list(found))
    )
    for ident, record, machine_record in conn.execute(stmt).all():
        machine = decode_mention(machine_record or record)
        now = reviewed(machine, found[ident])
        values = mention_row(now) | {
            "machine_record": encode_record(machine) if now.review else None,
            "review": now.review.status if now.review else None,
        }
        values.pop("id")
        conn.execute(update(event_mentions).where(event_mentions.c.id == ident).values(values))


def _judgements_of(conn: Connection, mention_ids: Collection[str]) -> dict[str, list[Judgement]]:
    out: dict[str, list[Judgement]] = {}
    ids = list(mention_ids)
    for start in range(0, len(ids), 500):  # bound the IN list for either server
        stmt = (
            select(judgements)
            .where(judgements.c.mention_id.in_(ids[start : start + 500]))
            .order_by(judgements.c.id)
        )
        for row in conn.execute(stmt).mappings():
            found = _judgement(row)
            out.setdefault(found.mention_id, []).append(found)
    return out


def _judgement(row: Any) -> Judgement:
    return Judgement(
        id=int(row["id"]),
        mention_id=str(row["mention_id"]),
        action=str(row["action"]),
        field=row["field"],
        old_value=json.loads(row["old_value"]) if row["old_value"] is not None else None,
        new_value=json.loads(row["new_value"]) if row["new_value"] is not None else None,
        note=row["note"],
        reviewer=str(row["reviewer"]),
        at=utc(row["created_at"]),
        undone_at=utc(row["undone_at"]) if row["undone_at"] is not None else None,
        undone_by=row["undone_by"],
    )
