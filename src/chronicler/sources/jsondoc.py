"""One document JSON object (SCHEMA.md, "Document JSON") -> ``RawDocument``."""

from __future__ import annotations

import re
from typing import Any

from chronicler.records import RawDocument, ReadFailure
from chronicler.text.safe import strip_nul

# A surrogate code point not in a pair: JSON's escape "\\ud800" alone decodes to one.
_LONE_SURROGATE = re.compile("[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")
FIELDS = ("id", "url", "title", "published", "outlet", "language", "text", "html")


def raw_from_json(value: Any, source: str) -> RawDocument | ReadFailure:
    """Validate a decoded JSON value as a document; unknown fields are ignored, never used."""
    if not isinstance(value, dict):
        return ReadFailure(
            source, f"expected a JSON object (a document), got {_json_type(value)}", "not_a_document"
        )
    wrong = [f"'{name}' is {_json_type(value[name])}" for name in FIELDS if not _is_text(value.get(name))]
    if wrong:
        return ReadFailure(source, f"fields must be strings or null: {', '.join(wrong)}", "not_a_document")
    # A NUL ("\u0000" in JSON; a file's raw NUL bytes already make it binary) is no text: it
    # would end the string in C libraries and reach the CSV and the database. A lone surrogate
    # ("\ud800" with no pair) is no character at all: no UTF-8 holds it, so the cleaner's hash and
    # the database would fail on it; it becomes U+FFFD, the replacement character, as a decoder's
    # errors="replace" does, and the rest of the text is kept at its offsets.
    fields: dict[str, str | None] = {name: _text(value.get(name)) for name in FIELDS}
    text, html = fields.pop("text"), fields.pop("html")
    # Exactly one of text or html reaches the cleaner; text wins when both are given, since a
    # caller who supplies text has already decided what the article says.
    if text is not None and text.strip():
        return RawDocument(source=source, text=text, **fields)
    if html is not None and html.strip():
        return RawDocument(source=source, html=html, **fields)
    return ReadFailure(
        source,
        "the document has neither 'text' nor 'html' (or both are empty); give one of them",
        "not_a_document",
    )


def _text(value: str | None) -> str | None:
    return None if value is None else _LONE_SURROGATE.sub("\ufffd", strip_nul(value))


def _is_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
