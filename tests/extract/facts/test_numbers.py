from __future__ import annotations

import pytest
from num2words import num2words

from chronicler.extract.facts.numbers import ascii_digits, digits_value, words_value
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.numbers import NumberWords, load_numbers


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "1,500", 1500), ("en", "304", 304), ("en", "1.5 million", 1_500_000), ("de", "19.000", 19000),
    ("de", "2,5 Millionen", 2_500_000), ("fr", "87\u202f000", 87000), ("fr", "87 000", 87000),
    ("fr", "1\u00a0000", 1000), ("fa", ascii_digits("۳۰۰"), 300), ("en", ascii_digits("٤٥"), 45),
])
def test_digits(language: str, text: str, value: int, knowledge: KnowledgeBase) -> None:
    numbers = knowledge.language(language).numbers
    match = numbers.digits.fullmatch(text)
    assert match is not None
    assert digits_value(match, numbers) == value


@pytest.mark.parametrize(("language", "text", "found"), [
    ("en", "seventeen", [("seventeen", 17)]),
    ("en", "two hundred and fifty", [("two hundred and fifty", 250)]),
    ("en", "a hundred and twenty", [("a hundred and twenty", 120)]),
    ("en", "twenty-five", [("twenty-five", 25)]),
    ("en", "a dozen", [("a dozen", 12)]),
    ("en", "two dozen", [("two dozen", 24)]),
    ("en", "three thousand five hundred", [("three thousand five hundred", 3500)]),
    ("en", "between two and three", [("two", 2), ("three", 3)]),  # "and" joins only after a scale
    ("en", "$5 million", []),  # a bare scale is no number
    ("de", "zwei und ein Dutzend", [("zwei", 2), ("ein Dutzend", 12)]),
    ("fr", "quatre-vingt-dix", [("quatre-vingt-dix", 90)]),
    ("fa", "دو تن و ده‌ها نفر", [("دو", 2)]),  # ZWNJ keeps "ده‌ها" one word
    ("fr", "vingt et un manifestants", [("vingt et un", 21)]),
    ("fr", "mille cinq cents", [("mille cinq cents", 1500)]),
    ("fr", "entre vingt et trente", [("vingt", 20), ("trente", 30)]),  # "et" joins a unit to tens
    ("de", "dreiundzwanzig Menschen", [("dreiundzwanzig", 23)]),
    ("de", "Achtung und Einheit", []),  # no word made of number words
    ("fa", "بیست و پنج نفر", [("بیست و پنج", 25)]),
    ("fa", "بین بیست و سی", [("بیست", 20), ("سی", 30)]),  # a joiner never adds a larger part
    ("fa", "یک نفر", []),  # "یک" alone is the article
    ("es", "treinta y cinco mil", [("treinta y cinco mil", 35000)]),
    ("es", "doscientas personas", [("doscientas", 200)]),
])
def test_words(language: str, text: str, found: list[tuple[str, int]], knowledge: KnowledgeBase) -> None:
    numbers = knowledge.language(language).numbers
    got = [(m.group(), words_value(m.group(), numbers)) for m in numbers.spelled.finditer(text)]
    assert got == found


def test_ascii_digits_keeps_length() -> None:
    text = "۱۲ آذر ۱۴۰۲ and ٣"
    assert ascii_digits(text) == "12 آذر 1402 and 3"
    assert len(ascii_digits(text)) == len(text)


@pytest.fixture(scope="module")
def by_language() -> dict[str, NumberWords]:
    return load_numbers()


@pytest.mark.parametrize("language", ["en", "fr", "de", "fa", "es"])
def test_every_number_to_two_thousand(language: str, by_language: dict[str, NumberWords]) -> None:
    """Read as num2words (an independent speller) writes them; English "one thousand, one hundred"
    loses its comma, which news text does not write."""
    numbers = by_language[language]
    wrong = []
    for n in range(1, 2001):
        text = num2words(n, lang=language).replace(",", "")
        match = numbers.spelled.fullmatch(text)
        if words_value(text, numbers) != n or (match is None and text not in numbers.inner):
            wrong.append((n, text, words_value(text, numbers), match))
    assert wrong == []
