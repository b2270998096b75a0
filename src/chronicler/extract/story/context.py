"""One document's story, for every reader: what the whole text tells each sentence (its dates, home
place, paragraphs, lead period, an anniversary's episode) and what earlier sentences tell later
ones (the episode being told, the last claimant, the names met so far)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from chronicler.extract.facts import historical
from chronicler.extract.facts.names import acronyms
from chronicler.extract.facts.places import datelines, in_dateline
from chronicler.extract.facts.times import DateMatch, find_dates
from chronicler.extract.findings import Name, Participant
from chronicler.extract.story import places as story_places
from chronicler.extract.story import time as story_time
from chronicler.knowledge import KnowledgeBase, LanguageKnowledge
from chronicler.knowledge.episodes import episode_of
from chronicler.nlp import PARAGRAPH
from chronicler.records import Document, Location


@dataclass
class Story:
    """The document so far. The fields above the line are the whole text's; those below change as
    the readers go from sentence to sentence."""

    published: str | None
    # What dates without a year are read against: the publication date, else for an undated
    # article the year of the well-known episode it tells (knowledge.episodes)
    dating: str | None
    dates: list[DateMatch]  # every date of the text but a dateline's filing date, for anchors
    datelines: list[tuple[int, int]]  # spans of the text's datelines
    paragraph_starts: list[int]
    home: Location | None = None  # the country most places of the document are in
    city: Location | None = None  # the story's dominant city, if it has one
    # (paragraph offset, town) of the last material event a sentence placed in a town: the
    # paragraph's later unplaced events happened there too
    scene: tuple[int, Location] | None = None
    episode_start: str | None = None  # the first news date of the month the story starts in
    anniversary: str | None = None  # the month of the past episode an anniversary lead recalls
    lead_period: str | None = None  # a year or month the first paragraph names: the report's scope
    lead: tuple[int, int] | None = None  # the span of the lead paragraph
    acronyms: dict[str, str] = field(default_factory=dict)  # "IJO" -> "Iran Justice Observatory"
    protest_context: bool = False
    # -- what earlier sentences tell later ones
    episode: str | None = None  # the month of the last dated event: the default for undated ones
    episode_day: str | None = None  # the full date of the last dated event
    episode_historical: bool = False  # whether the last dated event was background
    episode_paragraph: int = -1  # offset of the paragraph that dated the last event
    episode_end: int = 0  # where the date of the last dated event ends in the text
    episode_span: bool = False  # whether that date was a span: its first day is no story's day
    scene_paragraph: int = -1  # offset of the last paragraph that opened with a day ("On Sunday, ...")
    asides: set[int] = field(default_factory=set)  # offsets of dates of descriptive clauses
    last_claimant: Participant | None = None
    names: list[Name] = field(default_factory=list)  # people and organisations named so far
    date_starts: list[int] = field(init=False)  # where each of ``dates`` starts, for bisection
    latest_stated: str | None = field(init=False)  # the latest date the text states outright

    def __post_init__(self) -> None:
        # Found once: a long document asks for them at every sentence.
        self.date_starts = [d.start for d in self.dates]
        self.latest_stated = max((d.date for d in self.dates if d.date and not d.relative), default=None)

    @property
    def reference(self) -> str | None:
        """What "well before publication" counts from: the publication date, else the latest date
        the text itself gives (an article is written no earlier than the last date it names), else
        the year of the episode it tells."""
        return self.published or self.latest_stated or self.dating

    def in_lead(self, offset: int) -> bool:
        """Whether ``offset`` lies in the lead paragraph."""
        return self.lead is not None and self.lead[0] <= offset < self.lead[1]

    def paragraph_of(self, offset: int) -> int:
        """The offset of the paragraph that holds ``offset``."""
        k = bisect_right(self.paragraph_starts, offset) - 1
        return self.paragraph_starts[k] if k >= 0 else 0

    def paragraphs_since(self, first: int, base: int) -> int:
        """How many paragraph breaks lie between the paragraphs starting at ``first`` and ``base``."""
        if base <= first:
            return 0
        return bisect_right(self.paragraph_starts, base) - bisect_right(self.paragraph_starts, first)

    def dates_between(self, start: int, end: int) -> list[DateMatch]:
        """The dates that start at or after ``start`` and before ``end``."""
        return self.dates[bisect_left(self.date_starts, start) : bisect_left(self.date_starts, end)]

    def anchor(self, offset: int) -> str | None:
        """The last date the text gave before ``offset``: what "two days later" counts from.

        Dates of descriptive clauses ("Soleimani, the commander killed on 3 January") tell who
        someone is, not where the story stands, so nothing counts from them.
        """
        # The dates are in text order and do not overlap: walk back from the last one to start by
        # ``offset`` (a bisection, not a pass over the whole text's dates for every sentence).
        k = bisect_right(self.date_starts, offset)
        while k > 0:
            k -= 1
            d = self.dates[k]
            if d.end <= offset and d.date and d.start not in self.asides:
                return d.date
        return None


def read_story(doc: Document, lang: LanguageKnowledge, knowledge: KnowledgeBase) -> Story:
    """What ``doc`` as a whole tells each of its sentences, before any is read."""
    lines = datelines(doc.text)
    home, city = story_places.home_place(doc.text, lines, knowledge.gazetteer)
    known = None
    if not doc.published:
        known = episode_of(doc.text, home.country_code if home else None, knowledge.episodes)
    dating = doc.published or (known.start[:4] if known else None)
    found = find_dates(doc.text, dating, None, lang.dates)
    dates = [d for d in found if not in_dateline(lines, d.start)]
    story = Story(
        published=doc.published,
        dating=dating,
        dates=dates,
        datelines=lines,
        paragraph_starts=[p.start() for p in PARAGRAPH.finditer(doc.text)],
    )
    story.home, story.city = home, city
    story.episode_start = _episode_start(story, lang) or (known.start[:7] if known else None)
    story.lead_period = story_time.lead_period(doc.text, story.dates)
    lead = story_time.lead_paragraph(doc.text)
    story.lead = lead.span() if lead is not None else None
    english = knowledge.english
    story.anniversary = story_time.anniversary(
        doc.text, doc.published, knowledge.language("en").numbers, english
    )
    lowered = doc.text.lower()
    story.protest_context = any(word in lowered for word in english.protest_words)
    story.acronyms = acronyms(doc.text, english)
    return story


def _episode_start(story: Story, lang: LanguageKnowledge) -> str | None:
    """Where the story starts: the first news date (not background, not after publication) the
    text gives in the earliest month it reports, at the precision the text gives it.

    A headline or lead told before any dated sentence ("Police detain dozens at rally") is of
    that day: news opens on the day its story begins, and later paragraphs go back to it.
    """
    reference = story.reference
    news = [
        d.date
        for d in story.dates
        if d.date
        and len(d.date) >= 7
        and (reference is None or d.date[:10] <= reference[:10])
        and not historical.is_historical(d.date, reference, "", lang.cues)
    ]
    if not news:
        return None
    month = min(date[:7] for date in news)
    return next(date for date in news if date.startswith(month))
