"""``process(Document) -> Extraction`` and the batch runner over readers and the cleaner.

``process`` is pure and picklable: it reads only its argument and process-wide caches (the
spaCy pipeline, the packs), so the same function runs in-process, in a pool or on Ray.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from chronicler.clean import clean
from chronicler.extract.foreign import LANGUAGES as FOREIGN_LANGUAGES
from chronicler.extract.foreign import extract_foreign
from chronicler.extract.lexicon import load_cues, load_lexicon
from chronicler.extract.mentions import extract_mentions
from chronicler.nlp import DEFAULT_MODEL, load_pipeline
from chronicler.records import Document, Extraction, RawDocument, ReadFailure
from chronicler.sources.files import read_paths

# Languages with event rules: English (parsed), French, German and Persian (the surface reader).
# Others are stored with no events until they have rules.
EXTRACTION_LANGUAGES = {"en", "fr", "de", "fa"}


def process(document: Document, packs: Sequence[Path] = (), model: str = DEFAULT_MODEL) -> Extraction:
    if (document.language or "en") not in EXTRACTION_LANGUAGES:
        return Extraction(document, ())
    if document.language in FOREIGN_LANGUAGES:
        return Extraction(document, extract_foreign(document, document.language, packs))
    mentions = extract_mentions(
        document, load_pipeline(model), load_lexicon(tuple(packs)), load_cues(tuple(packs))
    )
    return Extraction(document, mentions)


def read_documents(
    paths: Sequence[str], *, stdin: TextIO | None = None, max_bytes: int = 10_000_000
) -> Iterator[Document | ReadFailure]:
    """Read and clean: every item is a cleaned document or the reason one was set aside."""
    for item in read_paths(paths, stdin=stdin, max_bytes=max_bytes):
        yield item if isinstance(item, ReadFailure) else clean(item)


def run(
    documents: Iterable[Document | ReadFailure], packs: Sequence[Path] = (), model: str = DEFAULT_MODEL
) -> Iterator[Extraction | ReadFailure]:
    for item in documents:
        yield item if isinstance(item, ReadFailure) else process(item, packs, model)


__all__ = ["RawDocument", "process", "read_documents", "run"]
