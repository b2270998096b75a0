"""Consolidation of hand-written mentions: which ones are one event, merged fields, ids, increments."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from chronicler.consolidate.claims import acled_conservative, claim_groups
from chronicler.consolidate.events import consolidate, event_id
from chronicler.knowledge import KnowledgeBase
from chronicler.records import ConsolidatedEvent, Count, DocumentFacts, Entity, EventMention

Maker = Callable[..., EventMention]
Cnt = Callable[..., Count]
Doc = Callable[..., DocumentFacts]


def groups(events: tuple[ConsolidatedEvent, ...]) -> set[frozenset[str]]:
    return {frozenset(e.mentions) for e in events}


def together(events: tuple[ConsolidatedEvent, ...], *ids: str) -> bool:
    return any(set(ids) <= set(e.mentions) for e in events)


def docs_of(doc: Doc, **published: str | None) -> dict[str, DocumentFacts]:
    return {d: doc(d, p) for d, p in published.items()}


def test_a_document_repeating_its_main_event_is_one_event(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "PROTEST", mode="demo", date="2021-03-02", place="Tehran", actor=("protesters",)),
        m("a2", "a", "PROTEST", date=None, start=200),
        m("a3", "a", "PROTEST", mode="demo", date="2021-03", place="Iran", start=400),
    ]
    events = consolidate(mentions, docs_of(doc, a="2021-03-03"))
    assert groups(events) == {frozenset({"a1", "a2", "a3"})}


def test_protests_in_two_cities_on_one_day_stay_apart(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", date="2021-03-02", place="Tehran"),
        m("b1", "b", date="2021-03-02", place="Mashhad"),
    ]
    events = consolidate(mentions, docs_of(doc, a="2021-03-03", b="2021-03-03"))
    assert len(events) == 2


def test_reports_of_one_event_across_documents_merge(m: Maker, doc: Doc) -> None:
    mentions = [
        m(
            "a1",
            "a",
            "ASSAULT",
            date="2021-03-02",
            place="Shiraz",
            actor=("police",),
            recipient=("protesters",),
        ),
        m("b1", "b", "ASSAULT", date="2021-03", place="Iran", actor=("police",)),
        m("c1", "c", "ASSAULT", date="2021-03-03", place="Fars"),
    ]
    events = consolidate(mentions, docs_of(doc, a="2021-03-03", b="2021-03-05", c="2021-03-06"))
    assert groups(events) == {frozenset({"a1", "b1", "c1"})}


def test_a_later_article_recalling_the_event_joins_it(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", date="2019-11-16", place="Tehran", counts=(cnt("dead", 304),)),
        m("b1", "b", "ASSAULT", date="2019-11", historical=True, place="Iran", counts=(cnt("dead", 304),)),
        m("c1", "c", "ASSAULT", date="2019", historical=True, place="Tehran"),
        m("d1", "d", "ASSAULT", date="2019", historical=True),  # a year alone is too little
    ]
    events = consolidate(
        mentions, docs_of(doc, a="2019-11-18", b="2022-09-20", c="2023-01-02", d="2023-01-02")
    )
    assert groups(events) == {frozenset({"a1", "b1", "c1"}), frozenset({"d1"})}
    assert events[0].historical is False


def test_an_event_only_recalled_is_historical(m: Maker, doc: Doc) -> None:
    mentions = [m("b1", "b", "ASSAULT", date="1988", historical=True)]
    (event,) = consolidate(mentions, docs_of(doc, b="2022-09-20"))
    assert event.historical is True


def test_a_city_and_the_whole_country_need_one_more_shared_detail(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "COERCE", date="2021-03-02", place="Tehran"),
        m("b1", "b", "COERCE", date="2021-03", place="Iran"),
        m("c1", "c", "COERCE", date="2021-03", place="Iran", actor=("police",)),
        m("d1", "d", "COERCE", date="2021-03-02", place="Tehran", actor=("police",)),
    ]
    docs = docs_of(doc, a="2021-03-03", b="2021-03-04", c="2021-03-05", d="2021-03-06")
    # b1 and c1 share the country and the month; d1 shares the city and the day with a1
    assert groups(consolidate(mentions, docs)) == {frozenset({"a1", "d1"}), frozenset({"b1", "c1"})}
    mentions[1] = m("b1", "b", "COERCE", date="2021-03", place="Iran", actor=("police",))
    mentions[0] = m("a1", "a", "COERCE", date="2021-03-02", place="Tehran", actor=("police",))
    # with the police named everywhere, the national reports join the Tehran one
    assert groups(consolidate(mentions, docs)) == {frozenset({"a1", "b1", "c1", "d1"})}


def test_different_months_stay_apart(m: Maker, doc: Doc) -> None:
    mentions = [m("a1", "a", date="2019-11"), m("b1", "b", date="2022-09")]
    assert len(consolidate(mentions, docs_of(doc, a="2019-11-20", b="2022-09-25"))) == 2


def test_day_dates_a_few_days_apart_are_one_event_more_are_not(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", date="2021-03-02", place="Tehran"),
        m("b1", "b", date="2021-03-04", place="Tehran"),
        m("c1", "c", date="2021-03-20", place="Tehran"),
    ]
    events = consolidate(mentions, docs_of(doc, a="2021-03-03", b="2021-03-05", c="2021-03-21"))
    assert groups(events) == {frozenset({"a1", "b1"}), frozenset({"c1"})}


def test_verbal_events_by_different_speakers_are_different(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "REJECT", date="2021-03-04", actor=("judiciary",)),
        m("a2", "a", "REJECT", date="2021-03-04", actor=("interior ministry",), start=100),
        m("b1", "b", "REJECT", date="2021-03-04", actor=("judiciary",)),
    ]
    events = consolidate(mentions, docs_of(doc, a="2021-03-05", b="2021-03-05"))
    assert groups(events) == {frozenset({"a1", "b1"}), frozenset({"a2"})}


def test_verbal_events_without_a_shared_speaker_do_not_merge_across_documents(m: Maker, doc: Doc) -> None:
    mentions = [m("a1", "a", "REQUEST", date="2021-03-04"), m("b1", "b", "REQUEST", date="2021-03-04")]
    assert len(consolidate(mentions, docs_of(doc, a="2021-03-05", b="2021-03-05"))) == 2


def test_undated_mentions_need_evidence_beyond_the_type(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", date="2021-03-02", counts=(cnt("dead", 17),)),
        m("b1", "b", "ASSAULT"),
        m("c1", "c", "ASSAULT", counts=(cnt("dead", 17),)),
    ]
    events = consolidate(mentions, docs_of(doc, a="2021-03-03", b="2021-03-04", c="2021-03-05"))
    assert groups(events) == {frozenset({"a1", "c1"}), frozenset({"b1"})}


def test_a_planned_protest_is_not_the_one_that_happened(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", date="2021-03-02", place="Tehran"),
        m("a2", "a", place="Tehran", modality="future", start=300),
    ]
    assert len(consolidate(mentions, docs_of(doc, a="2021-03-03"))) == 2


def test_different_types_never_merge(m: Maker, doc: Doc) -> None:
    mentions = [m("a1", "a", "PROTEST", date="2021-03-02"), m("a2", "a", "COERCE", date="2021-03-02")]
    assert len(consolidate(mentions, docs_of(doc, a="2021-03-03"))) == 2


def test_opposite_sides_do_not_merge(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", date="2021-03-02", actor=("security forces",), recipient=("protesters",)),
        m("b1", "b", "ASSAULT", date="2021-03-02", actor=("protesters",), recipient=("police",)),
    ]
    assert len(consolidate(mentions, docs_of(doc, a="2021-03-03", b="2021-03-03"))) == 2


def test_merged_fields(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", mode="firearms", date="2021-03-02", place="Shiraz", actor=("police",)),
        m("b1", "b", "ASSAULT", date="2021-03", place="Iran", actor=("police", "security forces")),
        m("c1", "c", "ASSAULT", mode="firearms", date="2021-03-02", place="Shiraz", counts=(cnt("dead", 3),)),
        m("d1", "d", "ASSAULT", date="2021-03", historical=True, place="Iran", actor=("police",)),
    ]
    docs = docs_of(doc, a="2021-03-03", b="2021-03-04", c="2021-03-04", d="2022-01-01")
    (event,) = consolidate(mentions, docs)
    assert event.event == "ASSAULT"
    assert event.mode == "firearms"
    assert event.date == "2021-03-02"
    assert event.event_loc is not None and event.event_loc.resolved_place == "Shiraz"
    assert [p.resolved_place for p in event.places] == ["Shiraz", "Iran"]
    assert [a.entity_text for a in event.actor] == ["police", "security forces"]
    assert event.documents == ("a", "b", "c", "d")
    assert event.mentions == ("a1", "b1", "c1", "d1")
    assert [c.mention_id for c in event.claims] == ["c1"]
    assert event.historical is False
    assert event.sources.independent == 4


def test_the_result_does_not_depend_on_input_order(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = [
        m(f"{d}{i}", d, t, date=date, place=place, counts=(cnt("dead", 5),) if i == 2 else ())
        for d in "abcd"
        for i, (t, date, place) in enumerate(
            [("PROTEST", "2021-03-02", "Tehran"), ("ASSAULT", "2021-03", "Iran"), ("ASSAULT", None, None)]
        )
    ]
    docs = docs_of(doc, a="2021-03-03", b="2021-03-04", c="2021-03-04", d=None)
    first = consolidate(mentions, docs)
    for seed in range(5):
        shuffled = list(mentions)
        random.Random(seed).shuffle(shuffled)
        assert consolidate(shuffled, docs) == first


def test_ids_are_stable_and_named_after_the_earliest_member(m: Maker, doc: Doc) -> None:
    mentions = [
        m("b1", "b", date="2021-03-02", place="Tehran"),
        m("a1", "a", date="2021-03-02", place="Tehran"),
    ]
    docs = docs_of(doc, a="2021-03-03", b="2021-03-02")
    (event,) = consolidate(mentions, docs)
    assert re.fullmatch(r"ce_[0-9a-f]{20}", event.id)
    assert event.id == event_id("b1")  # b was published first
    later = [*mentions, m("c1", "c", date="2021-03-02", place="Tehran")]
    (again,) = consolidate(later, {**docs, "c": doc("c", "2021-04-01")})
    assert again.id == event.id
    assert again.mentions == ("b1", "a1", "c1")


def _corpus(m: Maker, cnt: Cnt) -> list[EventMention]:
    out: list[EventMention] = []
    for n, d in enumerate("abcdefgh"):
        out += [
            m(f"{d}1", d, "PROTEST", date=f"2021-0{1 + n % 3}-1{n % 2}", place=("Tehran", "Shiraz")[n % 2]),
            m(f"{d}2", d, "ASSAULT", date=f"2021-0{1 + n % 3}", counts=(cnt("dead", 10 + n % 2),), start=100),
            m(f"{d}3", d, "REJECT", actor=(("judiciary",), ("UN",))[n % 2], start=200),
            m(f"{d}4", d, "ASSAULT", date="2019", historical=True, start=300),
        ]
    return out


def test_incremental_ingestion_gives_the_grouping_of_one_run(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = _corpus(m, cnt)
    docs = {d: doc(d, f"2021-0{1 + n % 3}-2{n}") for n, d in enumerate("abcdefgh")}
    whole = consolidate(mentions, docs)
    first_docs = {d for d, f in docs.items() if f.published and f.published < "2021-02-25"}
    first = consolidate([x for x in mentions if x.doc_id in first_docs], docs)
    second = consolidate(mentions, docs, previous=first)
    assert groups(second) == groups(whole)
    assert {e.id for e in second} == {e.id for e in whole}
    assert {e.id for e in first} <= {e.id for e in second}


def test_incremental_mode_with_a_back_filled_report_gives_one_runs_result(m: Maker, doc: Doc) -> None:
    a1, z1 = m("a1", "a", date="2021-03-02", place="Tehran"), m("z1", "z", date="2021-03-02", place="Tehran")
    docs = {"a": doc("a", "2021-03-03"), "z": doc("z", "2021-03-02")}
    old = consolidate([a1], docs)
    # an earlier-published report joins: the event is named after it, as one run names it
    new = consolidate([a1, z1], docs, previous=old)
    assert new == consolidate([a1, z1], docs)
    assert [e.id for e in new] == [event_id("z1")] != [e.id for e in old]


def test_incremental_mode_in_any_order_gives_one_runs_result(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = _corpus(m, cnt)
    docs = {d: doc(d, f"2021-0{1 + n % 3}-2{n}") for n, d in enumerate("abcdefgh")}
    whole = consolidate(mentions, docs)
    for order in ("abcdefgh", "hgfedcba", "dahbgcfe"):
        result: tuple[ConsolidatedEvent, ...] = ()
        for n in range(1, len(order) + 1):
            known = set(order[:n])
            result = consolidate([x for x in mentions if x.doc_id in known], docs, previous=result)
        assert result == whole, order


def test_a_mention_gone_regroups_the_rest_as_one_run_would(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = _corpus(m, cnt)
    docs = {d: doc(d, f"2021-0{1 + n % 3}-2{n}") for n, d in enumerate("abcdefgh")}
    rest = [x for x in mentions if x.id != "a2"]
    assert consolidate(rest, docs, previous=consolidate(mentions, docs)) == consolidate(rest, docs)


def test_json_has_exactly_the_contract_fields(m: Maker, doc: Doc) -> None:
    (event,) = consolidate([m("a1", "a", date="2021-03-02", place="Tehran")], {"a": doc("a", "2021-03-03")})
    assert list(event.to_json()) == [
        "id", "event", "mode", "date", "enddate", "event_loc", "places", "actor", "recipient",
        "historical", "mentions", "documents", "claims", "sources", "disagreement",
    ]  # fmt: skip
    assert event.to_json()["event_loc"]["resolved_place"] == "Tehran"


# Four short reports of one invented event: a wire story, its repost, a revised toll, a denial.
REPORTS = [
    (
        "wire1",
        "2021-06-13",
        "wire.example",
        "Security forces shot dead at least 12 protesters in the southwestern city of Ahvaz on "
        "Saturday, the rights group Amnesty International said on Sunday. Thousands of people had "
        "taken to the streets of Ahvaz to protest against water shortages.",
    ),
    ("repost1", "2021-06-13", "repost.example", None),  # the same text, reposted
    (
        "paper1",
        "2021-06-17",
        "paper.example",
        "Amnesty International raised its toll on Thursday, saying security forces killed 19 "
        "protesters in Ahvaz on 12 June. Police arrested dozens of demonstrators in the city, it added.",
    ),
    (
        "state1",
        "2021-06-18",
        "state.example",
        "Iran's interior ministry denied on Friday that security forces had killed protesters in "
        "Ahvaz, calling the reports lies.",
    ),
]


@pytest.mark.slow
def test_the_real_pipeline_on_reports_of_one_event(knowledge: KnowledgeBase) -> None:
    from chronicler.clean import clean
    from chronicler.pipeline import process
    from chronicler.records import Document, RawDocument

    mentions: list[EventMention] = []
    facts: dict[str, DocumentFacts] = {}
    for doc_id, published, outlet, text in REPORTS:
        raw = RawDocument(doc_id, text=text or REPORTS[0][3], id=doc_id, published=published, outlet=outlet)
        document = clean(raw, knowledge.boilerplate)
        assert isinstance(document, Document)
        mentions += process(document, knowledge).mentions
        rep = "wire1" if doc_id == "repost1" else doc_id
        facts[doc_id] = DocumentFacts(doc_id, published, outlet, rep, outlet, None, None)
    events = consolidate(mentions, facts)
    killings = [e for e in events if e.event == "ASSAULT"]
    assert len(killings) == 1
    (event,) = killings
    assert event.documents == ("paper1", "repost1", "state1", "wire1")
    assert event.event_loc is not None and event.event_loc.resolved_place == "Ahvaz"
    assert event.sources.outlets == ("paper.example", "state.example", "wire.example")
    assert event.sources.independent == 3
    assert event.disagreement  # the ministry's denial meets the reports
    amnesty = claim_groups(event.claims)[("dead", "amnesty-international")]
    assert [c.low for c in amnesty] == [12, 12, 19]  # the original, its repost, then the revision
    assert acled_conservative(event.claims, "dead") == 19
    assert consolidate(list(reversed(mentions)), facts) == events


def test_a_different_form_needs_more_evidence_than_the_month(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", mode="destroy", date="2021-03"),
        m("b1", "b", "ASSAULT", mode="firearms", date="2021-03"),
        m("b2", "b", "ASSAULT", mode="destroy", date="2021-03", start=100),
    ]
    events = consolidate(mentions, docs_of(doc, a="2021-03-20", b="2021-03-21"))
    assert groups(events) == {frozenset({"a1", "b2"}), frozenset({"b1"})}


def test_names_in_a_consolidated_event_hold_no_controls_or_bidi_characters(
    m: Maker, cnt: Cnt, doc: Doc
) -> None:
    spoof = Entity("\u202eecilop\x1b", None, None, "IRN", "COP")
    mention = replace(
        m("a1", "a", "ASSAULT", date="2021-03-02", place="Tehran", counts=(cnt("dead", 12),)),
        actor=(spoof,),
        claimed_by=spoof,
    )
    facts = replace(doc("a", "2021-03-03"), outlet="\u202emoc.cbb")
    (event,) = consolidate([mention], {"a": facts})
    assert [a.entity_text for a in event.actor] == ["ecilop"]
    assert [(c.claimed_by.entity_text if c.claimed_by else None, c.outlet) for c in event.claims] == [
        ("ecilop", "moc.cbb")
    ]
    assert mention.actor[0].entity_text == "\u202eecilop\x1b"  # the mention keeps its sentence's words
