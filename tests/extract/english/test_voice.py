"""The voice of a sentence: who its main clause says claims it, and in which mood."""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronicler.extract.english import voice
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Entity

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("The union said that nurses walked out of two hospitals.", "walked"),
        ("Nurses walked out of two hospitals, the union said.", "walked"),
        ("Nurses walked out of two hospitals.", "walked"),
    ],
)
def test_the_main_clause_is_what_a_reporting_root_reports(
    text: str, clause: str, nlp: Language, knowledge: KnowledgeBase
) -> None:
    sent = next(nlp(text).sents)
    assert voice.main_clause(sent, knowledge.language("en").cues, knowledge.english).text == clause


@pytest.mark.parametrize(
    ("text", "claimant", "mood"),
    [
        ("Nurses walked out of two hospitals, the Nurses Guild said.", "Nurses Guild", "asserted"),
        ("According to the Nurses Guild, nurses walked out of two hospitals.", "Nurses Guild", "asserted"),
        ("The ministry denied that nurses walked out of two hospitals.", "ministry", "negated"),
        ("Nurses may have walked out of two hospitals.", None, "hedged"),
        ("Footage showed nurses walking out of two hospitals.", None, "asserted"),
        ("Nurses walked out of two hospitals, she said.", "Nurses Guild", "asserted"),
        ("Nurses walked out of two hospitals, Daily Ledger reported.", None, "asserted"),
    ],
)
def test_the_voice_of_a_sentence(
    text: str, claimant: str | None, mood: str, nlp: Language, knowledge: KnowledgeBase
) -> None:
    """A pronoun speaker continues the claimant named before; the outlet's own voice claims nothing."""
    before = Entity("Nurses Guild")
    found = voice.voice_of(next(nlp(text).sents), "Daily Ledger", before, knowledge, "2024-03-06")
    assert (found.claimant.entity_text if found.claimant else None, found.modality) == (claimant, mood)


def test_a_reader_parses_the_sentence_it_is_given(nlp: Language, knowledge: KnowledgeBase) -> None:
    text = "Crowds gathered in the square. Nurses walked out of two hospitals, the Nurses Guild said."
    read = voice.voice_reader(text, None, "2024-03-06", nlp, knowledge)
    start = text.index("Nurses")
    found = read(start, len(text), None)
    assert found.claimant is not None and found.claimant.entity_text == "Nurses Guild"
    assert read(0, start, None) == voice.Voice(None, "asserted", voice.EXTRACTORS)
