"""Failure codes: each stored failure says what kind of fault it was, for a program.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Failures stored before codes existed read "unreadable": any other reason.
    with op.batch_alter_table("failures") as batch:
        batch.add_column(sa.Column("code", sa.String(), nullable=False, server_default="unreadable"))


def downgrade() -> None:
    with op.batch_alter_table("failures") as batch:
        batch.drop_column("code")
