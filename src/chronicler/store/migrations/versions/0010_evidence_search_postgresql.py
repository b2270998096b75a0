"""Full-text search over the evidence sentences, on PostgreSQL: their words, indexed.

``event_mentions.evidence_words`` is a stored generated column, ``to_tsvector('simple', <the
record's text>)``, with a GIN index: the 'simple' configuration lower-cases words and keeps them
whole in every language (no stemming, no stop words, which would be English's), so that a query
word matches the start of a word as on SQLite. PostgreSQL keeps the column with every write,
whoever writes. Stored rather than an index over the expression: where the planner walks the
date order and filters (a word in no sentence, 100,000 mentions), an expression would be
recomputed for every row, 3 s against 0.13 s (bench/api_speed.py). The column is PostgreSQL's
alone and not in tables.py (nothing writes or reads it but the search); SQLite gets nothing here
(its FTS5 index is migration 0009).

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

COLUMN = "evidence_words"  # store/search.py names it too
INDEX = "ix_event_mentions_evidence_words"
WORDS = "to_tsvector('simple', (CAST(record AS JSONB) ->> 'text'))"


def _postgresql() -> bool:
    return op.get_context().dialect.name == "postgresql"


def upgrade() -> None:
    if _postgresql():
        op.execute(f"ALTER TABLE event_mentions ADD COLUMN {COLUMN} tsvector GENERATED ALWAYS AS ({WORDS}) "
                   "STORED")  # fmt: skip
        op.execute(f"CREATE INDEX {INDEX} ON event_mentions USING gin ({COLUMN})")


def downgrade() -> None:
    if _postgresql():
        op.execute(f"DROP INDEX {INDEX}")
        op.execute(f"ALTER TABLE event_mentions DROP COLUMN {COLUMN}")
