"""Event JSON read back into records: what ``EventMention.to_json`` writes, ``mention_from_json`` reads."""

from __future__ import annotations

from chronicler.consolidate.load import mention_from_json
from chronicler.records import Span


def test_round_trip(m, cnt) -> None:
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
