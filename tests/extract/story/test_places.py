"""Where an event is: the places its sentence names for it, and the story's home."""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronicler.extract.facts.places import datelines, find_places
from chronicler.extract.story import places as story_places
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.triggers import Cues


def test_the_home_is_the_country_and_the_dominant_city(knowledge: KnowledgeBase) -> None:
    text = "Farmers marched in Shahrekord on Sunday.\n\nThe governor of Shahrekord met them in Iran's west."
    country, city = story_places.home_place(text, datelines(text), knowledge.gazetteer)
    assert country is not None and country.country_code == "IR" and country.resolution == "country"
    assert city is not None and city.resolution == "city" and city.geonameid is not None


@pytest.mark.parametrize(
    ("sentence", "wide"),
    [
        ("Police arrested farmers in several towns.", True),
        ("Strikes spread to 21 cities.", True),
        ("Students protested at dozens of universities.", True),
        ("Protests were held nationwide.", True),
        ("Police arrested farmers in the town.", False),
    ],
)
def test_wide(nlp: Language, cues: Cues, knowledge: KnowledgeBase, sentence: str, wide: bool) -> None:
    assert story_places.wide(next(nlp(sentence).sents), cues, knowledge.english) is wide


@pytest.mark.parametrize(
    ("sentence", "trigger", "places"),
    [
        ("Police arrested nine students in Tabriz.", "arrested", ["Tabriz"]),
        ("Guards hanged a man convicted of burning a bank in Shiraz.", "hanged", []),
        ("Tehran said police arrested nine students.", "arrested", []),
        # a place naming what is there places the event too: a province, a bazaar
        ("Police arrested nine students in Qazvin province.", "arrested", ["Qazvin"]),
        ("Shopkeepers went on strike at the Tabriz bazaar.", "strike", ["Tabriz"]),
    ],
)
def test_place_for(
    nlp: Language, knowledge: KnowledgeBase, sentence: str, trigger: str, places: list[str]
) -> None:
    sent = next(nlp(sentence).sents)
    tok = next(t for t in sent if t.text == trigger)
    places_found = find_places(sentence, knowledge.gazetteer)
    found = story_places.place_for(sent, places_found, [], tok, knowledge.english)
    assert [p.resolved_place for p in found] == places
