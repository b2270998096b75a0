"""The learned detector's sentence units: lines, cut at sentence-final punctuation."""

from __future__ import annotations

import pytest

from chronicler.extract.sentences import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline line is a sentence of its own, and so is each sentence of a paragraph
        (
            "Dozens detained in Ahvaz: rights group\nPolice made arrests. Five were freed later.",
            ["Dozens detained in Ahvaz: rights group", "Police made arrests.", "Five were freed later."],
        ),
        # abbreviations and initials do not end a sentence
        ("The U.S. and Dr. Rahimi condemned it. Talks resumed.", ["The U.S. and Dr. Rahimi condemned it.",
                                                                 "Talks resumed."]),
        # a closing quote stays with its sentence
        ('"We will return," he said. Crowds left.', ['"We will return," he said.', "Crowds left."]),
        # short lines are bylines and furniture
        ("By staff\n\nWorkers went on strike in Abadan.", ["Workers went on strike in Abadan."]),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_offsets_point_into_the_text() -> None:
    text = "  Strikers marched in Tabriz.  \nNo one was hurt, officials said.\n"
    for start, end in sentences(text):
        assert text[start:end] == text[start:end].strip() and text[start:end]
