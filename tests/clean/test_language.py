from __future__ import annotations

import pytest

from chronicler.clean.language import detect_language, language_parts, normalise_language
from chronicler.extract import read
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document


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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("police police.", None),  # py3langid: "pcm", Nigerian Pidgin, which has no two-letter code
        ("雷好，今日天氣好好。我哋去飲茶啦", "zh"),  # py3langid: "yue", Cantonese, of macrolanguage zh
    ],
)
def test_a_detected_language_is_an_iso_639_1_code_or_none(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_no_letters_no_language() -> None:
    assert detect_language("12 345 -- 678") is None


# A page that mixes scripts: English reports with lines of other languages between them, each
# a sentence of this test's own writing.
ENGLISH = (
    "Security forces arrested twelve students at the university in Tabriz on Tuesday, a rights group said.",
    "The students had gathered to protest against the rising cost of bread and fuel.",
    "Witnesses said police fired tear gas at the crowd near the main gate.",
)
PERSIAN = (
    "دانشجویان در برابر دانشگاه تجمع کردند و شعار دادند.",
    "نیروهای امنیتی دوازده دانشجو را بازداشت کردند.",
    "مردم خواستار آزادی زندانیان سیاسی شدند و به خیابان آمدند.",
)
ARABIC = ("اعتقلت قوات الأمن اثني عشر طالبا يوم الثلاثاء.", "تظاهر الطلاب احتجاجا على ارتفاع أسعار الخبز.")
RUSSIAN = (
    "Полиция задержала двенадцать студентов во вторник.",
    "Студенты протестовали против роста цен на хлеб.",
)


def _interleave(first: tuple[str, ...], second: tuple[str, ...]) -> str:
    lines = [line for pair in zip(first, second, strict=False) for line in pair]
    return "\n".join(lines + list(first[len(second) :]))


def _document(text: str, language: str | None) -> Document:
    return Document(
        id="mixed", source="mixed.txt", text=text, content_hash="0", published="2022-05-10", language=language
    )


@pytest.mark.parametrize("other", [PERSIAN, ARABIC, RUSSIAN])
def test_english_with_lines_of_another_script_is_english(other: tuple[str, ...]) -> None:
    # Read whole, three short Persian lines made this page "fa", two Russian ones "ru".
    assert detect_language(_interleave(ENGLISH, other)) == "en"


def test_persian_with_an_english_line_is_persian() -> None:
    text = "\n".join([*PERSIAN, ENGLISH[1]])
    assert detect_language(text) == "fa"


def test_a_document_of_one_script_is_one_part() -> None:
    document = _document("\n".join(ENGLISH) + " (Tehran, 1988)", "en")
    assert language_parts(document) == (document,)
    document = _document("\n".join(PERSIAN) + " BBC", "fa")  # a Latin word inside a Persian line
    assert language_parts(document) == (document,)


def test_each_language_is_a_part_with_the_offsets_of_the_whole() -> None:
    text = _interleave(ENGLISH, PERSIAN)
    english, persian = language_parts(_document(text, "en"))
    assert (english.language, persian.language) == ("en", "fa")
    for part, lines in ((english, ENGLISH), (persian, PERSIAN)):
        assert len(part.text) == len(text) and part.text.count("\n") >= text.count("\n")
        for line in lines:
            start = text.index(line)
            assert part.text[start : start + len(line)] == line
        assert sorted(part.text.replace("\n", "")) == sorted("".join(lines))  # nothing else is left


def test_a_persian_page_with_an_english_line_reads_it_apart() -> None:
    document = _document(_interleave(PERSIAN, ENGLISH[:1]), "fa")
    assert [part.language for part in language_parts(document)] == ["fa", "en"]


def test_lines_in_the_documents_stated_language_are_not_split_off() -> None:
    # Stated "en", with the English line in the other script: the stated language reads it all,
    # as before; a part is split off only for a language the document is not in.
    document = _document("\n".join([*PERSIAN, ENGLISH[0]]), "en")
    assert language_parts(document) == (document,)


@pytest.mark.slow
def test_a_mixed_page_is_read_in_each_of_its_languages(knowledge: KnowledgeBase) -> None:
    document = _document(_interleave(ENGLISH, PERSIAN), detect_language(_interleave(ENGLISH, PERSIAN)))
    mentions = read(document, knowledge, detector=False)
    for mention in mentions:
        assert document.text[mention.start : mention.end] == mention.text
    starts = {m.start: m for m in mentions}
    # Every English sentence by the English rules (before, by the Persian ones, and merged).
    for line in ENGLISH:
        assert starts[document.text.index(line)].extractor == "events.rules.v1"
    persian = [m for m in mentions if m.text.strip() in PERSIAN]
    assert {"PROTEST", "COERCE"} <= {m.event for m in persian}
    assert all(m.extractor == "events.surface.v1" for m in persian)


@pytest.mark.slow
@pytest.mark.parametrize("other", [ARABIC, RUSSIAN])
def test_lines_in_a_language_without_rules_give_no_events_and_no_part(
    knowledge: KnowledgeBase, other: tuple[str, ...]
) -> None:
    text = _interleave(ENGLISH, other)
    document = _document(text, detect_language(text))
    assert language_parts(document) == (document,)
    mentions = read(document, knowledge)
    # They stay with the English text (its story reads their dates), and its reader finds nothing in them.
    assert sorted(m.text.strip() for m in mentions) == sorted(ENGLISH)
