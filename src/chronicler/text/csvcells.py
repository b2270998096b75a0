"""CSV cells a spreadsheet will not run, and the reader that gives them back as they were.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab, a line
break, or their full-width forms) as a formula, which can fetch a URL or run a command
(CSV injection). Following OWASP, such a cell is written with a single quote before it, which
spreadsheets show as text; a cell that already starts with a quote gets one more, so that
``restore_cell`` (dropping one leading quote) gives back every cell exactly:
``restore_cell(neutralise_cell(s)) == s`` for every string.

``write_rows`` writes every chronicler CSV (cells also passed through ``safe.display``:
no controls, no bidi overrides); ``read_rows`` reads one back with the cells restored, for any
program (or chronicler command) that imports a chronicler CSV.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TextIO

from chronicler.text.safe import display

QUOTE = "'"
# What a spreadsheet may start a formula with (OWASP's list, its full-width forms), and the
# quote itself, so that the quote added is always the one to remove.
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20" + QUOTE)


def neutralise_cell(value: str) -> str:
    """``value`` with a quote before it when a spreadsheet would read it as a formula."""
    return QUOTE + value if value[:1] in FORMULA_STARTS else value


def restore_cell(value: str) -> str:
    """The cell ``neutralise_cell`` was given: one leading quote dropped."""
    return value.removeprefix(QUOTE)


def write_rows(stream: TextIO, fieldnames: Sequence[str], rows: Iterable[Mapping[str, str]]) -> None:
    """A header and ``rows`` as CSV on ``stream``, every cell displayed safely and neutralised."""
    writer = csv.writer(stream)
    writer.writerow(fieldnames)
    for row in rows:
        writer.writerow([neutralise_cell(display(row.get(name, ""))) for name in fieldnames])


def read_rows(stream: TextIO) -> Iterator[dict[str, str]]:
    """The rows of a CSV that ``write_rows`` wrote, each cell as it was before neutralising."""
    for row in csv.DictReader(stream):
        yield {k: restore_cell(v or "") for k, v in row.items() if k is not None}
