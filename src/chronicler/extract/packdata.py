"""Reading and checking the small YAML packs of the times and counts extractors.

Each helper names the file and the entry in the :class:`PackError` it raises, so a user who
edits a pack learns exactly what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from chronicler.errors import PackError

PACK_DIR = Path(__file__).resolve().parent.parent / "packs"

# A word boundary that treats the zero-width non-joiner as part of a word ("ده‌ها" is one word).
WORD_BEFORE = r"(?<![\w\u200c])"
WORD_AFTER = r"(?![\w\u200c])"


def read_pack(name: str) -> tuple[str, dict[str, Any]]:
    """The top-level mapping of ``packs/<name>`` and the path to cite in errors."""
    path = PACK_DIR / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(str(path), f"cannot be read as YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise PackError(str(path), "must hold a mapping at the top level")
    if data.get("version") != 1:
        raise PackError(str(path), "version: expected 1")
    return str(path), data


def section(path: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise PackError(path, f"{key}: expected a mapping, got {value!r}")
    return value


def strings(path: str, where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PackError(path, f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(value)


def int_map(path: str, where: str, value: Any, low: int, high: int) -> dict[str, int]:
    """A mapping of words to integers in ``[low, high]``, keys lower-cased."""
    if not isinstance(value, dict):
        raise PackError(path, f"{where}: expected a mapping, got {value!r}")
    out: dict[str, int] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key.strip():
            raise PackError(path, f"{where}: {key!r} is not a word")
        if isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high:
            raise PackError(path, f"{where}.{key}: expected an integer from {low} to {high}, got {number!r}")
        out[key.lower()] = number
    return out


def phrase_regex(phrases: Iterable[str], *, prefix_ok: bool = False) -> str:
    """An alternation matching any of ``phrases`` as whole words, longest first.

    Spaces in a phrase match any whitespace; a trailing ``*`` lets the last word go on
    ("arrest*" matches "arrests", "arrested").
    """
    items = sorted(set(phrases), key=len, reverse=True)
    parts: list[str] = []
    for phrase in items:
        stem = phrase.endswith("*") and prefix_ok
        words = phrase.rstrip("*").split()
        body = r"\s+".join(re.escape(w) for w in words)
        parts.append(body + (r"[\w\u200c]*" if stem else ""))
    if not parts:
        return r"(?!x)x"  # matches nothing
    return WORD_BEFORE + "(?:" + "|".join(parts) + ")" + WORD_AFTER
