"""PLOVER gold-standard records: the CAMEO manual's example sentences coded in PLOVER.

The records (openeventdata/PLOVER, CC BY-SA 4.0) use PLOVER v0.5b1 categories. Four of them were
later folded into others; they are mapped here through their CAMEO root code and the root's line
in CAMEO2PLOVER-2021.txt (``10: REQUEST``), so the mapping is the PLOVER authors' own table.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from external import SetResult, missing
from external.sentences import Judged, breakdown, event_types, sentence_metrics

KEY = "plover_gsr"
TITLE = "PLOVER gold-standard records (CAMEO manual sentences)"
DIRNAME = "plover_gsr_cameo"
RECORDS = "PLOVER_GSR_CAMEO.txt"
TABLE = "CAMEO2PLOVER-2021.txt"

# v0.5b1 categories that PLOVER 2.0 no longer has, with the CAMEO 1.1b3 root each was named after.
LEGACY_ROOTS = {"INVESTIGATE": "09", "DEMAND": "10", "DISAPPROVE": "11", "FIGHT": "19"}
_ROOT_LINE = re.compile(r"^(\d{2}):\s*([A-Z]+)\s*$")


def root_types(table: Path) -> list[tuple[str, str]]:
    """(CAMEO root code, PLOVER type) from the table's two-digit header lines, in order.

    A root can head two types (08 is CONCEDE, then RETREAT from 084 on).
    """
    out: list[tuple[str, str]] = []
    for line in table.read_text(encoding="utf-8").splitlines():
        m = _ROOT_LINE.match(line.strip())
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def current_type(label: str, roots: dict[str, str], known: frozenset[str]) -> str | None:
    if label in known:
        return label
    root = LEGACY_ROOTS.get(label)
    return roots.get(root) if root else None


def _records(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in data if r.get("event") != "DOCUMENT" and r.get("text")]


def run(root: Path) -> SetResult:
    base = root / DIRNAME
    gone = missing(KEY, TITLE, base / RECORDS, base / TABLE)
    if gone:
        return gone
    headers = root_types(base / TABLE)
    known = frozenset(t for _, t in headers)
    roots: dict[str, str] = {}
    for code, plover in headers:
        roots.setdefault(code, plover)
    items: list[Judged] = []
    unmapped = 0
    for rec in _records(base / RECORDS):
        gold = current_type(rec["event"], roots, known)
        if gold is None:
            unmapped += 1
            continue
        # Every record carries the placeholder date 2000-01-01, so no publication date is given.
        items.append(Judged(rec["event"], gold, event_types(rec["text"], rec["id"])))
    renamed = ", ".join(f"{old} -> CAMEO {code} -> {roots.get(code)}" for old, code in LEGACY_ROOTS.items())
    return SetResult(
        key=KEY,
        title=TITLE,
        n=len(items),
        unit="sentences",
        baseline="majority class (every sentence given the most frequent gold type)",
        metrics=sentence_metrics(items),
        measured=(
            "Each record's `text` is run through `chronicler.pipeline.process` as a one-sentence English "
            "document; the set of PLOVER types of the extracted mentions is compared with the record's "
            "single gold `event`."
        ),
        mapping=(
            f"`{DIRNAME}/{TABLE}`: categories that PLOVER 2.0 keeps are compared as they are; the four it "
            f"dropped go through their CAMEO root's line in the table: {renamed}."
        ),
        excluded=f"the DOCUMENT header record; {unmapped} records with a category the table cannot map.",
        notes=(
            "The sentences are CAMEO manual examples: short, mostly diplomatic wire language, many about "
            "intentions (\"expressed willingness to\", \"offered to\") that chronicler's rules deliberately "
            "do not code as events, while its lexicon is built for protest and repression reporting.",
            "A record codes one event although many sentences state two (\"agreed to cooperate\" is AGREE "
            "here; a second type chronicler gives counts as a false positive), so pair precision is a "
            "lower bound.",
            "PLOVER's AGREE covers intent to cooperate; chronicler's AGREE is a stated agreement. "
            "Mode, actors and context are not scored.",
        ),
        table=breakdown(items),
    )
