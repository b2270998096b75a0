"""The page-furniture pack (``packs/boilerplate.yaml``), extended by the user's, validated.

The patterns are data so that a reviewer can read each one with the reason it exists, and a user
can add their own with ``<dir>/boilerplate.yaml`` in a pack directory: its line rules, menu words
and ``html_prune`` entries are appended to the shipped ones, and a fault in it names the user file
and line. The clean stage takes the :class:`Boilerplate` as an argument; nothing there loads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler.knowledge.packdata import Mark, known_keys, mark_of, pack_error, read_pack

PACK = "boilerplate.yaml"
_SECTIONS = ("lines", "menu_words", "html_prune")


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


def load_boilerplate(extra_dirs: Sequence[Path] = ()) -> Boilerplate:
    """The shipped furniture pack extended by ``<dir>/boilerplate.yaml`` of each of ``extra_dirs``."""
    where, data = read_pack(PACK, extra_dirs)
    known_keys(where, "boilerplate", data, ("version", *_SECTIONS))
    return Boilerplate(
        lines=_line_patterns(where, data.get("lines") or [], mark_of(data, "lines")),
        menu_words=_menu_words(where, data.get("menu_words") or [], mark_of(data, "menu_words")),
        html_prune=_html_prune(where, data.get("html_prune") or [], mark_of(data, "html_prune")),
    )


def _entry(
    where: str, section: str, index: int, raw: Any, keys: tuple[str, ...], at: Mark | None
) -> dict[str, str]:
    name = f"{section}[{index}]"
    if not isinstance(raw, dict):
        raise pack_error(where, f"{name}: expected a mapping with keys {', '.join(keys)}", at)
    if set(raw) != set(keys):
        raise pack_error(where, f"{name}: expected exactly the keys {', '.join(keys)}, got {sorted(raw)}", at)
    for key in keys:
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise pack_error(where, f"{name}: '{key}' must be a non-empty string", mark_of(raw, key))
    return {key: str(raw[key]) for key in keys}


def _line_patterns(where: str, raw: Any, at: Mark | None) -> tuple[LinePattern, ...]:
    if not isinstance(raw, list):
        raise pack_error(where, "lines: expected a list", at)
    out: list[LinePattern] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        entry = _entry(where, "lines", i, item, ("id", "pattern", "why"), mark_of(raw, i))
        ident = entry["id"]
        if ident in seen:
            raise pack_error(where, f"lines[{i}]: duplicate id '{ident}'", mark_of(item, "id"))
        seen.add(ident)
        try:
            regex = re.compile(entry["pattern"])
        except re.error as exc:
            raise pack_error(where, f"lines[{i}] ({ident}): invalid regex: {exc}",
                             mark_of(item, "pattern")) from exc
        # A pattern that matches an empty line is almost certainly too broad to be safe.
        if regex.fullmatch("") is not None:
            raise pack_error(where, f"lines[{i}] ({ident}): pattern matches the empty line; make it narrower",
                             mark_of(item, "pattern"))
        out.append(LinePattern(ident, regex, entry["why"]))
    return tuple(out)


def _menu_words(where: str, raw: Any, at: Mark | None) -> frozenset[str]:
    if not isinstance(raw, list):
        raise pack_error(where, "menu_words: expected a list of strings", at)
    words: set[str] = set()
    for i, item in enumerate(raw):
        if not isinstance(item, str) or not item.strip():
            raise pack_error(where, f"menu_words[{i}]: expected a non-empty string, got {item!r}",
                             mark_of(raw, i))
        words.add(" ".join(item.casefold().split()))
    return frozenset(words)


def _html_prune(where: str, raw: Any, at: Mark | None) -> tuple[str, ...]:
    # Imported here: lxml is the clean stage's, and knowledge is imported before any document.
    from lxml.etree import XPath, XPathError, fromstring

    if not isinstance(raw, list):
        raise pack_error(where, "html_prune: expected a list", at)
    # lxml finds an unknown function ("//p[foo()]") only when it evaluates the expression on a
    # node it selects; evaluated here on a page of the usual elements, such an expression stops
    # the pack instead of setting every HTML page aside later.
    probe = fromstring(_PROBE_PAGE)
    out: list[str] = []
    for i, item in enumerate(raw):
        entry = _entry(where, "html_prune", i, item, ("xpath", "why"), mark_of(raw, i))
        try:
            XPath(entry["xpath"])(probe)
        except XPathError as exc:
            raise pack_error(where, f"html_prune[{i}]: invalid XPath: {exc}", mark_of(item, "xpath")) from exc
        out.append(entry["xpath"])
    return tuple(out)


_PROBE_PAGE = (
    '<html><head><title>t</title><meta name="m" content="c"/><script>s</script><style>s</style></head>'
    '<body class="b" id="b"><header><nav><ul><li><a href="/">a</a></li></ul></nav></header>'
    '<main><article><h1>h</h1><figure><img src="i"/><figcaption>c</figcaption></figure>'
    '<div class="d"><p>p <span>s</span> <b>b</b> <i>i</i></p></div><blockquote>q</blockquote>'
    '<section><h2>h</h2><table><tr><td>t</td></tr></table></section></article>'
    '<aside><form><input/><button>b</button></form></aside></main><footer><p>f</p></footer></body></html>'
)
