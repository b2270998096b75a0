"""Browsing what is stored: ``events`` (a filtered list), ``show`` (one in its context) and
``failures`` (the inputs set aside, with their reasons)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from chronicler.cli.common import (
    CountryFilter,
    DbOption,
    Format,
    HistoricalFilter,
    PlaceFilter,
    SinceFilter,
    TextFilter,
    TypeFilter,
    UntilFilter,
    WideOption,
    err,
    note,
    out,
    settings_for,
    user_errors,
)
from chronicler.cli.event_output import flat, write_events
from chronicler.errors import ChroniclerError
from chronicler.text.csvcells import write_rows
from chronicler.text.safe import clean_name, display

if TYPE_CHECKING:
    from chronicler.config import Settings
    from chronicler.store import StoredDocument


def events(
    db: DbOption = None,
    type_: TypeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    place: PlaceFilter = None,
    country: CountryFilter = None,
    historical: HistoricalFilter = None,
    text: TextFilter = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, jsonl (the event JSON of `extract`) or csv.")
    ] = Format.table,
    wide: WideOption = False,
) -> None:
    """List stored event mentions, filtered.

    The table fits the terminal: at 80 columns each mention has a line with its full id (to paste
    into `chronicler show`), type, date and place, and its text below; --wide shows every column.
    A filter that can match nothing (an unknown type, --since after --until, a date that is no
    date) is an error naming what is allowed, exit status 2, as is a database that does not exist.

    Example: chronicler events --type ASSAULT --since 2019-11-01 --country IR --no-historical
    """
    from chronicler import service

    settings = settings_for(db)
    try:
        mentions = service.list_events(
            settings,
            event=type_.upper() if type_ else None,
            since=since,
            until=until,
            place=place,
            country=country,
            historical=historical,
            text=text,
            limit=limit,
        )
    except (ChroniclerError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    write_events(mentions, fmt, wide=wide)
    if fmt is Format.table:
        note.print(f"{len(mentions)} event mention(s)")


def show(
    event_id: Annotated[str, typer.Argument(help="An event-mention id, as `events` lists it.")],
    db: DbOption = None,
) -> None:
    """Show one event mention with its evidence sentence in context, document, outlet and extractor.

    The mention is that of the latest revision of its document; an id only an earlier revision
    has (the article was edited since) shows that revision. The document's revisions are listed.

    Example: chronicler show ev_0123456789abcdef0123
    """
    from chronicler import service
    from chronicler.service_pages import evidence_context

    settings = settings_for(db)
    with user_errors():
        found = service.show_event(settings, event_id)
    if found is None:
        err.print(f"[red]error:[/red] no event mention with id {event_id!r} in {settings.db_shown}")
        raise typer.Exit(1)
    ev, stored = found
    doc = stored.document
    before, evidence, after = (display(part) for part in evidence_context(doc.text or "", ev.start, ev.end))
    out.print(f"[bold]{ev.event}[/bold] {ev.mode or ''}  id {ev.id}")
    lines = [(key, value) for key, value in flat(ev).items() if key not in {"text", "id"} and value]
    lines += [
        ("document", f"{clean_name(doc.id)}  {clean_name(doc.title) or ''}"),
        ("outlet", f"{clean_name(doc.outlet) or '-'}  {clean_name(doc.url) or ''}"),
        ("published", doc.published or "unknown"),
        ("extractor", f"{ev.extractor}  confidence {ev.confidence}"),
    ]
    if ev.review is not None:  # what reviewers said: `chronicler review show` lists each judgement
        fields = f" ({', '.join(ev.review.fields)} by a reviewer)" if ev.review.fields else ""
        who = ", ".join(ev.review.reviewers)
        lines.append(("review", f"{ev.review.status}{fields}, {who}, {ev.review.at}"))
    for key, value in lines:
        out.print(f"  {key:11} {escape(value)}", highlight=False)
    context = Text("\n…")
    context.append(before, style="dim")
    context.append(evidence, style="bold")
    context.append(after + "…", style="dim")
    out.print(context, highlight=False)
    _print_revisions(settings, ev.id, stored)


def _print_revisions(settings: Settings, mention_id: str, shown: StoredDocument) -> None:
    """Which revision was shown, and every revision of its document with the mention's figures."""
    from chronicler import service
    from chronicler.cli.revisions import revisions_table

    if shown.superseded:
        out.print(f"revision {shown.revision} of {shown.document.id}: a later revision superseded it")
    with user_errors():
        rows = service.document_revisions(settings, shown.document.id, [mention_id])
    out.print(revisions_table(rows, title=f"revisions of {shown.document.id}", document=False))


def failures(
    db: DbOption = None,
    code: Annotated[
        str | None, typer.Option("--code", help="Only failures of this code, e.g. timeout or too_deep.")
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, jsonl (source, code, reason, time) or csv.")
    ] = Format.table,
) -> None:
    """List the inputs that ingest set aside: source, code, reason and when, oldest first.

    The code names the kind of fault for a program (timeout, too_large, not_utf8, special_file,
    symlink_loop, permission, too_deep, ...); the reason says what to fix.

    Example: chronicler failures --code timeout --format jsonl
    """
    from chronicler import service

    settings = settings_for(db)
    try:
        found = service.list_failures(settings, code=code)
    except (ChroniclerError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    rows = [
        {
            "source": f.failure.source,
            "code": f.failure.code,
            "reason": f.failure.reason,
            "recorded_at": f.recorded_at.isoformat(timespec="seconds"),
        }
        for f in found
    ]
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        write_rows(sys.stdout, ["source", "code", "reason", "recorded_at"], rows)
    else:
        table = Table()
        for col in ("source", "code", "reason", "recorded_at"):
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(Text(display(v)) for v in row.values()))
        out.print(table)
        note.print(f"{len(rows)} failure(s)")
