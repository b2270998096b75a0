"""Time and peak memory of ``consolidate`` on synthetic mentions: 10k, 50k and 100k.

usage: .venv/bin/python bench/consolidate.py [--sizes 10000,50000,100000] [--seed 7]

A seeded generator makes about one event per 20 mentions (types, modes, dates at day, month
or year precision, cities, actors, figures), each reported 1 to 60 times across documents
published over the days after it, with some historical references years later and some noise
mentions of no real event. Peak memory is traced with tracemalloc around ``consolidate`` only
(the input mentions are not counted); memory per mention should stay flat as the size grows.
Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import tracemalloc

from chronicler.consolidate.events import consolidate
from chronicler.records import Count, DocumentFacts, Entity, EventMention, Location

TYPES = ("PROTEST", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "REJECT", "ACCUSE", "REQUEST")
MODES = {
    "PROTEST": ("demo", "riot", "strike"),
    "ASSAULT": ("firearms", "beat"),
    "COERCE": ("arrest", "withhold"),
}
CITIES = tuple(
    Location(name, name, gid, 0.0, 0.0, admin1, "IR", "city")
    for name, gid, admin1 in (
        ("Tehran", 112931, "Tehran"), ("Shiraz", 115019, "Fars"), ("Mashhad", 124665, "Razavi Khorasan"),
        ("Isfahan", 418863, "Isfahan"), ("Tabriz", 113646, "East Azerbaijan"), ("Ahvaz", 144448, "Khuzestan"),
        ("Karaj", 128747, "Alborz"), ("Zahedan", 1159301, "Sistan and Baluchestan"),
        ("Rasht", 118743, "Gilan"),
        ("Kerman", 128234, "Kerman"), ("Sanandaj", 117574, "Kurdistan"), ("Qom", 119208, "Qom"),
    )
)  # fmt: skip
IRAN = Location("Iran", "Iran", 130758, 32.0, 53.0, None, "IR", "country")
ACTORS = tuple(
    Entity(f"actor {n}", f"actor-{n}", None, None, s)
    for n, s in enumerate(("COP", "MIL", "GOV", "CVL", "JUD") * 8)
)


def synthetic(size: int, seed: int) -> tuple[list[EventMention], dict[str, DocumentFacts]]:
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1).toordinal()
    mentions: list[EventMention] = []
    docs: dict[str, DocumentFacts] = {}
    n_event = 0
    while len(mentions) < size:
        n_event += 1
        kind = rng.choice(TYPES)
        day = start + rng.randrange(3650)
        city = rng.choice(CITIES) if rng.random() < 0.7 else None
        actor = rng.choice(ACTORS)
        toll = rng.randrange(1, 500) if kind in ("ASSAULT", "COERCE") else None
        for k in range(rng.randint(1, 60)):
            noise = rng.random() < 0.05
            historical = rng.random() < 0.05
            pub = day + (rng.randrange(1500, 3000) if historical else rng.randrange(0, 6))
            doc_id = f"d{n_event}-{k // 3}"
            docs.setdefault(
                doc_id,
                DocumentFacts(
                    doc_id,
                    dt.date.fromordinal(pub).isoformat(),
                    f"o{rng.randrange(300)}.example",
                    doc_id,
                    None,
                    None,
                    None,
                ),
            )
            date = dt.date.fromordinal(day if not noise else start + rng.randrange(3650)).isoformat()
            precision = rng.random()
            date_text = (
                None
                if precision < 0.15
                else date[:4]
                if precision < 0.25
                else date[:7]
                if precision < 0.6
                else date
            )
            mentions.append(
                EventMention(
                    id=f"m{len(mentions)}",
                    doc_id=doc_id,
                    event=kind,
                    mode=rng.choice(MODES.get(kind, (None,))) if rng.random() < 0.5 else None,
                    text="",
                    start=k * 100,
                    end=k * 100 + 50,
                    trigger=None,
                    extractor="bench",
                    confidence=0.5,
                    actor=(actor,) if rng.random() < 0.6 else (),
                    date=date_text,
                    event_loc=(city if rng.random() < 0.8 else IRAN) if city else None,
                    counts=(Count("dead", toll, None, "exact", str(toll)),)
                    if toll and rng.random() < 0.4
                    else (),
                    historical=historical,
                )
            )
    return mentions[:size], docs


def measure(size: int, seed: int) -> tuple[float, float, int]:
    """Seconds of a plain run, then peak MiB of a traced one (tracing slows it down)."""
    mentions, docs = synthetic(size, seed)
    began = time.perf_counter()
    events = consolidate(mentions, docs)
    seconds = time.perf_counter() - began
    del events
    tracemalloc.start()
    n = len(consolidate(mentions, docs))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak / 2**20, n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"{'mentions':>9} {'events':>7} {'seconds':>8} {'peak MiB':>9} {'KiB/mention':>12}")
    for size in (int(s) for s in args.sizes.split(",")):
        seconds, mib, n = measure(size, args.seed)
        print(f"{size:>9} {n:>7} {seconds:>8.1f} {mib:>9.1f} {mib * 1024 / size:>12.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
