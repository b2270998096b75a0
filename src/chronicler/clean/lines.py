"""A line filter for text scraped from web pages: drops page furniture, keeps every sentence.

The cleaned text becomes the reference text that every offset points into, so the filter is
predictable: the text is cut into paragraphs at blank lines and into lines at single newlines,
each line is either kept whole (without its surrounding whitespace) or dropped whole, a paragraph
left with no lines disappears, and paragraphs are joined again with one blank line ("\\n\\n").
Nothing inside a kept line is ever changed.

A line is dropped when it is:

- matched whole by a line rule of the :class:`Boilerplate` it is given (``packs/boilerplate.yaml``
  and the user's: tags, copyright, share bars, ...),
- made only of navigation words ("Home | About | Contact"),
- a heading-like line (short, no closing punctuation) that repeats an earlier one, the title
  included: its first copy is the article's headline, which news writes to state the event.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from chronicler.knowledge.boilerplate import Boilerplate

MENU_WORDS_ID = "menu-words"

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_MENU_SEPARATORS = re.compile(r"\s*[|•·/»›]\s*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
# Closing punctuation that marks a line as prose rather than a heading or a label.
_SENTENCE_END = (".", "!", "?", "…", ":", ";", '"', "'", "”", "’", ")", "»", "。", "؟", "۔")
_HEADING_MAX_WORDS = 15


def split_paragraphs(text: str) -> list[list[str]]:
    """Paragraphs (split at blank lines), each a list of its non-empty lines, stripped."""
    text = _NEWLINES.sub("\n", text).strip()
    if not text:
        return []
    paragraphs = []
    for block in _BLANK_LINES.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append(lines)
    return paragraphs


def furniture_match(line: str, pack: Boilerplate) -> str | None:
    """The id of the boilerplate rule that drops ``line``, or None when the line is kept."""
    stripped = line.strip()
    if not stripped:
        return None
    parts = [p for p in _MENU_SEPARATORS.split(stripped.casefold()) if p]
    if parts and all(" ".join(p.split()) in pack.menu_words for p in parts):
        return MENU_WORDS_ID
    for rule in pack.lines:
        if rule.regex.fullmatch(stripped):
            return rule.id
    return None


def is_heading_like(line: str) -> bool:
    """Short and without closing punctuation: a headline, a section label, a site name."""
    stripped = line.strip()
    return (
        bool(stripped)
        and not stripped.endswith(_SENTENCE_END)
        and len(stripped.split()) <= _HEADING_MAX_WORDS
    )


def _key(line: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", line).translate(_QUOTES).casefold().split())


def _kept_lines(
    paragraph: list[str], title_key: str | None, seen: set[str], pack: Boilerplate
) -> Iterator[str]:
    for line in paragraph:
        if furniture_match(line, pack):
            continue
        key = _key(line)
        # The headline printed above the body stays once: it is the first report of the event
        # in the article. Further copies of the title are page chrome.
        if key == title_key:
            if key in seen and not line.endswith((".", "…")):
                continue
            seen.add(key)
        elif is_heading_like(line):
            # A repeated heading is page chrome; its first copy stays, as it may be the only one.
            if key in seen:
                continue
            seen.add(key)
        yield line


def filter_lines(text: str, pack: Boilerplate, *, title: str | None = None) -> str:
    """``text`` without its furniture lines (by ``pack``); paragraphs joined by one blank line."""
    title_key = _key(title) if title and title.strip() else None
    seen: set[str] = set()
    kept = []
    for paragraph in split_paragraphs(text):
        lines = list(_kept_lines(paragraph, title_key, seen, pack))
        if lines:
            kept.append("\n".join(lines))
    return "\n\n".join(kept)
