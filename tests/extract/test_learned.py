"""The learned detector joined to the readers: a model trained here on our own sentences."""

from __future__ import annotations

import json
from typing import Any

import pytest
from spacy.language import Language

from chronicler.extract import learned
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention, Span

pytestmark = pytest.mark.slow

PROTESTS = [
    "Teachers staged a sit-in outside the education ministry.",
    "Hundreds of nurses staged a sit-in over unpaid wages.",
    "Retirees staged a sit-in in front of the pension fund.",
    "Bus drivers staged a sit-in at the depot.",
    "Farmers staged a sit-in by the dry river.",
    "Students staged a sit-in on the campus lawn.",
]
ARRESTS = [
    "Police detained dozens of students after the rally.",
    "Security agents detained two reporters at their homes.",
    "Officers detained several workers at the plant gate.",
    "Agents detained a lawyer outside the court.",
    "Police detained the union leader at dawn.",
    "Plainclothes officers detained three activists.",
]
NOTHING = [
    "The weather was mild for the season.",
    "The museum opened a new wing of carpets.",
    "Tickets for the concert sold out quickly.",
    "The football team won its home match.",
    "A new bridge crosses the river downtown.",
    "The bakery on the corner sells fresh bread.",
]


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Language:
    labelled = [(t, {"PROTEST": 1}) for t in PROTESTS] + [(t, {"COERCE": 1}) for t in ARRESTS]
    labelled += [(t, {}) for t in NOTHING]
    rows: list[dict[str, Any]] = [{"text": t, "labels": labels} for t, labels in labelled]
    path = tmp_path_factory.mktemp("detector")
    learned.save(learned.train(rows, epochs=60), path, [t for t, _ in labelled])
    strings = json.loads((path / "vocab" / "strings.json").read_text(encoding="utf-8"))
    assert "ministry" not in strings and "sit" not in strings  # the training words stay home
    loaded = learned.load_detector(path)
    assert loaded is not None
    return loaded


def _doc(text: str) -> Document:
    return Document(id="d", source="d", text=text, content_hash="h", published="2024-03-06", language="en")


def test_a_sentence_the_rules_missed_gets_the_detected_event(
    model: Language, knowledge: KnowledgeBase
) -> None:
    doc = _doc("Pensioners staged a sit-in in Tabriz on Monday.")
    [m] = learned.add_detected(doc, (), knowledge, model)
    assert (m.event, m.extractor, m.trigger, m.text) == ("PROTEST", learned.EXTRACTOR, None, doc.text)
    assert m.date == "2024-03-04" and m.event_loc is not None and m.event_loc.resolved_place == "Tabriz"
    assert not m.historical and m.modality == "asserted" and m.actor == () and m.claimed_by is None


def test_no_second_event_where_a_reader_found_one(model: Language, knowledge: KnowledgeBase) -> None:
    doc = _doc("Pensioners staged a sit-in in Tabriz on Monday.")
    found = EventMention("ev_1", "d", "PROTEST", "demo", doc.text, 0, len(doc.text),
                         Span("staged", 11, 17), "events.rules.v1", 0.8)
    assert learned.add_detected(doc, (found,), knowledge, model) == (found,)


def test_nothing_without_a_model_or_an_event(model: Language, knowledge: KnowledgeBase) -> None:
    doc = _doc("Pensioners staged a sit-in in Tabriz on Monday.")
    assert learned.add_detected(doc, (), knowledge, None) == ()
    bread = _doc("The bakery sells fresh bread every morning.")
    assert learned.add_detected(bread, (), knowledge, model) == ()

