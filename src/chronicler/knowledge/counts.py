"""The words of ``packs/counts.yaml`` (and the user's), per language, validated, compiled to regexes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast, get_args

from chronicler.knowledge.packdata import (
    WORD_AFTER,
    Mark,
    alternation,
    int_map,
    known_keys,
    mark_of,
    pack_error,
    phrase_regex,
    read_pack,
    section,
    strings,
)
from chronicler.records import CountKind, Qualifier

KINDS: tuple[CountKind, ...] = get_args(CountKind)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
_LISTS = ("or_more", "range_from", "range_to", "vague", "vague_need_of", "not_after", "not_before",
          "persons", "barriers", "skip", "stop", "classifiers")
# Lists a language may leave out (English has them).
_OPTIONAL = ("partitive", "pronoun_one_after", "age_subjects", "age_verbs", "sources_before", "sources_after",
             "list_preps", "list_joins", "pointing", "forces")


@dataclass(frozen=True)
class CountWords:
    language: str
    qualifiers: tuple[tuple[Qualifier, re.Pattern[str]], ...]  # each matches at the end of a prefix
    or_more: re.Pattern[str]  # at the start of what follows a figure
    range_from: re.Pattern[str]  # at the end of what precedes a figure
    range_to: re.Pattern[str]  # between two figures
    approx: dict[str, int]
    approx_rx: re.Pattern[str]
    vague_rx: re.Pattern[str]
    vague_need_of: frozenset[str]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]
    heads: dict[str, CountKind]  # lower-cased noun -> kind
    persons: frozenset[str]
    fallback: dict[str, CountKind]
    cues: tuple[tuple[CountKind, re.Pattern[str]], ...]
    barriers: re.Pattern[str]
    skip: frozenset[str]
    stop: frozenset[str]
    classifiers: frozenset[str]
    partitive: re.Pattern[str]  # at the start of what follows a figure: "one *of* the", "scores *of*"
    pronoun_one: re.Pattern[str]  # at the end of what precedes "one": "*no* one", "*the* one who"
    age_predicate: re.Pattern[str]  # at the end of what precedes a figure: "*he was* 63"
    source_before: re.Pattern[str]  # at the end of what precedes a figure: "*citing* three officials"
    source_after: re.Pattern[str]  # at the start of what follows its noun: "three officials *told*"
    list_link: re.Pattern[str]  # all that lies between two figures of a list: "60 *in Shiraz, and* 30"
    pointing: re.Pattern[str]  # at the end of what precedes a figure: "*the* three were released"
    forces: frozenset[str]  # nouns of the forces facing a crowd, never its participants


def _unit_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    # Units may start with "-" ("-year-old") or be symbols ("%"): no word boundary before them.
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in word.split())
        parts.append(body + (WORD_AFTER if word[-1].isalnum() else ""))
    return re.compile(r"^(?:\s*|-)(?:" + "|".join(parts) + ")", re.IGNORECASE)


def _kind_lists(
    path: str, where: str, value: Any, allowed: tuple[str, ...], at: Mark | None
) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise pack_error(path, f"{where}: expected a mapping, got {value!r}", at)
    out: dict[str, tuple[str, ...]] = {}
    for kind, words in value.items():
        if kind not in allowed:
            raise pack_error(path, f"{where}.{kind}: expected one of {allowed}", mark_of(value, kind))
        out[kind] = strings(path, f"{where}.{kind}", words, mark_of(value, kind))
    return out


def _end(rx: str) -> re.Pattern[str]:
    return re.compile(rf"{rx}\s*$", re.IGNORECASE)


def _start(rx: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{rx}", re.IGNORECASE)


def load_count_words(extra_dirs: Sequence[Path] = ()) -> dict[str, CountWords]:
    """The count words of every language of ``counts.yaml``, shipped and the user's."""
    path, data = read_pack("counts.yaml", extra_dirs)
    return {lang: _count_words(path, data, lang) for lang in data if lang != "version"}


