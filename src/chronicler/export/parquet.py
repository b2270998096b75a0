"""Flat rows as Apache Parquet with typed columns, for pandas, Polars, DuckDB, R's arrow and Spark.

pyarrow writes it: the reference implementation of Arrow and Parquet, kept by the Apache Arrow
project, and the engine pandas itself uses; DuckDB would do as well but is a database engine to
ship for one file format. It is an optional dependency (``pip install chronicler[parquet]``): the
rest of chronicler does not need its 170 MB. Rows are written in row groups of ``BATCH``, so an
export of a large database holds one batch in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from typing import Any, BinaryIO

from chronicler.errors import ConfigError
from chronicler.export.columns import Cell, cell_type

BATCH = 10_000


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ConfigError(
            "the parquet format needs pyarrow: pip install 'chronicler[parquet]' (or pyarrow==26.0.1)"
        ) from exc
    return pyarrow


def schema(columns: Sequence[str]) -> Any:
    pa = _pyarrow()
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c, types[cell_type(c)]) for c in columns])


def write_parquet(stream: BinaryIO, columns: Sequence[str], rows: Iterable[Mapping[str, Cell]]) -> int:
    """Write ``rows`` to ``stream`` as one Parquet file of typed ``columns``; the number written."""
    pa = _pyarrow()
    found = schema(columns)
    n = 0
    rows = iter(rows)
    with pa.parquet.ParquetWriter(stream, found, compression="zstd") as writer:
        while batch := list(islice(rows, BATCH)):
            data = {c: [row.get(c) for row in batch] for c in columns}
            writer.write_table(pa.Table.from_pydict(data, schema=found))
            n += len(batch)
    return n
