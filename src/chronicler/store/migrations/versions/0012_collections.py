"""Collections: named sets of documents, private ones seen only by their members.

``documents.collection`` (and the same on superseded revisions and on failures) names the
collection an ingest put it in; None is the shared collection, where every existing document
stays. Added with plain ALTER TABLE (not batch mode, which would rebuild ``documents`` on SQLite
and cascade-delete everything that points at it).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("documents", "superseded_documents", "failures")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("collection", sa.String()))
    op.create_index("ix_documents_collection", "documents", ["collection"])
    op.create_table(
        "collections",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_collections"),
    )
    op.create_table(
        "collection_members",
        sa.Column("collection", sa.String(), nullable=False),
        sa.Column("user_name", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection"],
            ["collections.name"],
            name="fk_collection_members_collection_collections",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_name"], ["users.name"], name="fk_collection_members_user_name_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("collection", "user_name", name="pk_collection_members"),
    )


def downgrade() -> None:
    op.drop_table("collection_members")
    op.drop_table("collections")
    op.drop_index("ix_documents_collection", table_name="documents")
    for table in TABLES:
        op.drop_column(table, "collection")
