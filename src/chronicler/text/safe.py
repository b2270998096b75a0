"""Text made safe to store and to show: no NUL, no terminal controls, no bidi spoofing.

Three rules, from strictest to loosest:

- ``clean_name``: a name or title (outlet, document title, an entity's name in a table). Every
  control character (Unicode category Cc: NUL, ESC, DEL, C1) and every invisible format
  character (Cf: bidi embeddings, overrides, isolates and marks, zero-width space, soft hyphen,
  tag characters) goes, but for the joiners ZWNJ and ZWJ, which Persian and other scripts spell
  words with; runs of white space become one space. "\u202emoc.cbb" is shown as "moc.cbb",
  never as a reversed "bbc.com".
- ``display``: a cell of a table or a CSV file that may hold evidence text. Controls and the
  bidi characters that reorder whole runs (embeddings, overrides, isolates: U+202A-202E,
  U+2066-2069) go; the marks LRM, RLM and ALM and the joiners stay, since in right-to-left text
  they are part of the text; line breaks and tabs become spaces.
- ``strip_nul``: what reading removes from every field of a document: NUL, which no text holds
  and SQLite and C libraries read as its end.

The evidence text itself is stored as the source wrote it but for NUL (its offsets are those of
the stored text); the JSON outputs carry it so, escaped by JSON.
"""

from __future__ import annotations

import re
import unicodedata

JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: Persian, Indic and emoji spelling
# Explicit embeddings, overrides and isolates: each reorders everything up to its terminator.
BIDI_RUNS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
BIDI_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM: reorder their neighbours only
_WHITE = re.compile(r"\s+")


def _unsafe_in_name(char: str) -> bool:
    category = unicodedata.category(char)
    return category == "Cc" or (category == "Cf" and char not in JOINERS)


def _unsafe_in_text(char: str) -> bool:
    return char in BIDI_RUNS or (unicodedata.category(char) == "Cc" and char not in "\t\n\r")


def strip_nul(value: str) -> str:
    """``value`` without NUL characters."""
    return value.replace("\x00", "")


def clean_name(value: str | None) -> str | None:
    """A name or title fit to store and show (see the module doc); None when nothing is left."""
    if value is None:
        return None
    kept = "".join(" " if c.isspace() else c for c in value if c.isspace() or not _unsafe_in_name(c))
    return _WHITE.sub(" ", kept).strip() or None


def display(value: str) -> str:
    """A cell of text fit for a terminal or a spreadsheet (see the module doc)."""
    if value.isascii() and value.isprintable():
        return value  # the common case, at once
    kept = "".join(c for c in value if not _unsafe_in_text(c))
    return kept.replace("\r\n", " ").translate({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})
