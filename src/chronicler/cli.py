"""The command line: a thin layer over ``chronicler.service``."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from chronicler import __version__, service
from chronicler.config import Settings, load_settings
from chronicler.errors import ChroniclerError
from chronicler.evaluate.report import render_text
from chronicler.evaluate.runner import evaluate as run_evaluation
from chronicler.records import Extraction, ReadFailure

app = typer.Typer(
    help="chronicler reads news articles about political events and builds a database of structured "
    "PLOVER events, each with its evidence sentence, outlet, claimant and modality.\n\n"
    "Example: chronicler ingest examples/ && chronicler events --type ASSAULT",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True)
# Piped output is not cut to 80 columns: a table is read in a pager or a file.
out = Console() if Console().is_terminal else Console(width=240)


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file path or a SQLAlchemy URL. "
        "Default: $CHRONICLER_DB, else chronicler.sqlite in your data directory.",
    ),
]
PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .htm, .json, .jsonl), directories "
        "(read recursively) or - for standard input."
    ),
]


@contextmanager
def _user_errors() -> Iterator[None]:
    """A ChroniclerError (bad settings, database, pack, input) ends the command with its message, code 2."""
    try:
        yield
    except ChroniclerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _settings(db: str | None = None) -> Settings:
    with _user_errors():
        return load_settings().override(db=db)


def _version(value: bool) -> None:
    if value:
        print(f"chronicler {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """chronicler: political event reports turned into a database of claims with their evidence."""


def _event_rows(events: list[dict[str, Any]]) -> Table:
    table = Table(show_lines=False)
    for col in ("id", "event", "mode", "date", "place", "actor", "counts", "claimed_by", "modality", "hist"):
        table.add_column(col, no_wrap=col in {"id", "event", "mode", "date", "modality", "hist"})
    table.add_column("text", max_width=90, overflow="ellipsis", no_wrap=True)
    for ev in events:
        row = _flat(ev)
        table.add_row(*row.values())
    return table


def _flat(ev: dict[str, Any]) -> dict[str, str]:
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


def _write_events(events: list[dict[str, Any]], fmt: Format) -> None:
    if fmt is Format.jsonl:
        for ev in events:
            sys.stdout.write(json.dumps(ev, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(_flat({"id": "", "event": ""})))
        writer.writeheader()
        for ev in events:
            writer.writerow(_flat(ev))
    else:
        out.print(_event_rows(events))


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: SCHEMA.md event JSON, one per line; table: for a person; csv: flat columns.",
        ),
    ] = Format.jsonl,
) -> None:
    """Extract event mentions from documents and print them, storing nothing.

    Example: chronicler extract examples/ --format table
    """
    settings = _settings()
    events: list[dict[str, Any]] = []
    failed = 0
    for item in service.extract(paths, settings, stdin=sys.stdin):
        if isinstance(item, ReadFailure):
            failed += 1
            err.print(f"[yellow]skipped[/yellow] {item.source}: {item.reason}")
        elif isinstance(item, Extraction):
            batch = [m.to_json() for m in item.mentions]
            if fmt is Format.jsonl:
                _write_events(batch, fmt)
            else:
                events.extend(batch)
    if fmt is not Format.jsonl:
        _write_events(events, fmt)
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(paths: PathsArg, db: DbOption = None) -> None:
    """Clean, extract and store documents and their event mentions.

    Documents already stored with the same content are skipped, so re-running is safe.
    A file that cannot be read is recorded with its reason; the batch goes on.

    Example: chronicler ingest examples/ --db ./iran.sqlite
    """
    settings = _settings(db)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
    )
    with _user_errors(), progress:
        task = progress.add_task("", total=None)

        def tick(source: str) -> None:
            progress.update(task, advance=1, description=source[-50:])

        summary = service.ingest(paths, settings, stdin=sys.stdin, on_document=tick)
    err.print(f"database: {settings.db_url}")
    err.print(
        f"documents read: {summary.read}; stored: {summary.stored}; skipped as unchanged: "
        f"{summary.unchanged}; failed: {len(summary.failures)}; event mentions stored: {summary.events}"
    )
    for failure in summary.failures:
        err.print(f"  [yellow]failed[/yellow] {failure.source}: {failure.reason}")
    if summary.consolidated is not None:
        _print_consolidated(summary.consolidated)


def _print_consolidated(summary: service.ConsolidateSummary) -> None:
    err.print(
        f"consolidated: {summary.mentions} event mention(s) of {summary.documents} document(s) into "
        f"{summary.events} event(s); near-duplicate groups: {summary.duplicate_groups}; "
        f"{summary.seconds:.1f} s"
    )


@app.command()
def consolidate(db: DbOption = None) -> None:
    """Group the stored event mentions into consolidated events: one per real-world event.

    Mentions of one event across sentences and documents are merged; each figure stays a
    claim with its claimant and outlet. Reposts of one article (near-duplicates) count once
    as corroboration. Incremental: events already found keep their ids, and only mentions
    not yet placed are compared. `ingest` runs this itself after storing new documents.

    Example: chronicler consolidate --db ./iran.sqlite
    """
    settings = _settings(db)
    with _user_errors():
        summary = service.consolidate(settings)
    err.print(f"database: {settings.db_url}")
    _print_consolidated(summary)


export_app = typer.Typer(
    help="Write stored results out for other tools.\n\n"
    "Example: chronicler export consolidated > events.jsonl",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app, name="export")


class ExportFormat(StrEnum):
    jsonl = "jsonl"


@export_app.command("consolidated")
def export_consolidated(
    db: DbOption = None,
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="jsonl: one consolidated event JSON per line."),
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
    ] = None,
) -> None:
    """Write the consolidated events, one JSON object per line (see docs/schema.md).

    Run `chronicler consolidate` (or `ingest`) first; events come in order of first report.

    Example: chronicler export consolidated --format jsonl --output consolidated.jsonl
    """
    settings = _settings(db)
    with _user_errors():
        records = list(service.export_consolidated(settings))
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if output is None:
        sys.stdout.write(lines)
    else:
        try:
            output.write_text(lines, encoding="utf-8")
        except OSError as exc:
            err.print(f"[red]error:[/red] cannot write {output}: {exc}")
            raise typer.Exit(2) from exc
    err.print(f"{len(records)} consolidated event(s)")


@app.command()
def claims(
    event_id: Annotated[
        str, typer.Argument(help="A consolidated event id (ce_...), as `export consolidated` lists it.")
    ],
    db: DbOption = None,
) -> None:
    """Show every figure reported for one consolidated event, side by side, by kind.

    One row per claimant: the figures in published order (a revision such as 208 then 304
    reads "208 -> 304"), first and latest date, outlets carrying it, their type and
    affiliation. Below each table: ACLED's conservative count and UCDP-style low/best/high
    over each claimant's latest figure.

    Example: chronicler claims ce_0123456789abcdef0123
    """
    settings = _settings(db)
    with _user_errors():
        view = service.claims_view(settings, event_id)
    if view is None:
        err.print(
            f"[red]error:[/red] no consolidated event with id {event_id!r} in {settings.db_url}; "
            "run `chronicler consolidate` and list ids with `chronicler export consolidated`"
        )
        raise typer.Exit(1)
    ev = view.event
    place = ev.event_loc.resolved_place if ev.event_loc else "-"
    out.print(f"[bold]{ev.event}[/bold] {ev.mode or ''}  {ev.date or 'undated'}  {place}  id {ev.id}")
    out.print(
        f"  {len(ev.mentions)} mention(s) in {len(ev.documents)} document(s); independent sources: "
        f"{ev.sources.independent}; disagreement: {'yes' if ev.disagreement else 'no'}"
    )
    if not view.kinds:
        out.print("  no figures reported")
    for kind in view.kinds:
        out.print(_claims_table(kind))
        low, best, high = (_n(v) for v in kind.ucdp)
        out.print(f"ACLED conservative: {_n(kind.acled)}; UCDP low/best/high: {low}/{best}/{high}")


def _n(value: int | None) -> str:
    return "-" if value is None else str(value)


def _claims_table(kind: service.KindView) -> Table:
    table = Table(title=kind.kind, title_justify="left")
    for col in ("figure", "claimant", "first", "latest", "outlets", "outlet type", "affiliation"):
        table.add_column(col)
    for row in kind.rows:
        table.add_row(
            " -> ".join(row["figures"]),
            row["claimant"],
            row["first"] or "?",
            row["latest"] or "?",
            ", ".join(row["outlets"]),
            ", ".join(row["outlet_types"]) or "unknown",
            ", ".join(row["affiliations"]) or "unknown",
        )
    return table


@app.command()
def sources(db: DbOption = None) -> None:
    """List the outlets of the stored documents: type, affiliation, documents and claims carried.

    Type and affiliation come from the outlets pack (packs/outlets.yaml, plus $CHRONICLER_PACKS);
    "unknown" marks an outlet not in it. Claims are those of the consolidated events.

    Example: chronicler sources --db ./iran.sqlite
    """
    settings = _settings(db)
    with _user_errors():
        rows = service.sources_view(settings)
    table = Table()
    for col in ("outlet", "name", "type", "affiliation", "documents", "claims"):
        table.add_column(col, justify="right" if col in {"documents", "claims"} else "left")
    for row in rows:
        table.add_row(
            row["outlet"],
            row["name"] or "",
            row["type"] or "unknown",
            row["affiliation"] or "unknown",
            str(row["documents"]),
            str(row["claims"]),
        )
    out.print(table)
    err.print(f"{len(rows)} outlet(s)")


@app.command()
def events(
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Earliest event date, ISO: 2019-11-01, 2019-11 or 2019.")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, ISO.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name: city, province or as written.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country code, e.g. IR.")] = None,
    historical: Annotated[
        bool | None,
        typer.Option("--historical/--no-historical", help="Only background events, or only news."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, jsonl (the event JSON of `extract`) or csv.")
    ] = Format.table,
) -> None:
    """List stored event mentions, filtered.

    Example: chronicler events --type ASSAULT --since 2019-11-01 --country IR --no-historical
    """
    settings = _settings(db)
    try:
        rows = service.list_events(
            settings,
            event=type_.upper() if type_ else None,
            since=since,
            until=until,
            place=place,
            country=country,
            historical=historical,
            limit=limit,
        )
    except (ChroniclerError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    _write_events(rows, fmt)
    if fmt is Format.table:
        err.print(f"{len(rows)} event mention(s)")


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="An event-mention id, as `events` lists it.")],
    db: DbOption = None,
) -> None:
    """Show one event mention with its evidence sentence in context, document, outlet and extractor.

    Example: chronicler show ev_0123456789abcdef0123
    """
    settings = _settings(db)
    with _user_errors():
        found = service.show_event(settings, event_id)
    if found is None:
        err.print(f"[red]error:[/red] no event mention with id {event_id!r} in {settings.db_url}")
        raise typer.Exit(1)
    ev, doc = found
    text: str = doc.get("text") or ""
    start, end = ev["text_info"]["start"], ev["text_info"]["end"]
    before = text[max(0, start - 300) : start]
    after = text[end : end + 300]
    out.print(f"[bold]{ev['event']}[/bold] {ev.get('mode') or ''}  id {ev['id']}")
    for key, value in _flat(ev).items():
        if key not in {"text", "id"} and value:
            out.print(f"  {key:11} {value}")
    out.print(f"  {'document':11} {doc.get('id')}  {doc.get('title') or ''}")
    out.print(f"  {'outlet':11} {doc.get('outlet') or '-'}  {doc.get('url') or ''}")
    out.print(f"  {'published':11} {doc.get('published') or 'unknown'}")
    out.print(f"  {'extractor':11} {ev['extractor']}  confidence {ev['confidence']}")
    context = Text("\n…")
    context.append(before, style="dim")
    context.append(text[start:end], style="bold")
    context.append(after + "…", style="dim")
    out.print(context, highlight=False)


@app.command()
def evaluate(
    gold_dir: Annotated[
        Path, typer.Argument(metavar="GOLD_DIR", help="Directory of gold files (*.json, devset gold format).")
    ],
    docs_dir: Annotated[
        list[str],
        typer.Argument(metavar="DOCS_DIR", help="The documents the gold describes: files or directories."),
    ],
    system: Annotated[
        Path | None,
        typer.Option(
            "--system", help="Score these event JSON lines instead of extracting DOCS_DIR in-process."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full result as JSON, misses and false positives too.")
    ] = False,
    only: Annotated[
        str | None, typer.Option("--only", help="Score only these gold files, by stem: ID,ID.")
    ] = None,
    packs: Annotated[
        list[str] | None,
        typer.Option("--packs", help="An extra knowledge-pack directory (repeatable)."),
    ] = None,
) -> None:
    """Score event extraction against gold files, exactly as the devset's score.py does.

    Without --system, DOCS_DIR is read and extracted in-process first. Gold anchors that are
    not verbatim and unique in the cleaned document text are reported on standard error.

    Example: chronicler evaluate tests/evaluate/gold examples/ --json
    """
    settings = _settings()
    if packs:
        # Flag directories come before those of $CHRONICLER_PACKS; both are used.
        settings = settings.override(packs=os.pathsep.join(filter(None, [*packs, settings.packs])))
    chosen = {name for name in (only or "").split(",") if name} or None
    with _user_errors():
        evaluation = run_evaluation(gold_dir, docs_dir, settings, system=system, only=chosen)
    for failure in evaluation.failures:
        err.print(f"[yellow]skipped[/yellow] {failure.source}: {failure.reason}")
    for problem in evaluation.gold_problems:
        err.print(f"[yellow]gold[/yellow] {problem}", highlight=False)
    if as_json:
        print(json.dumps(evaluation.result, indent=1))
    else:
        print(render_text(evaluation.result))


if __name__ == "__main__":
    app()
