"""The command line: a thin layer over ``chronicler.service``.

Every command is registered here, in the order ``--help`` lists them; each lives in the module
of its group: :mod:`~chronicler.cli.extraction` (extract, ingest),
:mod:`~chronicler.cli.consolidation` (consolidate, claims, sources),
:mod:`~chronicler.cli.exports` (export events, consolidated, datasette-metadata),
:mod:`~chronicler.cli.comparing` (compare acled, compare gdelt),
:mod:`~chronicler.cli.browsing` (events, show, failures), :mod:`~chronicler.cli.evaluation` (evaluate)
:mod:`~chronicler.cli.info` (info) and :mod:`~chronicler.cli.serving` (serve).

Building the app imports none of the heavy libraries (spaCy, SciPy, SQLAlchemy, Alembic,
datasketch, trafilatura): each command imports the service when it runs, so ``--help`` and
``--version`` answer at once (``tests/test_cli_startup.py`` keeps it so).
"""

from __future__ import annotations

from typing import Annotated

import typer

from chronicler.cli import (
    browsing,
    collections,
    comparing,
    consolidation,
    database,
    evaluation,
    exports,
    extraction,
    info,
    reviewing,
    serving,
    users,
)
from chronicler.cli.common import configure_output

__all__ = ["app", "main"]

app = typer.Typer(
    help="chronicler reads news articles about political events and builds a database of structured "
    "PLOVER events, each with its evidence sentence, outlet, claimant and modality.\n\n"
    "Example: chronicler ingest examples/ && chronicler events --type ASSAULT\n\n"
    "Exit status: 0 when every input was read and stored (or printed); 1 when some inputs failed "
    "(each is listed on standard error, and `chronicler failures` lists those ingest stored), or "
    "an id was not found; 2 for a usage error: an unknown option or filter value, a bad setting, "
    "a database that does not exist for a command that reads one.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
)
compare_app = typer.Typer(
    help="Set your own ACLED or GDELT file beside chronicler's events: matches and what each side lacks.\n\n"
    "Example: chronicler compare acled my-acled-export.csv",
    no_args_is_help=True,
    rich_markup_mode=None,
)
export_app = typer.Typer(
    help="Write stored results out for other tools: JSONL, flat CSV, ACLED's columns or GeoJSON.\n\n"
    "Example: chronicler export events --format csv -o events.csv",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def version() -> str:
    """The installed distribution's version; the package's own when it is not installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("chronicler")
    except PackageNotFoundError:
        from chronicler import __version__

        return __version__


def _print_version(value: bool) -> None:
    if value:
        print(f"chronicler {version()}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            show_default=False,
            help="Log more on standard error: -v progress, -vv debugging.",
        ),
    ] = 0,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print errors only: no summaries, progress or log messages."),
    ] = False,
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """chronicler: political event reports turned into a database of claims with their evidence."""
    configure_output(verbose=verbose, quiet=quiet)


app.command()(extraction.extract)
app.command()(extraction.ingest)
app.command()(consolidation.consolidate)
app.add_typer(export_app, name="export")
app.add_typer(compare_app, name="compare")
app.add_typer(reviewing.review_app, name="review")
compare_app.command("acled")(comparing.compare_acled)
compare_app.command("gdelt")(comparing.compare_gdelt)
export_app.command("events")(exports.export_events)
export_app.command("consolidated")(exports.export_consolidated)
export_app.command("datasette-metadata")(exports.export_datasette_metadata)
app.command()(consolidation.claims)
app.command()(consolidation.sources)
app.command()(browsing.events)
app.command()(browsing.show)
app.command()(browsing.failures)
app.command()(evaluation.evaluate)
app.command()(info.info)
app.command()(serving.serve)
app.add_typer(users.users_app, name="users")
app.add_typer(collections.collections_app, name="collections")
app.add_typer(database.db_app, name="db")
