"""Event JSON read back into records: what ``EventMention.to_json`` writes, ``mention_from_json`` reads."""

from __future__ import annotations

from collections.abc import Callable

from chronicler.consolidate.events import consolidate
from chronicler.consolidate.load import consolidated_from_json, mention_from_json
from chronicler.records import Count, DocumentFacts, EventMention, Span

Maker = Callable[..., EventMention]
Cnt = Callable[..., Count]
Doc = Callable[..., DocumentFacts]


def test_round_trip(m: Maker, cnt: Cnt) -> None:
    mention = m(
        "a1",
        "a",
        "ASSAULT",
        mode="firearms",
        date="2021-03-02",
        enddate="2021-03-04",
        place="Shiraz",
        places=("Shiraz", "Tehran"),
        actor=("police",),
        recipient=("protesters",),
        counts=(cnt("dead", 12, None, "at_least", "at least 12"),),
        claimed_by="Amnesty",
        modality="hedged",
        historical=True,
        start=40,
    )
    assert mention_from_json(mention.to_json()) == mention
    with_trigger = mention.__class__(**{**mention.__dict__, "trigger": Span("shot", 45, 49)})
    assert mention_from_json(with_trigger.to_json()) == with_trigger


def test_missing_optional_fields_take_defaults() -> None:
    mention = mention_from_json({"id": "x", "doc_id": "d", "event": "PROTEST"})
    assert (mention.modality, mention.historical, mention.counts, mention.event_loc) == (
        "asserted",
        False,
        (),
        None,
    )


def test_consolidated_round_trip(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = [
        m(
            "a1",
            "a",
            "ASSAULT",
            mode="firearms",
            date="2021-03-02",
            place="Shiraz",
            places=("Shiraz",),
            actor=("police",),
            recipient=("protesters",),
            counts=(cnt("dead", 12, None, "at_least", "at least 12"),),
            claimed_by="Amnesty",
        ),
        m(
            "b1",
            "b",
            "ASSAULT",
            date="2021-03-02",
            place="Shiraz",
            counts=(cnt("dead", 3),),
            modality="negated",
        ),
        m("c1", "c", "PROTEST", date="2020-01-05", place="Tehran", historical=True),
    ]
    documents = {
        "a": doc("a", "2021-03-03", affiliation="ngo", outlet_type="ngo"),
        "b": doc("b", "2021-03-04", representative="a"),
        "c": doc("c", None),
    }
    events = consolidate(mentions, documents)
    assert events and any(e.claims for e in events)
    for event in events:
        assert consolidated_from_json(event.to_json()) == event


def test_consolidated_missing_optional_fields_take_defaults() -> None:
    event = consolidated_from_json({"id": "ce_1", "event": "PROTEST"})
    assert (event.mentions, event.claims, event.sources.independent, event.disagreement) == ((), (), 0, False)
