"""Time to load the knowledge packs, the fixed cost each process (a CLI run, a pool or Ray worker) pays.

usage: .venv/bin/python bench/knowledge_load.py [--repeat 3]

Prints the best of ``--repeat`` loads of the gazetteer alone and of the whole knowledge base, and
the gazetteer's time per 1,000 places: that ratio, not the seconds, is what to compare between
runs on these noisy machines. Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from chronicler.knowledge import load_knowledge
from chronicler.knowledge.gazetteer import load_gazetteer


def best(load: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        load()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    places = len(load_gazetteer().places)
    gazetteer = best(load_gazetteer, args.repeat)
    knowledge = best(load_knowledge, args.repeat)
    print(f"| what | seconds (best of {args.repeat}) | per 1,000 places |")
    print("|---|---|---|")
    print(f"| gazetteer ({places:,} places) | {gazetteer:.2f} | {1000 * gazetteer / places:.3f} |")
    print(f"| whole knowledge base | {knowledge:.2f} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
