"""What a story's lead tells of its time: the period it reports on and the anniversary it marks."""

from __future__ import annotations

import re

from chronicler.extract.facts.numbers import words_value
from chronicler.extract.facts.times import DateMatch
from chronicler.isodates import iso_bounds
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.numbers import NumberWords
from chronicler.nlp import PARAGRAPH


def lead_paragraph(text: str) -> re.Match[str] | None:
    """The first paragraph long enough to be the lead, not a headline or a dateline."""
    return next((p for p in PARAGRAPH.finditer(text) if len(p.group(0).split()) >= 12), None)


def lead_period(text: str, dates: list[DateMatch]) -> str | None:
    """A whole year or month named in the first paragraph: what an annual or monthly report covers."""
    lead = lead_paragraph(text)
    if lead is None:
        return None
    for match in dates:
        inside = lead.start() <= match.start < lead.end()
        if inside and match.date and len(match.date) <= 7 and not match.relative:
            return match.date
    return None


def anniversary(text: str, published: str | None, numbers: NumberWords, vocab: EnglishWords) -> str | None:
    """The month an anniversary lead recalls: "One year after the crackdown" published 2020-11 -> 2019-11."""
    lead = lead_paragraph(text)
    if lead is None or not published or len(published) < 7:
        return None
    match = vocab.anniversary.search(lead.group(0))
    if match is None:
        return None
    word = (match.group("n") or match.group("ord")).lower()
    digits = re.match(r"\d+", word)
    # "a year after" has no number word: one year.
    years = vocab.ordinals.get(word) or words_value(word, numbers) or (int(digits.group()) if digits else 1)
    return f"{int(published[:4]) - years:04d}{published[4:7]}"


def last_day(period: str) -> str | None:
    """The last day of a year ("2023") or month ("2023-05"), as an ISO date."""
    bounds = iso_bounds(period)
    return bounds[1].isoformat() if bounds else None
