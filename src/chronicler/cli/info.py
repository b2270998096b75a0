"""``info``: what this installation is, as ``spacy info`` tells it for spaCy."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape

from chronicler.cli.common import DbOption, out, settings_for, user_errors


class InfoFormat(StrEnum):
    text = "text"
    json = "json"


def info(
    db: DbOption = None,
    fmt: Annotated[
        InfoFormat, typer.Option("--format", "-f", help="text for a person, json for a program.")
    ] = (InfoFormat.text),
) -> None:
    """Print versions, the models with their SHA-256 checksums, the knowledge packs read, the
    database and its schema revision: what a bug report or a methods section needs.

    Nothing is changed: the database is read, never created or migrated.

    Example: chronicler info --format json > chronicler-info.json
    """
    from chronicler import service_exports

    settings = settings_for(db)
    with user_errors():
        found = service_exports.about(settings)
    if fmt is InfoFormat.json:
        sys.stdout.write(json.dumps(dataclasses.asdict(found), indent=2, ensure_ascii=False) + "\n")
        return
    lines = [
        ("chronicler", found.version),
        ("python", found.python),
        ("platform", found.platform),
        *((name, version or "not installed") for name, version in found.libraries.items()),
        ("database", found.database),
        ("schema", found.schema),
        ("detector", found.detector),
        *(("packs", path) for path in found.packs),
    ]
    for key, value in lines:
        out.print(f"{key:12} {escape(value)}", highlight=False, soft_wrap=True)
    for model in found.models:
        state = f"{model.version}  sha256 {model.sha256}" if model.version else "not installed"
        out.print(f"{'model':12} {escape(model.name)} ({escape(model.role)}): {state}", highlight=False,
                  soft_wrap=True)  # fmt: skip
