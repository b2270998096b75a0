"""Dates in news text, resolved to ISO 8601 at the precision the text supports.

``find_dates`` finds every date expression in a text and resolves it against the publication
date (``published``) and the last date the article gave (``anchor``, or an earlier date in the
same text). Rules, all general conventions of news writing:

- A day and month without a year take the year that puts them on or before publication (news
  reports the past), or on or after it when a future cue ("will", "plan to") precedes them.
- A bare weekday ("on Tuesday") is the most recent such day on or before publication. The
  publication day itself counts: wire copy dated Tuesday says "said on Tuesday" of that day.
  With a future cue, or "next"/"coming", it is the first such day after publication; "this
  Friday" is the first on or after it; "last Friday" the most recent strictly before it.
- "last week"/"this week" give the month when the whole week lies in one month, else the year
  when it lies in one year, else None: a week is never narrowed by guessing.
- "two days later", "the next day" count from the last date given; "three days after 16
  September" from that date; "X, three days after she was arrested" counts back from the date
  stated earlier in the same sentence (the clause after "after" happened first).
- Anything relative with no date to count from resolves to None; the span is still reported.
"""

from __future__ import annotations

import calendar as gregorian
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from chronicler.extract.facts import jalali
from chronicler.extract.facts.numbers import ascii_digits, words_value
from chronicler.extract.facts.spans import dash_span, longest_first
from chronicler.knowledge.date_patterns import Patterns

__all__ = ["DateMatch", "find_dates"]

Ymd = tuple[int, int | None, int | None]  # ISO reduced: (year, month or None, day or None)
_ABSOLUTE = {"iso", "dd_m", "dm_dm", "m_dd", "md_md", "dm", "md", "mm", "my", "yy", "y", "pdm", "pm"}
# A sentence ends at its stop, after any closing quote or footnote mark ("inquiry.[2] The"), or a break.
_SENTENCE_END = re.compile(r"[.!?؟][\"'”’»)]*(?:\[\d+\])*\s|\n")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    date: str | None
    enddate: str | None
    relative: bool


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    name: str
    groups: dict[str, Any]


def find_dates(text: str, published: str | None, anchor: str | None, pats: Patterns) -> list[DateMatch]:
    """Every date expression in ``text``, left to right, with its resolved date.

    ``pats`` are the date patterns of the text's language (``LanguageKnowledge.dates``).
    """
    norm = ascii_digits(text)
    found = _select(_candidates(norm, pats), norm)
    pub = _parse(published)
    last = _parse(anchor)
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(norm)]
    earlier: list[tuple[int, Ymd | None]] = []  # grows as the text is read: what it has dated so far
    out: list[DateMatch] = []
    for item in found:
        ctx = _Context(norm, pats, pub, last, earlier, sentence_ends)
        try:
            start, value, end_value, relative = ctx.resolve(item)
        except (OverflowError, ValueError):  # arithmetic past the ends of the calendar
            start, value, end_value, relative = item.start, None, None, item.name not in _ABSOLUTE
        match = DateMatch(start, item.end, text[start:item.end], _iso(value), _iso(end_value), relative)
        out.append(match)
        if match.date:
            earlier.append((match.start, _parse(match.date)))
        if value is not None:
            last = value
    return out


def _candidates(text: str, pats: Patterns) -> list[_Found]:
    found: list[_Found] = []
    for name, rx in pats.named:
        for match in rx.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            if name != "iso" and not _names_ok(match, pats):
                continue
            start, end = match.span()
            if name == "y":  # the span is the year, not "in"
                start, end = match.span("y")
            found.append(_Found(start, end, name, groups))
    return found


def _names_ok(match: re.Match[str], pats: Patterns) -> bool:
    """English month and weekday names must be capitalised: "may" and "march" are verbs."""
    if not pats.capitalised:
        return True
    for key in ("m", "m1", "m2", "w", "pm"):
        name = match.groupdict().get(key)
        if name is not None and not name[:1].isupper():
            return False
    return True


