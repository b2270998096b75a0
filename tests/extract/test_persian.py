"""Persian for the surface reader: spelling folds, the light-verb conjugator, joined affixes, roles.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from chronicler.extract.foreign import sentences
from chronicler.knowledge.triggers import load_cues, load_lexicon
from chronicler.extract.persian import conjugate, fold, morphology, regroup, stated
from chronicler.extract.surface import Sentence, find_hits, load_grammar


def _sentence(text: str) -> Sentence:
    return next(iter(sentences(text, "fa")))


@pytest.mark.parametrize(("written", "key"), [
    ("شده‌اند", "شدهاند"),  # the half-space goes
    ("دستگير", "دستگیر"),  # Arabic yeh
    ("كردند", "کردند"),  # Arabic kaf
    ("ظاهراً", "ظاهرا"),  # the tanwin
    ("مأموران", "ماموران"),  # hamza on alef
])
def test_fold(written: str, key: str) -> None:
    assert fold(written) == key


@pytest.mark.parametrize(("form", "morph"), [
    ("کردند", "Tense=Past"),
    ("کردهاند", "Tense=Past|Aspect=Perf"),
    ("کرده", "Tense=Past|VerbForm=Part"),
    ("میکنند", "Tense=Pres|Aspect=Imp"),
    ("کنند", "Mood=Sub"),
    ("نکردند", "Tense=Past|Polarity=Neg"),
    ("نمیکنند", "Tense=Pres|Aspect=Imp|Polarity=Neg"),
    ("نکرده", "Tense=Past|VerbForm=Part|Polarity=Neg"),
])
def test_conjugate(form: str, morph: str) -> None:
    assert conjugate("کرد", "کن")[form] == morph


def test_negative_of_a_stem_with_madda() -> None:
    assert "نیامدند" in conjugate("آمد", "آی")


def test_the_verbs_pack_loads_with_synonyms() -> None:
    forms = morphology().forms
    assert forms["نمودند"][0] == "کردن" and forms["گردید"][0] == "شدن"


@pytest.mark.parametrize(("text", "word", "lemma", "morph"), [
    ("آنان بازداشت شده اند.", "شده اند", "شدن", "Tense=Past|Aspect=Perf"),
    ("کارگران تجمع می کنند.", "می کنند", "کردن", "Tense=Pres|Aspect=Imp"),
    ("کارگران تجمع خواهند کرد.", "خواهند کرد", "کردن", "Tense=Fut"),
    ("کارگران تجمع نخواهند کرد.", "نخواهند کرد", "کردن", "Tense=Fut|Polarity=Neg"),
    ("کسی بازداشت نشد.", "نشد", "شدن", "Tense=Past|Polarity=Neg"),
])
def test_regroup_joins_and_tags(text: str, word: str, lemma: str, morph: str) -> None:
    sent = _sentence(text)
    found = next(w for w in sent.words if w.text == word)
    assert (found.lemma, found.morph) == (lemma, morph)
    assert text[found.start:found.end] == word  # offsets are the document's


def test_regroup_is_idempotent_on_offsets() -> None:
    sent = _sentence("مأموران دو نفر را بازداشت کرده اند.")
    assert regroup(sent).words == sent.words
    assert all(sent.text[w.start - sent.start:w.end - sent.start] == w.text for w in sent.words)


@pytest.mark.parametrize(("text", "kept"), [
    ("دو نفر بازداشت شده است.", True),  # participle with its auxiliary
    ("دو نفر بازداشت شده و آزاد شدند.", True),  # the participle of a chain
    ("افراد بازداشت شده آزاد نیستند.", False),  # a participle qualifying a noun
    ("این تجمع‌ها هر هفته برگزار می‌شود.", False),  # a habit
    ("قرار است کارگران فردا تجمع کنند.", True),  # a plan
    ("کارگران می‌خواهند تجمع کنند.", False),  # a wish
])
def test_stated(text: str, kept: bool) -> None:
    sent = _sentence(text)
    lexicon = load_lexicon((), "fa")
    hits = find_hits(sent, lexicon, load_grammar("fa"))
    assert hits
    assert bool(stated(sent, hits[:1], lexicon.groups, load_cues((), "fa"))) is kept
