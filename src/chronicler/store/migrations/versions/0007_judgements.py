"""Review: the judgements table, and on each event mention the extracted record and its review status.

A reviewer confirms, corrects or rejects a stored mention; the judgement is a row of
``judgements`` (who, when, what, old and new value, note), the mention's ``record`` and columns take
the reviewed values, and ``machine_record`` keeps what the extraction said.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


PAGE_INDEXES = {
    "ix_event_mentions_event_date_id": ["event", "date", "id"],
    "ix_event_mentions_country_code_date_id": ["country_code", "date", "id"],
}
REVIEW_INDEXES = {
    "ix_event_mentions_date_id_review": ["date", "id", "review"],
    "ix_event_mentions_date_event_review": ["date", "event", "review"],
}


def upgrade() -> None:
    # Plain ALTER TABLE, not batch mode: copying event_mentions on SQLite would drop the table the
    # consolidation's members point at, and their ON DELETE CASCADE would empty them.
    op.add_column("event_mentions", sa.Column("machine_record", sa.Text()))
    op.add_column("event_mentions", sa.Column("review", sa.String()))
    # Every list leaves rejected mentions out: with the status in the indexes that serve pages and
    # the timeline, that reads no row (bench/api_speed.py: a page 10,000 deep 31 -> 1 ms, the
    # timeline 103 -> 19 ms at 100,000 mentions).
    for name, columns in PAGE_INDEXES.items():
        op.drop_index(name, table_name="event_mentions")
        op.create_index(name, "event_mentions", [*columns, "review"])
    for name, columns in REVIEW_INDEXES.items():
        op.create_index(name, "event_mentions", columns)
    op.create_table(
        "judgements",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("mention_id", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("field", sa.String()),
        sa.Column("old_value", sa.Text()),
        sa.Column("new_value", sa.Text()),
        sa.Column("note", sa.Text()),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True)),
        sa.Column("undone_by", sa.String()),
    )
    op.create_index("ix_judgements_mention_id", "judgements", ["mention_id"])
    # Datasette's events view: with each mention's review, and without the rejected ones.
    op.execute("DROP VIEW events_map")
    op.execute(f"CREATE VIEW events_map AS {_reviewed_events_view(op.get_bind().dialect.name)}")


def _events_view(dialect: str) -> str:
    """The events_map view as migration 0005 made it (its module is read, not copied)."""
    spec = importlib.util.spec_from_file_location("views_0005", Path(__file__).with_name("0005_map_views.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    view: str = module._views(dialect)["events_map"]
    return view


def _reviewed_events_view(dialect: str) -> str:
    old = _events_view(dialect)
    tail = "\n            FROM event_mentions m JOIN documents d ON d.id = m.doc_id"
    assert old.endswith(tail), "migration 0005's events_map is not the one this migration extends"
    return (old[: -len(tail)] + ", m.review" + tail
            + "\n            WHERE m.review IS NULL OR m.review <> 'rejected'")  # fmt: skip


# The columns beside ``record`` that a review can change, and where each is in the event JSON.
COLUMNS = {
    "event": ("event",), "mode": ("mode",), "date": ("date",), "enddate": ("enddate",),
    "country_code": ("event_loc", "country_code"), "place": ("event_loc", "resolved_place"),
    "extracted_place": ("event_loc", "extracted_place"), "admin1": ("event_loc", "admin1"),
    "historical": ("historical",), "modality": ("modality",),
}  # fmt: skip


def downgrade() -> None:
    # The reviews go, so each reviewed mention gets its extracted record, and its columns, back.
    bind = op.get_bind()
    mentions = sa.table("event_mentions", sa.column("id"), sa.column("record"), sa.column("machine_record"),
                        *(sa.column(c) for c in COLUMNS))  # fmt: skip
    if op.get_context().as_sql:
        reviewed: Sequence[Any] = []  # SQL written for later (offline mode): no rows to read here
    else:
        reviewed = bind.execute(
            sa.select(mentions.c.id, mentions.c.machine_record).where(mentions.c.machine_record.is_not(None))
        ).all()
    for ident, text in reviewed:
        record = json.loads(text)
        values = {column: _dig(record, path) for column, path in COLUMNS.items()}
        bind.execute(sa.update(mentions).where(mentions.c.id == ident).values(record=text, **values))
    op.execute("DROP VIEW events_map")
    op.execute(f"CREATE VIEW events_map AS {_events_view(bind.dialect.name)}")
    op.drop_index("ix_judgements_mention_id", table_name="judgements")
    op.drop_table("judgements")
    for name in REVIEW_INDEXES:
        op.drop_index(name, table_name="event_mentions")
    for name, columns in PAGE_INDEXES.items():
        op.drop_index(name, table_name="event_mentions")
        op.create_index(name, "event_mentions", columns)
    op.drop_column("event_mentions", "review")
    op.drop_column("event_mentions", "machine_record")


def _dig(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value
