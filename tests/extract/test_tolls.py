"""Casualty figures as events: a sentence that counts dead or wounded tells an attack."""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronicler.extract import tolls
from chronicler.extract.english.voice import voice_reader
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention, Span

pytestmark = pytest.mark.slow


def _doc(text: str, language: str = "en") -> Document:
    return Document("d", "d", text, "h", published="2024-03-06", language=language)


def test_a_sentence_counting_the_dead_tells_an_attack(knowledge: KnowledgeBase) -> None:
    doc = _doc("At least 41 people have lost their lives in Zahedan since Friday.")
    [m] = tolls.add_tolls(doc, (), knowledge)
    assert (m.event, m.extractor, m.trigger) == ("ASSAULT", tolls.EXTRACTOR, None)
    assert [(c.kind, c.low, c.qualifier) for c in m.counts] == [("dead", 41, "at_least")]
    assert m.event_loc is not None and m.event_loc.resolved_place == "Zahedan"


def test_its_voice_comes_from_the_sentence(knowledge: KnowledgeBase, nlp: Language) -> None:
    doc = _doc("Twelve protesters were wounded, the Kurdistan Human Rights Network said.")
    voices = voice_reader(doc.text, None, doc.published, nlp, knowledge)
    [m] = tolls.add_tolls(doc, (), knowledge, voices)
    assert [(c.kind, c.low) for c in m.counts] == [("injured", 12)]
    assert m.claimed_by is not None and m.claimed_by.entity_text == "Kurdistan Human Rights Network"


def test_no_second_attack_where_one_is_told(knowledge: KnowledgeBase) -> None:
    doc = _doc("Security forces killed 12 people in Zahedan on Friday.")
    at = doc.text.index("killed")
    found = EventMention(
        "ev_1", "d", "ASSAULT", None, doc.text, 0, len(doc.text), Span("killed", at, at + 6), "rules", 0.8
    )
    assert tolls.add_tolls(doc, (found,), knowledge) == (found,)


@pytest.mark.parametrize(
    "text",
    [
        "Police detained 40 students outside the university.",  # arrests: not a toll
        "About 3,000 people marched through the old town.",  # participants: not a toll
        "The bakery sold 300 loaves on Friday.",
    ],
)
def test_other_figures_make_no_event(text: str, knowledge: KnowledgeBase) -> None:
    assert tolls.add_tolls(_doc(text), (), knowledge) == ()


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("Les affrontements ont fait au moins 14 morts à Alger.", "fr", 14),
        ("Los enfrentamientos dejaron al menos 9 muertos en la capital.", "es", 9),
    ],
)
def test_tolls_in_the_surface_languages(text: str, language: str, low: int, knowledge: KnowledgeBase) -> None:
    [m] = tolls.add_tolls(_doc(text, language), (), knowledge)
    assert m.event == "ASSAULT" and [(c.kind, c.low) for c in m.counts] == [("dead", low)]


def test_after_the_surface_reader_a_figure_of_the_arrested_tells_an_arrest(knowledge: KnowledgeBase) -> None:
    """Where triggers are word forms, a figure of people arrested is an arrest the forms missed;
    after the English reader it is not (its leftover figures are rarely new arrests)."""
    text = "Selon l'association, au moins 35 étudiants ont été interpellés à Oran."
    [m] = tolls.add_tolls(_doc(text, "fr"), (), knowledge, kinds=tolls.SURFACE_TOLLS)
    assert m.event == "COERCE" and [(c.kind, c.low) for c in m.counts] == [("arrested", 35)]
    english = _doc("At least 35 students were taken into custody in Oran.")
    assert tolls.add_tolls(english, (), knowledge) == ()
