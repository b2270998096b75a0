"""Modality read off the trigger and the predicates above it."""

from __future__ import annotations

import pytest

from chronicler.knowledge import KnowledgeBase
from chronicler.pipeline import process
from chronicler.records import Document

pytestmark = pytest.mark.slow


def _modalities(knowledge: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    doc = Document(id="t", source="t", text=text, content_hash="t", published="2024-05-06", language="en")
    return [(m.event, m.modality) for m in process(doc, knowledge, detector=False).mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive report with no source hedges what it reports
        ("One man was reported killed in Zahedan on Friday.", [("ASSAULT", "hedged")]),
        ("The province is reported to have executed four men last month.", [("ASSAULT", "hedged")]),
        # a hedging adverb on the clause above the trigger
        ("Reportedly, officials put the number of students detained at forty.", [("COERCE", "hedged")]),
        # ... but a named source asserts, and an adverb on the reason leaves the act asserted
        ("Police detained nine students on Friday, the council reported.", [("COERCE", "asserted")]),
        ("Police arrested a driver for allegedly blocking a road.", [("COERCE", "asserted")]),
    ],
)
def test_hedges(knowledge: KnowledgeBase, text: str, expected: list[tuple[str, str]]) -> None:
    assert _modalities(knowledge, text) == expected
