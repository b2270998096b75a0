"""Which date of a sentence dates its event, and which clauses a borrowed date must not reach."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from chronicler.extract.english import clause_dates
from chronicler.extract.facts.times import find_dates
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues


def _word(doc_tokens: list[Token], text: str) -> Token:
    return next(t for t in doc_tokens if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "trigger", "date"),
    [
        ("Police arrested nine students on Monday.", "arrested", "2023-05-15"),
        # the date of the statement is not the event's
        ("The council said on Tuesday that police had arrested nine students.", "arrested", None),
        # a passive report names no statement: the date is the event's
        ("On Monday one student was reported killed in Ahvaz.", "killed", "2023-05-15"),
        # what an appeal asks for keeps its own date
        ("The union urged teachers to strike on Saturday.", "urged", None),
        # an offset of days from an undated event: the month of the sentence's date
        ("Unrest spread in late August, two days after police detained a teacher.", "detained", "2022-08"),
    ],
)
def test_date_for(
    nlp: Language, cues: Cues, knowledge: KnowledgeBase, sentence: str, trigger: str, date: str | None
) -> None:
    doc = nlp(sentence)
    sent = next(doc.sents)
    dates = find_dates(sentence, "2023-05-17", None, knowledge.language("en").dates)
    found = clause_dates.date_for(_word(list(doc), trigger), sent, dates, cues, knowledge.english)
    assert (found.date if found else None) == date


@pytest.mark.parametrize(
    ("sentence", "trigger", "descriptive", "shifted", "perfect"),
    [
        ("Police detained the father of a boy killed in Shiraz.", "killed", True, False, False),
        ("Police detained the father of a boy killed in Shiraz.", "detained", False, False, False),
        ("Two of them were later released.", "released", False, True, False),
        ("Dozens have been arrested.", "arrested", False, False, True),
        # what shares a perfect's time: a conjunct, how it was done
        ("Reporters have been detained and often beaten.", "beaten", False, False, True),
        ("The guards have answered by beating the prisoners.", "beating", False, False, True),
        ("Reporters were detained and beaten.", "beaten", False, False, False),
        # a relative clause has its own time
        ("Police have arrested men who attacked a bank.", "attacked", True, False, False),
    ],
)
def test_clause_kinds(
    nlp: Language, english: EnglishWords, sentence: str, trigger: str, descriptive: bool, shifted: bool,
    perfect: bool,
) -> None:
    tok = _word(list(nlp(sentence)), trigger)
    assert clause_dates.descriptive(tok) is descriptive
    assert clause_dates.shifted(tok, english) is shifted
    assert clause_dates.perfect(tok) is perfect


@pytest.mark.parametrize(
    ("sentence", "trigger", "mood", "ahead"),
    [
        ("Unions will strike on Monday.", "strike", "future", True),
        ("Police could shut down the market.", "shut", "hypothetical", True),
        ("Up to 40 people may have died.", "died", "hypothetical", False),
        # a verb told in the past is done, whatever the quote it carries plans
        ('Miners were chanting "We will return" outside the mine.', "chanting", "future", False),
        ("Miners said they would strike again.", "strike", "future", True),
        # only a risk: it has not happened
        ("Though they risk arrest, many women still go out unveiled.", "arrest", "asserted", True),
        ("Ten prisoners face the danger of being executed.", "executed", "asserted", True),
        ("Police arrested ten women in the park.", "arrested", "asserted", False),
    ],
)
def test_ahead(
    nlp: Language, english: EnglishWords, sentence: str, trigger: str, mood: str, ahead: bool
) -> None:
    assert clause_dates.ahead(_word(list(nlp(sentence)), trigger), mood, english) is ahead
