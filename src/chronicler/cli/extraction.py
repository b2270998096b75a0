"""The commands that read documents: ``extract`` (print what is found) and ``ingest`` (store it)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from chronicler.cli.common import (
    DbOption,
    Format,
    PathsArg,
    StrictOption,
    WideOption,
    err,
    note,
    settings_for,
    user_errors,
)
from chronicler.cli.consolidation import print_consolidated
from chronicler.cli.event_output import write_events
from chronicler.records import EventMention, Extraction, ReadFailure


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
    strict: StrictOption = False,
    wide: WideOption = False,
) -> None:
    """Extract event mentions from documents and print them, storing nothing.

    An input that cannot be read or extracted is listed on standard error with its reason and
    the rest go on; the exit status is then 1 (0 when every input was read, 2 for a usage error).

    Example: chronicler extract examples/ --format table
    """
    from chronicler import service

    settings = settings_for()
    events: list[EventMention] = []
    failed = 0
    with user_errors():  # a faulty pack of CHRONICLER_PACKS ends the command before any document
        for item in service.extract(paths, settings, stdin=sys.stdin):
            if isinstance(item, ReadFailure):
                failed += 1
                err.print(f"[yellow]skipped[/yellow] {item.source}: {item.reason}")
                if strict:
                    break
            elif isinstance(item, Extraction):
                if fmt is Format.jsonl:
                    write_events(item.mentions, fmt)
                else:
                    events.extend(item.mentions)
    if fmt is not Format.jsonl:
        write_events(events, fmt, wide=wide)
    if failed:
        raise typer.Exit(1)


def ingest(
    paths: PathsArg,
    db: DbOption = None,
    strict: StrictOption = False,
    collection: Annotated[
        str | None,
        typer.Option(help="Put new documents in this collection (made with `chronicler collections add`); "
                     "a private one is seen only by its members. Default: the shared one."),
    ] = None,
) -> None:
    """Clean, extract and store documents and their event mentions.

    Documents already stored with the same content are skipped, so re-running is safe.
    An input that cannot be read, or whose extraction takes longer than $CHRONICLER_DOC_TIMEOUT
    seconds (default 120) or more memory than $CHRONICLER_DOC_MEMORY_MB megabytes (default 2048),
    is stored as a failure with its reason (see `chronicler failures`) and listed on standard
    error; the batch goes on. Exit status: 0 when every input was stored (or already
    was), 1 when some failed, 2 for a usage error.

    Example: chronicler ingest examples/ --db ./iran.sqlite
    """
    from chronicler import service

    settings = settings_for(db)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=note,
        disable=note.quiet or not note.is_terminal,
    )
    with user_errors(), progress:
        task = progress.add_task("", total=None)

        def tick(source: str) -> None:
            progress.update(task, advance=1, description=source[-50:])

        summary = service.ingest(
            paths, settings, stdin=sys.stdin, on_document=tick, strict=strict, collection=collection
        )
    note.print(f"database: {settings.db_shown}")
    note.print(
        f"documents read: {summary.read}; stored: {summary.stored}; skipped as unchanged: "
        f"{summary.unchanged}; failed: {len(summary.failures)}; event mentions stored: {summary.events}"
    )
    for failure in summary.failures:
        err.print(f"  [yellow]failed[/yellow] {failure.source}: {failure.reason}")
    if summary.consolidated is not None:
        print_consolidated(summary.consolidated)
    if summary.failures:
        raise typer.Exit(1)
