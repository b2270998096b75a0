"""Shared fixtures: the real spaCy pipeline and the shipped knowledge, loaded once per test session."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

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


# -- offline: the suite makes no connection off this machine ---------------------------------------

_LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0")


def _remote(address: object) -> str | None:
    """The host of an internet ``address`` that is not this machine; None for loopback and local
    sockets (AF_UNIX paths, which the worker's pipes and a local PostgreSQL use)."""
    if not isinstance(address, tuple) or not address:
        return None
    host = str(address[0])
    return None if host.startswith(_LOOPBACK) else host


@pytest.fixture(scope="session", autouse=True)
def offline() -> Iterator[list[str]]:
    """Every connection the test process tries to a host other than this one is refused and
    recorded; the session fails if there was any (README: nothing downloads at run time)."""
    attempts: list[str] = []
    original_connect, original_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guard(address: object) -> None:
        host = _remote(address)
        if host is not None:
            attempts.append(host)
            raise OSError(f"the test suite is offline: a connection to {host} was refused")

    def connect(self: socket.socket, address: object) -> None:
        guard(address)
        original_connect(self, address)  # type: ignore[arg-type]  # whatever socket accepts

    def connect_ex(self: socket.socket, address: object) -> int:
        guard(address)
        return original_connect_ex(self, address)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        yield attempts
    assert not attempts, f"the test suite tried to reach {sorted(set(attempts))}"
