"""Acronyms the text defines for itself, which claimant resolution reads."""

from __future__ import annotations

import pytest

from chronicler.extract.facts.names import acronyms
from chronicler.knowledge.english import EnglishWords


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Iran Prison Monitor (IPM) said", {"IPM": "Iran Prison Monitor"}),
        (
            "a report by the Centre for Human Rights in Iran (CHRI) on",
            {"CHRI": "Centre for Human Rights in Iran"},
        ),
        # only the words the letters stand for, not what comes before them
        ("Oslo-based Iran Justice Watch (IJW) counted", {"IJW": "Iran Justice Watch"}),
        # a parenthesis that is not an acronym of the name before it
        ("Tehran Governor Ali Saberi (AP) said", {}),
        ("in Sanandaj (Kurdistan) on Monday", {}),
    ],
)
def test_acronyms(text: str, expected: dict[str, str], english: EnglishWords) -> None:
    assert acronyms(text, english) == expected
