"""Solar Hijri (Jalali) <-> Gregorian conversion, the calendar of Iranian news.

This is the standard arithmetic of Borkowski's algorithm as used by jalaali-js: the leap
years follow a table of 33-year cycle "breaks", valid for Jalali years -61 to 3177. The
Gregorian side uses Python's proleptic ordinals, so no Julian-day code is needed.
"""

from __future__ import annotations

from datetime import date

# Jalali years at which the 33-year leap cycle is re-aligned.
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
           2324, 2394, 2456, 3178)
MIN_YEAR = 1
MAX_YEAR = _BREAKS[-1] - 1


def _div(a: int, b: int) -> int:
    # The algorithm is written for truncating division (JavaScript's ~~(a / b)).
    return int(a / b)


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def _cal(jy: int) -> tuple[int, int, int]:
    """``(leap, gregorian_year, march_day)``: Farvardin 1 of ``jy`` falls on March ``march_day``."""
    if not MIN_YEAR <= jy <= MAX_YEAR:
        raise ValueError(f"Jalali year {jy} is outside {MIN_YEAR}..{MAX_YEAR}")
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    if leap == -1:
        leap = 4
    return leap, gy, march


def is_leap(jy: int) -> bool:
    return _cal(jy)[0] == 0


def month_length(jy: int, jm: int) -> int:
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if is_leap(jy) else 29


def to_gregorian(jy: int, jm: int, jd: int) -> date:
    """The Gregorian date of Jalali ``jy-jm-jd``; ``ValueError`` for a day that does not exist."""
    if not 1 <= jm <= 12 or not 1 <= jd <= month_length(jy, jm):
        raise ValueError(f"{jy}-{jm}-{jd} is not a Jalali date")
    _, gy, march = _cal(jy)
    start = date(gy, 3, march).toordinal()
    return date.fromordinal(start + (jm - 1) * 31 - _div(jm, 7) * (jm - 7) + jd - 1)


def from_gregorian(day: date) -> tuple[int, int, int]:
    """The Jalali ``(year, month, day)`` of a Gregorian date."""
    jy = day.year - 621
    leap, gy, march = _cal(jy)
    k = day.toordinal() - date(gy, 3, march).toordinal()
    if k >= 0:
        if k <= 185:
            return jy, 1 + _div(k, 31), _mod(k, 31) + 1
        k -= 186
    else:
        jy -= 1
        k += 179
        if leap == 1:
            k += 1
    return jy, 7 + _div(k, 30), _mod(k, 30) + 1
