"""The document's language as an ISO 639-1 code: the one it states, else py3langid's guess."""

from __future__ import annotations

import re

_ISO_639_1 = re.compile(r"[a-z]{2}")
# The identifier's cost grows with the text; a few thousand characters decide the language.
_SAMPLE_CHARS = 5000


def normalise_language(value: str) -> str | None:
    """Primary subtag of a language tag ("en-US" -> "en"); None unless it is two letters."""
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if _ISO_639_1.fullmatch(primary) else None


def detect_language(text: str, given: str | None = None) -> str | None:
    """``given`` when it is an ISO 639-1 code, else the language py3langid finds in ``text``."""
    if given:
        stated = normalise_language(given)
        if stated:
            return stated
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    # Imported here: py3langid loads its model on first use, which is not for import time.
    import py3langid

    code, _score = py3langid.classify(sample)
    return str(code)
