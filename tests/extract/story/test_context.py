"""What a whole document tells its sentences before any is read: where its news starts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chronicler.extract.story.context import read_story
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention


def _document(text: str) -> Document:
    return Document(
        id="t",
        text=text,
        published="2023-03-07",
        language="en",
        outlet="example.org",
        source="t",
        content_hash="t",
    )


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # the news opens on a day: a headline told before it is of that day
        (
            "Dockworkers detained at port rally\n\n"
            "Police detained dozens of dockworkers at a rally in Bushehr on Sunday, a union said.",
            "2023-03-05",
        ),
        # background (1988) is no start; the first news date of the earliest month is
        (
            "Families mark executions\n\nFamilies of prisoners executed in 1988 gathered on Monday; "
            "a vigil on 28 February had been broken up.",
            "2023-02-28",
        ),
        # a month that opens the news, with no day of its own in that month: the month
        (
            "Teachers strike\n\nTeachers have struck since February. On Monday they rallied in Shiraz.",
            "2023-02",
        ),
    ],
)
def test_the_story_starts_at_the_first_news_date_of_its_earliest_month(
    text: str, start: str, knowledge: KnowledgeBase
) -> None:
    story = read_story(_document(text), knowledge.language("en"), knowledge)
    assert story.episode_start == start


UNDATED = (
    "Thousands marched in Saqqez after Mahsa Amini died in custody on 16 September.\n\n"
    "Police arrested dozens of protesters in Sanandaj."
)


def test_an_undated_article_is_read_against_the_episode_it_tells(
    read_text: Callable[..., tuple[EventMention, ...]],
) -> None:
    # No publication date and no year: the well-known episode gives the year and the month.
    dated = {m.event: m.date for m in read_text(UNDATED, published=None, detector=False)}
    assert dated["PROTEST"] == "2022-09-16"
    assert (dated["COERCE"] or "").startswith("2022-09")
    # A dated article is read against its own date, whatever episode it names.
    dated = {m.event: m.date for m in read_text(UNDATED, published="2023-09-20", detector=False)}
    assert dated["PROTEST"] == "2023-09-16"
