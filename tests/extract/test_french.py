"""What the French parse adds: modifying participles, subjects and objects."""

from __future__ import annotations

import pytest

from chronicler.extract import french
from chronicler.extract.foreign import sentences
from chronicler.knowledge.triggers import load_lexicon
from chronicler.extract.surface import Hit, Sentence, find_hits, load_grammar


def _first(text: str) -> tuple[Sentence, Hit]:
    sent = next(iter(sentences(text, "fr")))
    return sent, find_hits(sent, load_lexicon((), "fr"), load_grammar("fr"))[0]


@pytest.mark.parametrize(("text", "modifier"), [
    ("Les militants arrêtés dimanche sont toujours en prison.", True),
    ("La police a arrêté dimanche trois militants.", False),
])
def test_modifier_participle(text: str, modifier: bool) -> None:
    sent, hit = _first(text)
    assert french.is_modifier_participle(sent, hit) is modifier


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Les Gardiens de la révolution ont arrêté plusieurs manifestants.", "Gardiens de la révolution",
     "manifestants"),
    ("Plusieurs manifestants ont été arrêtés par la police.", "police", "manifestants"),
    ("Un inconnu a arrêté la voiture des manifestants.", None, None),
])
def test_parse_arguments(text: str, actor: str | None, recipient: str | None) -> None:
    sent, hit = _first(text)
    actors, recipients = french.parse_arguments(sent, hit, None)
    assert (actors[0][0].entity_text if actors else None) == actor
    assert (recipients[0][0].entity_text if recipients else None) == recipient
