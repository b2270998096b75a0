"""The learned detector joined to the readers: a model trained here on our own sentences."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from chronicler.errors import ChroniclerError
from chronicler.extract import learned
from chronicler.extract.embedding import load_encoder
from chronicler.extract.english import attribution
from chronicler.extract.english.voice import voice_reader
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


LABELLED = (
    [(t, ["PROTEST"]) for t in PROTESTS] + [(t, ["COERCE"]) for t in ARRESTS] + [(t, []) for t in NOTHING]
)


def _train(knowledge: KnowledgeBase) -> learned.Detector:
    embeddings = load_encoder().encode([t for t, _ in LABELLED])
    types = knowledge.language("en").lexicon.groups
    return learned.train(embeddings, [labels for _, labels in LABELLED], types, c=10.0, threshold=0.5)


@pytest.fixture(scope="module")
def model(knowledge: KnowledgeBase) -> learned.Detector:
    return _train(knowledge)


def test_training_is_reproducible_and_round_trips(
    model: learned.Detector, knowledge: KnowledgeBase, tmp_path: Path
) -> None:
    embeddings = load_encoder().encode([t for t, _ in LABELLED])
    again = _train(knowledge)
    assert again.types == model.types == ("PROTEST", "COERCE")
    assert np.allclose(again.weights, model.weights, atol=1e-5)
    path = tmp_path / "detector.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    loaded = learned.load_detector.__wrapped__(path)
    assert loaded is not None and loaded.types == model.types and loaded.threshold == 0.5
    assert loaded.beside is None
    path.write_text(json.dumps(replace(model, beside=0.9).to_json()), encoding="utf-8")
    strict = learned.load_detector.__wrapped__(path)
    assert strict is not None and strict.beside == 0.9
    assert np.allclose(loaded.probabilities(embeddings), model.probabilities(embeddings), atol=1e-4)


def test_a_damaged_model_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "detector.json"
    path.write_text(
        json.dumps(
            {"types": ["PROTEST"], "weights": [[0.1, 0.2]], "bias": [], "threshold": 0.7, "languages": ["en"]}
        ),
        encoding="utf-8",
    )
    with pytest.raises(ChroniclerError, match="not a detector model"):
        learned.load_detector.__wrapped__(path)
    assert learned.load_detector.__wrapped__(tmp_path / "none.json") is None


def _doc(text: str) -> Document:
    return Document(id="d", source="d", text=text, content_hash="h", published="2024-03-06", language="en")


def test_a_sentence_the_rules_missed_gets_the_detected_event(
    model: learned.Detector, knowledge: KnowledgeBase
) -> None:
    doc = _doc("Pensioners staged a sit-in in Tabriz on Monday.")
    [m] = learned.add_detected(doc, (), knowledge, model)
    assert (m.event, m.extractor, m.trigger, m.text) == ("PROTEST", learned.EXTRACTOR, None, doc.text)
    assert m.date == "2024-03-04" and m.event_loc is not None and m.event_loc.resolved_place == "Tabriz"
    assert not m.historical and m.modality == "asserted" and m.actor == () and m.claimed_by is None


def test_no_second_event_where_a_reader_found_one(model: learned.Detector, knowledge: KnowledgeBase) -> None:
    doc = _doc("Pensioners staged a sit-in in Tabriz on Monday.")
    found = EventMention(
        "ev_1",
        "d",
        "PROTEST",
        "demo",
        doc.text,
        0,
        len(doc.text),
        Span("staged", 11, 17),
        "events.rules.v1",
        0.8,
    )
    assert learned.add_detected(doc, (found,), knowledge, model) == (found,)


def test_beside_the_rules_only_another_type_and_only_when_surer(
    model: learned.Detector, knowledge: KnowledgeBase
) -> None:
    """Where a reader found a PROTEST, the detector may add the arrest the sentence also tells, at
    its ``beside`` threshold, but never a second PROTEST; a model without that threshold adds none."""
    doc = _doc("Police detained dozens of students after the rally.")
    at = doc.text.index("rally")
    trigger = Span("rally", at, at + 5)
    rally = EventMention("ev_1", "d", "PROTEST", "demo", doc.text, 0, len(doc.text), trigger, "rules", 0.8)
    assert learned.add_detected(doc, (rally,), knowledge, model) == (rally,)
    found, arrest = learned.add_detected(doc, (rally,), knowledge, replace(model, beside=0.5))
    assert found == rally and arrest.event == "COERCE" and arrest.extractor == learned.EXTRACTOR
    assert learned.add_detected(doc, (rally,), knowledge, replace(model, beside=1.0)) == (rally,)


def test_nothing_without_a_model_or_an_event(model: learned.Detector, knowledge: KnowledgeBase) -> None:
    doc = _doc("Pensioners staged a sit-in in Tabriz on Monday.")
    assert learned.add_detected(doc, (), knowledge, None) == ()
    bread = _doc("The bakery sells fresh bread every morning.")
    assert learned.add_detected(bread, (), knowledge, model) == ()


def test_only_the_languages_the_model_reads(model: learned.Detector, knowledge: KnowledgeBase) -> None:
    doc = replace(_doc("Pensioners staged a sit-in in Tabriz on Monday."), language="de")
    assert learned.add_detected(doc, (), knowledge, model) == ()


def test_a_detector_reads_with_the_encoder_layers_it_names(model: learned.Detector, tmp_path: Path) -> None:
    """Its model file names its tuned layers, found beside it; here the published top layer, which
    reads as the published encoder does. Without the file it names, the model is refused."""
    from safetensors.numpy import load_file, save_file

    from chronicler.extract.embedding import model_dir

    where = model_dir()
    assert where is not None
    top = {k: v for k, v in load_file(str(where / "model.safetensors")).items() if ".layer.5." in k}
    layers = tmp_path / "layers.safetensors"
    save_file(top, str(layers))
    path = tmp_path / "detector.json"
    path.write_text(json.dumps(replace(model, layers=layers).to_json()), encoding="utf-8")
    loaded = learned.load_detector.__wrapped__(path)
    assert loaded is not None and loaded.layers == layers
    assert np.allclose(loaded.encode(PROTESTS), model.encode(PROTESTS), atol=1e-6)
    layers.unlink()
    with pytest.raises(ChroniclerError, match="encoder layers"):
        learned.load_detector.__wrapped__(path)


def test_a_detected_event_takes_the_sentence_voice(
    model: learned.Detector, knowledge: KnowledgeBase, nlp: Language
) -> None:
    """Who the sentence says claims it and how: the rules that read a trigger's clause read the
    sentence's main clause; "they said" continues the claimant named before."""
    text = (
        "Pensioners staged a sit-in in Tabriz on Monday, the Teachers Union said. "
        "Bus drivers may have staged a sit-in at the depot, they said."
    )
    doc = _doc(text)
    voices = voice_reader(doc.text, None, doc.published, nlp, knowledge)
    first, second = learned.add_detected(doc, (), knowledge, model, voices)
    assert first.claimed_by is not None and first.claimed_by.entity_text == "Teachers Union"
    assert first.modality == "asserted" and dict(first.provenance)["claimed_by"] == attribution.EXTRACTOR
    assert second.claimed_by == first.claimed_by and second.modality == "hedged"
