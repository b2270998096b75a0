from __future__ import annotations

import pytest

from chronicler.clean.language import detect_language, normalise_language


@pytest.mark.parametrize(
    ("value", "code"),
    [("en", "en"), ("EN", "en"), ("en-US", "en"), ("fa_IR", "fa"), (" de ", "de"), ("eng", None), ("", None)],
)
def test_normalise_language(value: str, code: str | None) -> None:
    assert normalise_language(value) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hundreds of workers gathered outside the factory gates on Tuesday to demand unpaid wages.", "en"),
        (
            "Hunderte Arbeiter versammelten sich am Dienstag vor dem Werkstor, um Löhne zu fordern.",
            "de",
        ),
        (
            "Des centaines d'ouvriers se sont rassemblés mardi devant l'usine pour réclamer leurs salaires.",
            "fr",
        ),
        ("صدها کارگر روز سه‌شنبه مقابل درِ کارخانه تجمع کردند و خواستار دستمزدهای معوقه شدند.", "fa"),
    ],
)
def test_detects_language_of_text(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_stated_language_wins_over_detection() -> None:
    assert detect_language("Workers gathered outside the factory.", "de-AT") == "de"


def test_bad_stated_language_falls_back_to_detection() -> None:
    assert (
        detect_language("Workers gathered outside the factory gates to demand their wages.", "English")
        == "en"
    )


def test_no_letters_no_language() -> None:
    assert detect_language("12 345 -- 678") is None
