from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import pytest

from chronicler.errors import StoreError
from chronicler.records import EventMention, Location
from chronicler.store.rows import (
    decode_mention,
    decode_record,
    document_row,
    encode_record,
    mention_row,
    stored_document,
)


def test_encode_record_round_trips_and_keeps_key_order(build: Any) -> None:
    mention: EventMention = build.mention("m1", text="Demonstrators in Mashhad — «no» — dispersed.")
    encoded = encode_record(mention)
    assert "«no»" in encoded  # stored as written, not as \\u escapes
    assert list(decode_record(encoded)) == list(mention.to_json())
    assert decode_record(encoded) == mention.to_json()


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_encode_record_refuses_non_finite_numbers(build: Any, bad: float) -> None:
    place = Location("Qom", "Qom", None, bad, 50.0, "Qom", "IR", "city")
    with pytest.raises(StoreError, match="must be finite"):
        encode_record(build.mention("m1", event_loc=place))


def test_mention_row_copies_the_columns_queries_need(build: Any) -> None:
    place = build.location("Shiraz", "Fars", "IR", "the city of Shiraz")
    row = mention_row(build.mention("m1", event_loc=place, historical=True))
    picked = {k: row[k] for k in ("place", "extracted_place", "admin1", "country_code", "historical")}
    assert picked == {
        "place": "Shiraz",
        "extracted_place": "the city of Shiraz",
        "admin1": "Fars",
        "country_code": "IR",
        "historical": True,
    }
    assert json.loads(row["record"])["event_loc"]["resolved_place"] == "Shiraz"


def test_mention_row_without_location(build: Any) -> None:
    row = mention_row(build.mention("m1"))
    assert (row["place"], row["admin1"], row["country_code"], row["extracted_place"]) == (None,) * 4


@pytest.mark.parametrize(
    "ingested",
    [
        dt.datetime(2024, 5, 1, 12, 30),
        dt.datetime(2024, 5, 1, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=1, minutes=30))),
    ],
)
def test_stored_document_is_the_document_with_its_utc_time(build: Any, ingested: dt.datetime) -> None:
    document = build.document("d", published_inferred=True)
    stored = stored_document(document_row(document, ingested))
    assert stored.document == document
    assert stored.ingested_at == dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.UTC)
    assert stored.ingested_at.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("resolved", ["Ahvāz", ""])
def test_decode_mention_gives_back_the_record_stored(build: Any, resolved: str) -> None:
    place = Location("Ahvaz", resolved, 144448, 31.319, 48.6842, "Khuzestan", "IR", "city")
    mention: EventMention = build.mention("m1", event_loc=place, places=(place,), confidence=1 / 3)
    assert decode_mention(encode_record(mention)) == mention
