"""What every command shares: the consoles, the shared options, settings, logging and user errors."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console, ConsoleDimensions
from rich.markup import escape

from chronicler.config import Settings, load_settings
from chronicler.errors import ChroniclerError

PIPED_WIDTH = 240


class _ResultConsole(Console):
    """Standard output's console, its width decided at each print: $COLUMNS when set, else the
    terminal's; piped output is not cut to 80 columns (a table is read in a pager or a file)."""

    @property
    def size(self) -> ConsoleDimensions:
        found = super().size
        if os.environ.get("COLUMNS", "").isdigit() or self.is_terminal:
            return found
        return ConsoleDimensions(PIPED_WIDTH, found.height)

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        self.width, self.height = new_size


# Standard output carries the results (JSON lines, CSV, tables); everything else goes to
# standard error: errors on `err`, summaries and progress on `note`, which --quiet silences.
# Soft wrap: a message is never cut into lines at the console's width, so a file path it names
# stays whole (to paste, or to grep for).
err = Console(stderr=True, soft_wrap=True)
note = Console(stderr=True, soft_wrap=True)
out = _ResultConsole()

LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "chronicler.cli"


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
StrictOption = Annotated[
    bool,
    typer.Option("--strict", help="Stop at the first input that fails (exit status 1)."),
]
WideOption = Annotated[
    bool,
    typer.Option("--wide", help="A table of every column, nothing cut, however wide (for a pager: less -S)."),
]
# The filters of the stored event mentions, as `events` and `export events` take them.
TypeFilter = Annotated[
    str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT; an unknown one is an error.")
]
SinceFilter = Annotated[
    str | None, typer.Option(help="Earliest event date, ISO: 2019-11-01, 2019-11 or 2019.")
]
UntilFilter = Annotated[str | None, typer.Option(help="Latest event date, ISO.")]
PlaceFilter = Annotated[str | None, typer.Option(help="Place name: city, province or as written.")]
CountryFilter = Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country code, e.g. IR.")]
HistoricalFilter = Annotated[
    bool | None, typer.Option("--historical/--no-historical", help="Only background events, or only news.")
]
TextFilter = Annotated[
    str | None, typer.Option("--text", help="Words the evidence holds, each, in any order, ignoring case.")
]
PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .htm, .json, .jsonl), directories "
        "(read recursively) or - for standard input."
    ),
]


class _StderrHandler(logging.Handler):
    """Writes each record to the standard error of the moment (a test runner may swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:
            self.handleError(record)


def log_level(verbose: int = 0, quiet: bool = False) -> int:
    """WARNING by default; -v INFO, -vv DEBUG; --quiet ERROR (quiet wins)."""
    if quiet:
        return logging.ERROR
    return (logging.WARNING, logging.INFO)[verbose] if verbose < 2 else logging.DEBUG


def configure_output(verbose: int = 0, quiet: bool = False) -> None:
    """Set up the ``chronicler`` loggers and the summary console for one run of the command line.

    Log records go to standard error, never standard output. Calling it again replaces the
    previous set-up rather than adding a second handler.
    """
    logger = logging.getLogger("chronicler")
    for handler in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
        logger.removeHandler(handler)
    handler = _StderrHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(log_level(verbose, quiet))
    note.quiet = quiet


@contextmanager
def user_errors() -> Iterator[None]:
    """A ChroniclerError (bad settings, database, pack, input) ends the command with its message, code 2."""
    try:
        yield
    except ChroniclerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@contextmanager
def refused() -> Iterator[None]:
    """What the service refuses (a bad name, field or value: ValueError; a database that will not
    open) ends the command with its reason, code 2."""
    try:
        yield
    except (ChroniclerError, ValueError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc


def settings_for(db: str | None = None) -> Settings:
    """The settings of the environment, with the database of ``--db`` where one is given."""
    with user_errors():
        return load_settings().override(db=db)
