"""Checks on gold files: every anchor verbatim and unique in its document, every field well-formed.

In the spirit of the devset's ``validate_gold.py``, with two differences: the document text is
chronicler's own cleaned text (for HTML too; a gold ``text`` field, where present, is checked
as well), and ``event_key`` is optional (the team's example gold has none).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, get_args

from chronicler.errors import InputError
from chronicler.evaluate.scoring import gold_doc_id, load_gold
from chronicler.knowledge.triggers import Lexicon, load_lexicon
from chronicler.records import CountKind, Modality, Qualifier

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_KINDS = frozenset(get_args(CountKind))
_QUALIFIERS = frozenset(get_args(Qualifier))
_MODALITIES = frozenset(get_args(Modality))


def anchor_problems(anchor: str, text: str, where: str) -> list[str]:
    """An anchor must occur exactly once, verbatim, in the text it identifies a sentence of."""
    if not anchor:
        return ["no anchor"]
    found = text.count(anchor)
    if found == 0:
        return [f"anchor not found verbatim in {where}"]
    if found > 1:
        return [f"anchor occurs {found} times in {where}; it must be unique"]
    return []


def _count_problems(counts: Any) -> list[str]:
    if not isinstance(counts, list):
        return [f"counts must be a list, not {counts!r}"]
    problems = []
    for c in counts:
        if not isinstance(c, dict) or c.get("kind") not in _KINDS or c.get("qualifier") not in _QUALIFIERS:
            problems.append(f"bad count {c!r}")
            continue
        for key in ("low", "high"):
            if c.get(key) is not None and not isinstance(c[key], int):
                problems.append(f"count {key} must be a whole number or null: {c!r}")
    return problems


def field_problems(event: Mapping[str, Any], lexicon: Lexicon) -> list[str]:
    """Type, mode, dates, place, counts, modality and historical of one gold event."""
    problems: list[str] = []
    kind = event.get("event")
    if kind not in lexicon.groups:
        problems.append(f"bad type {kind!r}")
    elif event.get("mode") and event["mode"] not in lexicon.modes.get(kind, frozenset()):
        problems.append(f"mode {event['mode']!r} is not a mode of {kind}")
    for key in ("date", "enddate"):
        value = event.get(key)
        if value is not None and not _DATE.match(str(value)):
            problems.append(f"bad {key} {value!r}: ISO 8601, reduced (2019-11-16, 2019-11, 2019)")
    place = event.get("place")
    if place is not None and not (isinstance(place, dict) and place.get("name") and place.get("country")):
        problems.append(f"bad place {place!r}: needs name and country")
    problems.extend(_count_problems(event.get("counts") or []))
    if event.get("modality", "asserted") not in _MODALITIES:
        problems.append(f"bad modality {event.get('modality')!r}")
    if not isinstance(event.get("historical"), bool):
        problems.append("historical must be true or false")
    return problems


def check_gold(gold: Mapping[str, Any], text: str | None, lexicon: Lexicon) -> list[str]:
    """Problems of one gold file, each prefixed with the event it concerns."""
    if not isinstance(gold.get("events"), list):
        return ["no 'events' list"]
    problems: list[str] = []
    texts = {"the gold text": gold.get("text"), "the cleaned document text": text}
    for i, event in enumerate(gold["events"]):
        anchor = str(event.get("anchor") or "")
        where = f"event {i} ({anchor[:40]!r})"
        found = [anchor_problems(anchor, body, label) for label, body in texts.items() if body is not None]
        for problem in [*(p for ps in found for p in ps), *field_problems(event, lexicon)]:
            problems.append(f"{where}: {problem}")
    return problems


def validate_gold(gold_dir: Path, docs: Mapping[str, str]) -> list[str]:
    """Problems in every ``*.json`` of ``gold_dir``, as ``stem: problem`` lines; empty when all is well.

    ``docs`` maps each document id to chronicler's cleaned text of it. A gold file is matched to
    its document by its ``article`` field (else its stem); a gold file with no document is a problem.
    """
    lexicon = load_lexicon()
    problems: list[str] = []
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        return [f"{gold_dir}: no gold files (*.json)"]
    for path in paths:
        try:
            gold = load_gold(path)
        except InputError as exc:
            problems.append(str(exc))
            continue
        doc_id = gold_doc_id(path.stem, gold)
        if doc_id not in docs:
            problems.append(f"{path.stem}: no document with id {doc_id!r} among those read")
        problems.extend(f"{path.stem}: {p}" for p in check_gold(gold, docs.get(doc_id), lexicon))
    return problems
