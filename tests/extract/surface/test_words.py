"""The surface reader: clauses, trigger forms, compounds, separable verbs, nouns, Persian spellings."""

from __future__ import annotations

import pytest

from chronicler.extract.surface.reader import sentences
from chronicler.extract.surface.words import Sentence, find_hits
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.grammar import Grammar


def _grammar(knowledge: KnowledgeBase, language: str) -> Grammar:
    grammar = knowledge.language(language).grammar
    assert grammar is not None
    return grammar


def _sentence(text: str, language: str, knowledge: KnowledgeBase) -> Sentence:
    return next(iter(sentences(text, language, _grammar(knowledge, language))))


def _hits(text: str, language: str, knowledge: KnowledgeBase) -> list[tuple[str, str]]:
    sent = _sentence(text, language, knowledge)
    hits = find_hits(sent, knowledge.language(language).lexicon, _grammar(knowledge, language))
    return [(h.event, " ".join(w.text for w in sent.words[h.first:h.last + 1])) for h in hits]


@pytest.mark.parametrize(("text", "expected"), [
    # a noun entry matches as the head of a compound
    ("Massenhinrichtungen lösten weltweit Empörung aus.", [("ASSAULT", "Massenhinrichtungen")]),
    # a separable verb with its particle at the end of the clause
    ("Die Polizei nahm am Abend in Ahvas sieben Studenten fest.",
     [("COERCE", "nahm am Abend in Ahvas sieben Studenten fest")]),
    # an attributive participle is inflected and is no trigger
    ("Die verhafteten Studentinnen kommen aus Ahvas.", []),
    # a noun after a preposition is the frame of something else
    ("Nach Protesten in Ahvas blieb die Lage ruhig.", []),
    # a noun opening its clause is the event
    ("Die Kundgebung in Ahvas dauerte drei Stunden.", [("PROTEST", "Kundgebung")]),
])
def test_german_triggers(text: str, expected: list[tuple[str, str]], knowledge: KnowledgeBase) -> None:
    assert _hits(text, "de", knowledge) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Les forces de l'ordre ont ouvert le feu sur la foule.", [("ASSAULT", "ouvert le feu")]),
    ("Les manifestations se sont étendues à dix villes.", [("PROTEST", "manifestations")]),
    ("Il a parlé pendant la manifestation de vendredi.", []),
])
def test_french_triggers(text: str, expected: list[tuple[str, str]], knowledge: KnowledgeBase) -> None:
    assert _hits(text, "fr", knowledge) == expected


def test_clause_bounds_stop_at_commas(knowledge: KnowledgeBase) -> None:
    sent = _sentence("Die Männer wurden verhaftet, die Frauen blieben frei.", "de", knowledge)
    i = next(j for j, w in enumerate(sent.words) if w.text == "verhaftet")
    lo, hi = sent.clause(i)
    assert [w.text for w in sent.words[lo:hi]] == ["Die", "Männer", "wurden", "verhaftet"]


def test_german_ordinal_does_not_end_the_sentence(knowledge: KnowledgeBase) -> None:
    text = "Die Minister beraten am 23. Januar in Brüssel."
    assert len(list(sentences(text, "de", _grammar(knowledge, "de")))) == 1


@pytest.mark.parametrize(("text", "expected"), [
    # the half-space, a space or nothing before the suffix: one key
    ("آنان بازداشت شده‌اند.", [("COERCE", "بازداشت شده‌اند")]),
    ("آنان بازداشت شده اند.", [("COERCE", "بازداشت شده اند")]),
    ("آنان بازداشت شدهاند.", [("COERCE", "بازداشت شدهاند")]),
    # every tense of the light verb, the formal synonym, the detached "می", the future
    ("مأموران آنان را بازداشت نمودند.", [("COERCE", "بازداشت نمودند")]),
    ("کارگران فردا تجمع خواهند کرد.", [("PROTEST", "تجمع خواهند کرد")]),
    ("کارگران هر روز تجمع می کنند.", [("PROTEST", "تجمع می کنند")]),
    # Arabic yeh and kaf fold to the Persian letters
    ("دو نفر دستگير شدند.", [("COERCE", "دستگير شدند")]),
    # a noun without its light verb is a topic
    ("بازداشت فعالان ادامه دارد.", []),
])
def test_persian_triggers(text: str, expected: list[tuple[str, str]], knowledge: KnowledgeBase) -> None:
    assert _hits(text, "fa", knowledge) == expected


def test_persian_comma_bounds_a_clause(knowledge: KnowledgeBase) -> None:
    sent = _sentence("به گزارش هرانا، دو نفر بازداشت شدند.", "fa", knowledge)
    i = next(j for j, w in enumerate(sent.words) if w.text == "بازداشت")
    lo, hi = sent.clause(i)
    assert [w.text for w in sent.words[lo:hi]] == ["دو", "نفر", "بازداشت", "شدند", "."]
