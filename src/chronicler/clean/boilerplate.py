"""The page-furniture pack (``packs/boilerplate.yaml``): loaded once, validated, then shared.

The patterns are data so that a reviewer can read each one with the reason it exists, and a user
can point chronicler at a pack of their own without touching the code.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lxml.etree import XPath, XPathSyntaxError

from chronicler.errors import PackError


@dataclass(frozen=True)
class LinePattern:
    id: str
    regex: re.Pattern[str]
    why: str


@dataclass(frozen=True)
class Boilerplate:
    lines: tuple[LinePattern, ...]
    menu_words: frozenset[str]
    html_prune: tuple[str, ...]


def default_path() -> Path:
    return Path(str(importlib.resources.files("chronicler") / "packs" / "boilerplate.yaml"))


@functools.cache
def load_boilerplate(path: Path | None = None) -> Boilerplate:
    """Read and validate a boilerplate pack; the shipped one when ``path`` is None."""
    where = path or default_path()
    try:
        data = yaml.safe_load(where.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(str(where), f"cannot read the boilerplate pack: {exc}") from exc
    if not isinstance(data, dict):
        raise PackError(str(where), "expected a mapping with keys lines, menu_words, html_prune")
    unknown = set(data) - {"lines", "menu_words", "html_prune"}
    if unknown:
        raise PackError(str(where), f"unknown top-level keys {sorted(unknown)}")
    return Boilerplate(
        lines=_line_patterns(str(where), data.get("lines") or []),
        menu_words=_menu_words(str(where), data.get("menu_words") or []),
        html_prune=_html_prune(str(where), data.get("html_prune") or []),
    )


def _entry(where: str, section: str, index: int, raw: Any, keys: tuple[str, ...]) -> dict[str, str]:
    name = f"{section}[{index}]"
    if not isinstance(raw, dict):
        raise PackError(where, f"{name}: expected a mapping with keys {', '.join(keys)}")
    if set(raw) != set(keys):
        raise PackError(where, f"{name}: expected exactly the keys {', '.join(keys)}, got {sorted(raw)}")
    for key in keys:
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise PackError(where, f"{name}: '{key}' must be a non-empty string")
    return {key: str(raw[key]) for key in keys}


def _line_patterns(where: str, raw: Any) -> tuple[LinePattern, ...]:
    if not isinstance(raw, list):
        raise PackError(where, "lines: expected a list")
    out: list[LinePattern] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        entry = _entry(where, "lines", i, item, ("id", "pattern", "why"))
        ident = entry["id"]
        if ident in seen:
            raise PackError(where, f"lines[{i}]: duplicate id '{ident}'")
        seen.add(ident)
        try:
            regex = re.compile(entry["pattern"])
        except re.error as exc:
            raise PackError(where, f"lines[{i}] ({ident}): invalid regex: {exc}") from exc
        # A pattern that matches an empty line is almost certainly too broad to be safe.
        if regex.fullmatch("") is not None:
            raise PackError(where, f"lines[{i}] ({ident}): pattern matches the empty line; make it narrower")
        out.append(LinePattern(ident, regex, entry["why"]))
    return tuple(out)


def _menu_words(where: str, raw: Any) -> frozenset[str]:
    if not isinstance(raw, list):
        raise PackError(where, "menu_words: expected a list of strings")
    words: set[str] = set()
    for i, item in enumerate(raw):
        if not isinstance(item, str) or not item.strip():
            raise PackError(where, f"menu_words[{i}]: expected a non-empty string, got {item!r}")
        words.add(" ".join(item.casefold().split()))
    return frozenset(words)


def _html_prune(where: str, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise PackError(where, "html_prune: expected a list")
    out: list[str] = []
    for i, item in enumerate(raw):
        entry = _entry(where, "html_prune", i, item, ("xpath", "why"))
        try:
            XPath(entry["xpath"])
        except XPathSyntaxError as exc:
            raise PackError(where, f"html_prune[{i}]: invalid XPath: {exc}") from exc
        out.append(entry["xpath"])
    return tuple(out)