def _select(found: list[_Found], text: str) -> list[_Found]:
    """Longest non-overlapping candidates, then the joins a date needs with its neighbours."""
    out: list[_Found] = []
    for item in sorted(longest_first(found), key=lambda f: f.start):
        prev = out[-1] if out else None
        if prev and item.name in _ABSOLUTE and item.start - prev.end <= 2:
            if prev.name == "weekday":  # "Friday, 15 November": the date says it all
                out[-1] = _Found(prev.start, item.end, item.name, item.groups)
                continue
            if prev.name == "duration" and prev.groups.get("dir"):  # "three days after 16 September"
                out[-1] = _Found(prev.start, item.end, item.name, {**item.groups, "shift": prev.groups})
                continue
        span = prev and dash_span(prev.name, prev.groups, item.name, item.groups, text[prev.end : item.start])
        if prev and span:
            out[-1] = _Found(prev.start, item.end, *span)  # "December 2017 – January 2018"
            continue
        out.append(item)
    return out


def _parse(value: str | None) -> Ymd | None:
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return None
    y, m, d = match.groups()
    return int(y), int(m) if m else None, int(d) if d else None


def _iso(value: Ymd | None) -> str | None:
    if value is None:
        return None
    y, m, d = value
    if m is None:
        return f"{y:04d}"
    return f"{y:04d}-{m:02d}" if d is None else f"{y:04d}-{m:02d}-{d:02d}"


def _as_date(value: Ymd | None) -> date | None:
    if value is None or value[1] is None or value[2] is None:
        return None
    try:
        return date(value[0], value[1], value[2])
    except ValueError:
        return None


def _ymd(day: date | None) -> Ymd | None:
    return (day.year, day.month, day.day) if day else None


def _valid(y: int, m: int, d: int | None) -> Ymd | None:
    if d is not None and not 1 <= d <= gregorian.monthrange(y, m)[1]:
        return None
    return y, m, d


def _shift(base: Ymd | None, unit: str, n: int) -> Ymd | None:
    if base is None:
        return None
    y, m, _ = base
    if unit in ("day", "week"):
        day = _as_date(base)
        return _ymd(day + timedelta(days=n * (7 if unit == "week" else 1))) if day else None
    if unit == "month":
        if m is None:
            return None
        index = y * 12 + (m - 1) + n
        return index // 12, index % 12 + 1, None
    return y + n, None, None


