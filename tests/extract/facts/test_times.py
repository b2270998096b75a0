from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicler.extract.facts.spans import longest_first
from chronicler.extract.facts.times import DateMatch, _Found, find_dates
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.date_patterns import Patterns


@pytest.fixture(scope="module")
def english(knowledge: KnowledgeBase) -> Patterns:
    return knowledge.language("en").dates


def one(text: str, published: str | None, pats: Patterns, anchor: str | None = None) -> DateMatch:
    found = find_dates(text, published, anchor, pats)
    assert len(found) == 1, found
    return found[0]


# (sentence, published, expected span text, date, enddate, relative)
ABSOLUTE = [
    # two dated ends joined by a dash are one span, from its first date
    ("A wave of protests in December 2017 – January 2018 swept the country.", None,
     "December 2017 – January 2018", "2017-12", "2018-01", False),
    ("Strikes ran 28 February 2021-3 March 2021 at the port.", None, "28 February 2021-3 March 2021",
     "2021-02-28", "2021-03-03", False),
    ("Riot police cleared the square on 16 November 2019.", None, "16 November 2019", "2019-11-16", None,
     False),
    ("Riot police cleared the square on November 16, 2019.", None, "November 16, 2019", "2019-11-16", None,
     False),
    ("The strike spread in November 2019 to the oil fields.", None, "November 2019", "2019-11", None, False),
    ("Families still mourn those hanged in 1988.", None, "1988", "1988", None, False),
    ("Survivors of the 1988 massacre spoke out.", None, "1988", "1988", None, False),
    ("The rally of 2009's green movement was recalled.", None, "2009", "2009", None, False),
    ("The report was dated 2021-03-05 by the court.", None, "2021-03-05", "2021-03-05", None, False),
    ("CAIRO, Dec. 2 (Wire) - Talks resumed.", "2021-12-02", "Dec. 2", "2021-12-02", None, True),
    ("Workers struck from 3 to 7 March 2021 at the plant.", None, "from 3 to 7 March 2021", "2021-03-03",
     "2021-03-07", False),
    ("Workers struck 3-7 March 2021 at the plant.", None, "3-7 March 2021", "2021-03-03", "2021-03-07",
     False),
    ("Workers struck between 3 and 7 March 2021.", None, "between 3 and 7 March 2021", "2021-03-03",
     "2021-03-07", False),
    ("Workers struck March 3-7, 2021, at the plant.", None, "March 3-7, 2021", "2021-03-03", "2021-03-07",
     False),
    ("The sit-in ran from 28 February to 2 March 2021.", None, "from 28 February to 2 March 2021",
     "2021-02-28", "2021-03-02", False),
    ("Sanctions stayed from 2012 to 2015, officials said.", None, "from 2012 to 2015", "2012", "2015", False),
    ("Mass trials continued from March to May 2020.", None, "from March to May 2020", "2020-03", "2020-05",
     False),
]

