from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicler.extract.facts.counts import CountMatch, find_counts
from chronicler.extract.facts.numbers import words_value
from chronicler.knowledge import KnowledgeBase, LanguageKnowledge
from chronicler.records import Count

Row = tuple[str, int | None, int | None, str, str]  # kind, low, high, qualifier, text


@pytest.fixture(scope="module")
def en(knowledge: KnowledgeBase) -> LanguageKnowledge:
    return knowledge.language("en")


def rows(text: str, lang: LanguageKnowledge) -> list[Row]:
    return [(m.count.kind, m.count.low, m.count.high, m.count.qualifier, m.count.text)
            for m in find_counts(text, lang)]


QUALIFIERS = [
    ("Guards shot dead 41 people in the square.", ("dead", 41, None, "exact", "41")),
    ("At least 304 people were killed in the crackdown.", ("dead", 304, None, "at_least", "At least 304")),
    ("No fewer than 60 people were killed.", ("dead", 60, None, "at_least", "No fewer than 60")),
    ("At least a dozen students were arrested.", ("arrested", 12, None, "at_least", "At least a dozen")),
    ("More than 30,000 prisoners were executed.", ("dead", 30000, None, "more_than", "More than 30,000")),
    ("Over 900 workers were detained.", ("arrested", 900, None, "more_than", "Over 900")),
    ("More than 80 students are still locked up.", ("arrested", 80, None, "more_than", "More than 80")),
    ("Some 40 teachers remain behind bars.", ("arrested", 40, None, "about", "Some 40")),
    ("Upwards of 5,000 nurses marched.", ("participants", 5000, None, "more_than", "Upwards of 5,000")),
    ("About 1,500 people died.", ("dead", 1500, None, "about", "About 1,500")),
    ("Nearly 70 teachers were detained.", ("arrested", 70, None, "about", "Nearly 70")),
    ("Some 800 farmers rallied outside parliament.", ("participants", 800, None, "about", "Some 800")),
    ("An estimated 2,000 people gathered in the square.",
     ("participants", 2000, None, "about", "An estimated 2,000")),
    ("Roughly 40 inmates were hurt.", ("injured", 40, None, "about", "Roughly 40")),
    ("The police held between 40 and 100 people.", ("other", 40, 100, "range", "between 40 and 100")),
    ("Between 40 and 100 people were killed.", ("dead", 40, 100, "range", "Between 40 and 100")),
    ("Historians say 2,800 to 3,800 prisoners were hanged.", ("dead", 2800, 3800, "range", "2,800 to 3,800")),
    ("Doctors say 40-100 people were wounded.", ("injured", 40, 100, "range", "40-100")),
    ("Up to 551 people were killed.", ("dead", None, 551, "at_most", "Up to 551")),
    ("As many as 30,000 people were executed.", ("dead", None, 30000, "at_most", "As many as 30,000")),
    ("The toll rose as high as 148.", ("dead", None, 148, "at_most", "as high as 148")),
    ("Fewer than 20 people were arrested.", ("arrested", None, 20, "less_than", "Fewer than 20")),
    ("Less than 300 people were arrested.", ("arrested", None, 300, "less_than", "Less than 300")),
    ("Dozens of people were arrested.", ("arrested", None, None, "vague", "Dozens")),
    ("Thousands of nurses marched on the ministry.", ("participants", None, None, "vague", "Thousands")),
    ("Tens of thousands of people marched.", ("participants", None, None, "vague", "Tens of thousands")),
    ("Scores of people were wounded.", ("injured", None, None, "vague", "Scores")),
    ("All 82 passengers were killed.", ("dead", 82, None, "exact", "All 82")),
    ("Officials said 100 or more people were detained.", ("arrested", 100, None, "at_least", "100 or more")),
    # a lower and an upper bound of one figure
    ("At least four people, and as many as six, were killed.",
     ("dead", 4, 6, "range", "At least four people, and as many as six")),
]


@pytest.mark.parametrize(("text", "expected"), QUALIFIERS)
def test_qualifiers(text: str, expected: Row, en: LanguageKnowledge) -> None:
    assert rows(text, en) == [expected]


