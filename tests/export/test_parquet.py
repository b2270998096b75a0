"""Parquet: the flat columns typed, read back by pyarrow as written; a clear word when pyarrow is absent."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicler.errors import ConfigError
from chronicler.export import parquet
from chronicler.export.columns import CONSOLIDATED_COLUMNS, EVENT_COLUMNS, cell_type, event_row
from chronicler.knowledge.countries import Country
from chronicler.records import Count, EventMention, Location


def test_columns_have_the_types_a_dataframe_wants() -> None:
    assert [cell_type(c) for c in ("latitude", "dead_low", "historical", "dead_qualifier", "text")] == [
        "float",
        "int",
        "bool",
        "str",
        "str",
    ]
    assert cell_type("dead_conservative") == "int" and cell_type("disagreement") == "bool"
    assert {cell_type(c) for c in EVENT_COLUMNS + CONSOLIDATED_COLUMNS} == {"str", "int", "float", "bool"}


def test_rows_read_back_typed(
    mention_of: Callable[..., EventMention], places: dict[str, Location], countries: dict[str, Country]
) -> None:
    rows = [
        event_row(
            mention_of(counts=(Count("dead", 304, None, "at_least", "at least 304"),)), None, countries
        ),
        event_row(mention_of(id="ev_2", loc=places["country"], date=None), None, countries),
    ]
    stream = io.BytesIO()
    assert parquet.write_parquet(stream, EVENT_COLUMNS, rows) == 2
    table = pq.read_table(io.BytesIO(stream.getvalue()))
    assert table.column_names == list(EVENT_COLUMNS)
    assert str(table.schema.field("latitude").type) == "double"
    assert str(table.schema.field("dead_low").type) == "int64"
    assert str(table.schema.field("historical").type) == "bool"
    assert table.to_pylist() == rows


def test_many_rows_go_in_several_row_groups(
    mention_of: Callable[..., EventMention], countries: dict[str, Country], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "BATCH", 3)
    rows = [event_row(mention_of(id=f"ev_{i}"), None, countries) for i in range(7)]
    stream = io.BytesIO()
    assert parquet.write_parquet(stream, EVENT_COLUMNS, iter(rows)) == 7
    found = pq.ParquetFile(io.BytesIO(stream.getvalue()))
    assert found.metadata.num_row_groups == 3
    assert [r["id"] for r in found.read().to_pylist()] == [f"ev_{i}" for i in range(7)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=5))
def test_any_text_comes_back(texts: list[str]) -> None:
    rows = [{"id": t, "text": t} for t in texts]
    stream = io.BytesIO()
    parquet.write_parquet(stream, ("id", "text"), rows)
    assert pq.read_table(io.BytesIO(stream.getvalue())).to_pylist() == rows


def test_without_pyarrow_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    with pytest.raises(ConfigError, match=r"pip install 'chronicler\[parquet\]'"):
        parquet.write_parquet(io.BytesIO(), ("id",), [])
