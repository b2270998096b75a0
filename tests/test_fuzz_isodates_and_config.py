"""Property-based fuzzing of the two small readers of raw text outside the clean stage (issue 16):
``isodates.iso_bounds`` (a reduced ISO date, from a pack, a document or a filter) and
``config.load_settings`` (the CHRONICLER_* environment).

``iso_bounds`` declares None for what is no date; ``load_settings`` declares ``ConfigError`` for a
bad or unknown setting. Nothing else escapes, and what they give holds: a date's first day is
not after its last, and contains the date; settings are typed and within their allowed values.
Budgets are fixed and the examples derandomized, so CI runs the same inputs every time.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicler.config import ENV_PREFIX, Settings, load_settings
from chronicler.errors import ConfigError
from chronicler.isodates import iso_bounds

FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None)
NAMES = [f.name.upper() for f in fields(Settings)]
DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@FUZZ
@given(value=st.one_of(
    st.text(max_size=20),
    st.text("0123456789-T:+ ", max_size=20),
    st.builds(lambda d, n: d.isoformat()[:n], DATES, st.sampled_from([4, 7, 10])),
))  # fmt: skip
def test_a_reduced_date_is_a_period_or_none(value: str) -> None:
    bounds = iso_bounds(value)
    if bounds is not None:
        first, last = bounds
        assert first <= last and first.year == last.year == int(value[:4])


@pytest.mark.parametrize("value", ["۱۳۹۸", "۲۰۱۹-۱۱", "٢٠١٩-11-16", "２０１９"])
def test_a_date_in_other_digits_is_no_iso_date(value: str) -> None:
    # "۱۳۹۸" is a Persian solar year; read as Gregorian 1398 it would date an event six centuries off.
    assert iso_bounds(value) is None


@FUZZ
@given(day=DATES, precision=st.sampled_from([4, 7, 10]))
def test_a_date_lies_within_each_of_its_reductions(day: date, precision: int) -> None:
    bounds = iso_bounds(day.isoformat()[:precision])
    assert bounds is not None
    first, last = bounds
    assert first <= day <= last
    assert (first == last) == (precision == 10)


_VALUE = st.one_of(
    st.text(max_size=12),
    st.integers(-(10**6), 10**12).map(str),
    st.sampled_from(["on", "off", "ON", " 5", "1_000", "٣", "", "-0", "1e3", "0x10"]),
)
ENVIRON = st.dictionaries(
    st.one_of(
        st.sampled_from(NAMES).map(lambda n: ENV_PREFIX + n),
        st.text(max_size=8).map(lambda n: ENV_PREFIX + n),
        st.text(max_size=8),
    ),
    _VALUE,
    max_size=5,
)


@FUZZ
@given(environ=ENVIRON)
def test_any_environment_gives_typed_settings_or_a_config_error(environ: dict[str, str]) -> None:
    try:
        found = load_settings(environ)
    except ConfigError as exc:
        assert str(exc).startswith(("unknown", ENV_PREFIX)), exc
        return
    for field in fields(Settings):
        assert isinstance(getattr(found, field.name), int if field.type in (int, "int") else str)
    assert found.detector in {"auto", "on", "off"}
    assert found.doc_timeout >= 0
    for key, value in environ.items():
        name = key.removeprefix(ENV_PREFIX).lower()
        if key.startswith(ENV_PREFIX) and isinstance(getattr(Settings, name, None), str):
            assert getattr(found, name) == value


OVERRIDES = st.dictionaries(
    st.one_of(st.sampled_from([n.lower() for n in NAMES]), st.text(max_size=8)),
    st.one_of(st.none(), st.text(max_size=8), st.integers()),
    max_size=4,
)


@FUZZ
@given(values=OVERRIDES)
def test_overriding_takes_known_settings_and_refuses_others(values: dict[str, object]) -> None:
    known = {f.name for f in fields(Settings)}
    try:
        found = Settings().override(**values)
    except ConfigError as exc:
        assert set(values) - known and "unknown setting" in str(exc)
        return
    assert set(values) <= known
    for name, value in values.items():
        assert getattr(found, name) == (value if value is not None else getattr(Settings(), name))
