"""Full-text search over the evidence sentences, on PostgreSQL: a GIN index of their words.

The index is over an expression, ``to_tsvector('simple', <the record's text>)``: the 'simple'
configuration lower-cases words and keeps them whole in every language (no stemming, no stop
words, which would be English's), so that a query word matches the start of a word as on SQLite.
An expression index needs no column or trigger: PostgreSQL keeps it with every write, whoever
writes. SQLite gets nothing here (its FTS5 index is migration 0009).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same expression as store/search.py queries with, or PostgreSQL would not use the index.
INDEX = "ix_event_mentions_evidence_words"
WORDS = "to_tsvector('simple', (CAST(record AS JSONB) ->> 'text'))"


def _postgresql() -> bool:
    return op.get_context().dialect.name == "postgresql"


def upgrade() -> None:
    if _postgresql():
        op.execute(f"CREATE INDEX {INDEX} ON event_mentions USING gin ({WORDS})")


def downgrade() -> None:
    if _postgresql():
        op.execute(f"DROP INDEX {INDEX}")
