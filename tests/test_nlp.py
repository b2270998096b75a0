"""The language pipelines: which are parser-free, and how they cut sentences."""

from __future__ import annotations

import pytest

from chronicler.clean import clean
from chronicler.knowledge import KnowledgeBase
from chronicler.languages import LANGUAGES
from chronicler.nlp import load_language_pipeline, model_for, pieces
from chronicler.pipeline import process
from chronicler.records import Document, RawDocument


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


# --- long paragraphs in pieces -------------------------------------------------------------------


def test_a_paragraph_within_the_limit_is_one_piece() -> None:
    para = "Police arrested forty workers. They were freed on Monday."
    assert list(pieces(para, limit=len(para))) == [(0, para)]


@pytest.mark.parametrize(("text", "limit", "expected"), [
    # after a sentence's stop where there is one, keeping closing quotes with their sentence
    ('Police came. "Go home." They left at dawn.', 30, ['Police came. "Go home." ', "They left at dawn."]),
    # else at a line break, else at a space
    ("one line\nand another line", 20, ["one line\n", "and another line"]),
    ("words and words and words", 12, ["words and ", "words and ", "words"]),
    # else anywhere
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
])
def test_a_long_paragraph_is_cut_at_the_best_place(text: str, limit: int, expected: list[str]) -> None:
    found = list(pieces(text, limit=limit))
    assert [p for _, p in found] == expected
    assert all(text[offset:offset + len(p)] == p and len(p) <= limit for offset, p in found)


def test_pieces_cover_the_text_in_order() -> None:
    text = " ".join(f"Sentence {n} ends here." for n in range(5000))
    found = list(pieces(text, limit=1000))
    assert "".join(p for _, p in found) == text
    assert [o for o, _ in found] == sorted(o for o, _ in found)


def test_text_past_spacys_limit_is_read_in_pieces(knowledge: KnowledgeBase) -> None:
    # One line of 1.2 million characters, over nlp.max_length (spaCy would raise E088): the
    # event at its end is found, at its offset in the whole text.
    filler = "The market was quiet and the weather was mild. " * 25_000
    news = "Police arrested forty workers in Arak on Monday."
    text = filler + news
    assert len(text) > load_language_pipeline("en").max_length
    raw = RawDocument(source="long.txt", text=text, id="long", published="2021-03-02")
    document = clean(raw, knowledge.boilerplate)
    assert isinstance(document, Document)
    (mention,) = process(document, knowledge, detector=False).mentions
    assert (mention.event, mention.date) == ("COERCE", "2021-03-01")
    assert document.text[mention.start:mention.end] == mention.text == news
