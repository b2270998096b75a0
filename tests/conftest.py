"""Shared fixtures: the real spaCy pipeline and packs, loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronicler.knowledge.triggers import Cues, Lexicon, load_cues, load_lexicon
from chronicler.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def cues() -> Cues:
    return load_cues()
