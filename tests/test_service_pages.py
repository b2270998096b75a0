"""The page helpers that need no database: the window rule of the map's consolidated events."""

from __future__ import annotations

import pytest

from chronicler.service_pages import _overlaps


@pytest.mark.parametrize(
    ("date", "enddate", "since", "until", "expected"),
    [
        ("2019-11-16", None, "2019-11", None, True),
        ("2019-11", None, "2019-11-20", None, True),  # a month overlaps a window starting inside it
        ("2019-11", None, None, "2019-11-01", True),
        ("2019-10-31", None, "2019-11", None, False),
        ("2019-12-01", None, None, "2019-11", False),
        ("2019-11-30", "2020-01-05", "2020", None, True),  # a span running into the window
        ("2019", None, "2019-06", "2019-06", True),
        (None, None, "1900", None, False),  # an undated event is in no window
    ],
)
def test_a_period_matches_a_window_it_overlaps(
    date: str | None, enddate: str | None, since: str | None, until: str | None, expected: bool
) -> None:
    assert _overlaps(date, enddate, since, until) is expected
