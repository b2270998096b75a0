"""Full-text search over the evidence sentences, on SQLite: an FTS5 index kept by triggers.

``mention_search`` holds each mention's evidence sentence, tokenised by FTS5's unicode61 with
diacritics removed ("Téhéran" finds "Teheran", any case in any script); ``mention_search_keys``
gives each mention id the integer key the index needs (an explicit INTEGER PRIMARY KEY, which
VACUUM keeps, unlike the implicit rowid of ``event_mentions``). Triggers on ``event_mentions`` keep
both in step with every insert, update and delete, whoever writes. PostgreSQL gets nothing here:
there the search scans the evidence for each word (``store.query.text_condition``).

A later migration that rebuilds ``event_mentions`` (batch mode) drops these triggers with it and
must create them again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = "(SELECT rowid FROM mention_search_keys WHERE mention_id = {row}.id)"
INDEX = "INSERT INTO mention_search (rowid, evidence) VALUES ({key}, json_extract({row}.record, '$.text'))"
ADD = "INSERT INTO mention_search_keys (mention_id) VALUES (new.id); " + INDEX.format(
    key=KEY.format(row="new"), row="new"
)

TRIGGERS = {
    "mention_search_insert": f"""
        AFTER INSERT ON event_mentions BEGIN
            {ADD};
        END""",
    "mention_search_delete": f"""
        AFTER DELETE ON event_mentions BEGIN
            DELETE FROM mention_search WHERE rowid = {KEY.format(row="old")};
            DELETE FROM mention_search_keys WHERE mention_id = old.id;
        END""",
    "mention_search_update": f"""
        AFTER UPDATE OF id, record ON event_mentions BEGIN
            DELETE FROM mention_search WHERE rowid = {KEY.format(row="old")};
            DELETE FROM mention_search_keys WHERE mention_id = old.id;
            {ADD};
        END""",
}  # fmt: skip


def _sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        return
    op.execute(
        "CREATE TABLE mention_search_keys (rowid INTEGER PRIMARY KEY, mention_id TEXT NOT NULL UNIQUE)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE mention_search USING fts5(evidence, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("INSERT INTO mention_search_keys (mention_id) SELECT id FROM event_mentions ORDER BY id")
    op.execute(
        "INSERT INTO mention_search (rowid, evidence) SELECT k.rowid, json_extract(m.record, '$.text') "
        "FROM mention_search_keys AS k JOIN event_mentions AS m ON m.id = k.mention_id"
    )


def downgrade() -> None:
    if not _sqlite():
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE mention_search")
    op.execute("DROP TABLE mention_search_keys")
