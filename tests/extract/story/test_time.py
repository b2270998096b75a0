"""The period a lead reports on, the anniversary it marks, the last day of a period."""

from __future__ import annotations

import pytest

from chronicler.extract.facts.times import find_dates
from chronicler.extract.story.time import anniversary, last_day, lead_paragraph, lead_period
from chronicler.knowledge import KnowledgeBase

LEAD = "Courts handed down at least 300 death sentences in 2021, a monitoring group said on Monday."


def test_the_lead_is_the_first_paragraph_long_enough() -> None:
    text = "Executions rise\n\n" + LEAD + "\n\nFour men were hanged in Qom."
    lead = lead_paragraph(text)
    assert lead is not None and lead.group(0) == LEAD


def test_a_year_named_in_the_lead_is_the_period_reported_on(knowledge: KnowledgeBase) -> None:
    text = "Executions rise\n\n" + LEAD
    assert lead_period(text, find_dates(text, "2022-01-10", None, knowledge.language("en").dates)) == "2021"


@pytest.mark.parametrize(
    ("opening", "published", "recalled"),
    [
        (
            "One year after the crackdown on fuel protests, families gathered at a cemetery in Isfahan.",
            "2020-11-16",
            "2019-11",
        ),
        (
            "On the second anniversary of the crackdown on fuel protests, families gathered in Isfahan.",
            "2021-11-16",
            "2019-11",
        ),
        (
            "Families gathered at a cemetery in Isfahan on Friday to mourn the victims of the crackdown.",
            "2020-11-16",
            None,
        ),
        (
            "One year after the crackdown on fuel protests, families gathered at a cemetery in Isfahan.",
            None,
            None,
        ),
    ],
)
def test_an_anniversary_lead_recalls_its_month(
    opening: str, published: str | None, recalled: str | None, knowledge: KnowledgeBase
) -> None:
    assert anniversary(opening, published, knowledge.language("en").numbers, knowledge.english) == recalled


@pytest.mark.parametrize(
    ("period", "day"), [("2023", "2023-12-31"), ("2024-02", "2024-02-29"), ("soon", None)]
)
def test_last_day(period: str, day: str | None) -> None:
    assert last_day(period) == day
