"""The regular expressions of the times extractor, built per language from the calendar pack.

Each pattern has a name that tells :mod:`chronicler.extract.facts.times` how to resolve it. Named
groups: ``d``/``m``/``y`` (day, month, year), ``d1``..``y2`` for spans, ``pm`` (Persian month),
``w`` (weekday), ``pre``/``post`` (last, next, this), ``cue`` (the word before a bare month),
``n``/``u``/``dir``/``agob`` (a duration: number, unit, direction, "il y a").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronicler.knowledge.calendar import Calendar
from chronicler.knowledge.numbers import NumberWords
from chronicler.knowledge.packdata import WORD_AFTER, WORD_BEFORE, alternation, phrase_regex


@dataclass(frozen=True)
class Patterns:
    calendar: Calendar
    numbers: NumberWords  # the language's number words, for durations ("two days later")
    future: re.Pattern[str]  # a cue that what follows is to come ("will", "plans to")
    months: dict[str, int]  # the text's language plus English
    weekdays: dict[str, int]
    capitalised: bool  # English names must be capitalised ("May", not "may")
    named: tuple[tuple[str, re.Pattern[str]], ...]
    past_before: re.Pattern[str] | None = None  # a past verb right before a date: "said (on) Monday"


def _words(phrases: tuple[str, ...] | list[str]) -> str:
    return phrase_regex(phrases)[len(WORD_BEFORE):-len(WORD_AFTER)] if phrases else r"(?!x)x"


def _day(g: str) -> str:
    return rf"(?<![\d.,])(?P<{g}>[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th|er|\.)?"


def _year(g: str) -> str:
    return rf"(?<![\d.,])(?P<{g}>1[89]\d\d|20\d\d)(?![\d]|s{WORD_AFTER}|[.,]\d)"


def _named(g: str, names: dict[str, int]) -> str:
    # An abbreviation may carry a full stop when a number follows ("Dec. 24"); a full name's
    # full stop ends the sentence.
    short = [n for n in names if len(n) <= 4]
    return (rf"{WORD_BEFORE}(?P<{g}>(?:{alternation(names)}){WORD_AFTER}"
            rf"|(?:{alternation(short)})\.(?=\s*\d))")


def _past_before(cal: Calendar) -> re.Pattern[str] | None:
    """A past-tense verb (and its follower) that ends the text before a date; None without past words."""
    if not cal["past_verbs"] and not cal["past_endings"]:
        return None
    verb = rf"\w+(?:{alternation(cal['past_endings'])})|{alternation(cal['past_verbs'])}"
    return re.compile(rf"\b(?:{verb})(?:\s+(?:{alternation(cal['past_followers'])}))?\s+$", re.IGNORECASE)


def build_patterns(cal: Calendar, eng: Calendar, nw: NumberWords) -> Patterns:
    """The date patterns of ``cal``'s language; English month and weekday names are read in any text."""
    months = {**eng.months, **cal.months}
    weekdays = {**eng.weekdays, **cal.weekdays}
    frm = rf"(?:{_words(cal['range_from'] + eng['range_from'])})\s+"
    to = rf"\s*(?:[-–—]|{WORD_BEFORE}(?:{_words(cal['range_to'] + eng['range_to'])}){WORD_AFTER})\s*"
    of = r"(?:\s+of)?"
    # Words between a day, its month and its year ("3 de marzo de 2023"); none in most languages.
    joiners = cal["date_joiners"]
    dof = rf"(?:\s+(?:{alternation(joiners)}))?" if joiners else ""
    yof = dof
    if joiners:
        of = rf"(?:\s+(?:of|{alternation(joiners)}))?"

    def m(g: str) -> str:
        return _named(g, months)

    pm = _named("pm", cal.persian_months)
    jy = r"(?P<y>1[2-4]\d\d)(?!\d)"
    last = _words(cal["last"])
    nxt = _words(cal["next"])
    this = _words(cal["this"])
    post = _words(cal["last_after"] + cal["next_after"])
    cues = _words(cal["month_cues"])
    ycues = _words(cal["year_cues"])
    wd_suffix = alternation(cal["weekday_suffixes"]) if cal["weekday_suffixes"] else r"(?!x)x"
    count = alternation(set(nw.words) | set(nw.articles) | {"a", "an"})
    number = rf"(?:(?<![\d.,])\d{{1,3}}(?!\d)|{WORD_BEFORE}(?:{count}){WORD_AFTER})"
    units = alternation(cal.units)
    direction = _words(cal["later"] + cal["earlier"] + cal["after"] + cal["before"] + cal["ago"])
    agob = _words(cal["ago_before"])
    weekday = rf"{WORD_BEFORE}(?P<w>{alternation(weekdays)})(?:{wd_suffix})?{WORD_AFTER}"
    specs: list[tuple[str, str]] = [
        ("iso", r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?![\d-])"),
        ("dd_m", rf"(?:{frm})?{_day('d1')}{to}{_day('d2')}{dof}\s+{m('m')}(?:,?{yof}\s+{_year('y')})?"),
        ("dm_dm", rf"(?:{frm})?{_day('d1')}{dof}\s+{m('m1')}(?:,?{yof}\s+{_year('y1')})?{to}{_day('d2')}"
                  rf"{dof}\s+{m('m2')}(?:,?{yof}\s+{_year('y2')})?"),
        ("m_dd", rf"(?:{frm})?{m('m')}\s+{_day('d1')}{to}{_day('d2')}(?:,?\s+{_year('y')})?"),
        ("md_md", rf"(?:{frm})?{m('m1')}\s+{_day('d1')}{to}{m('m2')}\s+{_day('d2')}(?:,?\s+{_year('y')})?"),
        ("dm", rf"(?:the\s+)?{_day('d')}{of}\s+{m('m')}(?:,?{yof}\s+{_year('y')})?"),
        ("md", rf"{m('m')}\s+{_day('d')}(?:,?\s+{_year('y')})?"),
        ("mm", rf"{frm}{m('m1')}(?:,?\s+{_year('y1')})?{to}{m('m2')}(?:,?\s+{_year('y2')})?"),
        ("my", rf"{m('m')},?{of}\s+{_year('y')}"),
        ("m_rel", rf"{WORD_BEFORE}(?:(?P<pre>{last}|{nxt}|{this})|(?P<cue>{cues}))[\s-]+{m('m')}"
                  rf"(?:\s+(?P<post>{post}){WORD_AFTER})?(?!\s*\d)"),
        ("m_post", rf"{m('m')}\s+(?P<post>{post}){WORD_AFTER}"),
        ("yy", rf"{frm}{_year('y1')}{to}{_year('y2')}"),
        ("yy", rf"{_year('y1')}\s*[-–]\s*{_year('y2')}"),
        ("y", rf"{WORD_BEFORE}(?:{ycues})[\s-]+{_year('y')}"),
        ("y", rf"{_year('y')}(?=['’]s{WORD_AFTER})"),
        ("pdm", rf"{_day('d')}\s+{pm}(?:\s+{jy})?"),
        ("pm", rf"{pm}\s+{jy}"),
        ("weekday", rf"(?:{WORD_BEFORE}(?P<pre>{last}|{nxt}|{this})\s+)?{weekday}"
                    rf"(?:\s+(?P<post>{post}){WORD_AFTER})?"),
        ("days", phrase_regex(cal.days)),
        ("period", phrase_regex(cal.periods)),
        ("anchor", phrase_regex(cal.anchor_days)),
        # A duration is a date only with a direction: "two days later", "il y a deux jours".
        ("duration", rf"{WORD_BEFORE}(?P<agob>{agob})\s+(?P<n>{number})\s+(?P<u>{units}){WORD_AFTER}"),
        ("duration", rf"(?P<n>{number})\s+(?P<u>{units})\s+(?P<dir>{direction}){WORD_AFTER}"),
    ]
    return Patterns(
        calendar=cal,
        numbers=nw,
        future=re.compile(phrase_regex(cal["future"]), re.IGNORECASE),
        months=months,
        weekdays=weekdays,
        capitalised=cal.language == "en",
        named=tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in specs),
        past_before=_past_before(cal),
    )
