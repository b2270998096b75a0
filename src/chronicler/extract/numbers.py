"""Numbers as news text writes them: digits in three scripts, separators, and number words.

Shared by the counts and times extractors. Word lists live in ``packs/numbers.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from chronicler.errors import PackError
from chronicler.extract.packdata import WORD_AFTER, WORD_BEFORE, int_map, read_pack, section, strings

# Persian and Arabic-Indic digits map one-to-one onto ASCII, so offsets survive normalisation.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
# Thousands separators: comma, full stop, no-break, narrow no-break, thin space, Arabic comma.
_THOUSANDS = ",.\u00a0\u202f\u2009\u066c"
_MAX_VALUE = 10**12


def ascii_digits(text: str) -> str:
    """``text`` with every digit in ASCII; same length, so offsets are unchanged."""
    return text.translate(_DIGITS)


@dataclass(frozen=True)
class NumberWords:
    words: dict[str, int]
    scales: dict[str, int]
    articles: frozenset[str]
    joiners: frozenset[str]


@cache
def number_words(language: str) -> NumberWords:
    """The number words of ``language``; English for a language the pack does not know."""
    path, data = read_pack("numbers.yaml")
    lang = language if language in data else "en"
    raw = section(path, data, lang)
    for key in ("words", "scales", "articles", "joiners"):
        if key not in raw:
            raise PackError(path, f"{lang}.{key}: missing")
    return NumberWords(
        words=int_map(path, f"{lang}.words", raw["words"], 0, _MAX_VALUE),
        scales=int_map(path, f"{lang}.scales", raw["scales"], 2, _MAX_VALUE),
        articles=frozenset(w.lower() for w in strings(path, f"{lang}.articles", raw["articles"])),
        joiners=frozenset(w.lower() for w in strings(path, f"{lang}.joiners", raw["joiners"])),
    )


@cache
def _scale_values() -> dict[str, int]:
    """Every language's scale words: "million" may follow digits in any language's text."""
    _, data = read_pack("numbers.yaml")
    table: dict[str, int] = {}
    for lang in data:
        if lang != "version":
            table.update(number_words(lang).scales)
    return table


def alternation(words: Iterable[str]) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in items) or r"(?!x)x"


@cache
def digits_regex(language: str) -> re.Pattern[str]:
    """A figure in digits: "1,500", "19.000", "87 000", "1.5 million", "300"."""
    seps = _THOUSANDS + (" " if language == "fr" else "")
    scales = alternation(number_words(language).scales.keys() | {"million", "billion"})
    return re.compile(
        r"(?<![\w\u200c.,/:$€£])(?<![^\W\d]-)"
        rf"(?P<int>\d{{1,3}}(?:[{re.escape(seps)}]\d{{3}})+(?!\d)|\d+)"
        r"(?P<frac>[.,٫]\d+(?!\d))?"
        rf"(?:\s+(?P<scale>{scales}){WORD_AFTER})?",
        re.IGNORECASE,
    )


@cache
def words_regex(language: str) -> re.Pattern[str]:
    """A figure in words: "seventeen", "two hundred and fifty", "a dozen", "zwei"."""
    nw = number_words(language)
    unit = rf"(?:{alternation(set(nw.words) | set(nw.scales))}){WORD_AFTER}"
    scale = rf"(?:{alternation(nw.scales)}){WORD_AFTER}"
    joiner = alternation(nw.joiners)
    # A number starts with a word ("two hundred") or an article before a scale ("a dozen"):
    # a bare "million" after "$5" is no figure of its own.
    lead = rf"(?:(?:{alternation(nw.words)}){WORD_AFTER}|(?:{alternation(nw.articles)})\s+{scale})"
    run = rf"{lead}(?:(?:\s+|-){unit})*"
    # A joiner only ever follows a scale word ("hundred and fifty", never "two and three").
    tail = rf"\s+(?:{joiner})\s+{unit}(?:(?:\s+|-){unit})*"
    joined = (rf"(?:{lead}(?:(?:\s+|-){unit})*?(?:\s+|-){scale}{tail}"
              rf"|(?:{alternation(nw.articles)})\s+{scale}{tail})")
    return re.compile(rf"{WORD_BEFORE}(?:{joined}|{run})", re.IGNORECASE)


def digits_value(match: re.Match[str]) -> float:
    """The value of a :func:`digits_regex` match ("1.5 million" -> 1500000.0)."""
    whole = int(re.sub(r"\D", "", match.group("int")))
    frac = match.group("frac")
    value = float(f"{whole}.{frac[1:]}") if frac else float(whole)
    scale = match.group("scale")
    if scale:
        value *= _scale_values().get(scale.lower(), 1)
    return value


def words_value(phrase: str, language: str) -> int | None:
    """The value of a number-word phrase, or None when it is not one number."""
    nw = number_words(language)
    total = current = 0
    seen = False
    for token in phrase.lower().split():
        parts = [token] if token in nw.words or token in nw.scales else token.split("-")
        for raw in parts:
            if not raw or raw in nw.joiners:
                continue
            if raw in nw.articles:
                current = max(current, 1)
                continue
            if raw in nw.scales:
                scale = nw.scales[raw]
                if scale < 1000:
                    current = max(current, 1) * scale
                else:
                    total += max(current, 1) * scale
                    current = 0
            elif raw in nw.words:
                current += nw.words[raw]
            else:
                return None
            seen = True
    return total + current if seen else None
