"""Document-level rules of mention assembly: where an event is, and who claims it."""

from __future__ import annotations

import pytest

from chronicler.pipeline import process
from chronicler.records import Document, EventMention

pytestmark = pytest.mark.slow


def _mentions(text: str, published: str = "2022-10-05") -> list[EventMention]:
    doc = Document(
        id="t",
        text=text,
        published=published,
        language="en",
        outlet="example.org",
        source="t",
        content_hash="t",
    )
    return list(process(doc).mentions)


def _one(text: str, event: str) -> EventMention:
    found = [m for m in _mentions(text) if m.event == event]
    assert len(found) == 1, [m.event for m in _mentions(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "event", "place"),
    [
        ("Police arrested nine students in Tabriz on Monday.", "COERCE", "Tabriz"),
        ("Workers went on strike at a refinery outside Abadan on Monday.", "PROTEST", "Abadan"),
        # a place in another role is not where the event was
        ("A US drone strike killed two fighters near the border on Monday.", "ASSAULT", "Iran"),
        ("Germany's envoy was arrested by police on Monday, Iranian media said.", "COERCE", "Iran"),
    ],
)
def test_event_place(text: str, event: str, place: str) -> None:
    # "Iran" comes from the story's home country, named in the second sentence.
    m = _one(text + " Officials in Tehran, Isfahan and elsewhere in Iran gave no comment.", event)
    assert m.event_loc is not None
    assert m.event_loc.resolved_place == place or (m.event_loc.country_code == "IR" and place == "Iran")
    assert place != "Iran" or m.event_loc.resolution == "country"


def test_an_unplaced_event_is_in_the_story_town() -> None:
    text = (
        "Farmers marched in Shahrekord on Sunday over water shortages.\n\n"
        "Police arrested six of them, a local lawyer said.\n\n"
        "The governor of Shahrekord promised a new pipeline."
    )
    arrest = _one(text, "COERCE")
    assert arrest.event_loc is not None and arrest.event_loc.extracted_place == "Shahrekord"


def test_claimant_is_the_name_not_the_description() -> None:
    m = _one("At least 40 people were killed, according to the monitoring group HRANA.", "ASSAULT")
    assert m.claimed_by is not None and m.claimed_by.entity_text == "HRANA"
