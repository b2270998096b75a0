"""Shared fixtures: the real spaCy pipeline and the shipped knowledge, loaded once per test session."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from chronicler.knowledge import KnowledgeBase, load_knowledge
from chronicler.knowledge.boilerplate import Boilerplate
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues, Lexicon
from chronicler.nlp import load_pipeline
from chronicler.pipeline import process
from chronicler.records import Document, EventMention

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    """The shipped packs, with no user directory."""
    return load_knowledge()


@pytest.fixture(scope="session")
def lexicon(knowledge: KnowledgeBase) -> Lexicon:
    return knowledge.language("en").lexicon


@pytest.fixture(scope="session")
def cues(knowledge: KnowledgeBase) -> Cues:
    return knowledge.language("en").cues


@pytest.fixture(scope="session")
def english(knowledge: KnowledgeBase) -> EnglishWords:
    """The English reader's word lists (``packs/en/*.yaml``)."""
    return knowledge.english


@pytest.fixture(scope="session")
def boilerplate(knowledge: KnowledgeBase) -> Boilerplate:
    """The page furniture of the clean stage (``packs/boilerplate.yaml``)."""
    return knowledge.boilerplate


@pytest.fixture(scope="session")
def read_text(knowledge: KnowledgeBase) -> Callable[..., tuple[EventMention, ...]]:
    """``read_text(text, language="en", published="2022-10-05", detector=True)``: the event mentions
    of ``text`` read as a whole document of example.org by the shipped pipeline."""

    def read(
        text: str, *, language: str = "en", published: str = "2022-10-05", detector: bool = True
    ) -> tuple[EventMention, ...]:
        doc = Document(id="t", source="t", text=text, content_hash="t", published=published,
                       language=language, outlet="example.org")
        return process(doc, knowledge, detector=detector).mentions

    return read


@pytest.fixture(scope="session")
def claimant_of(read_text: Callable[..., tuple[EventMention, ...]]) -> Callable[..., str | None]:
    """``claimant_of(text, event, language="en")``: who claims the text's one event of that type."""

    def claimant(text: str, event: str, language: str = "en") -> str | None:
        mentions = read_text(text, language=language)
        found = [m for m in mentions if m.event == event]
        assert len(found) == 1, [(m.event, m.text) for m in mentions]
        return found[0].claimed_by.entity_text if found[0].claimed_by else None

    return claimant


# -- offline: the suite makes no connection off this machine ---------------------------------------

_LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0")


def _remote(address: object) -> str | None:
    """The host of an internet ``address`` that is not this machine; None for loopback and local
    sockets (AF_UNIX paths, which the worker's pipes and a local PostgreSQL use)."""
    if not isinstance(address, tuple) or not address:
        return None
    host = str(address[0])
    return None if host.startswith(_LOOPBACK) else host


@pytest.fixture(scope="session", autouse=True)
def offline() -> Iterator[list[str]]:
    """Every connection the test process tries to a host other than this one is refused and
    recorded; the session fails if there was any (README: nothing downloads at run time)."""
    attempts: list[str] = []
    original_connect, original_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guard(address: object) -> None:
        host = _remote(address)
        if host is not None:
            attempts.append(host)
            raise OSError(f"the test suite is offline: a connection to {host} was refused")

    def connect(self: socket.socket, address: object) -> None:
        guard(address)
        original_connect(self, address)  # type: ignore[arg-type]  # whatever socket accepts

    def connect_ex(self: socket.socket, address: object) -> int:
        guard(address)
        return original_connect_ex(self, address)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        yield attempts
    assert not attempts, f"the test suite tried to reach {sorted(set(attempts))}"


# -- every export of a database, as the command line writes it ---------------------------------------

# When a document was ingested: the one thing two databases of one corpus may rightly differ in.
_INGESTED_AT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z)?")


