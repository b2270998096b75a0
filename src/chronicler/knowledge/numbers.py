"""Number words of every language (``packs/numbers.yaml``) and the figure patterns built from them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chronicler.knowledge.packdata import (
    WORD_AFTER,
    WORD_BEFORE,
    alternation,
    int_map,
    known_keys,
    mark_of,
    pack_error,
    read_pack,
    section,
    strings,
)

# Thousands separators: comma, full stop, no-break, narrow no-break, thin space, Arabic comma.
_THOUSANDS = ",.\u00a0\u202f\u2009\u066c"
_MAX_VALUE = 10**12


@dataclass(frozen=True)
class NumberWords:
    language: str
    words: dict[str, int]
    scales: dict[str, int]
    articles: frozenset[str]
    joiners: frozenset[str]
    all_scales: dict[str, int]  # every language's scale words: "million" may follow digits in any text
    digits: re.Pattern[str]  # a figure in digits: "1,500", "19.000", "87 000", "1.5 million"
    spelled: re.Pattern[str]  # a figure in words: "seventeen", "two hundred and fifty", "a dozen"


def load_numbers(extra_dirs: Sequence[Path] = ()) -> dict[str, NumberWords]:
    """The number words of every language of ``numbers.yaml``, shipped and the user's."""
    path, data = read_pack("numbers.yaml", extra_dirs)
    raw = {lang: _words(path, data, lang) for lang in data if lang != "version"}
    every_scale: dict[str, int] = {}
    for _, scales, _, _ in raw.values():
        every_scale.update(scales)
    return {
        lang: NumberWords(lang, words, scales, articles, joiners, every_scale,
                          _digits_regex(lang, scales), _words_regex(words, scales, articles, joiners))
        for lang, (words, scales, articles, joiners) in raw.items()
    }


def _words(
    path: str, data: dict[str, object], lang: str
) -> tuple[dict[str, int], dict[str, int], frozenset[str], frozenset[str]]:
    raw = section(path, data, lang)
    known_keys(path, lang, raw, ("words", "scales", "articles", "joiners"))
    for key in ("words", "scales", "articles", "joiners"):
        if key not in raw:
            raise pack_error(path, f"{lang}.{key}: missing", mark_of(data, lang))
    return (
        int_map(path, f"{lang}.words", raw["words"], 0, _MAX_VALUE, mark_of(raw, "words")),
        int_map(path, f"{lang}.scales", raw["scales"], 2, _MAX_VALUE, mark_of(raw, "scales")),
        frozenset(w.lower() for w in strings(path, f"{lang}.articles", raw["articles"],
                                             mark_of(raw, "articles"))),
        frozenset(w.lower() for w in strings(path, f"{lang}.joiners", raw["joiners"],
                                             mark_of(raw, "joiners"))),
    )


def _digits_regex(language: str, scales: dict[str, int]) -> re.Pattern[str]:
    seps = _THOUSANDS + (" " if language == "fr" else "")
    scale_words = alternation(scales.keys() | {"million", "billion"})
    return re.compile(
        r"(?<![\w\u200c.,/:$€£])(?<![^\W\d]-)"
        rf"(?P<int>\d{{1,3}}(?:[{re.escape(seps)}]\d{{3}})+(?!\d)|\d+)"
        r"(?P<frac>[.,٫]\d+(?!\d))?"
        rf"(?:\s+(?P<scale>{scale_words}){WORD_AFTER})?",
        re.IGNORECASE,
    )


def _words_regex(
    words: dict[str, int], scales: dict[str, int], articles: frozenset[str], joiners: frozenset[str]
) -> re.Pattern[str]:
    unit = rf"(?:{alternation(set(words) | set(scales))}){WORD_AFTER}"
    scale = rf"(?:{alternation(scales)}){WORD_AFTER}"
    joiner = alternation(joiners)
    # A number starts with a word ("two hundred") or an article before a scale ("a dozen"):
    # a bare "million" after "$5" is no figure of its own.
    lead = rf"(?:(?:{alternation(words)}){WORD_AFTER}|(?:{alternation(articles)})\s+{scale})"
    run = rf"{lead}(?:(?:\s+|-){unit})*"
    # A joiner only ever follows a scale word ("hundred and fifty", never "two and three").
    tail = rf"\s+(?:{joiner})\s+{unit}(?:(?:\s+|-){unit})*"
    joined = (rf"(?:{lead}(?:(?:\s+|-){unit})*?(?:\s+|-){scale}{tail}"
              rf"|(?:{alternation(articles)})\s+{scale}{tail})")
    return re.compile(rf"{WORD_BEFORE}(?:{joined}|{run})", re.IGNORECASE)