RELATIVE = [
    # a day and month without a year fall on or before publication
    ("Police fired on marchers on 2 October.", "2021-10-20", "2 October", "2021-10-02", None),
    ("Police fired on marchers on 25 October.", "2021-10-20", "25 October", "2020-10-25", None),
    ("Police fired on marchers on 25 December.", "2022-01-05", "25 December", "2021-12-25", None),
    ("Ministers will meet on 25 October in Vienna.", "2021-10-20", "25 October", "2021-10-25", None),
    ("Ministers plan to meet on 3 January in Vienna.", "2021-12-20", "3 January", "2022-01-03", None),
    ("Shops closed from 11 to 13 October in the bazaar.", "2021-10-20", "from 11 to 13 October", "2021-10-11",
     "2021-10-13"),
    # months
    ("Strikes began in September in the steel mills.", "2021-10-20", "in September", "2021-09", None),
    ("Strikes began in December in the steel mills.", "2021-10-20", "in December", "2020-12", None),
    ("Unions will strike in December if wages stay low.", "2021-10-20", "in December", "2021-12", None),
    ("The crackdown has lasted since mid-July.", "2021-10-20", "mid-July", "2021-07", None),
    ("They were detained last November in Karaj.", "2021-10-20", "last November", "2020-11", None),
    ("They were detained last September in Karaj.", "2021-10-20", "last September", "2021-09", None),
    ("The trial opens next March, lawyers said.", "2021-10-20", "next March", "2022-03", None),
    # weekdays (2021-10-20 is a Wednesday)
    ("Students rallied on Monday outside the faculty.", "2021-10-20", "Monday", "2021-10-18", None),
    ("The ministry said on Wednesday that talks failed.", "2021-10-20", "Wednesday", "2021-10-20", None),
    ("Students rallied last Wednesday outside the faculty.", "2021-10-20", "last Wednesday", "2021-10-13",
     None),
    ("Students will rally on Friday outside the faculty.", "2021-10-20", "Friday", "2021-10-22", None),
    # a weekday right after a past verb dates that act, whatever the sentence plans
    ("The union, which will strike again, announced on Monday new demands.", "2021-10-20", "Monday",
     "2021-10-18", None),
    ("The court said Tuesday that it will hear the appeal.", "2021-10-20", "Tuesday", "2021-10-19", None),
    ("Students rally again next Monday, organisers said.", "2021-10-20", "next Monday", "2021-10-25", None),
    ("Students rally again this Wednesday, organisers said.", "2021-10-20", "this Wednesday", "2021-10-20",
     None),
    ("On Saturday evening guards beat two inmates.", "2021-10-20", "Saturday", "2021-10-16", None),
    # days and periods
    ("Guards beat two inmates yesterday, a lawyer said.", "2021-10-20", "yesterday", "2021-10-19", None),
    ("The court rules today on the appeal.", "2021-10-20", "today", "2021-10-20", None),
    ("The court rules tomorrow on the appeal.", "2021-10-20", "tomorrow", "2021-10-21", None),
    ("Raids were reported last month across the province.", "2021-10-20", "last month", "2021-09", None),
    ("Raids were reported last month across the province.", "2022-01-03", "last month", "2021-12", None),
    ("Raids were reported earlier this month in the north.", "2021-10-20", "earlier this month", "2021-10",
     None),
    ("Executions rose sharply last year, the group said.", "2022-01-10", "last year", "2021", None),
    ("Arrests continued this week in three cities.", "2021-10-20", "this week", "2021-10", None),
    ("Arrests continued last week in three cities.", "2021-10-20", "last week", "2021-10", None),
    # the week before 2021-11-03 runs from 25 to 31 October: one month
    ("Arrests continued last week in three cities.", "2021-11-03", "last week", "2021-10", None),
    # the week before 2021-10-06 runs from 27 September to 3 October: only the year is sure
    ("Arrests continued last week in three cities.", "2021-10-06", "last week", "2021", None),
    ("Arrests continued last week in three cities.", "2022-01-05", "last week", None, None),
    ("Exiles will march next weekend in Paris.", "2021-10-20", "next weekend", "2021-10-30", "2021-10-31"),
    ("The strike began two weeks ago at the port.", "2021-10-20", "two weeks ago", "2021-10-06", None),
]


@pytest.mark.parametrize(("text", "published", "span", "date", "enddate", "relative"), ABSOLUTE)
def test_absolute_dates(text: str, published: str | None, span: str, date: str, enddate: str | None,
                        relative: bool, english: Patterns) -> None:
    found = one(text, published, english)
    assert (found.text, found.date, found.enddate, found.relative) == (span, date, enddate, relative)
    assert text[found.start:found.end] == found.text


@pytest.mark.parametrize(("text", "published", "span", "date", "enddate"), RELATIVE)
def test_relative_dates(text: str, published: str, span: str, date: str | None, enddate: str | None,
                        english: Patterns) -> None:
    found = one(text, published, english)
    assert (found.text, found.date, found.enddate, found.relative) == (span, date, enddate, True)


ANCHORED = [
    ("Two days later the governor resigned.", "2021-10-20", "2021-10-02", "2021-10-04"),
    ("A day earlier the governor had resigned.", "2021-10-20", "2021-10-02", "2021-10-01"),
    ("The next day the governor resigned.", "2021-10-20", "2021-10-02", "2021-10-03"),
    ("A month later the governor resigned.", "2021-10-20", "2021-08-14", "2021-09"),
    ("Two days later the governor resigned.", "2021-10-20", None, None),
    ("Two days later the governor resigned.", "2021-10-20", "2021-10", None),
]


