"""Reduced ISO 8601 dates ("2019", "2019-11", "2019-11-16") as periods of days."""

from __future__ import annotations

import re
from datetime import date

# ASCII digits only: int() would read "۱۳۹۸", a Persian (solar) year, as a Gregorian one.
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", re.ASCII)


def iso_bounds(value: str) -> tuple[date, date] | None:
    """First and last day of a reduced ISO date ("2019" -> 2019-01-01, 2019-12-31); None if invalid."""
    m = _ISO.match(value[:10])
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = date(year, int(month or 1), int(day))
            return d, d
        if month:
            first = date(year, int(month), 1)
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
