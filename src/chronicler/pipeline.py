"""``process(Document, KnowledgeBase) -> Extraction`` and the batch runner over readers and the cleaner.

``process`` is pure: it reads only its arguments and the process-wide spaCy pipelines, and the
knowledge base it is given is plain picklable data, so the same function runs in-process, in a
pool or on Ray.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TextIO

from chronicler.clean import clean
from chronicler.extract import read
from chronicler.knowledge import KnowledgeBase, load_knowledge
from chronicler.knowledge.boilerplate import Boilerplate
from chronicler.languages import DEFAULT_MODEL
from chronicler.records import Document, Extraction, RawDocument, ReadFailure
from chronicler.sources.files import read_paths

logger = logging.getLogger(__name__)


def process(
    document: Document, knowledge: KnowledgeBase, model: str = DEFAULT_MODEL, *, detector: bool = True
) -> Extraction:
    """The event mentions of one cleaned document; none for a language without event rules.

    ``detector=False`` leaves out the learned event detector: the readers' rules only."""
    return Extraction(document, read(document, knowledge, model, detector=detector))


@cache
def shared_knowledge(pack_dirs: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The knowledge base of ``pack_dirs``, loaded once per process and shared by its batches."""
    return load_knowledge(pack_dirs)


def read_documents(
    paths: Sequence[str],
    *,
    boilerplate: Boilerplate,
    stdin: TextIO | None = None,
    max_bytes: int = 10_000_000,
) -> Iterator[Document | ReadFailure]:
    """Read and clean: every item is a cleaned document or the reason one was set aside.

    ``boilerplate`` is the page furniture to drop: ``shared_knowledge(pack_dirs).boilerplate``.
    """
    for item in read_paths(paths, stdin=stdin, max_bytes=max_bytes):
        yield item if isinstance(item, ReadFailure) else clean_raw(item, boilerplate)


def clean_raw(raw: RawDocument, boilerplate: Boilerplate) -> Document | ReadFailure:
    try:
        return clean(raw, boilerplate)
    except Exception as exc:
        # One document the cleaner cannot handle is set aside with its reason; the batch goes on.
        logger.debug("cleaning %s failed", raw.source, exc_info=True)
        return ReadFailure(raw.source, f"cleaning failed: {type(exc).__name__}: {exc}", "no_text")


def run(
    documents: Iterable[Document | ReadFailure], packs: Sequence[Path] = (), model: str = DEFAULT_MODEL
) -> Iterator[Extraction | ReadFailure]:
    """Extract every document, with the shipped knowledge extended by ``packs``, loaded once."""
    knowledge = shared_knowledge(tuple(packs))
    for item in documents:
        yield item if isinstance(item, ReadFailure) else process(item, knowledge, model)


__all__ = [
    "KnowledgeBase",
    "RawDocument",
    "load_knowledge",
    "process",
    "read_documents",
    "run",
    "shared_knowledge",
]
