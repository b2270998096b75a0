"""Shared fixtures: the real spaCy pipeline and the shipped knowledge, loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronicler.knowledge import KnowledgeBase, load_knowledge
from chronicler.knowledge.boilerplate import Boilerplate
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues, Lexicon
from chronicler.nlp import load_pipeline


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
