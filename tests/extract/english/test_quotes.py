"""Quotations over several sentences: every sentence inside the marks is the speaker's."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from chronicler.extract.english.quotes import quoted_by
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues
from chronicler.records import EventMention

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the speaker after the closing mark, curly or straight quotes
        ("“Guards fired at us. Two of my cousins were hit,” said a porter from Baneh.", "said"),
        ('"Guards fired at us. Two of my cousins were hit," a porter from Baneh told the paper.', "told"),
        # the speaker before the opening mark and a colon
        ("A nurse described the night: “Police beat the students. Then they took ten away.”", "described"),
    ],
)
def test_every_sentence_of_the_quotation_has_its_speaker(
    nlp: Language, cues: Cues, english: EnglishWords, text: str, speaker: str
) -> None:
    parsed = nlp(text)
    found = quoted_by(parsed, cues, english)
    sents = list(parsed.sents)
    assert len(sents) >= 2
    assert {found[s.start].text for s in sents} == {speaker}


@pytest.mark.parametrize(
    "text",
    [
        "“Guards fired at us,” said a porter. Two of his cousins were hit.",  # the quotation closed
        "“Guards fired at us. Two of my cousins were hit.",  # never closed: no speaker in reach
        "Guards fired at the crowd. Two porters were hit.",  # no quotation
    ],
)
def test_no_speaker_outside_a_quotation(nlp: Language, cues: Cues, english: EnglishWords, text: str) -> None:
    parsed = nlp(text)
    found = quoted_by(parsed, cues, english)
    second = list(parsed.sents)[-1]
    assert second.start not in found


def test_the_speaker_claims_the_sentences_before_the_reporting_verb(
    read_text: Callable[..., tuple[EventMention, ...]],
) -> None:
    mentions = read_text(
        "“Guards opened fire on the crowd without warning. Then they arrested my brother,” "
        "said a porter in Baneh."
    )
    assert {m.event for m in mentions} == {"ASSAULT", "COERCE"}
    assert {m.claimed_by.entity_text if m.claimed_by else None for m in mentions} == {"porter"}
