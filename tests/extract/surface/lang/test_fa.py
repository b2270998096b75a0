"""Persian for the surface reader: joined affixes, tenses, what is stated.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from chronicler.extract.surface.lang.fa import morphology, regroup, stated
from chronicler.extract.surface.reader import sentences
from chronicler.extract.surface.words import Sentence, find_hits
from chronicler.knowledge import KnowledgeBase, LanguageKnowledge


@pytest.fixture(scope="module")
def fa(knowledge: KnowledgeBase) -> LanguageKnowledge:
    return knowledge.language("fa")


def _sentence(text: str, fa: LanguageKnowledge) -> Sentence:
    assert fa.grammar is not None
    return next(iter(sentences(text, "fa", fa.grammar)))


def test_morphology_is_the_persian_grammar_s(fa: LanguageKnowledge, knowledge: KnowledgeBase) -> None:
    assert fa.grammar is not None and morphology(fa.grammar) is fa.grammar.morphology
    german = knowledge.language("de").grammar
    assert german is not None
    with pytest.raises(ValueError, match="no Persian morphology"):
        morphology(german)


@pytest.mark.parametrize(("text", "word", "lemma", "morph"), [
    ("آنان بازداشت شده اند.", "شده اند", "شدن", "Tense=Past|Aspect=Perf"),
    ("کارگران تجمع می کنند.", "می کنند", "کردن", "Tense=Pres|Aspect=Imp"),
    ("کارگران تجمع خواهند کرد.", "خواهند کرد", "کردن", "Tense=Fut"),
    ("کارگران تجمع نخواهند کرد.", "نخواهند کرد", "کردن", "Tense=Fut|Polarity=Neg"),
    ("کسی بازداشت نشد.", "نشد", "شدن", "Tense=Past|Polarity=Neg"),
])
def test_regroup_joins_and_tags(text: str, word: str, lemma: str, morph: str, fa: LanguageKnowledge) -> None:
    sent = _sentence(text, fa)
    found = next(w for w in sent.words if w.text == word)
    assert (found.lemma, found.morph) == (lemma, morph)
    assert text[found.start:found.end] == word  # offsets are the document's


def test_regroup_is_idempotent_on_offsets(fa: LanguageKnowledge) -> None:
    assert fa.grammar is not None and fa.grammar.morphology is not None
    sent = _sentence("مأموران دو نفر را بازداشت کرده اند.", fa)
    assert regroup(sent, fa.grammar.morphology).words == sent.words
    assert all(sent.text[w.start - sent.start:w.end - sent.start] == w.text for w in sent.words)


@pytest.mark.parametrize(("text", "kept"), [
    ("دو نفر بازداشت شده است.", True),  # participle with its auxiliary
    ("دو نفر بازداشت شده و آزاد شدند.", True),  # the participle of a chain
    ("افراد بازداشت شده آزاد نیستند.", False),  # a participle qualifying a noun
    ("این تجمع‌ها هر هفته برگزار می‌شود.", False),  # a habit
    ("قرار است کارگران فردا تجمع کنند.", True),  # a plan
    ("کارگران می‌خواهند تجمع کنند.", False),  # a wish
])
def test_stated(text: str, kept: bool, fa: LanguageKnowledge) -> None:
    assert fa.grammar is not None and fa.grammar.morphology is not None
    sent = _sentence(text, fa)
    hits = find_hits(sent, fa.lexicon, fa.grammar)
    assert hits
    assert bool(stated(sent, hits[:1], fa.lexicon.groups, fa.cues, fa.grammar.morphology)) is kept
