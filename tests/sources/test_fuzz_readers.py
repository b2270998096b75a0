"""Property-based fuzzing of every reader (issue 16): files of each kind, JSON lines, directories,
stdin as text and as bytes, one document object, and the decoder, fed with generated input.

The readers declare that they raise nothing: every input is a ``RawDocument`` or a
``ReadFailure`` with a known code (``sources.files``). Each property checks that, and what holds of
what they give: a document has exactly one of text or html, neither blank; no field holds NUL;
its source names the input (and the line, for JSON lines); nothing over ``max_bytes`` is read;
a text or HTML file is read exactly, a JSON one as ``json.loads`` and ``raw_from_json`` read it.

Budgets are fixed and the examples derandomized, so CI runs the same inputs every time.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from chronicler.records import FAILURE_CODES, RawDocument, ReadFailure
from chronicler.sources.files import KINDS, decode, read_paths, read_stream
from chronicler.sources.jsondoc import FIELDS, raw_from_json

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
Read = RawDocument | ReadFailure
BOM = codecs.BOM_UTF8
# "path:LINE"; a file name may hold a line break
LINE_SOURCE = re.compile(r"(?P<source>.*):(?P<line>[1-9][0-9]*)", re.DOTALL)

# -- what the readers meet ---------------------------------------------------------------------------

# Text with the characters that readers trip on: NUL, BOM, line and paragraph separators, CR,
# bidi overrides, quotes, braces, angle brackets, astral and right-to-left letters, and lone
# surrogates (which JSON writes as "\ud800" and no UTF-8 holds).
_SPECIAL = st.sampled_from(
    ["\x00", "\ufeff", "\r\n", "\r", "\n", "\u2028", "\u2029", "\x85", "\u202e", '"', "{", "}",
     "<", ">", "&", "\\", "\t", " ", "😀", "ایران", "\x1b[2J", "\ud800", "\udfff"]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=30), _SPECIAL), max_size=12).map("".join)
JSON_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
# Objects shaped like documents: each field missing, null, text (most often) or of another type.
FIELD = st.integers(0, 9).flatmap(lambda n: TEXT if n < 7 else st.none() if n < 8 else JSON_VALUE)
DOCUMENT = st.fixed_dictionaries(
    {"text": FIELD}, optional={name: FIELD for name in FIELDS if name != "text"} | {"extra": JSON_VALUE}
)


def _nested(depth: int) -> str:
    return '{"text": "x", "deep": ' + "[" * depth + "]" * depth + "}"


def _json_text(value: Any, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


JSON_DOCUMENT = st.builds(_json_text, st.one_of(DOCUMENT, DOCUMENT, JSON_VALUE), st.booleans())
LINE = st.one_of(
    JSON_DOCUMENT,
    TEXT,
    st.integers(0, 3000).map(_nested),
    st.just(""),
    st.just("\ufeff"),
)


def _utf8(text: str) -> bytes:
    """``text`` as bytes, a lone surrogate as the three bytes no UTF-8 decoder accepts."""
    return text.encode("utf-8", "surrogatepass")


def _corrupt(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    """``data`` with raw bytes (invalid UTF-8, NUL, a BOM) put in at some places."""
    for at, raw in cuts:
        at = at % (len(data) + 1)
        data = data[:at] + raw + data[at:]
    return data


RAW = st.sampled_from([b"\xff", b"\xc3", b"\x00", BOM, b"\xed\xa0\x80", b"\r", b"\n"])
CUTS = st.lists(st.tuples(st.integers(0, 10_000), RAW), max_size=2)
CONTENT = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda t, c: _corrupt(_utf8(t), c), TEXT, CUTS),
    st.builds(lambda t, c: _corrupt(_utf8(t), c), JSON_DOCUMENT, CUTS),
    st.builds(lambda ls, c: _corrupt(_utf8("\n".join(ls)), c), st.lists(LINE, max_size=6), CUTS),
    st.builds(lambda t: t.encode(), st.integers(0, 6000).map(_nested)),
)
NAME_CHARACTER = st.characters(exclude_characters="/\x00", exclude_categories=["Cs"])
FILE_NAME = st.text(NAME_CHARACTER, min_size=1, max_size=8)
MAX_BYTES = st.sampled_from([10_000_000, 10_000_000, 10_000_000, 1, 40, 200])

# -- what every read must be ------------------------------------------------------------------------


def _check(reads: list[Read], source: str, lines: int | None) -> None:
    """The invariants of every read of ``source``; ``lines``: a line number may name up to that."""
    assert reads, "every input gives at least one document or failure"
    for read in reads:
        assert isinstance(read, RawDocument | ReadFailure), read
        event(read.code if isinstance(read, ReadFailure) else "document")
        where = LINE_SOURCE.fullmatch(read.source)
        if read.source != source:
            assert where is not None and where["source"] == source, (read.source, source)
            assert lines is not None and int(where["line"]) <= lines, (read.source, lines)
        if isinstance(read, ReadFailure):
            assert read.code in FAILURE_CODES, read
            assert read.reason.strip(), read
            continue
        assert (read.text is None) != (read.html is None), read
        assert (read.text or read.html or "").strip(), read
        for name in FIELDS:  # text, html and the metadata: no NUL, and all of it UTF-8
            value = getattr(read, name)
            assert value is None or "\x00" not in value, (name, read)
            if value is not None:
                value.encode("utf-8")  # raises on a lone surrogate


def _line_count(data: bytes) -> int:
    return data.count(b"\n") + 1


# -- files ------------------------------------------------------------------------------------------


@FUZZ
@given(content=CONTENT, suffix=st.sampled_from([*KINDS, ".TXT", ".Jsonl", ".md", ""]), max_bytes=MAX_BYTES)
def test_a_file_of_any_content_is_read_or_set_aside(
    tmp_path: Path, content: bytes, suffix: str, max_bytes: int
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(content)
    reads = list(read_paths([str(path)], max_bytes=max_bytes))
    _check(reads, str(path), _line_count(content))
    kind = KINDS.get(suffix.lower())
    documents = [r for r in reads if isinstance(r, RawDocument)]
    if kind in ("text", "html"):
        assert len(reads) == 1
        if documents:  # read exactly as written, but for a leading BOM
            assert len(content) <= max_bytes
            found = documents[0].text if kind == "text" else documents[0].html
            assert found is not None and found.encode() == content.removeprefix(BOM)
    elif kind == "json":
        assert len(reads) == 1
        if documents:
            assert len(content) <= max_bytes
            assert documents == [raw_from_json(json.loads(content.removeprefix(BOM)), str(path))]
    elif kind == "jsonl":
        for document in documents:
            where = LINE_SOURCE.fullmatch(document.source)
            assert where is not None
            raw = content.split(b"\n")[int(where["line"]) - 1]
            assert len(raw) < max_bytes + 1
            assert document == raw_from_json(json.loads(raw.removeprefix(BOM)), document.source)
    else:
        assert [r.code for r in reads if isinstance(r, ReadFailure)] == ["unsupported_type"]


@FUZZ
@given(
    files=st.dictionaries(
        FILE_NAME,
        st.tuples(st.sampled_from([*KINDS, ".md"]), CONTENT),
        max_size=5,
    ),
    max_bytes=MAX_BYTES,
)  # fmt: skip
def test_a_directory_of_any_files_is_read_file_by_file(
    tmp_path_factory: Any, files: dict[str, tuple[str, bytes]], max_bytes: int
) -> None:
    root = tmp_path_factory.mktemp("corpus")
    written = {}
    for stem, (suffix, content) in files.items():
        if stem in (".", ".."):
            continue
        path = root / f"{stem}{suffix}"
        path.write_bytes(content)
        written[str(path)] = content
    reads = list(read_paths([str(root)], max_bytes=max_bytes))
    assert reads
    read_from = set()
    for read in reads:
        where = LINE_SOURCE.fullmatch(read.source)
        source = where["source"] if where and where["source"] in written else read.source
        if source == str(root):  # a directory with no file chronicler reads
            assert isinstance(read, ReadFailure) and read.code == "empty"
            continue
        assert source in written, read.source
        _check([read], source, _line_count(written[source]))
        read_from.add(source)
    readable = {p for p in written if Path(p).suffix in KINDS and not Path(p).name.startswith(".")}
    assert read_from == readable  # every file it reads gives something, and nothing else does


# -- stdin ------------------------------------------------------------------------------------------


@FUZZ
@given(content=CONTENT, max_bytes=MAX_BYTES)
def test_stdin_bytes_of_any_kind_are_read_or_set_aside(content: bytes, max_bytes: int) -> None:
    stream = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8")  # as sys.stdin: bytes below
    reads = list(read_stream(stream, "<stdin>", max_bytes))
    _check(reads, "<stdin>", _line_count(content))


@FUZZ
@given(lines=st.lists(st.one_of(LINE, TEXT), max_size=6), newline=st.sampled_from(["\n", "\r\n"]))
def test_stdin_text_of_any_kind_is_read_or_set_aside(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    reads = list(read_paths(["-"], stdin=io.StringIO(text)))
    _check(reads, "<stdin>", text.count("\n") + 1)


# -- one document object, and the decoder ----------------------------------------------------------


def _lone(char: str) -> bool:
    return "\ud800" <= char <= "\udfff"  # any surrogate in a str from JSON is alone: pairs are joined


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ('{"text": "Strikers \\ud800marched."}', "Strikers \ufffdmarched."),
        ('{"text": "\\udfff\\ud83d\\ude00 ok \\ud800"}', "\ufffd\U0001f600 ok \ufffd"),
    ],
)
def test_a_lone_surrogate_escape_becomes_the_replacement_character(line: str, text: str) -> None:
    # It used to reach the cleaner, whose hash failed on it: the document was set aside with
    # "cleaning failed: UnicodeEncodeError"; now it is read, at the same offsets.
    assert list(read_paths(["-"], stdin=io.StringIO(line))) == [RawDocument(source="<stdin>:1", text=text)]


@FUZZ
@given(value=st.one_of(DOCUMENT, JSON_VALUE))
def test_any_json_value_is_a_document_or_not_a_document(value: Any) -> None:
    read = raw_from_json(value, "doc.json")
    _check([read], "doc.json", None)
    if isinstance(read, ReadFailure):
        assert read.code == "not_a_document"
    else:
        assert isinstance(value, dict)
        for name in FIELDS:  # as given, but for NUL and lone surrogates
            given_value = value.get(name)
            if name not in ("text", "html") and given_value is not None:
                kept = given_value.replace("\x00", "")
                assert len(getattr(read, name)) == len(kept)
                assert getattr(read, name) == "".join("\ufffd" if _lone(c) else c for c in kept)


@FUZZ
@given(data=st.one_of(st.binary(max_size=200), CONTENT), offset=st.integers(0, 10**6))
def test_decoding_gives_the_text_or_says_where_it_is_not_text(data: bytes, offset: int) -> None:
    text = decode(data, "f.txt", offset)
    if isinstance(text, ReadFailure):
        assert text.code in {"binary", "not_utf8", "empty"}
        found = re.search(r"byte offset (\d+)", text.reason)
        if found:  # the offset is inside the file
            assert offset <= int(found[1]) < offset + len(data)
    else:
        assert "\x00" not in text and text.strip()
        assert text.encode() == data.removeprefix(BOM)
