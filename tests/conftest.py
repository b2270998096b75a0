"""Shared fixtures: the real spaCy pipeline and the shipped knowledge, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from chronicler.knowledge import KnowledgeBase, load_knowledge
from chronicler.knowledge.boilerplate import Boilerplate
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues, Lexicon
from chronicler.nlp import load_pipeline
from chronicler.pipeline import process
from chronicler.records import Document, EventMention


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    """The shipped packs, with no user directory."""
    return load_knowledge()


@pytest.fixture(scope="session")
def lexicon(knowledge: KnowledgeBase) -> Lexicon:
    return knowledge.language("en").lexicon


@pytest.fixture(scope="session")
def cues(knowledge: KnowledgeBase) -> Cues:
    return knowledge.language("en").cues


@pytest.fixture(scope="session")
def english(knowledge: KnowledgeBase) -> EnglishWords:
    """The English reader's word lists (``packs/en/*.yaml``)."""
    return knowledge.english


@pytest.fixture(scope="session")
def boilerplate(knowledge: KnowledgeBase) -> Boilerplate:
    """The page furniture of the clean stage (``packs/boilerplate.yaml``)."""
    return knowledge.boilerplate


@pytest.fixture(scope="session")
def read_text(knowledge: KnowledgeBase) -> Callable[..., tuple[EventMention, ...]]:
    """``read_text(text, language="en", published="2022-10-05", detector=True)``: the event mentions
    of ``text`` read as a whole document of example.org by the shipped pipeline."""

    def read(
        text: str, *, language: str = "en", published: str = "2022-10-05", detector: bool = True
    ) -> tuple[EventMention, ...]:
        doc = Document(id="t", source="t", text=text, content_hash="t", published=published,
                       language=language, outlet="example.org")
        return process(doc, knowledge, detector=detector).mentions

    return read


@pytest.fixture(scope="session")
def claimant_of(read_text: Callable[..., tuple[EventMention, ...]]) -> Callable[..., str | None]:
    """``claimant_of(text, event, language="en")``: who claims the text's one event of that type."""

    def claimant(text: str, event: str, language: str = "en") -> str | None:
        mentions = read_text(text, language=language)
        found = [m for m in mentions if m.event == event]
        assert len(found) == 1, [(m.event, m.text) for m in mentions]
        return found[0].claimed_by.entity_text if found[0].claimed_by else None

    return claimant
