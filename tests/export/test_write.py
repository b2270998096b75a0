"""Writers: CSV that a spreadsheet cannot run and that reads back exactly, GeoJSON as RFC 7946 has it."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from chronicler.export.columns import EVENT_COLUMNS, Cell, event_row
from chronicler.export.geojson import feature
from chronicler.export.write import cell_text, write_csv, write_geojson, write_jsonl
from chronicler.knowledge.countries import Country
from chronicler.records import EventMention, Location
from chronicler.text.csvcells import read_rows
from chronicler.text.safe import display


def check_geojson(collection: Any) -> None:
    """What RFC 7946 asks of a FeatureCollection of points: members, types, [lon, lat] in range."""
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    for item in collection["features"]:
        assert item["type"] == "Feature" and isinstance(item["properties"], dict)
        assert "geometry" in item
        geometry = item["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(isinstance(v, float | int) and math.isfinite(v) for v in (lon, lat))


def test_cells_as_text() -> None:
    assert [cell_text(v) for v in (None, True, False, 3, 0.5, "x")] == ["", "true", "false", "3", "0.5", "x"]


# Text as articles bring it: any printable character, formula starters, quotes, commas, new lines.
texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("=+-@'\",;\n\t\r\uff1d"), max_size=40
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=5))
def test_csv_round_trip_gives_the_text_back_and_runs_no_formula(pairs: list[tuple[str, str]]) -> None:
    rows: list[dict[str, Cell]] = [{"actor": a, "text": t} for a, t in pairs]
    stream = io.StringIO()
    assert write_csv(stream, ("actor", "text"), rows) == len(rows)
    raw = list(csv.reader(io.StringIO(stream.getvalue())))
    for record in raw[1:]:
        assert all(not cell or cell[0] not in "=+-@\t\r\n\uff1d" for cell in record)
    back = list(read_rows(io.StringIO(stream.getvalue())))
    assert back == [{"actor": display(a), "text": display(t)} for a, t in pairs]


def test_a_formula_in_an_evidence_sentence_is_quoted_in_the_file(
    mention_of: Callable[..., EventMention], countries: dict[str, Country]
) -> None:
    row = event_row(mention_of(text='=HYPERLINK("http://x.example","click")'), None, countries)
    stream = io.StringIO()
    write_csv(stream, EVENT_COLUMNS, [row])
    (record,) = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert record["text"] == '\'=HYPERLINK("http://x.example","click")'
    (back,) = list(read_rows(io.StringIO(stream.getvalue())))
    assert back["text"] == '=HYPERLINK("http://x.example","click")'
    assert back["latitude"] == "35.8355" and back["historical"] == "false"


def test_geojson_points_only_for_towns(
    mention_of: Callable[..., EventMention], places: dict[str, Location], countries: dict[str, Country]
) -> None:
    rows = [
        event_row(mention_of(id="ev_town"), None, countries),
        event_row(mention_of(id="ev_country", loc=places["country"]), None, countries),
        event_row(mention_of(id="ev_nowhere", loc=None), None, countries),
    ]
    stream = io.StringIO()
    assert write_geojson(stream, rows) == 3
    collection = json.loads(stream.getvalue())
    check_geojson(collection)
    town, country, nowhere = collection["features"]
    assert town["geometry"] == {"type": "Point", "coordinates": [50.9915, 35.8355]}  # [lon, lat]
    assert town["id"] == "ev_town" and town["properties"]["place"] == "Karaj"
    assert country["geometry"] is None and country["properties"]["country"] == "Iran"
    assert country["properties"]["geo_precision"] == "country"
    assert nowhere["geometry"] is None and "latitude" not in nowhere["properties"]


def test_an_empty_collection_is_valid() -> None:
    stream = io.StringIO()
    assert write_geojson(stream, []) == 0
    check_geojson(json.loads(stream.getvalue()))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fixed_dictionaries({"id": texts, "text": texts}), max_size=4))
def test_geojson_and_jsonl_carry_any_text(rows: list[dict[str, Cell]]) -> None:
    stream = io.StringIO()
    write_geojson(stream, rows)
    collection = json.loads(stream.getvalue())
    check_geojson(collection)
    assert [f["properties"]["text"] for f in collection["features"]] == [r["text"] for r in rows]
    assert feature(rows[0])["id"] == rows[0]["id"] if rows else True
    lines = io.StringIO()
    assert write_jsonl(lines, rows) == len(rows)
    assert [json.loads(line) for line in lines.getvalue().splitlines()] == rows
