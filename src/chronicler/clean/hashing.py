"""The content hash: equal for copies of one text that differ only in wrapping or spacing."""

from __future__ import annotations

import hashlib
import unicodedata


def canonical_text(text: str) -> str:
    """NFC-normalised ``text`` with every run of whitespace (line breaks included) as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    """sha256 hex digest of ``canonical_text(text)``."""
    return hashlib.sha256(canonical_text(text).encode("utf-8")).hexdigest()
