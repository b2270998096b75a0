"""Who claims an event: the reporting verb, its subject, and what is not a speaker."""

from __future__ import annotations

import pytest

from chronicler.knowledge import KnowledgeBase
from chronicler.pipeline import process
from chronicler.records import Document

pytestmark = pytest.mark.slow


def _claimant(knowledge: KnowledgeBase, text: str, event: str) -> str | None:
    doc = Document(
        id="t",
        text=text,
        published="2022-10-05",
        language="en",
        outlet="example.org",
        source="t",
        content_hash="t",
    )
    found = [m for m in process(doc, knowledge).mentions if m.event == event]
    assert len(found) == 1, [(m.event, m.text) for m in process(doc, knowledge).mentions]
    return found[0].claimed_by.entity_text if found[0].claimed_by else None


@pytest.mark.parametrize(
    ("text", "event", "claimant"),
    [
        # "put" reports a figure it sets "at" a number, wherever the parser hangs the number
        ("Activists put the number of people detained at more than 300.", "COERCE", "Activists"),
        (
            "Rights groups put the number of students detained in Tabriz at 40.",
            "COERCE",
            "Rights groups",
        ),
        # a passive reporting verb's speaker is its agent
        (
            "It was reported by the Kurdistan Press Network that police shot two porters near Baneh.",
            "ASSAULT",
            "Kurdistan Press Network",
        ),
    ],
)
def test_claimant(text: str, event: str, claimant: str, knowledge: KnowledgeBase) -> None:
    assert _claimant(knowledge, text, event) == claimant


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # "put up", "put in place": no figure, no report
        ("Officials put a curfew in place after crowds attacked a police station in Tabriz.", "ASSAULT"),
        ("Soldiers put up roadblocks to stop protests spreading from the university.", "PROTEST"),
        # a passive reporting verb's subject is what is reported, not who reports it
        ("One man was reported killed in Sirjan on Friday.", "ASSAULT"),
        ("The militia is said to have executed seven prisoners.", "ASSAULT"),
        # evidence with no author named claims nothing
        ("Footage shared online showed students marching through the campus in Tabriz.", "PROTEST"),
        ("According to estimates, about 200 teachers were detained at the rallies.", "COERCE"),
    ],
)
def test_no_claimant(text: str, event: str, knowledge: KnowledgeBase) -> None:
    assert _claimant(knowledge, text, event) is None
