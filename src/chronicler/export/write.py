"""Rows and features on a stream, in each export format, one record at a time.

Nothing is held in memory but the record being written, so an export of a large database streams.
CSV cells are neutralised against formula injection and read back exactly by
``text.csvcells.read_rows``; GeoJSON is written feature by feature into one FeatureCollection.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any, TextIO

from chronicler.export import geojson
from chronicler.export.columns import Cell
from chronicler.text.csvcells import write_rows


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    acled = "acled"
    geojson = "geojson"
    parquet = "parquet"
    plover = "plover"

    @property
    def binary(self) -> bool:
        return self is ExportFormat.parquet


def cell_text(value: Cell) -> str:
    """A cell as CSV text: empty for None, true/false for booleans, numbers as Python writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_jsonl(stream: TextIO, objects: Iterable[Mapping[str, Any]]) -> int:
    n = 0
    for obj in objects:
        stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(stream: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Cell]]) -> int:
    counted = _Counted(rows)
    write_rows(stream, columns, ({k: cell_text(v) for k, v in row.items()} for row in counted))
    return counted.n


def write_geojson(stream: TextIO, rows: Iterable[Mapping[str, Cell]]) -> int:
    stream.write(geojson.HEAD)
    n = 0
    for row in rows:
        stream.write(("," if n else "") + "\n" + json.dumps(geojson.feature(row), ensure_ascii=False))
        n += 1
    stream.write("\n" + geojson.TAIL)
    return n


class _Counted:
    """An iterable that counts what it gave."""

    def __init__(self, rows: Iterable[Mapping[str, Cell]]) -> None:
        self.rows = rows
        self.n = 0

    def __iter__(self) -> Any:
        for row in self.rows:
            self.n += 1
            yield row
