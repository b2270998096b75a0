from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronicler.clean.metadata import (
    Published,
    copyright_year,
    host_of,
    normalise_published,
    resolve_outlet,
    resolve_published,
)

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-12-16", "2019-12-16"),
        ("2019-12", "2019-12"),
        ("2019", "2019"),
        ("  2019-12-16 ", "2019-12-16"),
        ("2019-12-16T08:30:00+03:30", "2019-12-16"),
        ("2019-12-16T23:59:59.123Z", "2019-12-16"),
        ("2019-12-16 08:30", "2019-12-16"),
        ("2019-12-16T08:30:00 GMT", "2019-12-16"),
        ("20191216", "2019-12-16"),
        ("2019/12/16", "2019-12-16"),
        ("2019/12", "2019-12"),
        ("16 December 2019", "2019-12-16"),
        ("December 16, 2019", "2019-12-16"),
        ("Mon, 16 Dec 2019 08:30:00 +0000", "2019-12-16"),
        ("December 2019", "2019-12"),
        ("Dec. 2019", "2019-12"),
        ("2019-13-01", None),
        ("2019-02-30", None),
        ("16 December", None),
        ("03/04/2020", None),
        ("yesterday", None),
        ("", None),
        ("0000", None),
    ],
)
def test_normalise_published(value: str, expected: str | None) -> None:
    assert normalise_published(value) == expected


dates = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))


@given(dates, st.sampled_from(["year", "month", "day"]))
def test_reduced_iso_round_trips(day: date, precision: str) -> None:
    text = {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}", "day": day.isoformat()}[
        precision
    ]
    assert normalise_published(text) == text


@given(
    st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(2999, 12, 31)),
    st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
)
def test_date_time_becomes_its_own_date(moment: datetime, zone: timezone) -> None:
    aware = moment.replace(tzinfo=zone)
    assert normalise_published(aware.isoformat()) == moment.date().isoformat()


@given(dates)
def test_month_name_dates_round_trip(day: date) -> None:
    name = MONTHS[day.month - 1]
    assert normalise_published(f"{day.day} {name} {day.year}") == day.isoformat()
    assert normalise_published(f"{name} {day.day}, {day.year}") == day.isoformat()
    assert normalise_published(f"{name} {day.year}") == f"{day.year:04d}-{day.month:02d}"


@given(st.text(max_size=40))
def test_normalise_is_idempotent(value: str) -> None:
    once = normalise_published(value)
    if once is not None:
        assert normalise_published(once) == once


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Copyright © 2020 All Rights Reserved", "2020"),
        ("© 2021 Example Media", "2021"),
        ("(c) 2019 The Ledger", "2019"),
        ("Copyright 2015–2022 The Ledger", "2022"),
        ("© 2018 one\n© 2020 two", "2020"),
        ("The protests of 2019 were the deadliest.", None),
        ("copyright law was passed in 2019", None),
    ],
)
def test_copyright_year(text: str, year: str | None) -> None:
    assert copyright_year(text) == year


@pytest.mark.parametrize(
    ("given_date", "page_date", "copyright", "expected"),
    [
        ("2019-12-16T10:00:00Z", "2019-12-01", "2020", Published("2019-12-16")),
        (None, "2022-04-30", "2020", Published("2022-04-30")),
        ("not a date", "2022-04-30", None, Published("2022-04-30")),
        (None, None, "2020", Published("2020", inferred=True)),
        (None, None, None, Published(None)),
    ],
)
def test_resolve_published(
    given_date: str | None, page_date: str | None, copyright: str | None, expected: Published
) -> None:
    assert resolve_published(given_date, page_date, copyright) == expected


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.example-news.org/world/1", "example-news.org"),
        ("http://News.Example.ORG:8080/a?b=c", "news.example.org"),
        ("example.org/no-scheme", None),
        ("", None),
        ("http://[::1", None),
    ],
)
def test_host_of(url: str, host: str | None) -> None:
    assert host_of(url) == host


@pytest.mark.parametrize(
    ("given_outlet", "url", "sitename", "expected"),
    [
        ("The Ledger", "https://www.ledger.example/a", "Ledger", "The Ledger"),
        (None, "https://www.ledger.example/a", "Ledger", "ledger.example"),
        ("  ", None, "The  Ledger", "The Ledger"),
        (None, None, None, None),
        ("\u202emoc.cbb", None, None, "moc.cbb"),  # bidi override: never shown as "bbc.com"
        (None, "https://\u202emoc.cbb/a", None, "moc.cbb"),
        ("\u200b\x1b", "https://ledger.example/a", None, "ledger.example"),
    ],
)
def test_resolve_outlet(
    given_outlet: str | None, url: str | None, sitename: str | None, expected: str | None
) -> None:
    assert resolve_outlet(given_outlet, url, sitename) == expected
