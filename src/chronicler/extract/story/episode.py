"""When an event happened: its own date, else the one the story lends it. One rule for every reader.

News tells an episode and then its details, most of them undated ("Security forces opened fire.
At least 12 were killed."): an undated event belongs to the episode just told, to its day while
in the same paragraph (or the paragraph a day-opening one set the scene for) or while the story
names no later date, else to its month; before any episode, to the first date the text gives in
the month its news starts. Background is lent only to the paragraph that tells it and the next
("In 1988, ... The executions were ordered by ..."). What a reader can tell of the trigger's
clause (:class:`Clause`) keeps a borrowed date away from events it cannot date: descriptions of
someone, shifted times ("later"), spans up to now ("have since been executed", "depuis"), and
what is still to come.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicler.extract.facts import historical
from chronicler.extract.facts.times import DateMatch
from chronicler.extract.story import time as story_time
from chronicler.extract.story.context import Story
from chronicler.knowledge.triggers import Cues

# Figures of harm: a sentence that tells a toll gathers many days, and dates no single one.
TOLL_KINDS = frozenset({"dead", "injured"})
# Modes of events that news tells as the antecedent of its story, not as part of it: a verdict
# told without its date ("had been found guilty of ...") came before the hanging that is the news,
# and torture ("confessions extracted under torture") over a detention before the trial.
ANTECEDENT_MODES = frozenset({"convict", "torture"})


@dataclass(frozen=True)
class Clause:
    """What the reader tells of the trigger's clause. A reader that cannot tell leaves False."""

    descriptive: bool = False  # describes someone: "a boy killed in Shahriar", "the commander killed on ..."
    shifted: bool = False  # moved off the episode's time: "later", "afterwards", "eventually"
    up_to_now: bool = False  # a span up to now: "have since been executed", "depuis", "seit"
    toll: bool = False  # the sentence tells a toll, which gathers many days
    ahead: bool = False  # still to come or hypothetical: "could shut down again" (not "may have died")
    antecedent: bool = False  # told as what led to the story's events: a verdict (ANTECEDENT_MODES)


@dataclass(frozen=True)
class Dated:
    """The date an event takes, and whether it was borrowed from the story rather than stated."""

    date: str | None
    enddate: str | None
    inferred: bool = False  # the episode's date, for an undated event of the news
    inherited: bool = False  # a background episode's date, or the one an anniversary recalls


def set_episode(story: Story, date: DateMatch, end: int, paragraph: int, cues: Cues) -> None:
    """``date`` (ending at document offset ``end``) is now the episode the story tells, from the
    paragraph starting at ``paragraph``."""
    day = date.date or ""
    story.episode = day[:7]
    story.episode_day = day
    story.episode_historical = historical.is_historical(day, story.reference, "", cues)
    story.episode_paragraph = paragraph
    story.episode_end = end
    story.episode_span = date.enddate is not None


def lend(
    story: Story, own: DateMatch | None, own_at: int, paragraph: int, material: bool, clause: Clause,
    cues: Cues, sentence_end: int,
) -> Dated:
    """The event's own date ``own`` (starting at document offset ``own_at``), else for a material
    event the one the story lends it; a dated material event sets the episode."""
    if own is not None and clause.descriptive:
        story.asides.add(own_at)  # who someone is says nothing of where the story stands
    if own is not None and own.date is not None:
        if material and not clause.descriptive:
            set_episode(story, own, own_at + own.end - own.start, paragraph, cues)
        return Dated(own.date, own.enddate)
    enddate = own.enddate if own else None
    episode = story.episode or story.episode_start
    if material and story.anniversary and clause.descriptive:
        # "the mother of a boy killed in Shahriar" in a piece marking an anniversary: the
        # killing that describes him is of the episode the anniversary recalls.
        return Dated(story.anniversary, enddate, inherited=True)
    if not episode:
        return Dated(None, enddate)
    past = story.episode_historical or historical.is_historical(episode, story.reference, "", cues)
    if not material and past:
        return Dated(None, enddate)
    if past:
        # Undated, in or right after the paragraph that told a background episode: part of it.
        inherited = story.paragraphs_since(story.episode_paragraph, paragraph) <= 1
        if inherited and not clause.shifted:
            return Dated(episode, enddate, inherited=True)
        return Dated(None, enddate, inherited=inherited)
    since = story.paragraphs_since(story.episode_paragraph, paragraph)
    scene = story.scene_paragraph == story.episode_paragraph and since == 1
    # While the story names no later date it is still on that day (a date before it, background
    # or who someone is, does not move it on), unless the sentence tells a toll or a span up to
    # now, which gather many days.
    untold = (
        not story.episode_span
        and not any(_later(d, story) for d in story.dates_between(story.episode_end, sentence_end))
        and not clause.toll
        and not clause.up_to_now
    )
    if story.episode_day and (since == 0 or scene or untold):
        return Dated(story.episode_day, enddate, inferred=True)  # the same paragraph, or its scene
    return Dated(episode, enddate, inferred=True)


def _later(date: DateMatch, story: Story) -> bool:
    """Whether ``date`` lies after the episode's day: the story has moved on in time."""
    return bool(date.date) and (date.date or "")[:10] > (story.episode_day or "")[:10]


def background(dated: Dated, sentence: str, cues: Cues, story: Story) -> bool:
    """Whether the event is background, not the news the article reports."""
    # "Executions in 2023" in a January 2024 report are its news; "the 1988 massacre" in a
    # 2020 piece is history however much of the text it fills.
    lead_past = bool(story.lead_period) and historical.is_historical(
        story_time.last_day(story.lead_period or ""), story.reference, "", cues
    )
    # A borrowed date says nothing of the sentence's own time; its markers ("at the time") do.
    date = dated.date
    is_hist = dated.inherited or historical.is_historical(
        None if dated.inferred else date, story.reference, sentence, cues
    )
    if is_hist and date and story.lead_period and date.startswith(story.lead_period) and not lead_past:
        return False  # inside the period the article reports on ("executions in 2023")
    return is_hist


def settle(dated: Dated, is_background: bool, clause: Clause) -> tuple[str | None, str | None]:
    """The date and end date the mention keeps: a borrowed date is dropped where it cannot hold."""
    date, enddate = dated.date, dated.enddate
    if dated.inferred and is_background:
        date = None  # the news month borrowed for a background sentence would be wrong
    borrowed = dated.inferred or dated.inherited
    if borrowed and (clause.up_to_now or clause.ahead or clause.antecedent):
        # A span up to now or a time still to come, which no earlier date tells.
        date = enddate = None
    return date, enddate
