"""``chronicler evaluate``: extract a corpus (or read a system file), score it, check the gold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler import service
from chronicler.config import Settings
from chronicler.errors import InputError
from chronicler.evaluate.gold import validate_gold
from chronicler.evaluate.scoring import load_jsonl, score
from chronicler.pipeline import read_documents, shared_knowledge
from chronicler.records import Document, Extraction, ReadFailure


@dataclass(frozen=True)
class Corpus:
    """What chronicler made of a document collection: event JSON and the cleaned text of each document."""

    events: tuple[dict[str, Any], ...]
    texts: dict[str, str]
    failures: tuple[ReadFailure, ...]


@dataclass(frozen=True)
class Evaluation:
    result: dict[str, Any]  # the dict of the devset's ``score.py --json``
    gold_problems: tuple[str, ...]  # anchors not verbatim or not unique, malformed fields
    failures: tuple[ReadFailure, ...]  # documents that could not be read or extracted


def extract_corpus(paths: Sequence[str], settings: Settings) -> Corpus:
    """Read, clean and extract every document in-process, through the service layer."""
    events: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    failures: list[ReadFailure] = []
    for item in service.extract(paths, settings):
        if isinstance(item, ReadFailure):
            failures.append(item)
        elif isinstance(item, Extraction):
            texts[item.document.id] = item.document.text
            events.extend(m.to_json() for m in item.mentions)
    return Corpus(tuple(events), texts, tuple(failures))


def read_corpus(paths: Sequence[str], settings: Settings, system: Path) -> Corpus:
    """Cleaned texts of the documents, with events from a system file rather than extraction."""
    texts: dict[str, str] = {}
    failures: list[ReadFailure] = []
    boilerplate = shared_knowledge(settings.pack_dirs).boilerplate  # a broken pack stops here
    for item in read_documents(paths, boilerplate=boilerplate, max_bytes=settings.max_bytes):
        if isinstance(item, Document):
            texts[item.id] = item.text
        else:
            failures.append(item)
    return Corpus(tuple(load_jsonl(system)), texts, tuple(failures))


def check_gold_dir(gold_dir: Path) -> None:
    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "not a directory of gold files")
    if not any(gold_dir.glob("*.json")):
        raise InputError(str(gold_dir), "no gold files (*.json) in this directory")


def evaluate(
    gold_dir: Path,
    docs: Sequence[str],
    settings: Settings,
    *,
    system: Path | None = None,
    only: set[str] | None = None,
) -> Evaluation:
    """Score chronicler (or the events in ``system``) on ``docs`` against the gold files in ``gold_dir``."""
    check_gold_dir(gold_dir)
    if system is not None and not system.is_file():
        raise InputError(str(system), "no such system file (event JSON lines)")
    corpus = extract_corpus(docs, settings) if system is None else read_corpus(docs, settings, system)
    return Evaluation(
        result=score(gold_dir, corpus.events, only),
        gold_problems=tuple(validate_gold(gold_dir, corpus.texts)),
        failures=corpus.failures,
    )
