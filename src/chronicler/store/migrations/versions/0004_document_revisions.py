"""Document revisions: the superseded revisions of each document and their event mentions.

Existing documents become revision 1 without a write: a document's revision number is one more
than the number of its superseded revisions, and there are none yet. ``documents`` and
``event_mentions`` are not altered (on SQLite, rebuilding ``documents`` would cascade-delete the
mentions that refer to it).

Downgrading drops the superseded revisions: the schema of 0003 can hold only one text per
document, and keeps the latest, which is what 0003 itself would have kept.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Written out, not imported from tables.py: a migration is a fixed record of one step.
    op.create_table(
        "superseded_documents",
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["doc_id"], ["documents.id"], name="fk_superseded_documents_doc_id_documents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("doc_id", "revision", name="pk_superseded_documents"),
    )
    op.create_index(
        "ix_superseded_documents_content_hash", "superseded_documents", ["content_hash"], unique=True
    )
    op.create_table(
        "superseded_mentions",
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id", "revision"],
            ["superseded_documents.doc_id", "superseded_documents.revision"],
            name="fk_superseded_mentions_doc_id_superseded_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("doc_id", "revision", "id", name="pk_superseded_mentions"),
    )
    op.create_index("ix_superseded_mentions_id", "superseded_mentions", ["id"])


def downgrade() -> None:
    op.drop_index("ix_superseded_mentions_id", table_name="superseded_mentions")
    op.drop_table("superseded_mentions")
    op.drop_index("ix_superseded_documents_content_hash", table_name="superseded_documents")
    op.drop_table("superseded_documents")
