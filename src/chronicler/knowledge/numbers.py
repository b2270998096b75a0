"""Number words of every language (``packs/numbers.yaml``) and the figure patterns built from them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
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


_KEYS = ("words", "scales", "articles", "joiners")
_OPTIONAL = ("inner", "bare", "join_after", "compounds")
_JOIN_AFTER = ("scales", "tens")


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
    inner: dict[str, int] = field(default_factory=dict)  # a number only inside one: "vingt et un"
    compounds: bool = False  # numbers written as one word: "dreiundzwanzig"


@dataclass(frozen=True)
class _Spec:
    words: dict[str, int]
    scales: dict[str, int]
    articles: frozenset[str]
    joiners: frozenset[str]
    inner: dict[str, int]
    bare: frozenset[str]  # scales that are a number alone: "mille", "هزار"
    join_after: frozenset[str]  # where a joiner may stand: after "scales" (and >= 100), after "tens"
    compounds: bool


def load_numbers(extra_dirs: Sequence[Path] = ()) -> dict[str, NumberWords]:
    """The number words of every language of ``numbers.yaml``, shipped and the user's."""
    path, data = read_pack("numbers.yaml", extra_dirs)
    raw = {lang: _words(path, data, lang) for lang in data if lang != "version"}
    every_scale: dict[str, int] = {}
    for spec in raw.values():
        every_scale.update(spec.scales)
    return {
        lang: NumberWords(lang, spec.words, spec.scales, spec.articles, spec.joiners, every_scale,
                          _digits_regex(lang, spec.scales), _words_regex(spec), spec.inner, spec.compounds)
        for lang, spec in raw.items()
    }


def _words(path: str, data: dict[str, object], lang: str) -> _Spec:
    raw = section(path, data, lang)
    known_keys(path, lang, raw, _KEYS + _OPTIONAL)
    for key in _KEYS:
        if key not in raw:
            raise pack_error(path, f"{lang}.{key}: missing", mark_of(data, lang))

    def words_of(key: str, default: tuple[str, ...] = ()) -> frozenset[str]:
        if key not in raw:
            return frozenset(default)
        return frozenset(w.lower() for w in strings(path, f"{lang}.{key}", raw[key], mark_of(raw, key)))

    scales = int_map(path, f"{lang}.scales", raw["scales"], 2, _MAX_VALUE, mark_of(raw, "scales"))
    bare, join_after = words_of("bare"), words_of("join_after", ("scales",))
    if not bare <= scales.keys():
        raise pack_error(path, f"{lang}.bare: expected words of {lang}.scales", mark_of(raw, "bare"))
    if not join_after <= set(_JOIN_AFTER):
        raise pack_error(path, f"{lang}.join_after: expected some of {list(_JOIN_AFTER)}",
                         mark_of(raw, "join_after"))
    compounds = raw.get("compounds", False)
    if not isinstance(compounds, bool):
        raise pack_error(path, f"{lang}.compounds: expected true or false, got {compounds!r}",
                         mark_of(raw, "compounds"))
    return _Spec(
        int_map(path, f"{lang}.words", raw["words"], 0, _MAX_VALUE, mark_of(raw, "words")),
        scales,
        words_of("articles"),
        words_of("joiners"),
        int_map(path, f"{lang}.inner", raw.get("inner", {}), 0, _MAX_VALUE, mark_of(raw, "inner")),
        bare,
        join_after,
        compounds,
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


def _words_regex(spec: _Spec) -> re.Pattern[str]:
    """Number-word phrases: segments joined by spaces or hyphens.

    A segment is a word or scale (or, where ``compounds``, several written as one word:
    "dreiundzwanzig"); tens, a joiner and a unit ("vingt et un", "treinta y cinco"); or a hundred
    or more followed by a joiner ("two hundred and fifty", "هزار و پانصد") or by a unit of
    ``inner`` ("cent un", "صد و یک"); or tens, a hyphen and a unit of ``inner`` ("quatre-vingt-un").
    A phrase starts with a word, a ``bare`` scale ("mille") or an article before a scale ("a dozen"):
    a bare "million" after "$5" is no figure of its own.
    """
    end = WORD_AFTER
    words, scales, inner = spec.words, spec.scales, spec.inner
    joiner, inner_rx = alternation(spec.joiners), alternation(inner)
    small = alternation(w for w, v in (words | inner).items() if 0 < v < 20)
    tens = alternation(w for w, v in words.items() if v % 10 == 0 and 20 <= v < 100)
    unit = rf"(?:{alternation(set(words) | set(scales))}){end}"
    lead = rf"(?:{alternation(set(words) | spec.bare)}){end}"
    if spec.compounds:  # two or more number words written as one: "zweihundertfünfzig"
        piece = alternation(set(words) | set(scales) | spec.articles | set(inner) | spec.joiners)
        whole = rf"(?:{piece}){{2,}}{end}"
        unit, lead = rf"(?:{whole}|{unit})", rf"(?:{whole}|{lead})"

    def segment(first: str, big: str) -> str:
        """A segment whose word is one of ``first``, or of ``big`` where it may take a joiner."""
        parts = []
        if "tens" in spec.join_after:
            parts.append(rf"(?:{tens}){end}(?:\s+|-)(?:{joiner})(?:\s+|-)(?:{small}){end}")
        parts.append(rf"(?:{tens}){end}-(?:{inner_rx}){end}")  # "quatre-vingt-un"
        after = rf"(?:(?:\s+|-)(?:{inner_rx}){end})?"
        if "scales" in spec.join_after:
            after = rf"(?:\s+(?:{joiner})(?=\s+(?:{unit}|(?:{inner_rx}){end})))?" + after
        parts.append(rf"(?:{big}){end}{after}")
        parts.append(first)
        return "(?:" + "|".join(parts) + ")"

    bigs = set(scales) | {w for w, v in words.items() if v >= 100}
    lead_bigs = spec.bare | {w for w, v in words.items() if v >= 100}
    step = rf"(?:\s+|-){segment(unit, alternation(bigs))}"
    after_article = segment(r"(?!x)x", alternation(scales))  # "a dozen", "un millón"
    first = rf"(?:{segment(lead, alternation(lead_bigs))}|(?:{alternation(spec.articles)})\s+{after_article})"
    return re.compile(rf"{WORD_BEFORE}{first}(?:{step})*", re.IGNORECASE)