NUMBERS = [
    ("Seventeen students were detained.", 17),
    ("Two hundred and fifty workers marched.", 250),
    ("Twenty-five miners were killed.", 25),
    ("A dozen guards were wounded.", 12),
    ("Five protesters were hanged.", 5),
    ("1.5 million people took part.", 1500000),
    ("Two million people took part.", 2000000),
    ("8\u202f000 people took part.", 8000),
    ("8\u00a0000 people took part.", 8000),
    ("۳۰۰ people took part.", 300),
    ("٤٥ people took part.", 45),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_number_forms(text: str, value: int, en: LanguageKnowledge) -> None:
    found = find_counts(text, en)
    assert [m.count.low for m in found] == [value]
    assert text[found[0].start:found[0].end] == found[0].count.text


NOT_COUNTS = [
    "A 17-year-old student was shot.",
    "The student, aged 19, was shot.",
    "Nika Shakarami, 16, was found dead.",
    "The uprising of 2019 was crushed.",
    "Guards opened fire on 16 November.",
    "The curfew starts at 10:30 every night.",
    "The pharmacy is open 24/7 for the wounded.",
    "Fuel prices rose by 50 percent overnight.",
    "Fuel prices rose by 50% overnight.",
    "The fine was $5 million for the company.",
    "He was jailed for five years.",
    "The strike lasted three days.",
    "Article 286 of the penal code was cited.",
    "He won 62 percent of the vote.",
    "One of the detainees was released.",
    "No one was hurt in the blast.",
    "Several people were arrested.",
    "Some protesters were arrested.",
    "A handful of people were detained.",
    "Many people were detained.",
    "Flight PS752 was shot down.",
    "The COVID-19 wards were full.",
    "It was the 3rd arrest this year.",
    "Snow fell up to 40 centimetres deep.",
    "Prices tripled within 48 hours.",
    "Thousands of dollars were stolen.",
    "The ministry promised an inquiry.[3] Nobody was charged.",
    "Image 4 Riot police guard the square.",
    "The three were released on bail on Monday.",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(text: str, en: LanguageKnowledge) -> None:
    assert rows(text, en) == []


KINDS = [
    ("Security forces killed 23 protesters.", [("dead", 23)]),
    ("The death toll reached 72.", [("dead", 72)]),
    ("Medics found 11 bodies near the river.", [("dead", 11)]),
    ("The victims included 14 children.", [("dead", 14)]),
    ("Three prisoners were executed at dawn.", [("dead", 3)]),
    ("Hospitals treated 230 wounded.", [("injured", 230)]),
    ("Forty people were injured.", [("injured", 40)]),
    ("Police arrested 70 students.", [("arrested", 70)]),
    ("The court holds 400 detainees.", [("arrested", 400)]),
    ("Around 3,000 protesters gathered outside the court.", [("participants", 3000)]),
    ("A crowd of 5,000 filled the square.", [("participants", 5000)]),
    ("The rally drew 900 marchers.", [("participants", 900)]),
    ("Guards fired on 2,000 demonstrators.", [("participants", 2000)]),
    ("Protests were held in 21 cities.", [("other", 21)]),
    ("Protesters were killed in 21 cities.", [("other", 21)]),
    ("Rioters burned 80 banks and 9 mosques.", [("other", 80), ("other", 9)]),
    ("Eleven men were sentenced to death.", [("other", 11)]),
    ("Nine activists were released on bail.", [("other", 9)]),
    ("One guard was killed and two were wounded.", [("dead", 1), ("injured", 2)]),
    # the sources of a figure are not counted: who tells, who is cited
    ("Four officials told reporters that 200 people had died.", [("dead", 200)]),
    ("Reuters reported that 90 people had died, citing three officials.", [("dead", 90)]),
    ("Officials said 40 people were detained.", [("arrested", 40)]),
    ("Unrest hit 29 of the country's 31 provinces.", [("other", 29)]),
    ("At least 60 people were killed, including 12 children.", [("dead", 60), ("dead", 12)]),
    ("About 600 people were detained and 30 were killed.", [("arrested", 600), ("dead", 30)]),
    # the verb's -ing form and the noun of one act cue the kind too
    ("Riot police broke up the march, detaining 14 nurses.", [("arrested", 14)]),
    ("Soldiers took at least nine students into custody.", [("arrested", 9)]),
    ("He was charged with killing a guard and injuring three others.", [("injured", 3)]),
    ("The group documented the execution of 250 people last year.", [("dead", 250)]),
    ("They were convicted of slaying two policemen.", [("dead", 2)]),
    ("Police fired on the crowd, and at least six had to be admitted to hospital.", [("injured", 6)]),
    ("Nurses said 300 of them will stage a sit-down on Monday.", [("participants", 300)]),
    ("Five protesters were condemned to death by a revolutionary court.", [("other", 5)]),
    # the forces facing a crowd are not in it
    ("The crowd was watched by more than 100 police.", [("other", 100)]),
    ("More than 100 protesters joined the crowd.", [("participants", 100)]),
    # bounds of two figures stay apart
    ("At least four people were killed and up to 30 were injured.", [("dead", 4), ("injured", None)]),
    # a list of figures by place keeps the kind of its first
    (
        "Police detained 60 teachers in Shiraz, about 30 in Rasht, and six in Qom during the rally.",
        [("arrested", 60), ("arrested", 30), ("arrested", 6)],
    ),
    ("Police detained 60 teachers in Shiraz, while six marched peacefully in Qom.",
     [("arrested", 60), ("participants", 6)]),
    ("A video showed one student with a wound to his head.", [("injured", 1)]),
    # "the three men": a noun of its own makes it a count
    ("The three men were released on bail on Monday.", [("other", 3)]),
    # an odd quotation mark does not hide the counted noun
    ("He was among ´several thousand´ protesters in the square.", [("participants", None)]),
    # facing execution is a threat, not a death
    ("At least 14 prisoners face a grave danger of being executed.", [("other", 14)]),
    ("Rights groups say 40 prisoners are facing execution.", [("other", 40)]),
    # a person noun that modifies the counted one: the lives are what is counted
    ("The war has claimed more than 10,000 civilian lives.", [("dead", 10000)]),
    # a headline's present tense cues the kind as the past does
    ("Militia arrest 8 women activists in the capital", [("arrested", 8)]),
    ("Court executes 3 men over riot", [("dead", 3)]),
]


@pytest.mark.parametrize(("text", "expected"), KINDS)
def test_kinds(text: str, expected: list[tuple[str, int]], en: LanguageKnowledge) -> None:
    assert [(m.count.kind, m.count.low) for m in find_counts(text, en)] == expected


@pytest.mark.parametrize(("text", "head"), [
    ("At least 304 people were killed.", "people"),
    ("Dozens of students rallied.", "students"),
    ("Two were wounded in the clash.", "wounded"),
    ("Police arrested 70 of them.", "arrested"),
    ("Rioters burned 80 banks.", "banks"),
])
def test_head(text: str, head: str, en: LanguageKnowledge) -> None:
    found = find_counts(text, en)
    assert len(found) == 1
    m: CountMatch = found[0]
    assert m.head_start is not None and m.head_end is not None
    assert text[m.head_start:m.head_end] == head


OTHER_LANGUAGES = [
    ("fr", "Au moins 40 manifestants ont été tués dans 12 villes.",
     [("dead", 40, None, "at_least", "Au moins 40"), ("other", 12, None, "exact", "12")]),
    ("fr", "Une centaine de personnes ont été arrêtées.", [("arrested", 100, None, "about", "Une centaine")]),
    ("fr", "Environ 2\u202f000 personnes ont manifesté samedi.",
     [("participants", 2000, None, "about", "Environ 2\u202f000")]),
    ("fr", "Des sources évoquent jusqu’à 90 morts.", [("dead", None, 90, "at_most", "jusqu’à 90")]),
    ("fr", "Près de 300 personnes ont été blessées.", [("injured", 300, None, "about", "Près de 300")]),
    ("fr", "Cinq militants ont été libérés.", [("other", 5, None, "exact", "Cinq")]),
    ("fr", "Des centaines de personnes ont été arrêtées.",
     [("arrested", None, None, "vague", "Des centaines")]),
    ("de", "Rund 4.000 Menschen wurden festgenommen.", [("arrested", 4000, None, "about", "Rund 4.000")]),
    ("de", "Mindestens fünf Demonstranten wurden getötet.",
     [("dead", 5, None, "at_least", "Mindestens fünf")]),
    ("de", "Etwa 300 Menschen wurden verletzt.", [("injured", 300, None, "about", "Etwa 300")]),
    ("de", "Bis zu 20.000 Menschen demonstrierten.",
     [("participants", None, 20000, "at_most", "Bis zu 20.000")]),
    ("de", "Zwei Männer wurden hingerichtet.", [("dead", 2, None, "exact", "Zwei")]),
    ("de", "Etwa 60 Menschen wurden in Gewahrsam genommen.", [("arrested", 60, None, "about", "Etwa 60")]),
    ("de", "Die 22-jährige Studentin starb.", []),
    ("fa", "دست‌کم ۱۲ معترض کشته شدند.", [("dead", 12, None, "at_least", "دست‌کم ۱۲")]),
    ("fa", "حدود ۵۰۰ کارگر تجمع کردند.", [("participants", 500, None, "about", "حدود ۵۰۰")]),
    ("fa", "ده‌ها نفر بازداشت شدند.", [("arrested", None, None, "vague", "ده‌ها")]),
    ("fa", "بیش از ۲۰ نفر زخمی شدند.", [("injured", 20, None, "more_than", "بیش از ۲۰")]),
    ("fa", "قیمت‌ها ۴۰ درصد افزایش یافت.", []),
    # Numbers in words: one count for the whole number.
    ("fr", "vingt et un manifestants ont été arrêtés", [("arrested", 21, None, "exact", "vingt et un")]),
    ("fr", "Mille cinq cents personnes ont été arrêtées.",
     [("arrested", 1500, None, "exact", "Mille cinq cents")]),
    ("fr", "Quatre-vingt-un manifestants ont été arrêtés.",
     [("arrested", 81, None, "exact", "Quatre-vingt-un")]),
    ("de", "Dreiundzwanzig Demonstranten wurden festgenommen.",
     [("arrested", 23, None, "exact", "Dreiundzwanzig")]),
    ("de", "Zweihundertfünfzig Menschen wurden verletzt.",
     [("injured", 250, None, "exact", "Zweihundertfünfzig")]),
    ("fa", "بیست و پنج نفر بازداشت شدند", [("arrested", 25, None, "exact", "بیست و پنج")]),
    ("fa", "هفده نفر بازداشت شدند", [("arrested", 17, None, "exact", "هفده")]),
    ("fa", "سیصد نفر بازداشت شدند", [("arrested", 300, None, "exact", "سیصد")]),
    ("fa", "بیش از هزار نفر بازداشت شدند", [("arrested", 1000, None, "more_than", "بیش از هزار")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), OTHER_LANGUAGES)
def test_other_languages(language: str, text: str, expected: list[Row], knowledge: KnowledgeBase) -> None:
    assert rows(text, knowledge.language(language)) == expected


def test_spanish_numbers_and_count_words(knowledge: KnowledgeBase) -> None:
    """Spanish reads its own numbers and count words; an unknown language reads English."""
    assert knowledge.reads("es")
    spanish = knowledge.language("es")
    assert spanish.numbers.language == "es" and spanish.counts.language == "es"
    assert knowledge.language("xx").numbers.language == "en"
    found = [(m.group(), words_value(m.group(), spanish.numbers))
             for m in spanish.numbers.spelled.finditer("treinta y cinco o veintiún mil")]
    assert found == [("treinta y cinco", 35), ("veintiún mil", 21000)]


def test_offsets_and_count_record(en: LanguageKnowledge) -> None:
    text = "Witnesses said about 1,200 people were detained."
    (m,) = find_counts(text, en)
    assert m.count == Count(kind="arrested", low=1200, high=None, qualifier="about", text="about 1,200")
    assert text[m.start:m.end] == "about 1,200"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["en", "fr", "de", "fa", "es", "xx"]))
def test_never_raises(knowledge: KnowledgeBase, text: str, language: str) -> None:
    for m in find_counts(text, knowledge.language(language)):
        assert text[m.start:m.end] == m.count.text
        assert m.count.low is not None or m.count.high is not None or m.count.qualifier == "vague"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["at least", "about", "up to", "between", "and", "to", "dozens", "of",
                                 "people", "were", "killed", "1,500", "two", "hundred", "-", "2019",
                                 "November", "cities", "one", "the", ",", "%", "years"]), max_size=25))
def test_never_raises_on_number_like_text(en: LanguageKnowledge, words: list[str]) -> None:
    text = " ".join(words)
    for m in find_counts(text, en):
        assert text[m.start:m.end] == m.count.text
