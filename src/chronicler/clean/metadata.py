"""Publication date and outlet of a document, each from the best source that gives one.

Dates are ISO 8601 reduced to what is known ("2019-12-16", "2019-12", "2019"). A value that
cannot be read unambiguously gives None rather than a guess: "03/04/2020" is April in one country
and March in another, so only year-first numbers and dates with a month name are read.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from dateutil import parser as dateutil_parser

from chronicler.text.safe import clean_name

_MIN_YEAR, _MAX_YEAR = 1000, 2999

_TIME = r"(?:[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4})?)?"
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})" + _TIME + r")?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})" + _TIME)
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?")
_MONTH_NAME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=[\s,\d]|$)", re.IGNORECASE
)
_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*((?:19|20)\d{2})(?:\s*[-–—]\s*((?:19|20)\d{2}))?",
    re.IGNORECASE,
)
# Two defaults that differ in every field, to tell which fields the text itself gave.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 2, 2))


@dataclass(frozen=True)
class Published:
    value: str | None
    inferred: bool = False


def normalise_published(value: str) -> str | None:
    """ISO 8601 reduced date for ``value``, a date-time giving its date; None when unreadable."""
    text = " ".join(value.split())
    if not text:
        return None
    for pattern in (_ISO, _COMPACT, _YEAR_FIRST):
        match = pattern.fullmatch(text)
        if match:
            return _reduced(*match.group(1, 2, 3))
    if _MONTH_NAME.search(text):
        return _from_words(text)
    return None


def _reduced(year: str, month: str | None, day: str | None) -> str | None:
    y = int(year)
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    if month is None:
        return f"{y:04d}"
    try:
        if day is None:
            date(y, int(month), 1)
            return f"{y:04d}-{int(month):02d}"
        return date(y, int(month), int(day)).isoformat()
    except ValueError:
        return None


def _from_words(text: str) -> str | None:
    parsed = []
    for default in _DEFAULTS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parsed.append(dateutil_parser.parse(text, default=default, ignoretz=True))
        except (ValueError, OverflowError):
            return None
    first, second = parsed
    if first.year != second.year:
        return None  # no year given: "16 December" alone cannot be placed
    day = f"{first.day}" if first.day == second.day else None
    return _reduced(f"{first.year:04d}", f"{first.month}", day)


def copyright_year(text: str) -> str | None:
    """The latest year of a copyright notice in ``text`` ("Copyright © 2015-2020" gives "2020")."""
    years = [int(m.group(2) or m.group(1)) for m in _COPYRIGHT.finditer(text)]
    return str(max(years)) if years else None


def resolve_published(given: str | None, page_date: str | None, copyright: str | None) -> Published:
    """The document's date, else the page's, else a copyright year (see ``copyright_year``)."""
    for candidate in (given, page_date):
        if candidate:
            value = normalise_published(candidate)
            if value:
                return Published(value)
    year = normalise_published(copyright) if copyright else None
    return Published(year, inferred=True) if year else Published(None)


def host_of(url: str) -> str | None:
    """The URL's host in lower case, without "www."; None for a URL without one."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def resolve_outlet(given: str | None, url: str | None, sitename: str | None) -> str | None:
    """The document's outlet, else the URL's host, else the page's site name; without controls
    or bidi characters ("\u202emoc.cbb" is "moc.cbb", not a reversed "bbc.com")."""
    for candidate in (given, url and host_of(url), sitename):
        name = clean_name(candidate) if candidate else None
        if name:
            return name
    return None