@pytest.mark.parametrize(("text", "published", "anchor", "date"), ANCHORED)
def test_anchor_relative(text: str, published: str, anchor: str | None, date: str | None,
                         english: Patterns) -> None:
    found = one(text, published, english, anchor)
    assert found.date == date and found.relative


@pytest.mark.parametrize(("text", "dates"), [
    ("Guards opened fire on 9 May. Three days later, the mothers gathered.", ["2021-05-09", "2021-05-12"]),
    ("Talks resumed three days after 16 September in Geneva.", ["2021-09-19"]),
    ("She died on 20 September, three days after she was detained.", ["2021-09-20", "2021-09-17"]),
    # "following" reads as "after"; alone, without a count of days, it is no date
    ("She died on 20 September, two days following her arrest.", ["2021-09-20", "2021-09-18"]),
    ("Following the arrests on 20 September, crowds gathered.", ["2021-09-20"]),
    ("Strikers met on Friday, 8 October, and again the following day.", ["2021-10-08", "2021-10-09"]),
])
def test_dates_count_from_earlier_dates(text: str, dates: list[str], english: Patterns) -> None:
    assert [m.date for m in find_dates(text, "2021-10-20", None, english)] == dates


@pytest.mark.parametrize(("text", "date"), [
    # the previous sentence's "would" is no future cue of this one, however that sentence ends
    ("The ministry said an inquiry would follow.[4] On 18 May, police fired on marchers.", "2021-05-18"),
    ("\"The army would never fire.\" On 18 May, police fired on marchers.", "2021-05-18"),
    # within the sentence it still is
    ("Organisers said marchers would return on 18 November.", "2021-11-18"),
])
def test_a_future_cue_counts_only_in_its_own_sentence(text: str, date: str, english: Patterns) -> None:
    assert find_dates(text, "2021-10-20", None, english)[-1].date == date


@pytest.mark.parametrize("text", [
    "Police fired on marchers on Monday.",
    "Police fired on marchers yesterday.",
    "Police fired on marchers last month.",
    "Police fired on marchers on 2 October.",
    "Police fired on marchers on 24 Aban.",
])
def test_relative_without_publication_is_none(text: str, english: Patterns) -> None:
    found = one(text, None, english)
    assert found.date is None and found.relative


@pytest.mark.parametrize(("text", "date"), [
    # a day near a publication known only to its month: that month
    ("Police fired on marchers on Monday.", "2021-10"),
    ("Police fired on marchers yesterday.", "2021-10"),
    # the anchor-free relatives that need the day stay unresolved
    ("Police fired on marchers three days ago.", None),
    # a day of that same month, with no year, is of that year: it may be on either side of it
    ("Police fired on marchers on 16 October.", "2021-10-16"),
    ("Police fired on marchers on October 30.", "2021-10-30"),
    ("Police fired on marchers on 16 November.", "2020-11-16"),
])
def test_a_day_near_a_month_only_publication_is_of_that_month(text: str, date: str | None,
                                                              english: Patterns) -> None:
    assert one(text, "2021-10", english).date == date


@pytest.mark.parametrize("text", [
    "A 17-year-old was among the dead.",
    "The shops stay open 24/7 during the fair.",
    "The meeting starts at 10:30 in the hall.",
    "Officials counted 2,800 ballots and 1,988 complaints.",
    "Some 2019 protesters were released.",
    "She was aged 22 and her brother is 30.",
    "He served five years in Evin prison.",
    "Prices rose by 50 percent, they may say.",
    "The 1980s were hard; so was the march on the capital.",
    "Article 286 of the penal code defines the charge.",
])
def test_not_dates(text: str, english: Patterns) -> None:
    assert find_dates(text, "2021-10-20", None, english) == []


PERSIAN = [
    ("The crackdown began on 24 Aban 1398, activists say.", "2020-01-01", "2019-11-15"),
    ("The crackdown began on 24 Aban, activists say.", "2019-12-03", "2019-11-15"),
    ("Pensioners gathered on 1 Farvardin 1403.", None, "2024-03-20"),
]


@pytest.mark.parametrize(("text", "published", "date"), PERSIAN)
def test_persian_calendar_in_english(text: str, published: str | None, date: str, english: Patterns) -> None:
    assert one(text, published, english).date == date


