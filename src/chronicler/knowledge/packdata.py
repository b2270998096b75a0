"""Reading, merging and checking the YAML packs: the shipped ones and the user's.

Each helper names the file, the line and the entry in the :class:`PackError` it raises, so a user
who edits a pack learns exactly what to fix. Every pack is read by :func:`load_yaml`, whose
mappings and sequences (:class:`PackMap`, :class:`PackList`) remember where they and their entries
were written; :func:`merge` keeps that, so a fault in a user file merged into a shipped one names
the user file. A validator asks :func:`mark_of` where a value is and raises :func:`pack_error`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from chronicler.errors import PackError

PACK_DIR = Path(__file__).resolve().parent.parent / "packs"

# A word boundary that treats the zero-width non-joiner as part of a word ("ده‌ها" is one word).
WORD_BEFORE = r"(?<![\w\u200c])"
WORD_AFTER = r"(?![\w\u200c])"


@dataclass(frozen=True)
class Mark:
    """Where a YAML value was written: its file and 1-based line."""

    path: str
    line: int


class PackMap(dict[Any, Any]):
    """A YAML mapping that remembers its own line and the line of each of its keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mark: Mark | None = None
        self.marks: dict[Any, Mark] = {}


class PackList(list[Any]):
    """A YAML sequence that remembers its own line and the line of each of its items."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.mark: Mark | None = None
        self.marks: list[Mark | None] = []


class PackLoader(yaml.SafeLoader):
    """A SafeLoader whose mappings and sequences are :class:`PackMap` and :class:`PackList`."""

    source = "<string>"

    def _at(self, node: yaml.Node) -> Mark:
        return Mark(self.source, node.start_mark.line + 1)

    def construct_pack_map(self, node: yaml.MappingNode) -> Iterator[PackMap]:
        data = PackMap()
        data.mark = self._at(node)
        yield data
        data.update(self.construct_mapping(node))  # flattens merge keys ("<<") into node.value
        for key_node, _ in node.value:
            data.marks[self.construct_object(key_node)] = self._at(key_node)  # the key as constructed

    def construct_pack_list(self, node: yaml.SequenceNode) -> Iterator[PackList]:
        data = PackList()
        data.mark = self._at(node)
        yield data
        data.extend(self.construct_sequence(node))
        data.marks = [self._at(item) for item in node.value]


PackLoader.add_constructor("tag:yaml.org,2002:map", PackLoader.construct_pack_map)
PackLoader.add_constructor("tag:yaml.org,2002:seq", PackLoader.construct_pack_list)


def load_yaml(
    path: Path, failure: str = "cannot be read as YAML", loader: type[PackLoader] = PackLoader
) -> Any:
    """The document of ``path``, its mappings and sequences marked with their lines.

    A file that cannot be read or parsed is a :class:`PackError` ``<path>:<line>: <failure>: <why>``.
    """
    try:
        reader = loader(path.read_text(encoding="utf-8"))
        reader.source = str(path)
        try:
            return reader.get_single_data()
        finally:
            reader.dispose()
    except (OSError, yaml.YAMLError) as exc:
        mark = exc.problem_mark if isinstance(exc, yaml.MarkedYAMLError) else None
        raise PackError(str(path), f"{failure}: {exc}", mark.line + 1 if mark else None) from exc


def mark_of(value: object, key: Hashable | None = None) -> Mark | None:
    """Where ``value`` was written or, given a ``key`` (or index) it holds, where that entry was.

    None for a value no pack file holds (one built in code).
    """
    if isinstance(value, PackMap):
        found = value.marks.get(key) if key is not None else None
        return found or value.mark
    if isinstance(value, PackList):
        if isinstance(key, int) and 0 <= key < len(value.marks):
            return value.marks[key] or value.mark
        return value.mark
    return None


def first_fault(value: object, ok: Callable[[Any], bool], at: Mark | None = None) -> Mark | None:
    """Where the first item of the list ``value`` that is not ``ok`` was written; else ``at``, where
    ``value`` itself was (its key's line), or the value's own mark."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if not ok(item):
                return mark_of(value, i) or at
    return at or mark_of(value)


def is_word(value: object) -> bool:
    """A non-empty string."""
    return isinstance(value, str) and bool(value.strip())


def pack_error(path: str, reason: str, at: Mark | None) -> PackError:
    """A :class:`PackError` at ``at``, the file and line of the fault; naming ``path`` when unknown."""
    return PackError(path, reason) if at is None else PackError(at.path, reason, at.line)


def read_yaml(path: Path) -> dict[str, Any]:
    """The top-level mapping of a version-1 pack file."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise pack_error(str(path), "must hold a mapping at the top level", mark_of(data))
    if data.get("version") != 1:
        raise pack_error(str(path), "version: expected 1", mark_of(data, "version"))
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
    """``base`` extended by ``extra``: mappings key by key, lists appended, scalars replaced.

    Each entry keeps the mark of the file it came from.
    """
    out = PackMap(base)
    out.mark = mark_of(base)
    out.marks = dict(base.marks) if isinstance(base, PackMap) else {}
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = _extend(old, value)
        else:
            out[key] = value
            out.marks.pop(key, None)
        if key not in out.marks and isinstance(extra, PackMap) and key in extra.marks:
            out.marks[key] = extra.marks[key]
    return out


def _extend(old: list[Any], new: list[Any]) -> PackList:
    """``old`` and the items of ``new`` it lacks, each item with its mark."""
    def marks(items: list[Any]) -> list[Mark | None]:
        if isinstance(items, PackList) and len(items.marks) == len(items):
            return list(items.marks)
        return [None] * len(items)

    added = [(v, at) for v, at in zip(new, marks(new), strict=True) if v not in old]
    out = PackList([*old, *(v for v, _ in added)])
    out.mark = mark_of(old)
    out.marks = marks(old) + [at for _, at in added]
    return out


def section(path: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise pack_error(path, f"{key}: expected a mapping, got {value!r}", mark_of(data, key))
    return value


def known_keys(path: str, where: str, data: dict[str, Any], allowed: Iterable[str]) -> None:
    """Refuse a key no loader reads: a misspelt list name would otherwise be ignored in silence."""
    known = sorted(set(allowed))
    unknown = sorted((k for k in set(data) - set(known)), key=str)
    if unknown:
        names = [str(k) for k in unknown]
        raise pack_error(path, f"{where}: unknown key(s) {names}; known: {', '.join(known)}",
                         mark_of(data, unknown[0]))


def strings(path: str, where: str, value: Any, at: Mark | None = None) -> tuple[str, ...]:
    """A list of non-empty strings; ``at`` is where ``value`` was written (its key's line)."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise pack_error(path, f"{where}: expected a list of non-empty strings, got {value!r}",
                         first_fault(value, is_word, at))
    return tuple(value)


def int_map(path: str, where: str, value: Any, low: int, high: int, at: Mark | None = None) -> dict[str, int]:
    """A mapping of words to integers in ``[low, high]``, keys lower-cased; ``at`` as for :func:`strings`."""
    if not isinstance(value, dict):
        raise pack_error(path, f"{where}: expected a mapping, got {value!r}", at or mark_of(value))
    out: dict[str, int] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key.strip():
            raise pack_error(path, f"{where}: {key!r} is not a word", mark_of(value, key) or at)
        if isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high:
            raise pack_error(path, f"{where}.{key}: expected an integer from {low} to {high}, got {number!r}",
                             mark_of(value, key) or at)
        out[key.lower()] = number
    return out


def word_map(path: str, where: str, value: Any, at: Mark | None = None) -> dict[str, str]:
    """A mapping of words to words, both lower-cased; ``at`` as for :func:`strings`."""
    if not isinstance(value, dict):
        raise pack_error(path, f"{where}: expected a mapping, got {value!r}", at or mark_of(value))
    for key, word in value.items():
        if not is_word(key) or not is_word(word):
            raise pack_error(path, f"{where}.{key}: expected a word for a word, got {word!r}",
                             mark_of(value, key) or at)
    return {str(k).lower(): str(v).lower() for k, v in value.items()}


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
