"""What every command shares: the consoles, the shared options, settings and the handling of user errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from chronicler.config import Settings, load_settings
from chronicler.errors import ChroniclerError

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
def user_errors() -> Iterator[None]:
    """A ChroniclerError (bad settings, database, pack, input) ends the command with its message, code 2."""
    try:
        yield
    except ChroniclerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def settings_for(db: str | None = None) -> Settings:
    """The settings of the environment, with the database of ``--db`` where one is given."""
    with user_errors():
        return load_settings().override(db=db)
