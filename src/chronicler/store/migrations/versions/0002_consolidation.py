"""Consolidation: near-duplicate keys of documents, consolidated events and their members.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Written out, not imported from tables.py: a migration is a fixed record of one step.
    op.create_table(
        "document_keys",
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("representative", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doc_id"], ["documents.id"], name="fk_document_keys_doc_id_documents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("doc_id", name="pk_document_keys"),
    )
    op.create_table(
        "consolidated_events",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(), nullable=False),
        sa.Column("date", sa.String(), nullable=True),
        sa.Column("country_code", sa.String(), nullable=True),
        sa.Column("historical", sa.Boolean(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consolidated_events"),
    )
    for column in ("event", "date"):
        op.create_index(f"ix_consolidated_events_{column}", "consolidated_events", [column])
    op.create_table(
        "consolidated_members",
        sa.Column("mention_id", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["event_mentions.id"],
            name="fk_consolidated_members_mention_id_event_mentions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["consolidated_events.id"],
            name="fk_consolidated_members_event_id_consolidated_events",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("mention_id", name="pk_consolidated_members"),
    )
    op.create_index("ix_consolidated_members_event_id", "consolidated_members", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_consolidated_members_event_id", table_name="consolidated_members")
    op.drop_table("consolidated_members")
    for column in ("event", "date"):
        op.drop_index(f"ix_consolidated_events_{column}", table_name="consolidated_events")
    op.drop_table("consolidated_events")
    op.drop_table("document_keys")
