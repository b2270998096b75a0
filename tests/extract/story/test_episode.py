"""The date the story lends an undated event: the episode's day, its month, or none."""

from __future__ import annotations

import pytest

from chronicler.extract.facts.times import DateMatch
from chronicler.extract.story.context import Story
from chronicler.extract.story.episode import Clause, Dated, lend, set_episode, settle
from chronicler.knowledge.triggers import Cues

# Paragraphs start at 0, 100, 200 and 300; the first tells an event of Thursday 2 March 2023.
DAY = DateMatch(40, 50, "on 2 March", "2023-03-02", None, False)


def _story(between: DateMatch, cues: Cues) -> Story:
    """The story after its first paragraph, with ``between`` named in the second."""
    starts = [0, 100, 200, 300]
    story = Story(published="2023-03-07", dating="2023-03-07", dates=[DAY, between], datelines=[],
                  paragraph_starts=starts)
    set_episode(story, DAY, 50, 0, cues)
    return story


@pytest.mark.parametrize(
    ("between", "date"),
    [
        # "The strike began in January": an earlier date, background, leaves the story on its day
        (DateMatch(140, 150, "in January", "2023-01", None, False), "2023-03-02"),
        # "The family learned of it on Monday": the story has moved on, the day is no longer sure
        (DateMatch(140, 149, "on Monday", "2023-03-06", None, True), "2023-03"),
    ],
)
def test_an_undated_event_paragraphs_later_keeps_the_day_until_a_later_date(
    between: DateMatch, date: str, cues: Cues
) -> None:
    # "... Two organisers were arrested at the mine." in the fourth paragraph
    dated = lend(_story(between, cues), None, 0, 300, True, Clause(), cues, 350)
    assert (dated.date, dated.inferred) == (date, True)


def test_a_toll_takes_the_month_however_quiet_the_story(cues: Cues) -> None:
    between = DateMatch(140, 150, "in January", "2023-01", None, False)
    assert lend(_story(between, cues), None, 0, 300, True, Clause(toll=True), cues, 350).date == "2023-03"


@pytest.mark.parametrize(("clause", "kept"), [(Clause(), True), (Clause(antecedent=True), False)])
def test_a_verdict_told_without_its_date_borrows_none(clause: Clause, kept: bool) -> None:
    # "The two men had been found guilty of arson": the verdict came before the hanging the story
    # tells, on a day the text does not give.
    borrowed = Dated("2023-03-02", None, inferred=True)
    assert (settle(borrowed, False, clause)[0] == "2023-03-02") is kept
    # its own date it keeps: "were found guilty on 12 February"
    assert settle(Dated("2023-02-12", None), False, clause)[0] == "2023-02-12"
