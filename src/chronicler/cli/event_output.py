"""Event mentions written out: one JSON object a line, flat CSV columns, or a table for a person.

A table fits the width it is printed at. Where every column fits (``WIDE_AT`` columns, as in a
pager or a file: piped output is 240 wide) or ``wide`` is asked for, it has one column for each
field. Narrower, as in an 80-column terminal, each mention takes a line with its id in full
(to paste into `chronicler show`), type and mode, date and place, and its text wrapped below.
Names, places and text are shown safely (``text.safe``); CSV cells are neutralised against
formula injection (``text.csvcells``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from chronicler.cli.common import Format, out
from chronicler.records import EventMention
from chronicler.text.csvcells import write_rows
from chronicler.text.safe import clean_name, display

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
WIDE_AT = 160  # the narrowest width at which the table of every column is shown
UNLIMITED = 100_000  # `--wide`: no column is cut, however long the lines
TEXT_INDENT = 4
_NAMED = ("place", "actor", "claimed_by")


def flat(mention: EventMention) -> dict[str, str]:
    """An event mention as one string per column, as the table and the CSV show it: names
    cleaned (``clean_name``), the text without controls or bidi overrides (``display``)."""
    claim = mention.claimed_by
    row = {
        "id": mention.id,
        "event": mention.event,
        "mode": mention.mode or "",
        "date": mention.date or "",
        "place": (mention.event_loc.resolved_place if mention.event_loc else "") or "",
        "actor": ", ".join(clean_name(a.identifier_text or a.entity_text) or "" for a in mention.actor),
        "counts": "; ".join(f"{c.text} ({c.kind})" for c in mention.counts),
        "claimed_by": (claim.identifier_text or claim.entity_text if claim else "") or "",
        "modality": mention.modality or "",
        "hist": "yes" if mention.historical else "",
        "text": mention.text or "",
    }
    return {k: (clean_name(v) or "") if k in _NAMED else display(v) for k, v in row.items()}


def _event_rows(rows: Sequence[dict[str, str]], wide: bool) -> Table:
    table = Table(show_lines=False)
    for col in COLUMNS[:-1]:
        table.add_column(col, no_wrap=col in {"id", "event", "mode", "date", "modality", "hist"} or wide)
    if wide:
        table.add_column("text", no_wrap=True)
    else:
        table.add_column("text", max_width=90, overflow="ellipsis", no_wrap=True)
    for row in rows:
        table.add_row(*(Text(v) for v in row.values()))  # Text: "[" in a title is no markup
    return table


def event_lines(rows: Sequence[dict[str, str]], width: int) -> RenderableType:
    """The narrow table: per mention a line of id, type and mode, date and place (cut with an
    ellipsis past ``width``, the id never), and its text wrapped below, indented."""
    kind = max((len(f"{r['event']} {r['mode']}".strip()) for r in rows), default=4)
    parts: list[RenderableType] = []
    head = Text(f"{'id':23}  {'type':{kind}}  {'date':10}  place", style="bold")
    for row in rows:
        kind_text = f"{row['event']} {row['mode']}".strip()
        line = Text(f"{row['id']}  {kind_text:{kind}}  {row['date']:10}  {row['place']}".rstrip())
        line.truncate(max(width, len(row["id"])), overflow="ellipsis")
        parts.append(line)
        for wrapped in Text(row["text"], style="dim").wrap(out, max(width - TEXT_INDENT, 20)):
            wrapped.rstrip()
            parts.append(Text(" " * TEXT_INDENT) + wrapped)
    return Group(head, *parts)


def write_events(mentions: Iterable[EventMention], fmt: Format, *, wide: bool = False) -> None:
    """Write event mentions to standard output in ``fmt``: their event JSON, CSV or a table
    (``wide``: every column, nothing cut, whatever the width)."""
    if fmt is Format.jsonl:
        for mention in mentions:
            sys.stdout.write(json.dumps(mention.to_json(), ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        write_rows(sys.stdout, COLUMNS, (flat(m) for m in mentions))
    elif wide:
        whole = Console(file=sys.stdout, width=UNLIMITED, highlight=False)
        whole.print(_event_rows([flat(m) for m in mentions], True), crop=False)
    elif out.width >= WIDE_AT:
        out.print(_event_rows([flat(m) for m in mentions], False))
    else:
        out.print(event_lines([flat(m) for m in mentions], out.width), highlight=False)
