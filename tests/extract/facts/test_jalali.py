from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronicler.extract.facts import jalali


@pytest.mark.parametrize(("jy", "jm", "jd", "gregorian"), [
    (1398, 8, 24, date(2019, 11, 15)),
    (1402, 9, 12, date(2023, 12, 3)),
    (1403, 1, 1, date(2024, 3, 20)),
    (1399, 12, 30, date(2021, 3, 20)),  # 1399 is a leap year
    (1357, 11, 22, date(1979, 2, 11)),
    (1367, 5, 1, date(1988, 7, 23)),
])
def test_known_dates(jy: int, jm: int, jd: int, gregorian: date) -> None:
    assert jalali.to_gregorian(jy, jm, jd) == gregorian
    assert jalali.from_gregorian(gregorian) == (jy, jm, jd)


@pytest.mark.parametrize(("jy", "leap"), [(1399, True), (1400, False), (1403, True), (1404, False)])
def test_leap_years(jy: int, leap: bool) -> None:
    assert jalali.is_leap(jy) is leap
    assert jalali.month_length(jy, 12) == (30 if leap else 29)


@pytest.mark.parametrize(("jy", "jm", "jd"), [(1400, 12, 30), (1400, 13, 1), (1400, 7, 31), (1400, 1, 0),
                                              (0, 1, 1), (4000, 1, 1)])
def test_impossible_dates_raise(jy: int, jm: int, jd: int) -> None:
    with pytest.raises(ValueError):
        jalali.to_gregorian(jy, jm, jd)


@given(st.dates(min_value=date(700, 1, 1), max_value=date(3700, 12, 31)))
def test_round_trip_from_gregorian(day: date) -> None:
    assert jalali.to_gregorian(*jalali.from_gregorian(day)) == day


@given(st.integers(1, 3000), st.integers(1, 12), st.integers(1, 31))
def test_round_trip_from_jalali(jy: int, jm: int, jd: int) -> None:
    if jd > jalali.month_length(jy, jm):
        return
    assert jalali.from_gregorian(jalali.to_gregorian(jy, jm, jd)) == (jy, jm, jd)


@given(st.dates(min_value=date(700, 1, 1), max_value=date(3700, 12, 30)))
def test_consecutive_days_stay_consecutive(day: date) -> None:
    from datetime import timedelta
    jy, jm, jd = jalali.from_gregorian(day)
    nxt = jalali.from_gregorian(day + timedelta(days=1))
    if jd < jalali.month_length(jy, jm):
        assert nxt == (jy, jm, jd + 1)
    elif jm < 12:
        assert nxt == (jy, jm + 1, 1)
    else:
        assert nxt == (jy + 1, 1, 1)
