"""Event mentions written out: one JSON object a line, flat CSV columns, or a table for a person."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable

from rich.table import Table

from chronicler.cli.common import Format, out
from chronicler.records import EventMention

COLUMNS = (
    "id",
    "event",
    "mode",
    "date",
    "place",
    "actor",
    "counts",
    "claimed_by",
    "modality",
    "hist",
    "text",
)


def flat(mention: EventMention) -> dict[str, str]:
    """An event mention as one string per column, as the table and the CSV show it."""
    claim = mention.claimed_by
    return {
        "id": mention.id,
        "event": mention.event,
        "mode": mention.mode or "",
        "date": mention.date or "",
        "place": (mention.event_loc.resolved_place if mention.event_loc else "") or "",
        "actor": ", ".join(a.identifier_text or a.entity_text for a in mention.actor),
        "counts": "; ".join(f"{c.text} ({c.kind})" for c in mention.counts),
        "claimed_by": (claim.identifier_text or claim.entity_text if claim else "") or "",
        "modality": mention.modality or "",
        "hist": "yes" if mention.historical else "",
        "text": mention.text or "",
    }


def _event_rows(mentions: Iterable[EventMention]) -> Table:
    table = Table(show_lines=False)
    for col in COLUMNS[:-1]:
        table.add_column(col, no_wrap=col in {"id", "event", "mode", "date", "modality", "hist"})
    table.add_column("text", max_width=90, overflow="ellipsis", no_wrap=True)
    for mention in mentions:
        table.add_row(*flat(mention).values())
    return table


def write_events(mentions: Iterable[EventMention], fmt: Format) -> None:
    """Write event mentions to standard output in ``fmt``: their event JSON, CSV or a table."""
    if fmt is Format.jsonl:
        for mention in mentions:
            sys.stdout.write(json.dumps(mention.to_json(), ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS)
        writer.writeheader()
        for mention in mentions:
            writer.writerow(flat(mention))
    else:
        out.print(_event_rows(mentions))
