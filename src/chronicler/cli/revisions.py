"""The revisions of a document as `show` and `claims` list them: number, content hash prefix,
when each was ingested, its published date and the figures it states."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table

if TYPE_CHECKING:
    from chronicler.service import RevisionRow

HASH_PREFIX = 12  # hex digits of the content hash: enough to tell a document's texts apart


def revisions_table(rows: Sequence[RevisionRow], *, title: str = "revisions", document: bool = True) -> Table:
    """One row per revision, oldest first; the latest (the most recently ingested text, which
    every view reads) is marked. ``document=False`` leaves out the document column, for rows of
    one document."""
    table = Table(title=title, title_justify="left")
    columns = ("document",) * document + ("revision", "hash", "ingested at", "published", "figures")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(
            *(row.doc_id,) * document,
            f"{row.revision} (latest)" if row.latest else str(row.revision),
            row.content_hash[:HASH_PREFIX],
            row.ingested_at.isoformat(timespec="seconds"),
            row.published or "unknown",
            ", ".join(row.figures) or "-",
        )
    return table
