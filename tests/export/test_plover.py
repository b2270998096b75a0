"""PLOVER records: the manual's field names, whole-day dates with their precision, Wikidata items
for known actors, GeoNames-style locations with no point for a country."""

from __future__ import annotations

from collections.abc import Callable

from chronicler.export.columns import SourceFacts
from chronicler.export.plover import QUADS, record
from chronicler.knowledge.actors import load_actors
from chronicler.knowledge.countries import Country
from chronicler.records import Count, Entity, EventMention, Location

FIELDS = {"id", "date", "enddate", "actor", "recipient", "event", "mode", "context", "quad_code", "event_loc",
          "event_text", "text", "text_info", "cite_info"}  # fmt: skip


def test_a_record_in_plovers_terms(
    mention_of: Callable[..., EventMention], source: SourceFacts, countries: dict[str, Country]
) -> None:
    counts = (
        Count("dead", 4, None, "at_least", "at least four"),
        Count("participants", 300, None, "about", "300"),
    )
    found = record(mention_of(counts=counts), source, {}, countries, "chronicler 0.1.0")
    assert set(found) >= FIELDS
    assert (found["date"], found["date_precision"], found["event"], found["mode"]) == (
        "2022-10-01",
        "day",
        ["ASSAULT"],
        ["firearms"],
    )
    assert found["quad_code"] == 4 and found["event_text"] == ["fired on"]
    assert found["actor"][0] == {
        "code": "IRN",
        "sector": "COP",
        "actor_text": "riot police",
        "identifier_id": None,
        "identifier_text": None,
        "chronicler_id": None,
    }
    loc = found["event_loc"]
    assert (loc["name"], loc["latitude"], loc["feature code"], loc["country code"], loc["cc3"]) == (
        "Karaj",
        35.8355,
        "PPL",
        "IR",
        "IRN",
    )
    assert (found["dead"], found["size"], found["injured"]) == (4, 300, None)
    assert found["cite_info"]["url"] == "https://wire.example/a?x=1"
    assert found["cite_info"]["coder"] == "chronicler 0.1.0 events.rules.v1"
    assert found["claimed_by"]["identifier_text"] == "Iran Human Rights"


def test_months_and_years_are_whole_days_with_their_precision(
    mention_of: Callable[..., EventMention], places: dict[str, Location], countries: dict[str, Country]
) -> None:
    month = record(mention_of(date="2019-11", loc=places["country"]), None, {}, countries, "c")
    assert (month["date"], month["date_precision"]) == ("2019-11-01", "month")
    assert (month["event_loc"]["latitude"], month["event_loc"]["feature code"]) == (None, "PCLI")
    year = record(mention_of(date="1988", loc=None), None, {}, countries, "c")
    assert (year["date"], year["date_precision"], year["event_loc"]) == ("1988-01-01", "year", None)
    assert record(mention_of(date=None), None, {}, countries, "c")["date"] is None


def test_known_actors_carry_their_wikidata_item(
    mention_of: Callable[..., EventMention], countries: dict[str, Country]
) -> None:
    actors = load_actors()
    qids = {key: a.wikidata for key, a in actors.actors.items() if a.wikidata}
    assert qids["iran"] == "Q794" and qids["united-nations"] == "Q1065"
    un = Entity("the UN", "united-nations", "United Nations", "IGO", "IGO")
    mention = mention_of(event="ACCUSE", mode="disapprove")
    found = record(type(mention)(**{**mention.__dict__, "actor": (un,)}), None, qids, countries, "c")
    assert found["actor"][0]["identifier_id"] == "Q1065"
    assert found["actor"][0]["chronicler_id"] == "united-nations"
    assert found["quad_code"] == 3


def test_an_office_resolved_to_its_holder_carries_the_holder_s_item(
    mention_of: Callable[..., EventMention], countries: dict[str, Country]
) -> None:
    actors = load_actors()
    qids = {key: a.wikidata for key, a in actors.actors.items() if a.wikidata}
    leader = Entity("the Supreme Leader", "ali-khamenei", "Ali Khamenei", "IRN", "GOV")
    mention = mention_of(event="ACCUSE", mode="disapprove")
    found = record(type(mention)(**{**mention.__dict__, "actor": (leader,)}), None, qids, countries, "c")
    assert found["actor"][0]["identifier_id"] == "Q57336"
    assert {qids["ruhollah-khomeini"], qids["masoud-pezeshkian"], qids["parliament"]} == {
        "Q38823", "Q5933752", "Q378605"}


def test_every_plover_type_has_its_quad() -> None:
    assert len(QUADS) == 16 and set(QUADS.values()) == {1, 2, 3, 4}
