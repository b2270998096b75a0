"""Reading, merging and checking the YAML packs: the shipped ones and the user's.

Each helper names the file and the entry in the :class:`PackError` it raises, so a user who
edits a pack learns exactly what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from chronicler.errors import PackError

PACK_DIR = Path(__file__).resolve().parent.parent / "packs"

# A word boundary that treats the zero-width non-joiner as part of a word ("ده‌ها" is one word).
WORD_BEFORE = r"(?<![\w\u200c])"
WORD_AFTER = r"(?![\w\u200c])"


def read_yaml(path: Path) -> dict[str, Any]:
    """The top-level mapping of a version-1 pack file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(str(path), f"cannot be read as YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise PackError(str(path), "must hold a mapping at the top level")
    if data.get("version") != 1:
        raise PackError(str(path), "version: expected 1")
    return data


def read_pack(name: str, extra_dirs: Sequence[Path] = ()) -> tuple[str, dict[str, Any]]:
    """The mapping of ``packs/<name>`` merged with ``<dir>/<name>`` of each user directory that has
    one, and the file (or files) to cite in errors.

    A user file extends the shipped one: mappings merge key by key, lists are appended to, a
    scalar replaces the shipped value.
    """
    path = PACK_DIR / name
    data = read_yaml(path)
    where = [str(path)]
    for directory in extra_dirs:
        extra = Path(directory) / name
        if extra.is_file():
            data = merge(data, read_yaml(extra))
            where.append(str(extra))
    return " + ".join(where), data


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` extended by ``extra``: mappings key by key, lists appended, scalars replaced."""
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


def section(path: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise PackError(path, f"{key}: expected a mapping, got {value!r}")
    return value


def known_keys(path: str, where: str, data: dict[str, Any], allowed: Iterable[str]) -> None:
    """Refuse a key no loader reads: a misspelt list name would otherwise be ignored in silence."""
    known = sorted(set(allowed))
    unknown = sorted(str(k) for k in set(data) - set(known))
    if unknown:
        raise PackError(path, f"{where}: unknown key(s) {unknown}; known: {', '.join(known)}")


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


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, matching nothing when there are none."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in items) or r"(?!x)x"
