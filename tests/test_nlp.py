"""The language pipelines: which are parser-free, and how they cut sentences."""

from __future__ import annotations

import pytest

from chronicler.languages import LANGUAGES
from chronicler.nlp import load_language_pipeline, model_for


@pytest.mark.parametrize("language", ["de", "fa", "es", "it"])
def test_parser_free_languages_have_no_model(language: str) -> None:
    assert language in LANGUAGES and model_for(language) is None


@pytest.mark.parametrize(("text", "first"), [
    # the Persian question mark ends a sentence; a closing guillemet stays with its sentence
    ("آیا آنان آزاد شدند؟ هنوز خبری نیست.", "آیا آنان آزاد شدند؟"),
    ("او گفت: «هیچ کس بازداشت نشده است.» سپس رفت.", "او گفت: «هیچ کس بازداشت نشده است.»"),
    # the Persian comma does not
    ("به گزارش هرانا، دو نفر بازداشت شدند.", "به گزارش هرانا، دو نفر بازداشت شدند."),
])
def test_persian_sentences(text: str, first: str) -> None:
    assert next(iter(load_language_pipeline("fa")(text).sents)).text == first


def test_persian_keeps_half_space_words_whole() -> None:
    words = [t.text for t in load_language_pipeline("fa")("آنان بازداشت شده‌اند.")]
    assert "شده\u200cاند" in words
