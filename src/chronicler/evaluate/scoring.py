"""Score event mentions (SCHEMA.md event JSON) against sentence-level gold files.

A typed re-implementation of the shared development set's ``score.py``: ``score`` returns the
same dict, key for key and figure for figure, so results here and there are comparable.

- A system event matches a gold event when it comes from the same article, has the same PLOVER
  type, and its ``text`` contains the gold anchor (after NFKC, quote and whitespace
  normalisation, case-insensitive). Matching is greedy and one-to-one per article: each gold
  event, in file order, takes the first unused system event that fits.
- Attributes are compared on matched pairs only.
- Count claims are scored per article as the set of ``(kind, low, high)``, whatever the type.

One rule is ours: a gold file's ``article`` field, when present, is the document id its events
are looked up under; without it the file stem is. The devset's gold files all have
``article`` equal to the stem, so on them the two scorers agree; our example corpus needs the
field because ids of HTML pages are URLs and of text pages a hash, neither a safe file name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronicler.errors import InputError

MATERIAL = frozenset({"PROTEST", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "RETREAT", "AID", "COOPERATE"})
_NAME_STOPWORDS = frozenset({"the", "of", "and", "s"})
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

Event = Mapping[str, Any]
CountKey = tuple[Any, Any, Any]


def norm(text: str | None) -> str:
    """NFKC, curly quotes made straight, whitespace collapsed, lower case."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().lower()


def contains(system_text: str | None, anchor: str) -> bool:
    return norm(anchor) in norm(system_text)


def name_match(a: str | None, b: str | None) -> bool:
    """Two names agree when half the words of the shorter one are in the other; two blanks agree."""
    if not a or not b:
        return not a and not b
    words_a = set(_WORD.findall(norm(a))) - _NAME_STOPWORDS
    words_b = set(_WORD.findall(norm(b))) - _NAME_STOPWORDS
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= 0.5


def entity_name(entity: Any) -> str | None:
    """The name of an entity, a list of entities (joined), or None: canonical name first."""
    if entity is None:
        return None
    if isinstance(entity, list):
        return " ".join(filter(None, (entity_name(x) for x in entity))) or None
    if isinstance(entity, dict):
        name: str | None = entity.get("identifier_text") or entity.get("entity_text")
        return name
    return str(entity)


def date_ok(gold: str | None, system: str | None) -> bool:
    """The system date must start with the gold date: gold "2019-11" accepts "2019-11-18"."""
    if gold is None:
        return system is None
    if system is None or len(system) < len(gold):
        return False
    return system[: len(gold)] == gold


def place_ok(gold: Mapping[str, Any] | None, loc: Mapping[str, Any] | None) -> bool:
    """Same country, and a name match; a country-level gold place also accepts any country-level one."""
    if gold is None:
        return loc is None
    if loc is None:
        return False
    if (loc.get("country_code") or "").upper() != gold["country"].upper():
        return False
    gold_name: str = gold["name"]
    names = [n for n in (loc.get("resolved_place"), loc.get("extracted_place")) if n]
    named = any(name_match(gold_name, n) for n in names)
    country_level = gold_name.lower() in {"iran", gold["country"].lower()} or gold.get("name") == gold.get(
        "country"
    )
    if country_level:
        return loc.get("resolution") == "country" or named
    return named


def count_key(count: Mapping[str, Any]) -> CountKey:
    return (count.get("kind"), count.get("low"), count.get("high"))


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 rounded to 3 places, with the raw tallies."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON value per non-blank line; a bad line is an InputError naming ``file:line``."""
    out: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}", f"not JSON: {exc}") from None
    return out


