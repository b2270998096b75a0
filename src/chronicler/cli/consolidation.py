"""Commands over consolidated events: ``consolidate``, ``export consolidated``, ``claims``, ``sources``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from chronicler.cli.common import DbOption, err, note, out, settings_for, user_errors
from chronicler.cli.revisions import revisions_table
from chronicler.text.safe import clean_name

if TYPE_CHECKING:
    from chronicler.service import ConsolidateSummary, KindView


def print_consolidated(summary: ConsolidateSummary) -> None:
    """One line on standard error: what a consolidation grouped into what, and how long it took."""
    note.print(
        f"consolidated: {summary.mentions} event mention(s) of {summary.documents} document(s) into "
        f"{summary.events} event(s); near-duplicate groups: {summary.duplicate_groups}; "
        f"{summary.seconds:.1f} s"
    )


def consolidate(db: DbOption = None) -> None:
    """Group the stored event mentions into consolidated events: one per real-world event.

    Mentions of one event across sentences and documents are merged; each figure stays a
    claim with its claimant and outlet. Reposts of one article (near-duplicates) count once
    as corroboration. The result does not depend on the order documents were ingested in: an
    event is named after its earliest report, so its id stays while later reports come in.
    Incremental: only mentions not yet placed are compared, unless an earlier report arrives.
    `ingest` runs this itself after storing new documents.

    Example: chronicler consolidate --db ./iran.sqlite
    """
    from chronicler import service

    settings = settings_for(db)
    with user_errors():
        summary = service.consolidate(settings)
    note.print(f"database: {settings.db_shown}")
    print_consolidated(summary)


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
    over each claimant's latest figure. The claims are those of each document's latest
    revision; a document edited after it was stored lists its revisions (number, content hash,
    ingested at, published) with the figures each one stated.

    Example: chronicler claims ce_0123456789abcdef0123
    """
    from chronicler import service

    settings = settings_for(db)
    with user_errors():
        view = service.claims_view(settings, event_id)
    if view is None:
        err.print(
            f"[red]error:[/red] no consolidated event with id {event_id!r} in {settings.db_shown}; "
            "run `chronicler consolidate` and list ids with `chronicler export consolidated`"
        )
        raise typer.Exit(1)
    ev = view.event
    place = escape(clean_name(ev.event_loc.resolved_place if ev.event_loc else None) or "-")
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
    if view.revisions:
        out.print(revisions_table(view.revisions, title="revisions of its edited documents"))
    else:
        out.print(f"  revisions: none of its {len(ev.documents)} document(s) was edited after it was stored")


def _n(value: int | None) -> str:
    return "-" if value is None else str(value)


def _claims_table(kind: KindView) -> Table:
    table = Table(title=kind.kind, title_justify="left")
    for col in ("figure", "claimant", "first", "latest", "outlets", "outlet type", "affiliation"):
        table.add_column(col, overflow="fold")
    for row in kind.rows:
        cells = (
            " -> ".join(row.figures),
            row.claimant,
            row.first or "?",
            row.latest or "?",
            ", ".join(row.outlets),
            ", ".join(row.outlet_types) or "unknown",
            ", ".join(row.affiliations) or "unknown",
        )
        table.add_row(*(Text(clean_name(c) or "") for c in cells))
    return table


def sources(db: DbOption = None) -> None:
    """List the outlets of the stored documents: type, affiliation, documents and claims carried.

    Type and affiliation come from the outlets pack (packs/outlets.yaml, plus $CHRONICLER_PACKS);
    "unknown" marks an outlet not in it. Claims are those of the consolidated events.

    Example: chronicler sources --db ./iran.sqlite
    """
    from chronicler import service_sources

    settings = settings_for(db)
    with user_errors():
        rows = service_sources.sources_view(settings)
    table = Table()
    for col in ("outlet", "name", "type", "affiliation", "documents", "claims"):
        table.add_column(col, justify="right" if col in {"documents", "claims"} else "left", overflow="fold")
    for row in rows:
        cells = (row.outlet, row.name, row.type or "unknown", row.affiliation or "unknown")
        table.add_row(*(Text(clean_name(c) or "") for c in cells), str(row.documents), str(row.claims))
    out.print(table)
    note.print(f"{len(rows)} outlet(s)")
