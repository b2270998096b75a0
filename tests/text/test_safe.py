"""Names, titles and cells shown safely: no controls, no bidi spoofing, joiners kept."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronicler.text.safe import BIDI_RUNS, JOINERS, clean_name, display, strip_nul

RLO, PDF, LRI, PDI, RLM, ZWNJ, ZWSP = "\u202e", "\u202c", "\u2066", "\u2069", "\u200f", "\u200c", "\u200b"


@pytest.mark.parametrize(
    ("given_name", "expected"),
    [
        (f"{RLO}moc.cbb", "moc.cbb"),  # shown reversed as "bbc.com" before
        (f"bbc{ZWSP}.com", "bbc.com"),
        (f"Reuters{LRI}x{PDI}", "Reutersx"),
        ("Iran\x00 Wire\x1b[31m", "Iran Wire[31m"),
        ("  two\n\tlines\r\n ", "two lines"),
        (f"{RLM}ایران{ZWNJ}وایر", f"ایران{ZWNJ}وایر"),  # the ZWNJ spells the word: it stays
        ("\ufeffTitle\u00ad", "Title"),
        (f"{RLO}{PDF}", None),
        (None, None),
        ("Amnesty International", "Amnesty International"),
    ],
)
def test_clean_name(given_name: str | None, expected: str | None) -> None:
    assert clean_name(given_name) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (f"Police {RLO}said{PDF} 40", "Police said 40"),
        (f"گفت{RLM} 40 نفر", f"گفت{RLM} 40 نفر"),  # a mark of right-to-left text is the text
        ("a\nb\tc\x07d\x1b[2Je", "a b cd[2Je"),
        ("plain text, 40 dead", "plain text, 40 dead"),
    ],
)
def test_display(cell: str, expected: str) -> None:
    assert display(cell) == expected


def test_strip_nul() -> None:
    assert strip_nul("a\x00b\x00") == "ab"


@given(st.text())
def test_a_clean_name_holds_no_control_or_invisible_format_character(value: str) -> None:
    name = clean_name(value)
    assert name is None or all(
        unicodedata.category(c) not in ("Cc", "Cf") or c in JOINERS for c in name
    )


@given(st.text())
def test_a_displayed_cell_holds_no_control_or_bidi_run(value: str) -> None:
    shown = display(value)
    assert not any(unicodedata.category(c) == "Cc" or c in BIDI_RUNS for c in shown)
