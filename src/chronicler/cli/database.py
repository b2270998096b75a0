"""``db``: the database's schema revision, migrations, and copying a database to another."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from chronicler.cli.common import DbOption, note, out, settings_for, user_errors

db_app = typer.Typer(
    help="The database itself: its schema revision, migrating it, copying it to another database.\n\n"
    "Example: chronicler db copy ~/chronicler/iran.sqlite postgresql://team@db.example.org/chronicler",
    no_args_is_help=True,
    rich_markup_mode=None,
)

RevisionArg = Annotated[
    str, typer.Argument(help="A revision number from `chronicler db current`, e.g. 0007.")
]


@db_app.command("current")
def current(db: DbOption = None) -> None:
    """Print the database's schema revision and every revision this chronicler knows, newest last.
    Nothing is changed: the database is read, never created or migrated.

    Example: chronicler db current --db postgresql://team@db.example.org/chronicler
    """
    from chronicler import service_db

    settings = settings_for(db)
    with user_errors():
        found = service_db.state(settings)
        known = service_db.revisions()
    out.print(f"database  {escape(found.database)}", highlight=False, soft_wrap=True)
    table = Table("revision", "", "migration", title_justify="left", box=None)
    for revision, doc in known:
        mark = "current" if revision == found.current else ""
        table.add_row(revision, mark + (" newest" if revision == found.head else ""), doc)
    out.print(table)
    if found.current is None:
        note.print(
            "no chronicler schema yet: any command that writes creates it (or `chronicler db upgrade`)"
        )
    elif not found.up_to_date:
        note.print(f"at {found.current}; `chronicler db upgrade` brings it to {found.head}")


@db_app.command("upgrade")
def upgrade(
    db: DbOption = None, revision: Annotated[str, typer.Argument(help="Target revision.")] = "head"
) -> None:
    """Migrate the database up to REVISION (default: the newest), creating it where it does not
    exist. Every command that opens a database does this anyway; this does it now, alone, for a
    server you are setting up or after installing a newer chronicler.

    Example: chronicler db upgrade --db postgresql://team@db.example.org/chronicler
    """
    from chronicler import service_db

    settings = settings_for(db)
    with user_errors():
        found = service_db.upgrade(settings, revision)
    note.print(f"{found.database}: at revision {found.current}")


@db_app.command("downgrade")
def downgrade(revision: RevisionArg, db: DbOption = None) -> None:
    """Migrate the database down to REVISION, to run it with an older chronicler. What later
    migrations added is dropped with them (their tables and columns): copy the database first
    (`chronicler db copy`) if you may want it back. Any command of this chronicler that opens
    the database upgrades it again.

    Example: chronicler db downgrade 0008 --db ./iran.sqlite
    """
    from chronicler import service_db

    settings = settings_for(db)
    with user_errors():
        found = service_db.downgrade(settings, revision)
    note.print(f"{found.database}: at revision {found.current}")


@db_app.command("copy")
def copy(
    source: Annotated[str, typer.Argument(help="The database to copy: a SQLite file path or a URL.")],
    target: Annotated[str, typer.Argument(help="An empty database to fill: a URL or a SQLite path.")],
) -> None:
    """Copy every document, mention, revision, judgement, failure and consolidated event of SOURCE
    into the empty database TARGET (created where it can be, e.g. a SQLite file), then print each
    table's rows and checksum on both sides. The copy is one transaction: if anything fails, or a
    table's rows or checksum differ afterwards, the target is left as it was (exit status 2).

    Example: chronicler db copy ~/chronicler/iran.sqlite postgresql://team@db.example.org/chronicler
    """
    from chronicler import service_db

    progress = Progress(
        TextColumn("[bold]copying"), TextColumn("{task.description}"), MofNCompleteColumn(),
        TimeElapsedColumn(), console=note, disable=note.quiet or not note.is_terminal,
    )  # fmt: skip
    with user_errors(), progress:
        task = progress.add_task("", total=None)

        def tick(table_name: str, rows: int) -> None:
            progress.update(task, advance=rows, description=table_name)

        copies = service_db.copy(source, target, tick)
    table = Table("table", "rows", "checksum (SHA-256)", "in the target", title_justify="left")
    for c in copies:
        table.add_row(c.table, str(c.rows), c.checksum[:16], "same" if c.same else "[red]differs[/red]")
    out.print(table)
    note.print(f"copied {sum(c.rows for c in copies)} rows; every table's rows and checksum are the same")
