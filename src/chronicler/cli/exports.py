"""``export events`` and ``export consolidated``: stored results in the formats other tools read."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chronicler.cli.common import (
    CountryFilter,
    DbOption,
    HistoricalFilter,
    PlaceFilter,
    SinceFilter,
    TextFilter,
    TypeFilter,
    UntilFilter,
    err,
    note,
    settings_for,
    user_errors,
)
from chronicler.errors import ChroniclerError
from chronicler.export.write import ExportFormat

if TYPE_CHECKING:
    from chronicler.service_exports import ExportSummary

FORMAT_HELP = (
    "jsonl: the record JSON, one a line; csv: flat columns (dates with precision, names with ids, "
    "place to coordinates, figures as numbers, outlet, URL, evidence); acled: ACLED's columns; "
    "geojson: a FeatureCollection, points only for towns; parquet: the csv columns, typed "
    "(needs pyarrow: pip install 'chronicler[parquet]')."
)
FormatOption = Annotated[ExportFormat, typer.Option("--format", "-f", help=FORMAT_HELP)]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (replaced only once the export is complete)."),
]


@contextmanager
def _target(output: Path | None, binary: bool = False) -> Iterator[Any]:
    """Standard output, or ``output`` written beside itself and renamed into place at the end, so
    that a failed export leaves an earlier file whole. A binary format is not written to a
    terminal."""
    if output is None:
        if binary and sys.stdout.isatty():
            err.print(
                "[red]error:[/red] parquet is binary: write it to a file with -o FILE, or redirect the output"
            )
            raise typer.Exit(2)
        yield sys.stdout.buffer if binary else sys.stdout
        if binary:
            sys.stdout.buffer.flush()
        return
    partial = output.with_name(output.name + ".part")
    try:
        with partial.open("wb") if binary else partial.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(partial, output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        err.print(f"[red]error:[/red] cannot write {output}: {exc}")
        raise typer.Exit(2) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _run(
    write: Callable[[Any], ExportSummary], fmt: ExportFormat, output: Path | None, what: str, why_left: str
) -> None:
    try:
        with _target(output, fmt.binary) as stream:
            summary = write(stream)
    except (ChroniclerError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    left = f"; {summary.left_out} left out ({why_left})" if summary.left_out else ""
    note.print(f"{summary.written} {what}{left}")


def export_events(
    db: DbOption = None,
    fmt: FormatOption = ExportFormat.jsonl,
    output: OutputOption = None,
    type_: TypeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    place: PlaceFilter = None,
    country: CountryFilter = None,
    historical: HistoricalFilter = None,
    text: TextFilter = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.", min=1)] = None,
) -> None:
    """Write the stored event mentions, filtered as `chronicler events` filters them.

    csv has one row per mention: its id and document, type and mode, date and its precision,
    actor and recipient (names, knowledge-base ids, sectors), place, province, country, latitude
    and longitude (for a town only: an event placed only in a country gets no point), each kind
    of figure as low, high and qualifier, claimant, modality, historical, outlet, URL, extractor
    and the evidence sentence. Cells a spreadsheet would run as a formula are quoted.

    acled lays the mentions out in ACLED's export columns (event type and sub-event type from
    the table in packs/acled.yaml, fatalities by ACLED's most-conservative rule); statements and
    events dated only by their year have no ACLED row and are counted as left out. The rows are
    chronicler's extractions, tagged so, never ACLED data.

    Example: chronicler export events --format csv --type ASSAULT --country IR -o assaults.csv
    """
    from chronicler import service_exports

    settings = settings_for(db)
    filters = {
        "event": type_.upper() if type_ else None,
        "since": since,
        "until": until,
        "place": place,
        "country": country,
        "historical": historical,
        "text": text,
        "limit": limit,
    }
    _run(
        lambda stream: service_exports.export_events(settings, fmt, stream, **filters),
        fmt,
        output,
        "event mention(s)",
        "no ACLED event type, or dated only by its year",
    )


def export_consolidated(
    db: DbOption = None, fmt: FormatOption = ExportFormat.jsonl, output: OutputOption = None
) -> None:
    """Write the consolidated events, in order of first report (run `consolidate` or `ingest` first).

    jsonl is the consolidated event JSON with every claim (docs/schema.md). csv and acled give,
    for each kind of figure, ACLED's conservative figure (the lowest any claimant's latest report
    asserts) and UCDP-style low, best and high estimates; acled's notes list every claimant's
    figures side by side.

    Example: chronicler export consolidated --format geojson -o events.geojson
    """
    from chronicler import service_exports

    settings = settings_for(db)
    _run(
        lambda stream: service_exports.write_consolidated(settings, fmt, stream),
        fmt,
        output,
        "consolidated event(s)",
        "no ACLED event type, or dated only by its year",
    )


def export_datasette_metadata(db: DbOption = None, output: OutputOption = None) -> None:
    """Write Datasette's metadata.yml for the database: titles, facets and sort orders of its views.

    The database has views with latitude and longitude columns (events_map, consolidated_map,
    claims_map); with the datasette-cluster-map plugin installed, Datasette shows each on a map.

    Then: datasette chronicler.sqlite --metadata metadata.yml

    Example: chronicler export datasette-metadata -o metadata.yml
    """
    import yaml

    from chronicler import service_exports

    settings = settings_for(db)
    with user_errors():
        found = service_exports.datasette_metadata(settings)
    with _target(output) as stream:
        yaml.safe_dump(found, stream, sort_keys=False, allow_unicode=True)
