"""Who claims an event in a language the surface reader reads."""

from __future__ import annotations

import pytest

from chronicler.knowledge import KnowledgeBase
from chronicler.pipeline import process
from chronicler.records import Document

pytestmark = pytest.mark.slow


def _claimant(knowledge: KnowledgeBase, text: str, language: str, event: str) -> str | None:
    doc = Document(
        id="t",
        text=text,
        published="2022-10-05",
        language=language,
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
        # where only names are capitalised, a name the knowledge base does not know still speaks
        (
            "El gobernador de la provincia, Ali Rezaei Moghadam, afirmó que por lo menos 12 personas "
            "perdieron la vida en el ataque.",
            "ASSAULT",
            "Ali Rezaei Moghadam",
        ),
        (
            "La policía detuvo a 40 manifestantes en Teherán, afirmó el gobernador Ali Rezaei.",
            "COERCE",
            "Ali Rezaei",
        ),
    ],
)
def test_an_unknown_name_beside_the_verb_speaks(
    text: str, event: str, claimant: str, knowledge: KnowledgeBase
) -> None:
    assert _claimant(knowledge, text, "es", event) == claimant


def test_a_single_capitalised_word_is_not_taken_for_a_name(knowledge: KnowledgeBase) -> None:
    text = "La policía detuvo a 40 manifestantes en Teherán, afirmó Irna."
    assert _claimant(knowledge, text, "es", "COERCE") != "Irna"


def test_a_name_inside_what_is_said_does_not_speak(knowledge: KnowledgeBase) -> None:
    text = "El gobierno afirmó que Ali Rezaei Moghadam fue detenido en Teherán."
    assert _claimant(knowledge, text, "es", "COERCE") != "Ali Rezaei Moghadam"
