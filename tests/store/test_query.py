from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.dialects.postgresql.base import PGDialect
from sqlalchemy.dialects.sqlite.base import SQLiteDialect

from chronicler.store.query import check_date, country_alpha2, events_select, per_day_select, successor


@pytest.mark.parametrize("value", ["2019", "2019-11", "2019-11-16", "2020-02-29", "0001"])
def test_check_date_accepts_reduced_iso(value: str) -> None:
    assert check_date(value) == value


@pytest.mark.parametrize("value", ["19", "2019-1", "2019-13", "2019-02-30", "2019/11/16", "16 Nov 2019", ""])
def test_check_date_refuses_other_shapes(value: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM"):
        check_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", "2020"),
        ("2019-11", "2019-12"),
        ("2019-12", "2020"),  # compares above every date of December 2019, below 2020-01
        ("2019-11-30", "2019-12-01"),
        ("2019-12-31", "2020-01-01"),
        ("2020-02-28", "2020-02-29"),
        ("9999", None),
        ("9999-12-31", None),
    ],
)
def test_successor(value: str, expected: str | None) -> None:
    assert successor(value) == expected


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("IR", "IR"),
        ("ir", "IR"),
        (" IQ ", "IQ"),
        ("IRN", "IR"),
        ("irn", "IR"),
        ("Iran", "IR"),
        ("iraq", "IQ"),
    ],
)
def test_country_alpha2(country: str, expected: str) -> None:
    assert country_alpha2(country) == expected


@pytest.mark.parametrize("country", ["Atlantis", "XYZ", "I", ""])
def test_country_alpha2_refuses_unknown(country: str) -> None:
    with pytest.raises(ValueError, match="ISO 3166-1"):
        country_alpha2(country)


ALL_FILTERS: dict[str, Any] = {
    "event": "protest",
    "since": "2019-11",
    "until": "2020",
    "place": "Fars",
    "country": "IRN",
    "historical": False,
    "limit": 10,
}


@pytest.mark.parametrize("dialect", [PGDialect(), SQLiteDialect()])  # type: ignore[no-untyped-call]
def test_events_select_compiles_for_both_backends(dialect: Any) -> None:
    sql = str(events_select(**ALL_FILTERS).compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    for expected in ("'PROTEST'", "'IR'", "'fars'", "'2021'", "coalesce(", "LIMIT 10"):
        assert expected in sql
    assert "NULLS LAST" not in sql  # SQLite before 3.30 lacks it; the CASE does the same job


@pytest.mark.parametrize("dialect", [PGDialect(), SQLiteDialect()])  # type: ignore[no-untyped-call]
def test_per_day_select_counts_day_dates_under_the_same_filters(dialect: Any) -> None:
    filters = {k: v for k, v in ALL_FILTERS.items() if k != "limit"}
    sql = str(per_day_select(**filters).compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    for expected in ("'PROTEST'", "'IR'", "'fars'", "count(*)", "GROUP BY", "= 10"):
        assert expected in sql


def test_events_select_refuses_negative_limit() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        events_select(limit=-5)
