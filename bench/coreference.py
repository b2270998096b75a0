"""Cross-document coreference of ``consolidate`` on the dev set, against the gold event keys.

usage: .venv/bin/python bench/coreference.py DOCS_DIR GOLD_DIR EVENTS.jsonl [--json]

  .venv/bin/chronicler extract ../shared/devset/docs --format jsonl > /tmp/coref/devset.jsonl
  .venv/bin/python bench/coreference.py ../shared/devset/docs ../shared/devset/gold /tmp/coref/devset.jsonl

Document facts come from the document JSON (published, outlet); every document is its own
representative and its outlet its independence key. Prints B-cubed, MUC, CEAF-e and CoNLL F1
over the mentions matched to gold events, and (with --clusters) the clusters next to their keys.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from chronicler.consolidate.events import consolidate
from chronicler.consolidate.load import mention_from_json
from chronicler.evaluate.coreference import coreference_on_gold
from chronicler.evaluate.scoring import load_gold, load_jsonl, match_events
from chronicler.records import ConsolidatedEvent, DocumentFacts


def document_facts(docs_dir: Path) -> dict[str, DocumentFacts]:
    facts: dict[str, DocumentFacts] = {}
    for path in sorted(docs_dir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc_id = str(doc.get("id") or path.stem)
        outlet = doc.get("outlet")
        facts[doc_id] = DocumentFacts(doc_id, doc.get("published"), outlet, doc_id, outlet, None, None)
    return facts


def show_clusters(
    gold_dir: Path, events: list[dict[str, object]], result: tuple[ConsolidatedEvent, ...]
) -> None:
    """Each consolidated event holding a matched mention, with the gold keys of its members."""
    key_of: dict[str, str] = {}
    by_doc: defaultdict[str, list[dict[str, object]]] = defaultdict(list)
    for e in events:
        by_doc[str(e["doc_id"])].append(e)
    for path in sorted(gold_dir.glob("*.json")):
        golds = [g for g in load_gold(path).get("events", []) if g.get("event_key")]
        system = by_doc.get(path.stem, [])
        for g, hit in zip(golds, match_events(golds, system), strict=True):
            if hit is not None:
                key_of[str(system[hit]["id"])] = f"{path.stem}:{g['event_key']}"
    for ev in result:
        keys = [key_of[m] for m in ev.mentions if m in key_of]
        if keys:
            print(ev.id, ev.event, ev.date, ev.event_loc.resolved_place if ev.event_loc else None, keys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("events", type=Path)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--clusters", action="store_true", help="list clusters with their gold keys")
    args = parser.parse_args()
    events = load_jsonl(args.events)
    mentions = [mention_from_json(e) for e in events]
    facts = document_facts(args.docs)
    result = consolidate(mentions, facts)
    scores = coreference_on_gold(args.gold, None, events, result)
    scores["mentions"] = len(mentions)
    scores["consolidated_events"] = len(result)
    if args.clusters:
        show_clusters(args.gold, events, result)
    if args.json:
        print(json.dumps(scores, indent=2))
        return 0
    print(f"mentions {len(mentions)}  consolidated events {len(result)}")
    print(f"gold events {scores['gold_events']}  matched {scores['matched']}")
    print(f"gold clusters {scores['gold_clusters']}  system clusters {scores['system_clusters']}")
    for name in ("muc", "b_cubed", "ceaf_e"):
        s = scores[name]
        print(f"{name:8} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}")
    print(f"CoNLL F1 {scores['conll_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
