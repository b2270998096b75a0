"""Event mentions written out: one JSON object a line, flat CSV columns, or a table for a person."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

from rich.table import Table

from chronicler.cli.common import Format, out


def flat(ev: dict[str, Any]) -> dict[str, str]:
    """An event mention's JSON as one string per column, as the table and the CSV show it."""
    loc = ev.get("event_loc") or {}
    counts = "; ".join(c["text"] + f" ({c['kind']})" for c in ev.get("counts") or [])
    claim = ev.get("claimed_by") or {}
    return {
        "id": ev["id"],
        "event": ev["event"],
        "mode": ev.get("mode") or "",
        "date": ev.get("date") or "",
        "place": loc.get("resolved_place") or "",
        "actor": ", ".join(a.get("identifier_text") or a["entity_text"] for a in ev.get("actor") or []),
        "counts": counts,
        "claimed_by": claim.get("identifier_text") or claim.get("entity_text") or "",
        "modality": ev.get("modality") or "",
        "hist": "yes" if ev.get("historical") else "",
        "text": ev.get("text") or "",
    }


def _event_rows(events: list[dict[str, Any]]) -> Table:
    table = Table(show_lines=False)
    for col in ("id", "event", "mode", "date", "place", "actor", "counts", "claimed_by", "modality", "hist"):
        table.add_column(col, no_wrap=col in {"id", "event", "mode", "date", "modality", "hist"})
    table.add_column("text", max_width=90, overflow="ellipsis", no_wrap=True)
    for ev in events:
        row = flat(ev)
        table.add_row(*row.values())
    return table


def write_events(events: list[dict[str, Any]], fmt: Format) -> None:
    """Write event mentions to standard output in ``fmt``."""
    if fmt is Format.jsonl:
        for ev in events:
            sys.stdout.write(json.dumps(ev, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(flat({"id": "", "event": ""})))
        writer.writeheader()
        for ev in events:
            writer.writerow(flat(ev))
    else:
        out.print(_event_rows(events))
