"""The hostile-documents suite (issue 16): one `chronicler ingest` batch of crafted inputs.

Every input is written by the test (nothing large is committed), then the real CLI runs in a
subprocess over the folder, with a real SQLite database and tiny budgets (a few seconds and some
hundred megabytes a document). Each input must end stored or set aside with a machine-readable
code (``chronicler failures``), the good documents between them must be stored, the exit status
must be 1, and the batch's peak memory (the largest of the CLI and its extraction workers, from
``RUSAGE_CHILDREN`` of a process that runs only the CLI) must stay under 1 GB. The table of
inputs and outcomes is in docs/reliability.md, section 10.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicler.cli import app
from chronicler.text.safe import clean_name

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parent.parent / "src"
STORED = "stored"
SECONDS = 5  # CHRONICLER_DOC_TIMEOUT of the batch: hungry.txt passes MEMORY_MB after about 2 s
MEMORY_MB = 450  # CHRONICLER_DOC_MEMORY_MB: the worker holds about 260 MB at rest, detector off
PEAK_LIMIT_MB = 1024

GOOD = (
    "Security forces arrested twelve students at the university in Tabriz on Tuesday, "
    "a rights group said.\n"
    "Witnesses said police fired tear gas at the crowd near the main gate."
)
PERSIAN = (
    "دانشجویان در برابر دانشگاه تجمع کردند و شعار دادند.\nنیروهای امنیتی دوازده دانشجو را بازداشت کردند."
)
DEEP = "[" * 5000 + "]" * 5000
# A sentence report, numbered so that no two paragraphs are alike.
REPORT = "Riot police beat {n} students in Shiraz on {day} May, a rights group said."
FORMULA = '=HYPERLINK("http://attacker.example/","click")'
BIDI = "\u202egnp.exe\u202c and \u2066isolated\u2069 title"


def _good(place: str) -> str:
    """The good report, told of ``place``: every stored input has a text of its own (a text read
    twice is skipped as unchanged, not stored)."""
    return GOOD.replace("Tabriz", place)


def _reports(count: int, sep: str) -> str:
    return sep.join(REPORT.format(n=n, day=n % 28 + 1) for n in range(count))


def _json(path: Path, **fields: object) -> None:
    path.write_text(json.dumps(fields), encoding="utf-8")


Make = Callable[[Path], object]  # writes one input at the path it is given


@dataclass(frozen=True)
class Case:
    name: str  # the file (or "file:LINE" of a JSON lines file) as `failures` lists it
    outcomes: frozenset[str]  # STORED or the failure codes it may end with
    make: Make | None = None  # writes the file into the folder; None: another case's


def _case(name: str, *outcomes: str, make: Make | None = None) -> Case:
    return Case(name, frozenset(outcomes), make)


def _write(text: str, encoding: str = "utf-8") -> Make:
    return lambda path: path.write_text(text, encoding=encoding)


def _write_bytes(data: bytes) -> Make:
    return lambda path: path.write_bytes(data)


def _symlink(target: str) -> Make:
    return lambda path: path.symlink_to(target)


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))  # the socket file stays after the socket is closed


def _unreadable(path: Path) -> None:
    if os.geteuid() != 0:
        path.write_text(GOOD)
        path.chmod(0)
    else:  # root reads any file but one the kernel keeps write-only even for root
        path.symlink_to("/proc/sys/vm/compact_memory")


def _entity_bomb(path: Path) -> None:
    entities = ['<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE html [{"".join(entities)}]><html><body><p>&a9;</p></body></html>'
    )


def _xxe(path: Path) -> None:
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        f"<html><body><article><p>&secret;</p><p>{_good('Yazd')}</p></article></body></html>"
    )


def _pdf(path: Path) -> None:
    path.write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        b"stream\n" + bytes(range(256)) * 40 + b"\nendstream\n%%EOF\n"
    )


def _huge_attributes(path: Path) -> None:
    value = "A" * 1_000_000
    paragraphs = "".join(f"<p>{line}</p>" for line in _good("Ahvaz").split("\n"))
    path.write_text(
        f'<html><head><title t="{value}">Arrests</title></head>'
        f'<body data-x="{value}"><article class="{value}">{paragraphs}</article></body></html>'
    )


def _zero_width(path: Path) -> None:
    spam = "\u200b\u200c\u200d\ufeff" * 125_000
    path.write_text("\u200b".join(GOOD[:60]) + "\n" + spam + "\n" + _good("Ilam"))


def _mixed_encodings(path: Path) -> None:
    path.write_bytes(_good("Zanjan").encode("utf-8") + "\nCafé déjà vu à Téhéran.".encode("latin-1"))


def _nested_divs(depth: int, place: str) -> Make:
    body = "<div>" * depth + f"<p>{_good(place).split(chr(10))[0]}</p>" + "</div>" * depth
    return _write(f"<html><body>{body}</body></html>")


def _jsonl_lines(path: Path) -> None:
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "lines-1", "text": _good("Rasht")}),
                '{"id": "lines-2", "text": "an unterminated string',
                DEEP,
                "[1, 2, 3]",
                json.dumps({"id": "lines-5", "text": None, "html": None}),
                json.dumps({"id": "lines-6", "text": _good("Qazvin")}),
            ]
        )
        + "\n"
    )


def _too_large(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: rejected by its size, never read
        handle.truncate(10_000_001)


CASES: tuple[Case, ...] = (
    _case("00_good.txt", STORED, make=_write(GOOD)),
    _case("binary.txt", "binary", make=_write_bytes(os.urandom(4096) + b"\0")),
    _case("pdf_as.html", "binary", "not_utf8", make=_pdf),
    _case("invalid_utf8.txt", "not_utf8", make=_write_bytes(b"Police \xff\xfe\xfd arrested")),
    _case("empty.txt", "empty", make=_write("")),
    _case("whitespace.txt", "empty", make=_write(" \n\t\r\n  ")),
    _case("utf16.txt", "binary", make=_write(GOOD, "utf-16")),
    _case("mixed_encodings.txt", "not_utf8", make=_mixed_encodings),
    _case("nul.txt", "binary", make=_write_bytes(GOOD.encode() + b"\0 hidden")),
    _case("nul_escaped.json", STORED, make=lambda p: _json(p, id="nul", text=_good("Sari") + "\u0000")),
    _case("lines.jsonl:1", STORED, make=_jsonl_lines),
    _case("lines.jsonl:2", "malformed_json"),
    _case("lines.jsonl:3", "too_deep"),
    _case("lines.jsonl:4", "not_a_document"),
    _case("lines.jsonl:5", "not_a_document", "no_text"),
    _case("lines.jsonl:6", STORED),
    _case("deep.json", "too_deep", make=_write('{"text": "x", "ignored": ' + DEEP + "}")),
    _case("entity_bomb.html", "no_text", STORED, make=_entity_bomb),
    _case("xxe.html", STORED, "no_text", make=_xxe),
    _case("pipe.txt", "special_file", make=lambda p: os.mkfifo(p)),
    _case("socket.txt", "special_file", make=_socket),
    _case("zero.txt", "special_file", make=_symlink("/dev/zero")),
    _case("loop.txt", "symlink_loop", make=lambda p: p.symlink_to(p)),
    _case("loop_a.txt", "symlink_loop", make=_symlink("loop_b.txt")),
    _case("loop_b.txt", "symlink_loop", make=_symlink("loop_a.txt")),
    _case("dangling.txt", "not_found", make=_symlink("nowhere.txt")),
    _case("unreadable.txt", "permission", make=_unreadable),
    _case("too_large.txt", "too_large", make=_too_large),
    _case("report.pdf", "unsupported_type", make=_write_bytes(b"%PDF-1.4\n")),  # named: a folder skips it
    _case(
        "furniture.html",
        "no_text",
        make=_write(
            "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
            "<footer>Subscribe | Share | Print</footer></body></html>"
        ),
    ),
    _case("huge_attributes.html", STORED, "no_text", make=_huge_attributes),
    _case("divs_300.html", STORED, make=_nested_divs(300, "Kerman")),
    _case("divs_1000.html", STORED, make=_nested_divs(1000, "Bushehr")),
    _case("zero_width.txt", STORED, "timeout", make=_zero_width),
    _case(
        "bidi_title.json",
        STORED,
        make=lambda p: _json(p, id="bidi", title=BIDI, outlet="\u202emoc.cbb", text=_good("Arak")),
    ),
    _case(
        "formula.json",
        STORED,
        make=lambda p: _json(
            p,
            id="formula",
            title=FORMULA,
            outlet="+cmd|' /C calc'!A0",
            text=f"@SUM(1+1) {_good('Karaj')}",
        ),
    ),
    _case("controls.txt", STORED, make=_write("\x1b[2J\x1b[31m" + _good("Zahedan"))),
    _case(
        "rtl_mixed.txt",
        STORED,
        make=_write(_good("Urmia").split("\n")[0] + "\n" + PERSIAN + "\n" + GOOD.split("\n")[1]),
    ),
    _case("one_word.txt", "timeout", "memory", make=_write("protest " * 125_000)),
    _case("long_line.txt", "timeout", "memory", make=_write(_reports(13_000, " "))),
    _case("slow.txt", "timeout", make=_write(_reports(6_000, "\n\n"))),
    _case("hungry.txt", "memory", make=_write(_reports(1_500, " "))),
    _case("ten_mb.txt", "timeout", "memory", make=_write(_reports(125_000, "\n\n"))),
    _case(
        "zz_good.json",
        STORED,
        make=lambda p: _json(p, id="last", title="Last", text=_good("Isfahan"), published="2022-05-10"),
    ),
)


@dataclass(frozen=True)
class Batch:
    folder: Path
    db: Path
    returncode: int
    stderr: str
    peak_mb: float  # the largest resident memory of the CLI or any worker it ran
    seconds: float
    outcomes: dict[str, str]  # name -> STORED or failure code


_MEASURE = """
import resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(done.stderr)
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
print(f"\\nMEASURED {done.returncode} {kb / 1024:.0f} {time.monotonic() - start:.1f}")
"""


def run_batch(root: Path) -> Batch:
    folder, db = root / "in", root / "hostile.sqlite"
    folder.mkdir()
    for case in CASES:
        if case.make is not None:
            case.make(folder / case.name.split(":")[0])
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("CHRONICLER_")},
        "PYTHONPATH": str(SRC),
        "CHRONICLER_DB": str(db),
        "CHRONICLER_DOC_TIMEOUT": str(SECONDS),
        "CHRONICLER_DOC_MEMORY_MB": str(MEMORY_MB),
        "CHRONICLER_DETECTOR": "off",
    }
    command = [sys.executable, "-m", "chronicler.cli", "ingest", str(folder), str(folder / "report.pdf")]
    # A process of its own runs the CLI, so that RUSAGE_CHILDREN counts the CLI and its workers only.
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], env=env, capture_output=True, text=True, timeout=600
    )
    stderr, _, measured = done.stdout.rpartition("\nMEASURED ")
    code, peak, seconds = measured.split()
    return Batch(folder, db, int(code), stderr, float(peak), float(seconds), _outcomes(db, folder))


def _outcomes(db: Path, folder: Path) -> dict[str, str]:
    """What became of each input: STORED, or its failure code, by name relative to ``folder``."""
    found: dict[str, str] = {}
    with sqlite3.connect(db) as connection:
        for source, code in connection.execute("SELECT source, code FROM failures"):
            found[str(Path(source).relative_to(folder))] = code
        for (source,) in connection.execute("SELECT source FROM documents"):
            found[str(Path(source).relative_to(folder))] = STORED
    return found


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Batch]:
    yield run_batch(tmp_path_factory.mktemp("hostile"))


def test_there_are_at_least_30_hostile_inputs() -> None:
    hostile = [case for case in CASES if "good" not in case.name]
    assert len(hostile) >= 30


def test_every_input_is_stored_or_set_aside_with_its_code(batch: Batch) -> None:
    assert "Traceback" not in batch.stderr
    for case in CASES:
        assert batch.outcomes.get(case.name) in case.outcomes, (case.name, batch.outcomes.get(case.name))
    assert set(batch.outcomes) == {case.name for case in CASES}


def test_the_good_documents_around_them_are_stored_and_the_exit_status_is_1(batch: Batch) -> None:
    assert batch.returncode == 1, batch.stderr
    assert batch.outcomes["00_good.txt"] == batch.outcomes["zz_good.json"] == STORED
    failed = sum(outcome != STORED for outcome in batch.outcomes.values())
    assert f"failed: {failed}" in " ".join(batch.stderr.split())


def test_the_batch_stays_under_1_gb(batch: Batch) -> None:
    assert 100 < batch.peak_mb < PEAK_LIMIT_MB


def test_failures_lists_every_failure_with_a_reason_naming_the_budget(batch: Batch) -> None:
    runner = CliRunner(env={"CHRONICLER_DB": str(batch.db)})
    listed = runner.invoke(app, ["failures", "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    assert {str(Path(r["source"]).relative_to(batch.folder)): r["code"] for r in rows} == {
        name: code for name, code in batch.outcomes.items() if code != STORED
    }
    reasons = {Path(r["source"]).name: r["reason"] for r in rows}
    assert reasons["slow.txt"] == f"took longer than {SECONDS} s"
    assert reasons["hungry.txt"] == f"needed more than {MEMORY_MB} MB of memory (CHRONICLER_DOC_MEMORY_MB)"


def test_nothing_unsafe_is_stored_or_written(batch: Batch) -> None:
    assert b"root:x:0:0" not in batch.db.read_bytes()  # the XXE's entity was never resolved
    with sqlite3.connect(batch.db) as connection:
        rows = connection.execute("SELECT id, title, outlet, text FROM documents").fetchall()
    for doc_id, title, outlet, text in rows:
        assert "\0" not in text
        for name in (doc_id, title, outlet):
            assert name is None or name == clean_name(name)
    runner = CliRunner(env={"CHRONICLER_DB": str(batch.db), "COLUMNS": "240"})
    exported = runner.invoke(app, ["events", "--format", "csv"])
    assert exported.exit_code == 0, exported.output
    for row in csv.reader(io.StringIO(exported.stdout)):
        assert not any(cell[:1] in {"=", "+", "-", "@"} for cell in row), row


def test_the_english_page_with_persian_lines_is_read_as_english(batch: Batch) -> None:
    with sqlite3.connect(batch.db) as connection:
        language, text = connection.execute(
            "SELECT language, text FROM documents WHERE source LIKE '%rtl_mixed.txt'"
        ).fetchone()
        mentions = connection.execute(
            "SELECT start, extractor FROM event_mentions m JOIN documents d ON m.doc_id = d.id "
            "WHERE d.source LIKE '%rtl_mixed.txt'"
        ).fetchall()
    assert language == "en"
    english = {start for start, extractor in mentions if extractor == "events.rules.v1"}
    assert {text.index(line) for line in _good("Urmia").split("\n")} <= english


if __name__ == "__main__":  # the figures for docs/reliability.md: python tests/test_hostile.py DIR
    result = run_batch(Path(sys.argv[1]))
    print(f"exit {result.returncode}, peak {result.peak_mb:.0f} MB, {result.seconds:.1f} s")
    for case in CASES:
        print(f"| {case.name} | {result.outcomes.get(case.name)} |")
