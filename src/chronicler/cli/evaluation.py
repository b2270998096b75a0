"""The ``evaluate`` command: event extraction scored against gold files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from chronicler.cli.common import err, settings_for, user_errors


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
    from chronicler.evaluate.report import render_text
    from chronicler.evaluate.runner import evaluate as run_evaluation

    settings = settings_for()
    if packs:
        # Flag directories come before those of $CHRONICLER_PACKS; both are used.
        settings = settings.override(packs=os.pathsep.join(filter(None, [*packs, settings.packs])))
    chosen = {name for name in (only or "").split(",") if name} or None
    with user_errors():
        evaluation = run_evaluation(gold_dir, docs_dir, settings, system=system, only=chosen)
    for failure in evaluation.failures:
        err.print(f"[yellow]skipped[/yellow] {failure.source}: {failure.reason}")
    for problem in evaluation.gold_problems:
        err.print(f"[yellow]gold[/yellow] {problem}", highlight=False)
    if as_json:
        print(json.dumps(evaluation.result, indent=1))
    else:
        print(render_text(evaluation.result))
