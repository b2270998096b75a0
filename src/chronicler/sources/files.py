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
line of a JSON lines file), whose reason says what to fix and whose code names the kind of fault
(``records.FAILURE_CODES``); reading goes on with the next. ``max_bytes`` bounds a whole file, or
one line of a JSON lines file or stream. A named pipe, socket or device is skipped without being
opened (opening a pipe waits for a writer for ever); a symbolic link loop, a file that may not be
read and JSON nested too deep each fail alone.
"""

from __future__ import annotations

import codecs
import errno
import io
import json
import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from chronicler.records import RawDocument, ReadFailure
from chronicler.sources.jsondoc import raw_from_json

Read = RawDocument | ReadFailure

logger = logging.getLogger(__name__)

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
        mode = _mode(Path(given), given)
        if isinstance(mode, ReadFailure):
            yield mode
        elif stat.S_ISDIR(mode):
            yield from _read_directory(Path(given), max_bytes)
        else:
            yield from _guarded(given, read_file(Path(given), given, max_bytes))


def _guarded(source: str, reads: Iterator[Read]) -> Iterator[Read]:
    """``reads``, ended by a failure rather than an exception should a reader meet one it did not
    foresee: one file never stops the batch."""
    try:
        yield from reads
    except Exception as exc:
        logger.debug("reading %s failed", source, exc_info=True)
        yield ReadFailure(source, f"could not be read: {type(exc).__name__}: {exc}", "unreadable")


def _mode(path: Path, source: str) -> int | ReadFailure:
    """The file mode of ``path`` (links followed), or why it cannot be had."""
    try:
        return path.stat().st_mode
    except OSError as exc:
        return os_failure(source, exc)
    except ValueError as exc:  # a NUL in the path
        return ReadFailure(source, f"not a usable path: {exc}", "not_found")


def os_failure(source: str, exc: OSError) -> ReadFailure:
    """The failure an operating-system error on ``source`` stands for, with its code."""
    code = {
        errno.ENOENT: "not_found",
        errno.ENOTDIR: "not_found",
        errno.ELOOP: "symlink_loop",
        errno.EACCES: "permission",
        errno.EPERM: "permission",
    }.get(exc.errno or 0, "io_error")
    reason = {
        "not_found": "no such file or directory",
        "symlink_loop": "a symbolic link loop (the link leads back to itself); fix or remove the link",
        "permission": "permission denied; make the file readable by this user",
    }.get(code, f"cannot read the file: {exc.strerror or exc}")
    return ReadFailure(source, reason, code)


def _special(mode: int) -> str | None:
    """What a file that is not a regular file is, or None for a regular file."""
    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def read_file(path: Path, source: str, max_bytes: int) -> Iterator[Read]:
    """The document(s) of one file, whose kind its extension gives."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        yield ReadFailure(
            source,
            f"unsupported file type '{path.suffix}'; chronicler reads {_ACCEPTED} files",
            "unsupported_type",
        )
        return
    try:
        info = path.stat()  # before opening: opening a named pipe would wait for a writer
        special = _special(info.st_mode)
        if special is not None:
            yield ReadFailure(source, f"{special}, not a regular file: skipped unopened", "special_file")
            return
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from _read_jsonl(stream, source, max_bytes)
            return
        if info.st_size > max_bytes:
            yield ReadFailure(
                source,
                f"file is {info.st_size} bytes, over the limit of {max_bytes} bytes (max_bytes)",
                "too_large",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield os_failure(source, exc)
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
            yield ReadFailure(source, "empty input", "empty")
        return
    if first.data.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{") and _parses(first.data):
        yield from _read_jsonl_lines(_chain(head, lines), source, max_bytes)
        return
    rest = b"".join(line.data or b"" for line in head) + binary.read(max_bytes + 1)
    if len(rest) > max_bytes:
        yield ReadFailure(source, f"input is over the limit of {max_bytes} bytes (max_bytes)", "too_large")
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
        failure = os_failure(str(problem.filename or root), problem)
        yield ReadFailure(failure.source, f"cannot list the directory: {problem.strerror}", failure.code)
    if not found and not problems:
        yield ReadFailure(str(root), f"the directory holds no {_ACCEPTED} files", "empty")
    for path in sorted(found):
        yield from _guarded(str(path), read_file(path, str(path), max_bytes))


def _document(kind: str, data: bytes, source: str) -> Read:
    text = decode(data, source)
    if isinstance(text, ReadFailure):
        return text
    if kind == "text":
        return RawDocument(source=source, text=text)
    if kind == "html":
        return RawDocument(source=source, html=text)
    value = _json(text, source)
    return value if isinstance(value, ReadFailure) else raw_from_json(value.value, source)


@dataclass(frozen=True)
class _Parsed:
    value: object


def _json(text: str, source: str, *, lines: bool = False) -> _Parsed | ReadFailure:
    """The JSON value of ``text``, or why it has none (``lines``: one line of a JSON lines file)."""
    try:
        return _Parsed(json.loads(text))
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if lines else f"line {exc.lineno}, column {exc.colno}"
        return ReadFailure(source, f"malformed JSON: {exc.msg} ({where})", "malformed_json")
    except RecursionError:
        # Python's JSON reader recurses once per level: thousands of nested arrays or objects
        # (even in a field chronicler ignores) exhaust the stack. No document is built so.
        return ReadFailure(source, "JSON nested too deep to read (thousands of levels)", "too_deep")


def decode(data: bytes, source: str, offset: int = 0, *, what: str = "file") -> str | ReadFailure:
    """``data`` as UTF-8 text (a leading BOM dropped); ``offset`` places ``data`` in its file."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return ReadFailure(
            source, f"binary {what} (NUL byte at byte offset {offset + nul}); expected UTF-8 text", "binary"
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
            "not_utf8",
        )
    if not text.strip():
        return ReadFailure(source, f"empty {what}", "empty")
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
        yield ReadFailure(
            source, f"binary file (NUL byte at byte offset {nul}); expected UTF-8 text", "binary"
        )
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
        value = _json(text, where, lines=True)
        yield value if isinstance(value, ReadFailure) else raw_from_json(value.value, where)
    if not seen_any:
        yield ReadFailure(source, "empty file", "empty")


def _too_long(line: _Line, source: str, max_bytes: int) -> ReadFailure:
    return ReadFailure(
        source, f"line is {line.size} bytes, over the limit of {max_bytes} bytes (max_bytes)", "too_large"
    )


def _parses(data: bytes) -> bool:
    try:
        json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
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
    text = stream.read()
    try:  # the bytes a stream decoded with errors="surrogateescape" came from
        return io.BytesIO(text.encode("utf-8", errors="surrogateescape"))
    except UnicodeEncodeError:  # a lone surrogate of another kind: bytes that are not UTF-8 either
        return io.BytesIO(text.encode("utf-8", errors="surrogatepass"))
