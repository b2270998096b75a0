"""What the French parse adds: modifying participles, subjects and objects."""

from __future__ import annotations

import pytest

from chronicler.extract.surface.lang import fr as french
from chronicler.extract.surface.reader import sentences
from chronicler.extract.surface.words import Hit, Sentence, find_hits
from chronicler.knowledge import KnowledgeBase


def _first(text: str, knowledge: KnowledgeBase) -> tuple[Sentence, Hit]:
    fr = knowledge.language("fr")
    assert fr.grammar is not None
    sent = next(iter(sentences(text, "fr", fr.grammar)))
    return sent, find_hits(sent, fr.lexicon, fr.grammar)[0]


@pytest.mark.parametrize(("text", "modifier"), [
    ("Les militants arrêtés dimanche sont toujours en prison.", True),
    ("La police a arrêté dimanche trois militants.", False),
])
def test_modifier_participle(text: str, modifier: bool, knowledge: KnowledgeBase) -> None:
    sent, hit = _first(text, knowledge)
    assert french.is_modifier_participle(sent, hit) is modifier


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Les Gardiens de la révolution ont arrêté plusieurs manifestants.", "Gardiens de la révolution",
     "manifestants"),
    ("Plusieurs manifestants ont été arrêtés par la police.", "police", "manifestants"),
    ("Un inconnu a arrêté la voiture des manifestants.", None, None),
])
def test_parse_arguments(
    text: str, actor: str | None, recipient: str | None, knowledge: KnowledgeBase
) -> None:
    sent, hit = _first(text, knowledge)
    actors, recipients = french.parse_arguments(sent, hit, None, knowledge.actors)
    assert (actors[0].entity.entity_text if actors else None) == actor
    assert (recipients[0].entity.entity_text if recipients else None) == recipient
