from __future__ import annotations

import errno
import io
import json
import os
import socket
from pathlib import Path

import pytest

from chronicler.records import FAILURE_CODES, RawDocument, ReadFailure
from chronicler.sources.files import os_failure, read_paths

BOM = b"\xef\xbb\xbf"
STORY = "Farmers blocked the highway with tractors on Sunday, police said."
PAGE = "<html><body><p>Farmers blocked the highway with tractors on Sunday.</p></body></html>"


def _write(path: Path, content: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path)


def _read(
    *paths: str, stdin: str | None = None, max_bytes: int = 10_000_000
) -> list[RawDocument | ReadFailure]:
    stream = io.StringIO(stdin) if stdin is not None else None
    return list(read_paths(list(paths), stdin=stream, max_bytes=max_bytes))


# --- good inputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt", STORY, {"text": STORY}),
        ("a.TXT", BOM + STORY.encode(), {"text": STORY}),
        ("a.html", PAGE, {"html": PAGE}),
        ("a.htm", PAGE, {"html": PAGE}),
    ],
)
def test_text_and_html_files(
    tmp_path: Path, name: str, content: bytes | str, expected: dict[str, str]
) -> None:
    source = _write(tmp_path / name, content)
    assert _read(source) == [RawDocument(source=source, **expected)]


def test_json_file_reads_schema_fields_and_ignores_others(tmp_path: Path) -> None:
    obj = {
        "id": "d1",
        "url": "https://x.example/1",
        "title": "Farmers block highway",
        "published": "2021-02-03",
        "outlet": "x.example",
        "language": "en",
        "text": STORY,
        "section": "world",
        "tags": ["farm"],
    }
    source = _write(tmp_path / "d.json", BOM + json.dumps(obj, indent=2).encode())
    [doc] = _read(source)
    assert doc == RawDocument(
        source=source,
        id="d1",
        url="https://x.example/1",
        title="Farmers block highway",
        published="2021-02-03",
        outlet="x.example",
        language="en",
        text=STORY,
    )


def test_json_with_both_text_and_html_keeps_text(tmp_path: Path) -> None:
    source = _write(tmp_path / "d.json", json.dumps({"text": STORY, "html": PAGE}))
    assert _read(source) == [RawDocument(source=source, text=STORY)]


def test_json_with_empty_text_uses_html(tmp_path: Path) -> None:
    source = _write(tmp_path / "d.json", json.dumps({"text": "", "html": PAGE}))
    assert _read(source) == [RawDocument(source=source, html=PAGE)]


def test_jsonl_file_one_document_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": STORY}), "", "   ", json.dumps({"id": "b", "html": PAGE})]
    source = _write(tmp_path / "d.jsonl", BOM + "\n".join(lines).encode() + b"\n")
    assert _read(source) == [
        RawDocument(source=f"{source}:1", id="a", text=STORY),
        RawDocument(source=f"{source}:4", id="b", html=PAGE),
    ]


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "b" / "z.txt", STORY)
    _write(tmp_path / "b" / "a.html", PAGE)
    _write(tmp_path / "a.txt", STORY)
    _write(tmp_path / "notes.md", "# skipped")
    _write(tmp_path / "image.png", b"\x89PNG\x00\x00")
    _write(tmp_path / ".hidden" / "c.txt", STORY)
    _write(tmp_path / ".d.txt", STORY)
    assert [r.source for r in _read(str(tmp_path))] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "a.html"),
        str(tmp_path / "b" / "z.txt"),
    ]


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (f"  \n{STORY}\n", [RawDocument(source="<stdin>", text=f"  \n{STORY}\n")]),
        (f"\n{PAGE}", [RawDocument(source="<stdin>", html=f"\n{PAGE}")]),
        (
            json.dumps({"id": "one", "text": STORY}, indent=2),
            [RawDocument(source="<stdin>", id="one", text=STORY)],
        ),
        (
            "\n"
            + json.dumps({"id": "a", "text": STORY})
            + "\n"
            + json.dumps({"id": "b", "text": STORY})
            + "\n",
            [
                RawDocument(source="<stdin>:2", id="a", text=STORY),
                RawDocument(source="<stdin>:3", id="b", text=STORY),
            ],
        ),
    ],
)
def test_stdin_is_sniffed(stdin: str, expected: list[RawDocument]) -> None:
    assert _read("-", stdin=stdin) == expected


def test_stdin_binary_buffer_is_used() -> None:
    class Stdin(io.TextIOWrapper):
        pass

    stream = Stdin(io.BytesIO(BOM + STORY.encode()), encoding="utf-8")
    assert list(read_paths(["-"], stdin=stream)) == [RawDocument(source="<stdin>", text=STORY)]


# --- bad inputs ----------------------------------------------------------------------------------


