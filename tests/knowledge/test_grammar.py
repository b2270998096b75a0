"""The surface reader's closed classes (``packs/<lang>/surface.yaml``) and the Persian verb morphology."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.grammar import conjugate, load_grammar


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


def test_the_verbs_pack_loads_with_synonyms(knowledge: KnowledgeBase) -> None:
    grammar = knowledge.language("fa").grammar
    assert grammar is not None and grammar.morphology is not None
    forms = grammar.morphology.forms
    assert forms["نمودند"][0] == "کردن" and forms["گردید"][0] == "شدن"


@pytest.mark.parametrize("language", ["de", "fr", "fa"])
def test_grammar_packs_load(language: str, knowledge: KnowledgeBase) -> None:
    grammar = load_grammar(language)
    assert grammar["articles"] and grammar["prepositions"]
    assert grammar == knowledge.language(language).grammar
    assert (grammar.morphology is not None) == (language == "fa")


def test_english_has_no_surface_grammar(knowledge: KnowledgeBase) -> None:
    assert knowledge.language("en").grammar is None


def test_a_user_surface_pack_extends_a_closed_class(tmp_path: Path) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "surface.yaml").write_text("version: 1\nprepositions: [Zwischenwort]\n")
    grammar = load_grammar("de", [tmp_path])
    assert "zwischenwort" in grammar["prepositions"]  # lower-cased, as the reader compares words
    assert load_grammar("de")["prepositions"] < grammar["prepositions"]


def test_a_user_persian_verb_is_conjugated(tmp_path: Path) -> None:
    (tmp_path / "fa").mkdir()
    (tmp_path / "fa" / "surface.yaml").write_text("version: 1\nverbs:\n  پزیدن: [پزید, پز]\n")
    grammar = load_grammar("fa", [tmp_path])
    assert grammar.morphology is not None
    assert grammar.morphology.forms["نپزیدند"] == ("پزیدن", "Tense=Past|Polarity=Neg")
    assert grammar.morphology.forms["نمودند"][0] == "کردن"  # the shipped verbs stay


@pytest.mark.parametrize(("body", "message"), [
    ("version: 1\nprepositions: zwischen\n", "prepositions: expected a list"),
    ("version: 1\nprepositions: [\n", "cannot be read as YAML"),
])
def test_a_bad_user_surface_pack_names_the_file(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "surface.yaml").write_text(body)
    with pytest.raises(PackError) as info:
        load_grammar("de", [tmp_path])
    assert str(tmp_path / "de" / "surface.yaml") in str(info.value) and message in str(info.value)
