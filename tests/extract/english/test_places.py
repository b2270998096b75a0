"""Where an unplaced event happened: the paragraph's town, else the story's."""

from __future__ import annotations

import pytest

from chronicler.knowledge import KnowledgeBase
from chronicler.pipeline import process
from chronicler.records import Document

pytestmark = pytest.mark.slow


def _places(knowledge: KnowledgeBase, text: str) -> dict[str, str | None]:
    doc = Document(id="t", source="t", text=text, content_hash="t", published="2024-05-06", language="en")
    mentions = process(doc, knowledge, detector=False).mentions
    return {m.event: (m.event_loc.resolved_place if m.event_loc else None) for m in mentions}


def test_an_unplaced_event_happened_where_its_paragraph_last_placed_one(knowledge: KnowledgeBase) -> None:
    text = (
        "Strikes spread to Tabriz and Shiraz this week.\n\n"
        "In Shiraz, police fired tear gas at students on Monday. Dozens were arrested."
    )
    assert _places(knowledge, text)["COERCE"] == "Shiraz"


def test_the_town_of_another_paragraph_does_not_place_it(knowledge: KnowledgeBase) -> None:
    text = (
        "Strikes spread to Tabriz and Shiraz this week, and shops in Tabriz stayed shut.\n\n"
        "In Shiraz, police fired tear gas at students on Monday.\n\n"
        "Dozens were arrested, a rights group said."
    )
    assert _places(knowledge, text)["COERCE"] == "Iran"