def _failure(results: list[RawDocument | ReadFailure]) -> ReadFailure:
    assert len(results) == 1 and isinstance(results[0], ReadFailure), results
    return results[0]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bin.txt", b"abc\x00def", "binary file (NUL byte at byte offset 3)"),
        ("bin.jsonl", b'{"text": "a"}\n\x00\x01', "binary file (NUL byte at byte offset 14)"),
        ("empty.txt", b"", "empty file"),
        ("blank.html", b" \n\t\n", "empty file"),
        ("blank.jsonl", b"\n \n", "empty file"),
        ("bom-only.txt", BOM, "empty file"),
        ("latin1.txt", "Café au lait".encode("latin-1"), "invalid UTF-8 at byte offset 3 (byte 0xe9)"),
        ("latin1-bom.txt", BOM + "Café".encode("latin-1"), "invalid UTF-8 at byte offset 6"),
        ("broken.json", b'{"text": "a",\n "id": }', "malformed JSON: Expecting value (line 2, column 8)"),
        ("list.json", b'[{"text": "a"}]', "expected a JSON object (a document), got an array"),
        ("string.json", b'"just text"', "got a string"),
        ("notext.json", b'{"id": "x", "title": "t"}', "neither 'text' nor 'html'"),
        ("emptytext.json", b'{"text": "  ", "html": ""}', "neither 'text' nor 'html'"),
        (
            "types.json",
            b'{"text": 5, "id": 7, "title": ["a"]}',
            "'id' is a number, 'title' is an array, 'text' is a number",
        ),
        ("bool.json", b'{"text": "a", "language": true}', "'language' is a boolean"),
        ("notes.md", b"# hi", "unsupported file type '.md'"),
    ],
)
def test_bad_file_gives_failure(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    source = _write(tmp_path / name, content)
    failure = _failure(_read(source))
    assert failure.source == source
    assert reason in failure.reason


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert _read(missing) == [ReadFailure(missing, "no such file or directory", "not_found")]


def test_file_over_the_limit_says_size_and_limit(tmp_path: Path) -> None:
    source = _write(tmp_path / "big.txt", "x" * 101)
    assert _failure(_read(source, max_bytes=100)).reason.startswith(
        "file is 101 bytes, over the limit of 100 bytes"
    )


def test_stdin_over_the_limit() -> None:
    assert "over the limit of 50 bytes" in _failure(_read("-", stdin="y" * 80, max_bytes=50)).reason


def test_empty_directory(tmp_path: Path) -> None:
    _write(tmp_path / "readme.md", "nothing to read")
    assert "holds no" in _failure(_read(str(tmp_path))).reason


@pytest.mark.parametrize("stdin", ["", "  \n\n "])
def test_empty_stdin(stdin: str) -> None:
    assert _read("-", stdin=stdin) == [ReadFailure("<stdin>", "empty input", "empty")]


def test_bad_jsonl_lines_are_reported_by_line_and_reading_goes_on(tmp_path: Path) -> None:
    good = json.dumps({"text": STORY})
    content = b"\n".join(
        [
            good.encode(),  # 1
            b'{"text": "unterminated',  # 2
            b"[1, 2]",  # 3
            b'{"title": "no body"}',  # 4
            b'{"text": "caf\xe9"}',  # 5: latin-1 byte
            b'{"text": ' + b'"' + b"z" * 200 + b'"}',  # 6: over the limit
            good.encode(),  # 7
        ]
    )
    source = _write(tmp_path / "mixed.jsonl", content)
    results = _read(source, max_bytes=150)
    assert [r.source for r in results] == [f"{source}:{n}" for n in range(1, 8)]
    assert isinstance(results[0], RawDocument) and isinstance(results[6], RawDocument)
    reasons = [r.reason for r in results[1:6] if isinstance(r, ReadFailure)]
    offset_of_line_5 = sum(len(line) + 1 for line in content.split(b"\n")[:4])
    assert reasons[0].startswith("malformed JSON: Unterminated string")
    assert "got an array" in reasons[1]
    assert "neither 'text' nor 'html'" in reasons[2]
    assert f"invalid UTF-8 at byte offset {offset_of_line_5 + 13}" in reasons[3]
    assert reasons[4] == "line is 213 bytes, over the limit of 150 bytes (max_bytes)"  # with its newline


def test_reading_goes_on_after_a_failure(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", STORY)
    bad = _write(tmp_path / "bad.txt", b"\xff\xfe")
    results = _read(bad, str(tmp_path / "missing"), good)
    assert [type(r) for r in results] == [ReadFailure, ReadFailure, RawDocument]


def test_stdin_jsonl_with_broken_first_line_is_reported_per_line() -> None:
    stdin = '{"text": oops}\n' + json.dumps({"id": "b", "text": STORY}) + "\n"
    results = _read("-", stdin=stdin)
    assert results == [
        ReadFailure(
            "<stdin>:1", results[0].reason if isinstance(results[0], ReadFailure) else "", "malformed_json"
        ),
        RawDocument(source="<stdin>:2", id="b", text=STORY),
    ]
    assert isinstance(results[0], ReadFailure) and results[0].reason.startswith("malformed JSON")


# --- hostile inputs: each fails alone, with a code, and reading goes on -------------------------

DEEP = "[" * 5000 + "]" * 5000  # deeper than Python's JSON reader can recurse


def _codes(results: list[RawDocument | ReadFailure]) -> list[tuple[str, str]]:
    return [(Path(r.source).name, r.code if isinstance(r, ReadFailure) else "read") for r in results]


def test_json_nested_five_thousand_deep_fails_alone(tmp_path: Path) -> None:
    good = json.dumps({"id": "g", "text": STORY})
    deep = _write(tmp_path / "a.json", '{"text": "x", "ignored": ' + DEEP + "}")
    lines = _write(tmp_path / "b.jsonl", f"{good}\n{DEEP}\n{good}\n")
    results = _read(deep, lines)
    assert _codes(results) == [("a.json", "too_deep"), ("b.jsonl:1", "read"), ("b.jsonl:2", "too_deep"),
                               ("b.jsonl:3", "read")]
    assert "nested too deep" in _failure(results[:1]).reason


def test_deep_json_on_stdin_fails_without_a_traceback() -> None:
    stdin = '{"text": "x", "ignored": ' + DEEP + "}"
    assert [r.code for r in _read("-", stdin=stdin) if isinstance(r, ReadFailure)] == ["too_deep"]


@pytest.mark.parametrize("given", [False, True], ids=["in a directory", "named"])
def test_named_pipe_is_skipped_unopened(tmp_path: Path, given: bool) -> None:
    # Opening a FIFO for reading blocks until a writer comes: this test would hang, not fail.
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    good = _write(tmp_path / "story.txt", STORY)
    results = _read(str(pipe), good) if given else _read(str(tmp_path))
    assert _codes(results) == [("pipe.txt", "special_file"), ("story.txt", "read")]
    assert "named pipe" in _failure(results[:1]).reason


def test_socket_is_skipped_unopened(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "feed.jsonl"))
        _write(tmp_path / "story.txt", STORY)
        assert _codes(_read(str(tmp_path))) == [("feed.jsonl", "special_file"), ("story.txt", "read")]
    finally:
        server.close()


def test_device_is_skipped_unopened(tmp_path: Path) -> None:
    # /dev/zero would be read for ever; under a name chronicler reads, through a link, it is a
    # device all the same and is never opened.
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    failure = _failure(_read(str(tmp_path)))
    assert (failure.code, failure.reason) == ("special_file", "a character device, not a regular file: "
                                              "skipped unopened")


def test_symlink_loop_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    _write(tmp_path / "story.txt", STORY)
    results = _read(str(tmp_path))
    assert _codes(results) == [("a.json", "symlink_loop"), ("b.json", "symlink_loop"),
                               ("loop.txt", "symlink_loop"), ("story.txt", "read")]
    assert _codes(_read(str(tmp_path / "loop.txt"))) == [("loop.txt", "symlink_loop")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode; "
                    "test_permission_error_is_its_own_code covers the mapping")
def test_unreadable_file_fails_alone(tmp_path: Path) -> None:
    secret = _write(tmp_path / "secret.txt", STORY)
    os.chmod(secret, 0)
    good = _write(tmp_path / "story.txt", STORY)
    assert _codes(_read(secret, good)) == [("secret.txt", "permission"), ("story.txt", "read")]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "permission"),
        (OSError(errno.ELOOP, "Too many levels of symbolic links"), "symlink_loop"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "not_found"),
        (OSError(errno.EIO, "Input/output error"), "io_error"),
    ],
)
def test_permission_error_is_its_own_code(error: OSError, code: str) -> None:
    failure = os_failure("a.txt", error)
    assert failure.code == code and failure.code in FAILURE_CODES
    if code == "io_error":
        assert failure.reason == "cannot read the file: Input/output error"


def test_every_code_a_reader_gives_is_documented(tmp_path: Path) -> None:
    for name, content in {"a.bin.txt": b"\x00", "b.txt": b"\xff", "c.txt": b" ", "d.doc": b"x",
                          "e.json": b"{", "f.json": b"[]"}.items():
        _write(tmp_path / name, content)
    codes = {r.code for r in _read(str(tmp_path), str(tmp_path / "d.doc")) if isinstance(r, ReadFailure)}
    assert codes == {"binary", "not_utf8", "empty", "unsupported_type", "malformed_json", "not_a_document"}
    assert codes <= set(FAILURE_CODES)
