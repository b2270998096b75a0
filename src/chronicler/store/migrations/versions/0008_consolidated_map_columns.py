"""The map's columns on consolidated events: mode, end date, place, province, precision, a point
only for a town, and the numbers of mentions and documents and the disagreement flag.

The workspace's map asked SQLite to read them out of every record (285 ms p95 for 4,447 events,
bench/api_speed.py); as columns they are read as they are. Filled here from each stored record,
as ``store.rows.consolidated_row`` fills them at each consolidation.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS: dict[str, sa.types.TypeEngine[Any]] = {
    "mode": sa.String(), "enddate": sa.String(), "place": sa.String(), "admin1": sa.String(),
    "geo_precision": sa.String(), "latitude": sa.Float(), "longitude": sa.Float(), "mentions": sa.Integer(),
    "documents": sa.Integer(), "disagreement": sa.Boolean(),
}  # fmt: skip


def _values(record: dict[str, Any]) -> dict[str, Any]:
    loc = record.get("event_loc") or {}
    town = loc.get("resolution") == "city"
    return {
        "mode": record.get("mode"),
        "enddate": record.get("enddate"),
        "place": loc.get("resolved_place"),
        "admin1": loc.get("admin1"),
        "geo_precision": loc.get("resolution"),
        "latitude": loc.get("lat") if town else None,
        "longitude": loc.get("lon") if town else None,
        "mentions": len(record.get("mentions") or ()),
        "documents": len(record.get("documents") or ()),
        "disagreement": bool(record.get("disagreement")),
    }


def upgrade() -> None:
    # Plain ALTER TABLE: batch mode would copy the table the consolidation's members point at.
    for name, kind in COLUMNS.items():
        op.add_column("consolidated_events", sa.Column(name, kind))
    if op.get_context().as_sql:
        return  # SQL written for later (offline mode): no rows to read; the next consolidation fills them
    bind = op.get_bind()
    events = sa.table(
        "consolidated_events", sa.column("id"), sa.column("record"), *(sa.column(c) for c in COLUMNS)
    )
    for ident, text in bind.execute(sa.select(events.c.id, events.c.record)).all():
        bind.execute(sa.update(events).where(events.c.id == ident).values(_values(json.loads(text))))


def downgrade() -> None:
    for name in reversed(COLUMNS):
        op.drop_column("consolidated_events", name)
