"""What a reader finds in a sentence before it becomes an :class:`~chronicler.records.EventMention`.

Every reader (the English dependency reader, the French, German and Persian surface reader) gives
the same records, so that one assembly (:mod:`chronicler.extract.assemble`) turns them into
mentions with one rule for each shared fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chronicler.records import Entity, Modality


@dataclass(frozen=True)
class Participant:
    """An actor, recipient or claimant: the entity and where the text names it."""

    entity: Entity
    start: int  # character offsets (in the document, or in the parsed paragraph for English)
    end: int


@dataclass(frozen=True)
class Name:
    """A named person or organisation the text mentioned, with where and as what."""

    start: int
    text: str
    label: str  # spaCy's entity label: PERSON, ORG, NORP...


@dataclass(frozen=True)
class Voice:
    """Who a sentence says claims what it tells, and in which mood, and the extractors that read them."""

    claimant: Entity | None
    modality: Modality
    extractors: tuple[tuple[str, str], ...] = ()  # (field, extractor name and version)


# (sentence start, sentence end, the last claimant named before it) -> the sentence's voice
VoiceReader = Callable[[int, int, Entity | None], Voice]