def _count_words(path: str, data: dict[str, Any], lang: str) -> CountWords:
    raw = section(path, data, lang)
    known_keys(path, lang, raw, (*_LISTS, *_OPTIONAL, "qualifiers", "approx", "heads", "fallback", "cues"))
    missing = [k for k in (*_LISTS, "qualifiers", "approx", "heads", "fallback", "cues") if k not in raw]
    if missing:
        raise pack_error(path, f"{lang}: missing {', '.join(missing)}", mark_of(data, lang))
    lists = {k: strings(path, f"{lang}.{k}", raw.get(k) or [], mark_of(raw, k))
             for k in (*_LISTS, *_OPTIONAL)}
    quals = _kind_lists(path, f"{lang}.qualifiers", raw["qualifiers"], QUALIFIERS, mark_of(raw, "qualifiers"))
    heads = _kind_lists(path, f"{lang}.heads", raw["heads"], KINDS, mark_of(raw, "heads"))
    fallback = _kind_lists(path, f"{lang}.fallback", raw["fallback"] or {}, KINDS, mark_of(raw, "fallback"))
    cues = _kind_lists(path, f"{lang}.cues", raw["cues"], KINDS, mark_of(raw, "cues"))
    approx = int_map(path, f"{lang}.approx", raw["approx"] or {}, 1, 10**9, mark_of(raw, "approx"))
    return CountWords(
        language=lang,
        qualifiers=tuple((cast(Qualifier, q), _end(phrase_regex(words))) for q, words in quals.items()
                         if words),
        or_more=_start(phrase_regex(lists["or_more"])),
        range_from=_end(phrase_regex(lists["range_from"])),
        range_to=re.compile(rf"^\s*(?:[-–—]|{phrase_regex(lists['range_to'])})\s*$", re.IGNORECASE),
        approx=approx,
        approx_rx=re.compile(phrase_regex(approx), re.IGNORECASE),
        vague_rx=re.compile(phrase_regex(lists["vague"]), re.IGNORECASE),
        vague_need_of=frozenset(w.lower() for w in lists["vague_need_of"]),
        not_after=_unit_regex(lists["not_after"]),
        not_before=_end(r"(?<![\w\u200c])(?:" + "|".join(
            re.escape(w) for w in sorted(lists["not_before"], key=len, reverse=True)) + ")"),
        heads={w.lower(): cast(CountKind, k) for k, words in heads.items() for w in words},
        persons=frozenset(w.lower() for w in lists["persons"]),
        fallback={w.lower(): cast(CountKind, k) for k, words in fallback.items() for w in words},
        cues=tuple((cast(CountKind, k), re.compile(phrase_regex(words, prefix_ok=True), re.IGNORECASE))
                   for k, words in cues.items()),
        barriers=re.compile(phrase_regex(lists["barriers"]), re.IGNORECASE),
        skip=frozenset(w.lower() for w in lists["skip"]),
        stop=frozenset(w.lower() for w in lists["stop"]),
        classifiers=frozenset(lists["classifiers"]),
        partitive=re.compile(rf"\s+(?:{alternation(lists['partitive'])})\b"),  # as written: "of", not "OF"
        pronoun_one=_end(rf"\b(?:{alternation(lists['pronoun_one_after'])})"),
        age_predicate=_end(
            rf"\b(?:{alternation(lists['age_subjects'])})\s+(?:{alternation(lists['age_verbs'])})"
        ),
        source_before=_end(rf"\b(?:{alternation(lists['sources_before'])})"),
        source_after=_start(rf"(?:{alternation(lists['sources_after'])})\b"),
        pointing=_end(rf"\b(?:{alternation(lists['pointing'])})"),
        forces=frozenset(w.lower() for w in lists["forces"]),
        list_link=re.compile(
            rf"^\s+(?:{alternation(lists['list_preps'])})\s+[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*)*\s*,"
            rf"\s*(?:(?:{alternation(lists['list_joins'])})\s+)?$"
        ),
    )
