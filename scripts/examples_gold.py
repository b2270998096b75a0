#!/usr/bin/env python3
"""Write the example corpus's gold files from the hand-annotated tables in examples/README.md.

usage: scripts/examples_gold.py [--out DIR] [--check]      (DIR: tests/evaluate/gold)

The README tables are the annotation; the gold files are a mechanical copy of them in the
devset gold format, so the two never disagree. Cells are copied as written: names keep their
parenthesised glosses (the scorer compares names by word overlap), quotes are dropped, `–` is
null. A place's province, where a cell omits it, is the one the same tables give it elsewhere.
Each file is named by the document id chronicler gives the document when that id is a safe
file name, else by the source file's stem; its `article` field always holds the id.
With --check nothing is written; the exit status says whether the files are up to date.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from chronicler.pipeline import read_documents, shared_knowledge
from chronicler.records import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "tests" / "evaluate" / "gold"
NULL = "–"
HEADER = re.compile(r"^### \d\d `(?P<file>[^`]+)`(?:, line (?P<line>\d+))?")
PUBLISHED = re.compile(r"published \w{3} (\d{4}-\d{2}-\d{2})")
COUNT = re.compile(r'^(?P<kind>\w+) (?P<low>\S+)/(?P<high>\S+) (?P<qualifier>\w+) "(?P<text>[^"]*)"$')
PLACE = re.compile(r'^(?P<name>[^("]+?)\s*(?:"[^"]*"\s*)?(?:\((?P<note>[^)]*)\))?$')
SAFE_STEM = re.compile(r"^[A-Za-z0-9._-]+$")
OUTSIDE_PARENS = re.compile(r",\s*(?![^()]*\))")


def _null(cell: str) -> str | None:
    cell = cell.strip()
    return None if cell in {NULL, ""} else cell


def _name(cell: str) -> str | None:
    value = _null(cell)
    return re.sub(r"\s+", " ", value.replace('"', "")).strip() if value else None


def _number(cell: str) -> int | None:
    return None if cell == NULL else int(cell)


def _counts(cell: str) -> list[dict[str, Any]]:
    out = []
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        if part == NULL:
            continue
        m = COUNT.match(part)
        if not m:
            raise SystemExit(f"unreadable count {part!r}")
        out.append(
            {
                "kind": m["kind"],
                "low": _number(m["low"]),
                "high": _number(m["high"]),
                "qualifier": m["qualifier"],
                "text": m["text"],
            }
        )
    return out


def _place(item: str, shared_admin1: str | None = None) -> dict[str, Any]:
    m = PLACE.match(item.strip())
    if not m:
        raise SystemExit(f"unreadable place {item!r}")
    name, note = m["name"].strip(), (m["note"] or "").strip()
    if name == "Iran":
        return {"name": "Iran", "country": "IR"}
    place: dict[str, Any] = {"name": name, "country": "IR"}
    if note.startswith('"'):  # the name as the text writes it, not a province
        note = ""
    if note == "admin1":
        place["admin1"] = name
    elif note.startswith("admin1 "):
        place["admin1"] = note.removeprefix("admin1 ")
    elif "," in note:
        place["admin1"], place["country"] = (s.strip() for s in note.split(",", 1))
    elif note:
        place["admin1"] = note.removeprefix("all ")
    if "admin1" not in place and shared_admin1:
        place["admin1"] = shared_admin1
    return place


def _places(cell: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]] | None]:
    if _null(cell) is None:
        return None, None
    first, _, rest = cell.partition(";")
    if not rest.strip():
        return _place(first), None
    items = OUTSIDE_PARENS.split(rest.strip())
    shared = re.search(r"\(all ([^)]+)\)$", rest.strip())
    return _place(first), [_place(i, shared[1] if shared else None) for i in items]


def _dates(cell: str) -> tuple[str | None, str | None]:
    start, _, end = cell.partition("→")
    return _null(start), _null(end) if end else None


def parse_row(cells: list[str]) -> dict[str, Any]:
    _, anchor, kind, who, date, where, counts, claimed, modality, hist = cells
    event, _, mode = kind.strip().partition(" ")
    actor, _, recipient = who.partition("→")
    place, places = _places(where)
    start, end = _dates(date)
    return {
        "anchor": anchor.strip().strip("`"),
        "event": event,
        "mode": _null(mode),
        "actor": _name(actor),
        "recipient": _name(recipient),
        "date": start,
        "enddate": end,
        "place": place,
        "places": places,
        "counts": _counts(counts),
        "claimed_by": _name(claimed),
        "modality": modality.strip(),
        "historical": {"yes": True, "no": False}[hist.strip()],
    }


def parse_readme(text: str) -> list[dict[str, Any]]:
    """One dict per `### NN` section: source file, line, published, events, notes."""
    sections: list[dict[str, Any]] = []
    for line in text.splitlines():
        head = HEADER.match(line)
        if head:
            published = PUBLISHED.search(line)
            sections.append(
                {
                    "file": head["file"],
                    "line": int(head["line"] or 1),
                    "published": published[1] if published else None,
                    "heading": line.removeprefix("### "),
                    "events": [],
                    "notes": [],
                }
            )
        elif not sections:
            continue
        elif re.match(r"^\| \d+ \|", line):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            sections[-1]["events"].append(parse_row(cells))
        elif line.strip() and not line.startswith(("|", "---")):
            sections[-1]["notes"].append(line.strip())
    return sections


def _fill_admin1(sections: list[dict[str, Any]]) -> None:
    known: dict[str, str] = {}
    every = [p for s in sections for e in s["events"] for p in [e["place"], *(e["places"] or [])] if p]
    for p in every:
        if "admin1" in p:
            known.setdefault(p["name"], p["admin1"])
    for p in every:
        if p["name"] != "Iran" and "admin1" not in p and p["name"] in known:
            p["admin1"] = known[p["name"]]


def document_ids() -> dict[tuple[str, int], str]:
    """(file name, line) -> the document id chronicler gives it."""
    ids: dict[tuple[str, int], str] = {}
    boilerplate = shared_knowledge(()).boilerplate  # the shipped packs, as the examples are read
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in {".json", ".jsonl", ".html", ".txt"}:
            read = read_documents([str(path)], boilerplate=boilerplate)
            docs = [d for d in read if isinstance(d, Document)]
            for line, doc in enumerate(docs, 1):
                ids[(path.name, line)] = doc.id
    return ids


def gold_files() -> dict[str, str]:
    """File name -> JSON text of every gold file."""
    sections = parse_readme((EXAMPLES / "README.md").read_text(encoding="utf-8"))
    _fill_admin1(sections)
    ids = document_ids()
    out: dict[str, str] = {}
    for s in sections:
        doc_id = ids[(s["file"], s["line"])]
        stem = doc_id if SAFE_STEM.match(doc_id) else Path(s["file"]).stem
        gold = {
            "article": doc_id,
            "source": s["file"] + (f", line {s['line']}" if s["file"].endswith(".jsonl") else ""),
            "published": s["published"],
            "events": s["events"],
            "notes": " ".join([s["heading"], *s["notes"]]),
        }
        out[f"{stem}.json"] = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=GOLD, help="The gold directory (default: %(default)s).")
    ap.add_argument("--check", action="store_true", help="Write nothing; fail if the files are stale.")
    args = ap.parse_args()
    out: Path = args.out
    files = gold_files()
    stale = [n for n, t in files.items() if not (out / n).exists() or (out / n).read_text("utf-8") != t]
    if args.check:
        for name in stale:
            print(f"stale: {out / name}")
        return 1 if stale else 0
    out.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (out / name).write_text(files[name], encoding="utf-8")
    events = sum(len(json.loads(t)["events"]) for t in files.values())
    print(f"{len(files)} gold files, {len(stale)} written; {events} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
