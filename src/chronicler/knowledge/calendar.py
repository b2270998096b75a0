"""The calendar words of ``packs/calendar.yaml`` (and the user's), per language, validated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler.knowledge.packdata import (
    Mark,
    int_map,
    known_keys,
    mark_of,
    pack_error,
    read_pack,
    section,
    strings,
)

UNITS = ("day", "week", "weekend", "month", "year")
_LISTS = ("month_cues", "year_cues", "last", "last_after", "next", "next_after", "this", "range_from",
          "range_to", "later", "earlier", "after", "before", "ago", "ago_before", "future",
          "weekday_suffixes")
# Lists a language may leave out (English has them).
_OPTIONAL = ("past_verbs", "past_endings", "past_followers", "date_joiners")
_SPAN = 10_000  # days: far more than any relative expression in news


@dataclass(frozen=True)
class Calendar:
    language: str
    months: dict[str, int]
    persian_months: dict[str, int]
    weekdays: dict[str, int]
    days: dict[str, int]
    periods: dict[str, tuple[str, int]]
    anchor_days: dict[str, int]
    units: dict[str, str]
    words: dict[str, tuple[str, ...]]  # the plain lists, by key of _LISTS and _OPTIONAL
    future_after: bool

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return self.words[key]


def _periods(path: str, where: str, value: Any, at: Mark | None) -> dict[str, tuple[str, int]]:
    if not isinstance(value, dict):
        raise pack_error(path, f"{where}: expected a mapping, got {value!r}", at)
    out: dict[str, tuple[str, int]] = {}
    for phrase, spec in value.items():
        ok = (isinstance(spec, list) and len(spec) == 2 and spec[0] in UNITS
              and isinstance(spec[1], int) and not isinstance(spec[1], bool))
        if not ok or not isinstance(phrase, str):
            raise pack_error(path, f"{where}.{phrase}: expected [unit, offset] with unit in {UNITS}",
                             mark_of(value, phrase))
        out[phrase.lower()] = (spec[0], spec[1])
    return out


def _units(path: str, where: str, value: Any, at: Mark | None) -> dict[str, str]:
    if not isinstance(value, dict):
        raise pack_error(path, f"{where}: expected a mapping, got {value!r}", at)
    for word, unit in value.items():
        if unit not in UNITS:
            raise pack_error(path, f"{where}.{word}: unit must be one of {UNITS}, got {unit!r}",
                             mark_of(value, word))
    return {str(k).lower(): str(v) for k, v in value.items()}


def _flag(path: str, where: str, value: Any, at: Mark | None) -> bool:
    if not isinstance(value, bool):
        raise pack_error(path, f"{where}: expected true or false, got {value!r}", at)
    return value


def load_calendars(extra_dirs: Sequence[Path] = ()) -> dict[str, Calendar]:
    """The calendar of every language of ``calendar.yaml``, shipped and the user's."""
    path, data = read_pack("calendar.yaml", extra_dirs)
    return {lang: _calendar(path, data, lang) for lang in data if lang not in ("version", "persian_months")}


def _calendar(path: str, data: dict[str, Any], lang: str) -> Calendar:
    raw = section(path, data, lang)
    known_keys(path, lang, raw, (*_LISTS, *_OPTIONAL, "months", "weekdays", "days", "periods", "anchor_days",
                                 "units", "future_after"))
    missing = [k for k in (*_LISTS, "months", "weekdays", "days", "periods", "anchor_days", "units")
               if k not in raw]
    if missing:
        raise pack_error(path, f"{lang}: missing {', '.join(missing)}", mark_of(data, lang))
    return Calendar(
        language=lang,
        months=int_map(path, f"{lang}.months", raw["months"] or {}, 1, 12, mark_of(raw, "months")),
        persian_months=int_map(path, "persian_months", data.get("persian_months"), 1, 12,
                               mark_of(data, "persian_months")),
        weekdays=int_map(path, f"{lang}.weekdays", raw["weekdays"] or {}, 0, 6, mark_of(raw, "weekdays")),
        days=int_map(path, f"{lang}.days", raw["days"], -_SPAN, _SPAN, mark_of(raw, "days")),
        periods=_periods(path, f"{lang}.periods", raw["periods"], mark_of(raw, "periods")),
        anchor_days=int_map(path, f"{lang}.anchor_days", raw["anchor_days"], -_SPAN, _SPAN,
                            mark_of(raw, "anchor_days")),
        units=_units(path, f"{lang}.units", raw["units"], mark_of(raw, "units")),
        words={k: strings(path, f"{lang}.{k}", raw.get(k) or [], mark_of(raw, k))
               for k in (*_LISTS, *_OPTIONAL)},
        future_after=_flag(path, f"{lang}.future_after", raw.get("future_after"),
                           mark_of(raw, "future_after")),
    )