def _invoke(db: str, args: list[str], columns: int = 80) -> str:
    """Standard output of one read command on ``db``, which must succeed; tables ``columns`` wide."""
    from typer.testing import CliRunner

    from chronicler.cli import app

    runner = CliRunner(env={"CHRONICLER_DB": db, "COLUMNS": str(columns)})
    result = runner.invoke(app, args)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def all_exports(db: str, *, per_id: bool = True) -> dict[str, str]:
    """What every read command of the CLI writes for ``db``: consolidated events, event mentions in
    each format (table at 80 columns and wide), sources, failures without their times, and with
    ``per_id`` ``claims`` of every consolidated event and ``show`` of every mention, with their
    ingestion times masked (printed wide enough that a time is never wrapped)."""
    consolidated = _invoke(db, ["export", "consolidated"])
    events = _invoke(db, ["events", "-f", "jsonl"])
    out = {
        "export consolidated": consolidated,
        "events jsonl": events,
        "events csv": _invoke(db, ["events", "-f", "csv"]),
        "events table": _invoke(db, ["events"]),
        "events wide": _invoke(db, ["events", "--wide"]),
        "sources": _invoke(db, ["sources"]),
        "failures": "".join(
            json.dumps({k: v for k, v in json.loads(line).items() if k != "recorded_at"}) + "\n"
            for line in _invoke(db, ["failures", "-f", "jsonl"]).splitlines()
        ),
    }
    if per_id:
        for line in consolidated.splitlines():
            event_id = json.loads(line)["id"]
            out[f"claims {event_id}"] = _INGESTED_AT.sub("<ingested>", _invoke(db, ["claims", event_id], 240))
        for line in events.splitlines():
            mention_id = json.loads(line)["id"]
            out[f"show {mention_id}"] = _INGESTED_AT.sub("<ingested>", _invoke(db, ["show", mention_id], 240))
    return out


@pytest.fixture(scope="session")
def exports() -> Callable[..., dict[str, str]]:
    """``exports(db, per_id=True)``: every export of the database ``db`` (``all_exports``)."""
    return all_exports


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file of ``examples/`` ingested in one batch with the default settings (extraction
    in this process): read it, or copy it before changing it."""
    from chronicler import service
    from chronicler.config import Settings

    path = tmp_path_factory.mktemp("examples") / "examples.sqlite"
    summary = service.ingest([str(EXAMPLES)], Settings(db=str(path), doc_timeout=0))
    assert summary.stored >= 9 and not summary.failures, summary
    return path


# Not CHRONICLER_*: chronicler refuses a CHRONICLER_ variable that is not one of its settings.
POSTGRESQL = "TEST_POSTGRESQL_URL"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def empty_postgresql() -> Callable[[], str]:
    """A call that empties the database $TEST_POSTGRESQL_URL names and gives its URL, or skips the
    test where none is named (session-wide, so that fixtures of any scope can call it; CI names
    one, scripts/test_postgres)."""
    from sqlalchemy import text

    from chronicler.store.connect import create_store_engine, parse_target

    def empty() -> str:
        url = os.environ.get(POSTGRESQL)
        if not url:
            pytest.skip(f"no PostgreSQL: set {POSTGRESQL} to the URL of a database these tests may empty")
        engine = create_store_engine(parse_target(url))
        try:
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        finally:
            engine.dispose()
        return url

    return empty


def _examples_in(backend: str, examples_db: Path, folder: Path, empty_postgresql: Callable[[], str]) -> str:
    """The URL of a copy of ``examples_db`` on ``backend`` (PostgreSQL's by `chronicler db copy`)."""
    if backend == "sqlite":
        path = folder / "examples.sqlite"
        shutil.copyfile(examples_db, path)
        return str(path)
    from chronicler.store import schema

    url = empty_postgresql()
    schema.copy(str(examples_db), url)
    return url


@pytest.fixture(scope="module", params=BACKENDS)
def examples_database(
    request: pytest.FixtureRequest,
    examples_db: Path,
    tmp_path_factory: pytest.TempPathFactory,
    empty_postgresql: Callable[[], str],
) -> str:
    """A copy of the examples' database for one test module, on SQLite and on PostgreSQL."""
    return _examples_in(request.param, examples_db, tmp_path_factory.mktemp("examples"), empty_postgresql)


@pytest.fixture(params=BACKENDS)
def fresh_examples_database(
    request: pytest.FixtureRequest, examples_db: Path, tmp_path: Path, empty_postgresql: Callable[[], str]
) -> str:
    """A copy of the examples' database for one test, on SQLite and on PostgreSQL."""
    return _examples_in(request.param, examples_db, tmp_path, empty_postgresql)
