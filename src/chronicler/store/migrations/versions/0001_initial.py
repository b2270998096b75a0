"""The initial schema: documents, failures, event_mentions.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Written out, not imported from tables.py: a migration is a fixed record of one step,
    # and must not change when tables.py later does.
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("published_inferred", sa.Boolean(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"], unique=True)

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_failures"),
        sa.UniqueConstraint("source", "reason", name="uq_failures_source_reason"),
    )

    op.create_table(
        "event_mentions",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("event", sa.String(), nullable=False),
        sa.Column("mode", sa.String(), nullable=True),
        sa.Column("date", sa.String(), nullable=True),
        sa.Column("enddate", sa.String(), nullable=True),
        sa.Column("country_code", sa.String(), nullable=True),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("extracted_place", sa.String(), nullable=True),
        sa.Column("admin1", sa.String(), nullable=True),
        sa.Column("historical", sa.Boolean(), nullable=False),
        sa.Column("modality", sa.String(), nullable=False),
        sa.Column("extractor", sa.String(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.id"],
            name="fk_event_mentions_doc_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_event_mentions"),
    )
    for column in ("event", "date", "country_code", "doc_id"):
        op.create_index(f"ix_event_mentions_{column}", "event_mentions", [column])


def downgrade() -> None:
    op.drop_table("event_mentions")
    op.drop_table("failures")
    op.drop_index("ix_documents_content_hash", table_name="documents")
    op.drop_table("documents")