class _Context:
    """What one expression is resolved against: publication, the last date, the sentence."""

    def __init__(self, text: str, pats: Patterns, pub: Ymd | None, last: Ymd | None,
                 earlier: list[tuple[int, Ymd | None]], sentence_ends: list[int]) -> None:
        """``earlier``: (offset, date) of the dates before, in text order; ``sentence_ends``: the
        ends of ``_SENTENCE_END`` matches in the whole text, found once, in order."""
        self.text, self.pats, self.pub, self.last, self.earlier = text, pats, pub, last, earlier
        self.sentence_ends = sentence_ends
        self.cal = pats.calendar

    def resolve(self, item: _Found) -> tuple[int, Ymd | None, Ymd | None, bool]:
        g = item.groups
        if "shift" in g:
            _, base, _, relative = self._absolute(item)
            n, unit, sign = self._duration(g["shift"])
            shifted = _shift(base, unit, n * sign) if n is not None and sign else None
            return item.start, shifted, None, relative
        if item.name in _ABSOLUTE:
            return self._absolute(item)
        value: Ymd | None
        end: Ymd | None = None
        pub_day = _as_date(self.pub)
        if item.name == "weekday":
            value = _ymd(self._weekday(item, pub_day)) if pub_day else self._pub_month()
        elif item.name == "days":
            offset = self._lookup(self.cal.days, item)
            if pub_day is None:
                value = self._pub_month() if offset is not None else None
            else:
                value = _ymd(pub_day + timedelta(days=offset)) if offset is not None else None
        elif item.name == "anchor":
            offset = self._lookup(self.cal.anchor_days, item)
            value = _shift(self.last, "day", offset) if offset is not None else None
        elif item.name == "period":
            value, end = self._period(item, pub_day)
        elif item.name == "m_rel" or item.name == "m_post":
            value = self._month_relative(item)
        else:
            value = self._relative_duration(item, pub_day)
        return item.start, value, end, True

    # -- absolute dates ------------------------------------------------------------------

    def _absolute(self, item: _Found) -> tuple[int, Ymd | None, Ymd | None, bool]:
        g, name = item.groups, item.name
        months = {**self.pats.months, **{k + ".": v for k, v in self.pats.months.items()}}
        if name in ("pdm", "pm"):
            return item.start, *self._persian(item)
        if name == "yy":
            first, final = int(g["y1"]), int(g["y2"])
            return item.start, (first, None, None), ((final, None, None) if final > first else None), False
        if name == "y":
            return item.start, (int(g["y"]), None, None), None, False
        if name == "iso":
            return item.start, _valid(int(g["y"]), int(g["m"]), int(g["d"])), None, False
        if name in ("dm", "md", "my"):
            month, day = months[g["m"].lower()], int(g["d"]) if "d" in g else None
            y = int(g["y"]) if "y" in g else self._year_for(month, day, item)
            return item.start, _valid(y, month, day) if y else None, None, "y" not in g
        # spans
        m1 = months[(g.get("m1") or g["m"]).lower()]
        m2 = months[(g.get("m2") or g.get("m") or g["m1"]).lower()]
        d1, d2 = (int(g["d1"]), int(g["d2"])) if "d1" in g else (None, None)
        y2: int | None = int(g["y2"]) if "y2" in g else int(g["y"]) if "y" in g else None
        y1: int | None = int(g["y1"]) if "y1" in g else y2
        if y1 is None:
            y1 = self._year_for(m1, d1, item)
            y2 = None if y1 is None else y1 + (1 if (m2, d2 or 0) < (m1, d1 or 0) else 0)
        if y1 is None or y2 is None:
            return item.start, None, None, True
        start, end = _valid(y1, m1, d1), _valid(y2, m2, d2)
        if start and end and (end[0], end[1], end[2] or 0) <= (start[0], start[1], start[2] or 0):
            end = None
        return item.start, start, end, not any(k in g for k in ("y", "y1", "y2"))

    def _persian(self, item: _Found) -> tuple[Ymd | None, Ymd | None, bool]:
        g = item.groups
        month = self.cal.persian_months[g["pm"].lower()]
        day = int(g["d"]) if "d" in g else None
        try:
            if "y" in g:
                jy = int(g["y"])
            else:
                pub_day = _as_date(self.pub)
                if pub_day is None:
                    return None, None, True
                jy = jalali.from_gregorian(pub_day)[0]
                if jalali.to_gregorian(jy, month, day or 1) > pub_day and not self._future(item):
                    jy -= 1
            if day is not None:
                return _ymd(jalali.to_gregorian(jy, month, day)), None, "y" not in g
            first = jalali.to_gregorian(jy, month, 1)
            final = jalali.to_gregorian(jy, month, jalali.month_length(jy, month))
            return _ymd(first), _ymd(final), False
        except ValueError:
            return None, None, "y" not in g

    def _year_for(self, month: int, day: int | None, item: _Found) -> int | None:
        """The year of a day-and-month (or a month) given without one."""
        if self.pub is None:
            return None
        py, pm, pd = self.pub
        if pm is None:
            return py
        here = (month, day or 0)  # a day of a month-only publication's month is of its year
        if self._future(item):
            return py if here >= (pm, (pd or 0) if day else 0) else py + 1
        return py if here <= (pm, (pd or 31) if day else 0) else py - 1

    # -- relative dates ------------------------------------------------------------------

    def _weekday(self, item: _Found, pub_day: date | None) -> date | None:
        if pub_day is None:
            return None
        g = item.groups
        wanted = self.pats.weekdays[g["w"].lower()]
        mod = self._modifier(g)
        ahead = (wanted - pub_day.weekday()) % 7
        if mod == "next" or (mod is None and self._future(item)):
            return pub_day + timedelta(days=ahead or 7)
        if mod == "this":
            return pub_day + timedelta(days=ahead)
        behind = (pub_day.weekday() - wanted) % 7
        if mod == "last":
            return pub_day - timedelta(days=behind or 7)
        return pub_day - timedelta(days=behind)

    def _modifier(self, g: dict[str, Any]) -> str | None:
        for key in ("pre", "post"):
            word = str(g.get(key, "")).lower()
            if not word:
                continue
            for mod in ("last", "next", "this"):
                if word in {w.lower() for w in self.cal[mod] + self.cal.words.get(mod + "_after", ())}:
                    return mod
        return None

    def _month_relative(self, item: _Found) -> Ymd | None:
        if self.pub is None or self.pub[1] is None:
            return None
        month = self.pats.months[item.groups["m"].lower()]
        py, pm = self.pub[0], self.pub[1]
        mod = self._modifier(item.groups)
        if mod == "last":
            return (py if month < pm else py - 1), month, None
        if mod == "next":
            return (py if month > pm else py + 1), month, None
        if mod == "this":
            return py, month, None
        year = self._year_for(month, None, item)
        return (year, month, None) if year else None

    def _period(self, item: _Found, pub_day: date | None) -> tuple[Ymd | None, Ymd | None]:
        spec = self._lookup(self.cal.periods, item)
        if spec is None or self.pub is None:
            return None, None
        unit, k = spec
        if unit in ("month", "year"):
            base = self.pub if unit == "year" else (self.pub if self.pub[1] else None)
            return _shift((base[0], base[1], None) if base else None, unit, k), None
        if pub_day is None:
            return None, None
        monday = pub_day - timedelta(days=pub_day.weekday()) + timedelta(weeks=k)
        if unit == "weekend":
            return _ymd(monday + timedelta(days=5)), _ymd(monday + timedelta(days=6))
        sunday = monday + timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return (monday.year, monday.month, None), None
        return ((monday.year, None, None) if monday.year == sunday.year else None), None

    def _duration(self, g: dict[str, Any]) -> tuple[int | None, str, int]:
        """(n, unit, sign): sign +1 counts forward from the base date, -1 back, 0 for "ago"."""
        raw = str(g["n"])
        n = int(raw) if raw.isdigit() else words_value(raw, self.pats.numbers)
        if n is None and raw.lower() in ("a", "an"):
            n = 1
        unit = self.cal.units[str(g["u"]).lower()]
        word = str(g.get("dir", "")).lower()
        sign = 0
        if word in {w.lower() for w in self.cal["later"] + self.cal["after"]}:
            sign = 1
        elif word in {w.lower() for w in self.cal["earlier"] + self.cal["before"]}:
            sign = -1
        return n, unit, sign

    def _relative_duration(self, item: _Found, pub_day: date | None) -> Ymd | None:
        g = item.groups
        n, unit, sign = self._duration(g)
        word = str(g.get("dir", "")).lower()
        if n is None or not (word or g.get("agob")):
            return None
        if g.get("agob") or word in {w.lower() for w in self.cal["ago"]}:
            base: Ymd | None = _ymd(pub_day) if unit in ("day", "week") else self.pub
            return _shift(base, unit, -n)
        if word in {w.lower() for w in self.cal["after"] + self.cal["before"]}:
            # "X on 16 September, three days after she was arrested": the clause came first.
            # The earlier dates are in text order: the last one is in this sentence, or none is.
            here = self.earlier[-1] if self.earlier else None
            same = here is not None and here[0] >= self._sentence_start(item.start)
            return _shift(here[1], unit, -sign * n) if here is not None and same else None
        return _shift(self.last, unit, sign * n)

    def _pub_month(self) -> Ymd | None:
        """A day near publication ("on Tuesday", "yesterday") when only its month is known: that
        month, the precision the text and its date support."""
        return (self.pub[0], self.pub[1], None) if self.pub and self.pub[1] else None

    def _lookup(self, table: dict[str, Any], item: _Found) -> Any:
        key = " ".join(self.text[item.start:item.end].lower().split())
        return table.get(key)

    def _sentence_start(self, pos: int) -> int:
        # A match of the whole text that ends by ``pos`` is one of the text up to ``pos``: the
        # pattern never looks past a match's last character, its whitespace.
        k = bisect_right(self.sentence_ends, pos) - 1
        return self.sentence_ends[k] if k >= 0 else 0

    def _future(self, item: _Found) -> bool:
        """Whether a future cue ("will", "plan to") governs the expression.

        A date right after a past verb ("said Monday that it will ...") dates that past act,
        whatever the rest of the sentence plans.
        """
        begin = self._sentence_start(item.start)
        past = self.pats.past_before
        if past is not None and past.search(self.text, begin, item.start):
            return False
        scope = self.text[begin:item.start]
        if self.cal.future_after:
            after = _SENTENCE_END.search(self.text, item.end)
            scope += " " + self.text[item.end:after.start() if after else len(self.text)]
        return self.pats.future.search(scope) is not None

