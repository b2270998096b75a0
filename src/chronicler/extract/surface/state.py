"""What the French, German and Persian reader carries: across a document's sentences, and within one."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from chronicler.extract.facts.times import DateMatch
from chronicler.extract.findings import Participant
from chronicler.extract.surface.words import Hit
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.grammar import Grammar
from chronicler.knowledge.triggers import Cues
from chronicler.records import Location


@dataclass
class ReaderState:
    """The document so far: its dates and home country, the episode being told, the last source named."""

    published: str | None
    dates: list[DateMatch]
    home: Location | None
    datelines: list[tuple[int, int]]
    episode: str | None = None
    episode_day: str | None = None  # the full date of the last dated event
    episode_paragraph: int = -1  # the paragraph (its offset) that dated it
    episode_end: int = 0  # where the date of the last dated event ends in the text
    episode_span: bool = False  # whether that date was a span: its first day is no story's day
    paragraph_starts: list[int] = field(default_factory=list)
    last_claimant: Participant | None = None
    reference: str | None = field(default=None)

    def paragraph_of(self, offset: int) -> int:
        """The offset of the paragraph that holds ``offset``."""
        k = bisect_right(self.paragraph_starts, offset) - 1
        return self.paragraph_starts[k] if k >= 0 else 0


@dataclass
class SentenceContext:
    """One sentence's triggers and actors, and the arguments (actors, recipients) found for each trigger."""

    hits: list[Hit]
    groups: dict[str, str]
    cues: Cues
    grammar: Grammar
    state: ReaderState
    actors: list[Participant]
    index: ActorIndex
    args: dict[int, tuple[list[Participant], list[Participant]]] = field(default_factory=dict)
