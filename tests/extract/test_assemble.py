"""The rules every reader shares: outlet voice, events to come, repression, confidence, ids."""

from __future__ import annotations

import pytest

from chronicler.extract import assemble
from chronicler.knowledge import KnowledgeBase
from chronicler.pipeline import process
from chronicler.records import Document, Entity, Modality


@pytest.mark.parametrize(
    ("mood", "date", "published", "expected"),
    [
        ("asserted", "2019-12", "2019-11-20", "future"),  # a later month, at the month's precision
        ("asserted", "2019-11", "2019-11-20", "asserted"),  # the same month: cannot be told
        ("asserted", "2019-11-21", "2019-11-20", "future"),
        ("asserted", "2019-11-19", "2019-11-20", "asserted"),
        ("asserted", "2020", "2019-11-20", "future"),
        ("asserted", "2019-12-01", "2019", "asserted"),  # a year-only publication date tells nothing finer
        ("asserted", None, "2019-11-20", "asserted"),
        ("asserted", "2019-12", None, "asserted"),
        ("negated", "2019-12", "2019-11-20", "negated"),  # only a stated event becomes one to come
    ],
)
def test_to_come(mood: Modality, date: str | None, published: str | None, expected: str) -> None:
    assert assemble.to_come(mood, date, published) == expected


def test_own_voice() -> None:
    assert assemble.own_voice(Entity("Iran Rights Watchers"), "iran rights watchers")
    assert not assemble.own_voice(Entity("Iran Rights Watchers"), "Daily Courier")
    assert not assemble.own_voice(Entity("Iran Rights Watchers"), None)


def test_context_is_repression_only_for_state_actors_of_assault_or_coercion() -> None:
    police = Entity("police", sector="COP")
    crowd = Entity("protesters", sector="CVL")
    assert assemble.context("ASSAULT", [police]) == ("repression",)
    assert assemble.context("COERCE", [crowd, police]) == ("repression",)
    assert assemble.context("ASSAULT", [crowd]) == ()
    assert assemble.context("PROTEST", [police]) == ()


def test_confidence_adds_evidence_to_the_reader_prior() -> None:
    reader = assemble.Reader({"event": "events.test.v1"}, prior=0.5)
    assert assemble.confidence(reader, verb=False, participants=False, date=False, counts=False) == 0.5
    assert assemble.confidence(reader, verb=True, participants=True, date=True, counts=True) == 0.8


def test_mention_id_is_stable_and_tells_triggers_apart() -> None:
    one = assemble.mention_id("doc", 10, "PROTEST", 12)
    assert one == assemble.mention_id("doc", 10, "PROTEST", 12)
    assert one.startswith("ev_") and len(one) == 23
    assert one != assemble.mention_id("doc", 10, "PROTEST", 30)
    assert one != assemble.mention_id("doc", 10, "ASSAULT", 12)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In December 2019, teachers protested in Tehran."),
        ("fr", "En décembre 2019, les enseignants ont manifesté à Téhéran."),
        ("de", "Im Dezember 2019 streikten die Lehrer in Teheran."),
    ],
)
def test_every_language_dates_a_later_month_as_to_come(
    knowledge: KnowledgeBase, language: str, text: str
) -> None:
    """One rule for all readers: before, a month after publication was future in English only."""
    doc = Document(id="d", source="d", text=text, content_hash="h", published="2019-11-20", language=language)
    [mention] = process(doc, knowledge).mentions
    assert (mention.date, mention.modality) == ("2019-12", "future")
