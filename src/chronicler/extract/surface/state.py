"""What the French, German and Persian reader carries within one sentence.

Across sentences it carries the document's :class:`~chronicler.extract.story.context.Story`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronicler.extract.findings import Participant
from chronicler.extract.story.context import Story
from chronicler.extract.surface.words import Hit
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.grammar import Grammar
from chronicler.knowledge.triggers import Cues


@dataclass
class SentenceContext:
    """One sentence's triggers and actors, and the arguments (actors, recipients) found for each trigger."""

    hits: list[Hit]
    groups: dict[str, str]
    cues: Cues
    grammar: Grammar
    state: Story
    actors: list[Participant]
    index: ActorIndex
    args: dict[int, tuple[list[Participant], list[Participant]]] = field(default_factory=dict)
