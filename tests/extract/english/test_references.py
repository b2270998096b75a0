"""Trigger words that only refer to an event: each rule on sentences of our own writing."""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronicler.extract.english.triggers import find_triggers
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Lexicon

pytestmark = pytest.mark.slow


def _events(nlp: Language, lexicon: Lexicon, english: EnglishWords, sentence: str) -> list[str]:
    return [h.event for s in nlp(sentence).sents for h in find_triggers(s, lexicon, english)]


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # conditional
        ("If the walkout spreads, the government could close the schools, an economist said.", "PROTEST"),
        # indirect question
        ("Nobody can yet say how many people died in the clashes.", "ASSAULT"),
        # time frame clause, including what is said inside it
        ("It was the quietest week since the protests erupted in the south.", "PROTEST"),
        ("Students met on Sunday, a week since officials admitted they had shot down the plane.", "ASSAULT"),
        # victims described by what happened to them
        ("Relatives of those killed gathered at the cemetery on Friday.", "ASSAULT"),
        ("Prosecutors said rioters who had been arrested would face trial.", "COERCE"),
        # the charge inside a conviction
        ("The court convicted a farmer of blocking a road with his tractor.", "PROTEST"),
        # definite event noun pointing back to a known event
        ("The arrests did not stop the campaign.", "COERCE"),
        ("Lawmakers condemned the killings in a joint letter.", "ASSAULT"),
        # rhetoric in a quotation
        ('"Our songs are a protest against silence," the singer told the audience.', "PROTEST"),
        # habit spanning decades
        ("For three decades the regime has carried out executions of its critics.", "ASSAULT"),
        # predicative and advice readings
        ("Investigators concluded that a faulty valve was to blame.", "ACCUSE"),
        ("Doctors warned older residents to stay indoors during the heatwave.", "THREATEN"),
        # purpose of a protest
        ("Nurses rallied outside the ministry to demand overdue wages.", "REQUEST"),
        # reason nouns
        ("Four men were hanged in connection with the unrest of 2019.", "PROTEST"),
        # lexical senses
        ("The ministry denied the prisoner access to a lawyer.", "REJECT"),
        ("The museum shows portraits shot by a court photographer in the 1890s.", "ASSAULT"),
        ("She travelled north to visit her grandmother's grave.", "CONSULT"),
        ("The novelist died in hospital on Tuesday at the age of 81.", "ASSAULT"),
        ("The union released a report on working conditions.", "RETREAT"),
    ],
)
def test_references_are_not_events(
    nlp: Language, lexicon: Lexicon, english: EnglishWords, sentence: str, absent: str
) -> None:
    assert absent not in _events(nlp, lexicon, english, sentence)


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        # the same constructions when they do report the event
        ("Security forces arrested twelve people after the protests erupted in the south.", "COERCE"),
        ("A teenager was among those killed in the port city, a hospital worker said.", "ASSAULT"),
        ("Witnesses described protesters shot by gunmen on a motorbike.", "ASSAULT"),
        ("The court oversaw trials of thousands of people detained in the crackdown.", "COERCE"),
        ("The protests spread to a dozen cities on Monday.", "PROTEST"),
        ("The executions were ordered by a special commission.", "ASSAULT"),
        ("The family was warned not to hold a memorial service.", "THREATEN"),
        ("Farmers blocked the main road into the city on Tuesday.", "PROTEST"),
        ("Activists put up banners on highway bridges overnight.", "PROTEST"),
        ("Riot police staged raids and shot two protesters in the city of Ahvaz.", "ASSAULT"),
    ],
)
def test_reports_stay(
    nlp: Language, lexicon: Lexicon, english: EnglishWords, sentence: str, present: str
) -> None:
    assert present in _events(nlp, lexicon, english, sentence)