def load_gold(path: Path) -> dict[str, Any]:
    """One gold file; bad JSON is an InputError naming the file and line."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}", f"gold file is not JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise InputError(str(path), "a gold file holds one JSON object with an 'events' list")
    return data


def gold_doc_id(stem: str, gold: Mapping[str, Any]) -> str:
    """The document id a gold file describes: its ``article`` field, else its file stem."""
    return str(gold.get("article") or stem)


def attribute_checks(gold: Event, system: Event) -> dict[str, bool]:
    """Each attribute of a matched pair, right or wrong; marked ones only where gold marks them."""
    gold_modality = gold.get("modality") or "asserted"
    sys_modality = system.get("modality") or "asserted"
    checks = {
        "mode": (gold.get("mode") or None) == (system.get("mode") or None),
        "date": date_ok(gold.get("date"), system.get("date")),
        "place": place_ok(gold.get("place"), system.get("event_loc")),
        "claimed_by": name_match(gold.get("claimed_by"), entity_name(system.get("claimed_by"))),
        "historical": bool(gold.get("historical")) == bool(system.get("historical")),
        "modality": gold_modality == sys_modality,
        "actor": name_match(gold.get("actor"), entity_name(system.get("actor"))),
        "recipient": name_match(gold.get("recipient"), entity_name(system.get("recipient"))),
    }
    if gold_modality != "asserted":
        checks["modality_marked"] = gold.get("modality") == sys_modality
    if gold.get("historical"):
        checks["historical_true"] = bool(system.get("historical"))
    gold_counts = {count_key(c) for c in gold.get("counts") or []}
    sys_counts = {count_key(c) for c in system.get("counts") or []}
    if gold_counts or sys_counts:
        checks["counts"] = gold_counts == sys_counts
    return checks


def match_events(gold: Sequence[Event], system: Sequence[Event]) -> list[int | None]:
    """For each gold event, the index of its system event or None: greedy, one-to-one."""
    used: set[int] = set()
    found: list[int | None] = []
    for g in gold:
        hit = next(
            (
                j
                for j, s in enumerate(system)
                if j not in used and s.get("event") == g["event"] and contains(s.get("text", ""), g["anchor"])
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        found.append(hit)
    return found


def _group(event_type: Any) -> str:
    return "material" if event_type in MATERIAL else "verbal"


@dataclass
class _Tally:
    """Running totals over the articles; turned into the result dict once at the end."""

    events: Counter[str] = field(default_factory=Counter)
    attributes: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    per_type: defaultdict[Any, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    counts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def add_article(self, name: str, gold: Sequence[Event], system: Sequence[Event]) -> None:
        hits = match_events(gold, system)
        for g, hit in zip(gold, hits, strict=True):
            group = _group(g["event"])
            if hit is None:
                self.events[f"{group}_fn"] += 1
                self.per_type[g["event"]]["fn"] += 1
                self.misses.append(f"{name}: {g['event']} {g['anchor'][:60]!r}")
                continue
            self.events[f"{group}_tp"] += 1
            self.per_type[g["event"]]["tp"] += 1
            for key, ok in attribute_checks(g, system[hit]).items():
                self.attributes[key][1] += 1
                self.attributes[key][0] += bool(ok)
        used = {h for h in hits if h is not None}
        for j, s in enumerate(system):
            if j not in used:
                self.events[f"{_group(s.get('event'))}_fp"] += 1
                self.per_type[s.get("event")]["fp"] += 1
                self.false_positives.append(f"{name}: {s.get('event')} {s.get('text', '')[:60]!r}")
        self._add_count_claims(gold, system)

    def _add_count_claims(self, gold: Iterable[Event], system: Iterable[Event]) -> None:
        gold_keys = {count_key(c) for g in gold for c in g.get("counts") or []}
        sys_keys = {count_key(c) for s in system for c in s.get("counts") or []}
        self.counts["tp"] += len(gold_keys & sys_keys)
        self.counts["fp"] += len(sys_keys - gold_keys)
        self.counts["fn"] += len(gold_keys - sys_keys)

    def result(self, articles: int) -> dict[str, Any]:
        t = self.events
        attrs = sorted(self.attributes.items())
        return {
            "articles": articles,
            "events_all": prf(
                t["material_tp"] + t["verbal_tp"],
                t["material_fp"] + t["verbal_fp"],
                t["material_fn"] + t["verbal_fn"],
            ),
            "events_material": prf(t["material_tp"], t["material_fp"], t["material_fn"]),
            "events_verbal": prf(t["verbal_tp"], t["verbal_fp"], t["verbal_fn"]),
            "count_claims": prf(self.counts["tp"], self.counts["fp"], self.counts["fn"]),
            "attributes": {k: round(v[0] / v[1], 3) if v[1] else None for k, v in attrs},
            "attribute_n": {k: v[1] for k, v in attrs},
            "per_type": {
                k: prf(v["tp"], v["fp"], v["fn"])
                for k, v in sorted(self.per_type.items(), key=lambda kv: str(kv[0]))
            },
            "misses": self.misses,
            "false_positives": self.false_positives,
        }


def score(
    gold_dir: Path, system: Sequence[Mapping[str, Any]], only: set[str] | None = None
) -> dict[str, Any]:
    """Score system events against every ``*.json`` gold file in ``gold_dir`` (or those in ``only``).

    ``only`` names gold files by stem (or by the document id in their ``article`` field).
    The result is the dict ``score.py --json`` prints.
    """
    names = sorted(p.stem for p in gold_dir.glob("*.json"))
    golds = {n: load_gold(gold_dir / f"{n}.json") for n in names}
    if only:
        names = [n for n in names if n in only or gold_doc_id(n, golds[n]) in only]
    by_doc: defaultdict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for event in system:
        by_doc[str(event.get("doc_id"))].append(event)
    tally = _Tally()
    for n in names:
        gold = golds[n]
        tally.add_article(n, gold.get("events", []), by_doc.get(gold_doc_id(n, gold), []))
    return tally.result(len(names))
