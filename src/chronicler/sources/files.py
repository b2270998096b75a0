"""Read documents from files, directories and stdin.

=========  ==========================================================================
``.txt``   one plain-text document (``id`` stays None: the cleaner falls back to URL, then hash)
``.html``  one HTML page (also ``.htm``)
``.json``  one document object (SCHEMA.md)
``.jsonl`` one document object per line, read line by line
directory  every file above inside it, recursively, in sorted order; other files are skipped
``-``      stdin, sniffed: ``{`` starts JSON (one object, or one per line), ``<`` HTML, else text
=========  ==========================================================================

Every bad input becomes a ``ReadFailure`` whose ``source`` is the path (``path:LINE`` for a
line of a JSON lines file) and whose reason says what to fix; reading goes on with the next.
``max_bytes`` bounds a whole file, or one line of a JSON lines file or stream.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from chronicler.records import RawDocument, ReadFailure
from chronicler.sources.jsondoc import raw_from_json

Read = RawDocument | ReadFailure

STDIN = "-"
STDIN_SOURCE = "<stdin>"
KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
_ACCEPTED = ", ".join(KINDS)
_SNIFF_BYTES = 8192  # enough of a file's start to tell binary from text


def read_paths(
    paths: Sequence[str], *, stdin: TextIO | None = None, max_bytes: int = 10_000_000
) -> Iterator[Read]:
    """Every document in ``paths``, in order; a failure for each input that cannot be read."""
    for given in paths:
        if given == STDIN:
            yield from read_stream(stdin if stdin is not None else sys.stdin, STDIN_SOURCE, max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _read_directory(path, max_bytes)
        elif path.exists():
            yield from read_file(path, given, max_bytes)
        else:
            yield ReadFailure(given, "no such file or directory")


def read_file(path: Path, source: str, max_bytes: int) -> Iterator[Read]:
    """The document(s) of one file, whose kind its extension gives."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        yield ReadFailure(
            source, f"unsupported file type '{path.suffix}'; chronicler reads {_ACCEPTED} files"
        )
        return
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from _read_jsonl(stream, source, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadFailure(
                source, f"file is {size} bytes, over the limit of {max_bytes} bytes (max_bytes)"
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(source, f"cannot read the file: {exc.strerror or exc}")
        return
    yield _document(kind, data, source)


def read_stream(stream: TextIO, source: str, max_bytes: int) -> Iterator[Read]:
    """The document(s) of a text stream such as stdin, its kind sniffed from its first character."""
    binary = _binary(stream, max_bytes)
    lines = _lines(binary, max_bytes)
    head: list[_Line] = []
    for line in lines:
        head.append(line)
        if line.data is None or line.data.strip():
            break
    first = head[-1] if head else None
    if first is None or first.data is None or not first.data.strip():
        if first is not None and first.data is None:
            yield _too_long(first, source, max_bytes)
        else:
            yield ReadFailure(source, "empty input")
        return
    if first.data.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{") and _parses(first.data):
        yield from _read_jsonl_lines(_chain(head, lines), source, max_bytes)
        return
    rest = b"".join(line.data or b"" for line in head) + binary.read(max_bytes + 1)
    if len(rest) > max_bytes:
        yield ReadFailure(source, f"input is over the limit of {max_bytes} bytes (max_bytes)")
        return
    start = rest.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    kind = {b"{": "json", b"<": "html"}.get(start, "text")
    result = _document(kind, rest, source)
    if kind == "json" and isinstance(result, ReadFailure) and rest.count(b"\n") > 1:
        # Not one object: maybe JSON lines whose first line is broken; report line by line.
        yield from _read_jsonl(io.BytesIO(rest), source, max_bytes)
        return
    yield result


def _read_directory(root: Path, max_bytes: int) -> Iterator[Read]:
    problems: list[OSError] = []
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root, onerror=problems.append):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(
            Path(folder, f) for f in filenames if Path(f).suffix.lower() in KINDS and not f.startswith(".")
        )
    for problem in problems:
        yield ReadFailure(str(problem.filename or root), f"cannot list the directory: {problem.strerror}")
    if not found and not problems:
        yield ReadFailure(str(root), f"the directory holds no {_ACCEPTED} files")
    for path in sorted(found):
        yield from read_file(path, str(path), max_bytes)


def _document(kind: str, data: bytes, source: str) -> Read:
    text = decode(data, source)
    if isinstance(text, ReadFailure):
        return text
    if kind == "text":
        return RawDocument(source=source, text=text)
    if kind == "html":
        return RawDocument(source=source, html=text)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return ReadFailure(source, f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
    return raw_from_json(value, source)


def decode(data: bytes, source: str, offset: int = 0, *, what: str = "file") -> str | ReadFailure:
    """``data`` as UTF-8 text (a leading BOM dropped); ``offset`` places ``data`` in its file."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return ReadFailure(
            source, f"binary {what} (NUL byte at byte offset {offset + nul}); expected UTF-8 text"
        )
    if data.startswith(codecs.BOM_UTF8):
        data, offset = data[len(codecs.BOM_UTF8) :], offset + len(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        return ReadFailure(
            source,
            f"invalid UTF-8 at byte offset {offset + exc.start} (byte 0x{bad:02x}); save the {what} as UTF-8",
        )
    if not text.strip():
        return ReadFailure(source, f"empty {what}")
    return text


# --- JSON lines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    offset: int  # byte offset of the line in its file or stream
    data: bytes | None  # None when the line is longer than the limit
    size: int


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[_Line]:
    """The lines of ``stream``, none held in memory beyond ``max_bytes``."""
    number, offset = 0, 0
    while True:
        chunk = stream.readline(max_bytes + 1)
        if not chunk:
            return
        number += 1
        size = len(chunk)
        if size > max_bytes and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):  # skip the rest of the overlong line
                chunk = stream.readline(max_bytes + 1)
                size += len(chunk)
            yield _Line(number, offset, None, size)
        else:
            yield _Line(number, offset, chunk, size)
        offset += size


def _read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Read]:
    # A binary file would otherwise give one failure per "line"; one for the file says it all.
    nul = stream.read(_SNIFF_BYTES).find(b"\x00")
    if nul >= 0:
        yield ReadFailure(source, f"binary file (NUL byte at byte offset {nul}); expected UTF-8 text")
        return
    stream.seek(0)
    yield from _read_jsonl_lines(_lines(stream, max_bytes), source, max_bytes)


def _read_jsonl_lines(lines: Iterable[_Line], source: str, max_bytes: int) -> Iterator[Read]:
    seen_any = False
    for line in lines:
        where = f"{source}:{line.number}"
        if line.data is None:
            seen_any = True
            yield _too_long(line, where, max_bytes)
            continue
        if not line.data.strip() or line.data.strip() == codecs.BOM_UTF8:
            continue
        seen_any = True
        text = decode(line.data.rstrip(b"\r\n"), where, line.offset, what="line")
        if isinstance(text, ReadFailure):
            yield text
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        yield raw_from_json(value, where)
    if not seen_any:
        yield ReadFailure(source, "empty file")


def _too_long(line: _Line, source: str, max_bytes: int) -> ReadFailure:
    return ReadFailure(source, f"line is {line.size} bytes, over the limit of {max_bytes} bytes (max_bytes)")


def _parses(data: bytes) -> bool:
    try:
        json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return True


def _chain(head: list[_Line], rest: Iterator[_Line]) -> Iterator[_Line]:
    yield from head
    yield from rest


def _binary(stream: TextIO, max_bytes: int) -> BinaryIO:
    """The bytes under a text stream: its buffer when it has one (stdin), else re-encoded text."""
    buffer = getattr(stream, "buffer", None)
    if isinstance(buffer, io.BufferedIOBase | io.RawIOBase):
        return cast(BinaryIO, buffer)
    return io.BytesIO(stream.read().encode("utf-8", errors="surrogateescape"))
