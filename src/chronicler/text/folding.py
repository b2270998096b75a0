"""Matching keys that keep offsets: one spelling for a word's variants, character for character
where the text is searched, and the language's pack entries folded the same way."""

from __future__ import annotations

import re
from collections.abc import Callable

_DROP = re.compile("[\u200c\u200d\u200e\u200f\u0640\u064b-\u0652\u0670]")
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا"})


def persian_fold(text: str) -> str:
    """The matching key of a Persian word or phrase: no ZWNJ, tatweel or short vowels, Persian
    yeh and kaf, lower case."""
    return _DROP.sub("", text).translate(_LETTERS).lower()


def _unchanged(text: str) -> str:
    return text


def key_fold(language: str) -> Callable[[str], str]:
    """How a language's pack entries become matching keys: Persian folds its spelling variants."""
    return persian_fold if language == "fa" else _unchanged
