"""Extraction in a worker process: the same result as in-process, a time and a memory budget, a
worker that dies."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator

import pytest

from chronicler.clean import clean
from chronicler.errors import ChroniclerError
from chronicler.knowledge import KnowledgeBase
from chronicler.languages import DEFAULT_MODEL
from chronicler.pipeline import process
from chronicler.records import Document, Extraction, RawDocument, ReadFailure
from chronicler.worker import MEMORY, TIMEOUT, WORKER_DIED, Worker, resident_mb

pytestmark = pytest.mark.slow

NEWS = "Police arrested forty workers in Arak on Monday, a rights group said."


def _document(knowledge: KnowledgeBase, text: str, name: str) -> Document:
    document = clean(RawDocument(name, text=text, id=name, published="2021-03-02"), knowledge.boilerplate)
    assert isinstance(document, Document)
    return document


def _slow(knowledge: KnowledgeBase) -> Document:
    # Many seconds of extraction: thousands of short dated paragraphs.
    text = "\n\n".join(f"Riot police beat {n} students in Shiraz on {n % 28 + 1} May." for n in range(6000))
    return _document(knowledge, text, "slow.txt")


def _hungry(knowledge: KnowledgeBase) -> Document:
    # One paragraph of 76,000 characters: the parser holds it whole, some 300 MB more.
    text = " ".join(f"Riot police beat {n} students in Shiraz on {n % 28 + 1} May." for n in range(1500))
    return _document(knowledge, text, "hungry.txt")


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    started = Worker((), DEFAULT_MODEL, detector=False)
    yield started
    started.stop()


def test_the_worker_extracts_what_the_process_does(worker: Worker, knowledge: KnowledgeBase) -> None:
    document = _document(knowledge, NEWS, "news.txt")
    result = worker.extract(document, seconds=60)
    assert isinstance(result, Extraction) and result.mentions
    assert result == process(document, knowledge, detector=False)


def test_a_document_past_its_budget_fails_and_the_next_is_read(
    worker: Worker, knowledge: KnowledgeBase
) -> None:
    failure = worker.extract(_slow(knowledge), seconds=0.5)
    assert failure == ReadFailure("slow.txt", "took longer than 0.5 s", TIMEOUT)
    after = worker.extract(_document(knowledge, NEWS, "after.txt"), seconds=60)
    assert isinstance(after, Extraction) and [m.event for m in after.mentions] == ["COERCE"]


def test_a_worker_that_dies_is_a_failure_and_is_replaced(worker: Worker, knowledge: KnowledgeBase) -> None:
    worker.extract(_document(knowledge, NEWS, "warm.txt"), seconds=60)  # a worker runs
    process_id = worker._process.pid if worker._process is not None else None
    assert process_id is not None
    # Killed from outside while it reads, as the kernel's out-of-memory killer would.
    threading.Timer(1.0, os.kill, (process_id, signal.SIGKILL)).start()
    failure = worker.extract(_slow(knowledge), seconds=120)
    assert isinstance(failure, ReadFailure) and failure.code == WORKER_DIED
    assert f"exit code -{signal.SIGKILL.value}" in failure.reason
    after = worker.extract(_document(knowledge, NEWS, "after.txt"), seconds=60)
    assert isinstance(after, Extraction) and after.mentions


def test_a_document_past_its_memory_budget_fails_and_the_next_is_read(
    worker: Worker, knowledge: KnowledgeBase
) -> None:
    worker.extract(_document(knowledge, NEWS, "warm.txt"), seconds=60)  # a worker runs
    at_rest = worker.resident_mb()
    assert at_rest is not None  # /proc: these tests run on Linux
    budget = round(at_rest) + 100
    failure = worker.extract(_hungry(knowledge), seconds=120, memory_mb=budget)
    reason = f"needed more than {budget} MB of memory (CHRONICLER_DOC_MEMORY_MB)"
    assert failure == ReadFailure("hungry.txt", reason, MEMORY)
    after = worker.extract(_document(knowledge, NEWS, "after.txt"), seconds=60, memory_mb=budget)
    assert isinstance(after, Extraction) and [m.event for m in after.mentions] == ["COERCE"]


def test_the_hungry_document_is_read_under_the_default_budget(
    worker: Worker, knowledge: KnowledgeBase
) -> None:
    result = worker.extract(_hungry(knowledge), seconds=120, memory_mb=2048)
    assert isinstance(result, Extraction) and len(result.mentions) > 1000


def test_a_budget_below_the_workers_own_memory_is_an_error(worker: Worker, knowledge: KnowledgeBase) -> None:
    worker.extract(_document(knowledge, NEWS, "warm.txt"), seconds=60)  # a worker runs
    with pytest.raises(ChroniclerError, match="raise CHRONICLER_DOC_MEMORY_MB"):
        worker.extract(_document(knowledge, NEWS, "news.txt"), seconds=60, memory_mb=10)


def test_resident_memory_is_read_from_proc() -> None:
    mine = resident_mb(os.getpid())
    assert mine is not None and 10 < mine < 10_000
    assert resident_mb(2**22 + 1) is None  # above Linux's largest process id