@pytest.mark.parametrize(("text", "published", "language", "date", "enddate"), [
    ("معلمان روز ۱۲ آذر ۱۴۰۲ در شیراز تجمع کردند.", None, "fa", "2023-12-03", None),
    ("کارگران دیروز اعتصاب کردند.", "2023-12-04", "fa", "2023-12-03", None),
    ("کارگران جمعه آینده تجمع خواهند کرد.", "2023-12-04", "fa", "2023-12-08", None),
    ("کارگران در آبان ۱۴۰۱ اعتصاب کردند.", None, "fa", "2022-10-23", "2022-11-21"),
    ("Les ouvriers ont manifesté le 16 novembre 2019 à Lyon.", None, "fr", "2019-11-16", None),
    ("Les ouvriers ont manifesté lundi devant l'usine.", "2021-10-20", "fr", "2021-10-18", None),
    ("Les ouvriers ont manifesté du 3 au 5 mars.", "2021-10-20", "fr", "2021-03-03", "2021-03-05"),
    ("Les ouvriers ont manifesté la semaine dernière.", "2021-10-20", "fr", "2021-10", None),
    ("Les ouvriers ont manifesté hier.", "2021-10-20", "fr", "2021-10-19", None),
    ("Die Arbeiter streikten am 16. November 2019 in Köln.", None, "de", "2019-11-16", None),
    ("Die Arbeiter streikten am Montag in Köln.", "2021-10-20", "de", "2021-10-18", None),
    ("Die Arbeiter streikten am Montagabend in Köln.", "2021-10-20", "de", "2021-10-18", None),
    ("Die Arbeiter wollen am 3. November erneut streiken.", "2021-10-20", "de", "2021-11-03", None),
    ("Die Arbeiter streikten Anfang Dezember.", "2022-01-08", "de", "2021-12", None),
    ("Die Arbeiter streikten vor zwei Tagen.", "2021-10-20", "de", "2021-10-18", None),
])
def test_other_languages(text: str, published: str | None, language: str, date: str,
                         enddate: str | None, knowledge: KnowledgeBase) -> None:
    found = one(text, published, knowledge.language(language).dates)
    assert (found.date, found.enddate) == (date, enddate)


def test_offsets_survive_persian_digits(knowledge: KnowledgeBase) -> None:
    text = "در روز ۱۲ آذر ۱۴۰۲ تجمع شد"
    found = one(text, None, knowledge.language("fa").dates)
    assert text[found.start:found.end] == found.text == "۱۲ آذر ۱۴۰۲"


def test_unknown_language_falls_back_to_english(knowledge: KnowledgeBase) -> None:
    assert one("Guards fired on 3 May 2021.", None, knowledge.language("xx").dates).date == "2021-05-03"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["en", "fr", "de", "fa", "es"]),
       st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_never_raises(knowledge: KnowledgeBase, text: str, language: str, published: str | None) -> None:
    for found in find_dates(text, published, None, knowledge.language(language).dates):
        assert text[found.start:found.end] == found.text


# --- choosing among overlapping candidates --------------------------------------------------------


def _quadratic_choice(found: list[_Found]) -> list[_Found]:
    """The rule as first written (longest first, then leftmost; drop any that overlaps one kept),
    comparing each candidate with every one kept: the reference the linear version must equal."""
    chosen: list[_Found] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(item.end <= c.start or item.start >= c.end for c in chosen):
            chosen.append(item)
    return chosen


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12), st.sampled_from(["dm", "weekday", "duration"])),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_longest_first_equals_the_quadratic_rule(spans: list[tuple[int, int, str]]) -> None:
    # Empty spans and ties of length and start included: the kept list must be the same, in order.
    found = [_Found(start, start + length, name, {}) for start, length, name in spans]
    assert longest_first(found) == _quadratic_choice(found)


def test_a_long_text_gives_the_dates_of_its_parts(english: Patterns) -> None:
    # Every paragraph resolves as it does alone: nothing of one leaks into a distant other.
    paragraphs = [f"Workers struck on {day} March 2021; two days later police came." for day in range(1, 29)]
    text = "\n\n".join(paragraphs * 40)
    found = find_dates(text, "2021-04-01", None, english)
    alone = [find_dates(p, "2021-04-01", None, english) for p in paragraphs]
    assert [(m.text, m.date) for m in found] == [(m.text, m.date) for ms in alone * 40 for m in ms]
