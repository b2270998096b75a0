"""``compare acled`` and ``compare gdelt``: the stored events beside a user's own ACLED or GDELT file."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from chronicler.cli.common import DbOption, err, note, out, settings_for, user_errors
from chronicler.text.safe import clean_name

if TYPE_CHECKING:
    from chronicler.compare.match import Comparison
    from chronicler.compare.records import ExternalEvent
    from chronicler.records import ConsolidatedEvent


class CompareFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


FileArg = Annotated[Path, typer.Argument(help="The file to compare with.", exists=True, dir_okay=False)]
FormatOption = Annotated[
    CompareFormat,
    typer.Option(
        "--format", "-f", help="table for a person; jsonl: one match, or one unmatched record, a line."
    ),
]


def _event_line(event: ConsolidatedEvent) -> str:
    from chronicler.consolidate import claims as claim_views

    loc = event.event_loc
    place = f"{loc.resolved_place}, {loc.country_code}" if loc else "-"
    tolls = "; ".join(
        f"{kind} {' -> '.join(claim_views.revisions(group))} ({claim_views.claimant_name(group[-1])})"
        for (kind, _), group in claim_views.claim_groups(event.claims).items()
    )
    return f"{event.id}  {event.event} {event.mode or ''}  {event.date}  {place}" + (
        f"  | {tolls}" if tolls else ""
    )


def _row_line(row: ExternalEvent) -> str:
    dead = f"  fatalities {row.fatalities}" if row.fatalities is not None else ""
    where = row.location or "-"
    return f"{row.dataset} {row.id}  {row.date}  {row.kind}/{row.detail}  {where}{dead}  (line {row.line})"


def _print(found: Comparison, dataset: str, fmt: CompareFormat) -> None:
    if fmt is CompareFormat.jsonl:
        for pair in found.pairs:
            rows = [dataclasses.asdict(r) for r in pair.rows]
            sys.stdout.write(
                json.dumps({"chronicler": pair.event.to_json(), "rows": rows}, ensure_ascii=False) + "\n"
            )
        for event in found.only_ours:
            sys.stdout.write(
                json.dumps({"only_in": "chronicler", "chronicler": event.to_json()}, ensure_ascii=False)
                + "\n"
            )
        for row in found.only_theirs:
            sys.stdout.write(
                json.dumps({"only_in": dataset, "row": dataclasses.asdict(row)}, ensure_ascii=False) + "\n"
            )
        return
    for pair in found.pairs:
        out.print(escape(clean_name(_event_line(pair.event)) or ""), highlight=False, soft_wrap=True)
        for row in pair.rows:
            out.print("    " + escape(clean_name(_row_line(row)) or ""), highlight=False, soft_wrap=True)
    out.print(f"\nonly in chronicler: {len(found.only_ours)}", highlight=False)
    for event in found.only_ours:
        out.print("    " + escape(clean_name(_event_line(event)) or ""), highlight=False, soft_wrap=True)
    out.print(f"\nonly in {dataset}: {len(found.only_theirs)}", highlight=False)
    for row in found.only_theirs:
        out.print("    " + escape(clean_name(_row_line(row)) or ""), highlight=False, soft_wrap=True)


def _run(dataset: str, path: Path, db: str | None, fmt: CompareFormat) -> None:
    from chronicler import service_exports

    settings = settings_for(db)
    with user_errors():
        found, read = service_exports.compare_with(settings, dataset.lower(), path)
    for problem in read.skipped:
        err.print(f"[yellow]skipped[/yellow] {escape(str(path))} {escape(problem)}")
    _print(found, dataset, fmt)
    note.print(
        f"{len(found.pairs)} event(s) matched to {sum(len(p.rows) for p in found.pairs)} {dataset} row(s); "
        f"only in chronicler: {len(found.only_ours)}; only in {dataset}: {len(found.only_theirs)}; "
        f"not comparable: {found.not_comparable} of ours (no ACLED kind, or no day or month), "
        f"{read.left_out} of theirs (not material conflict)"
    )


def compare_acled(path: FileArg, db: DbOption = None, fmt: FormatOption = CompareFormat.table) -> None:
    """Set your own ACLED export beside the consolidated events: per event, the ACLED rows that
    report it (date, type, place, fatalities) beside chronicler's competing tolls, then the
    events only chronicler has and the rows only ACLED has.

    A row reports an event in the same country, on a day within the event's date (a day, one day
    either side; a month), in a place that agrees (towns within 50 km, the same province, or the
    country for a country-level event), of a kind that agrees (docs/exports.md).

    Example: chronicler compare acled 2019-11-iran.csv --format jsonl > matches.jsonl
    """
    _run("ACLED", path, db, fmt)


def compare_gdelt(path: FileArg, db: DbOption = None, fmt: FormatOption = CompareFormat.table) -> None:
    """Set a GDELT 2.0 event file beside the consolidated events, as `compare acled` does; only
    GDELT's material-conflict rows (CAMEO roots 14 and 17 to 20) are compared.

    Example: chronicler compare gdelt 20191116.export.CSV
    """
    _run("GDELT", path, db, fmt)
