"""Answer times of the REST API (``chronicler serve``) on a SQLite database of synthetic mentions.

usage: .venv/bin/python bench/api_speed.py [--mentions 100000] [--calls 200] [--db PATH] [--sign-in]

A seeded generator stores ``--mentions`` event mentions (ten a document, types, dates, cities,
figures) through the store's own ``save_extraction``, then times, in one run, the first page of
/api/events, a page deep in the list (by its cursor), a filtered page (type and country), a
search page (q=), one event with its evidence, a documents page, the timeline (all, one type) and
the map's points (the consolidated events: run ``chronicler consolidate --db PATH`` on the database
first, or the map has none to give); each ``--calls`` times
through the application in-process (FastAPI's TestClient, no network), printing p50 and p95 in
milliseconds. Not a test: issue 13's targets (events list and event page p95 under 50 ms with
100,000 mentions) are read off its table on this machine.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from chronicler import service_collections, service_users
from chronicler.config import Settings
from chronicler.records import Count, Document, EventMention, Extraction, Location, Span
from chronicler.store import Store
from chronicler.web.app import create_app

TYPES = ("PROTEST", "ASSAULT", "COERCE", "ACCUSE", "REQUEST")
CITIES = (
    ("Tehran", "Tehran"),
    ("Shiraz", "Fars"),
    ("Mashhad", "Razavi Khorasan"),
    ("Tabriz", "East Azerbaijan"),
)
PER_DOCUMENT = 10


def populate(db: str, mentions: int, seed: int) -> None:
    rng = random.Random(seed)
    with Store.open(db) as store:
        for d in range(mentions // PER_DOCUMENT):
            sentences = [f"Sentence {i} of document {d}: security forces fired tear gas in the city." for i in
                         range(PER_DOCUMENT)]  # fmt: skip
            text = "\n".join(sentences)
            digest = hashlib.sha256(text.encode()).hexdigest()
            published = f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            doc = Document(f"doc-{d:06d}", f"bench/{d}", text, digest, published=published, language="en")
            found = []
            offset = 0
            for i, sentence in enumerate(sentences):
                city, admin1 = rng.choice(CITIES)
                date = rng.choice((None, f"2019-11-{rng.randint(1, 30):02d}"))
                loc = Location(city, city, 1, 35.0, 51.0, admin1, "IR", "city")
                found.append(EventMention(
                    id=f"ev_{d:06d}{i:02d}", doc_id=doc.id, event=rng.choice(TYPES), mode=None, text=sentence,
                    start=offset, end=offset + len(sentence), trigger=Span("fired", offset, offset + 5),
                    extractor="bench", confidence=0.5, date=date,
                    event_loc=loc, counts=(Count("dead", rng.randint(1, 300), None, "exact", "n"),),
                ))  # fmt: skip
                offset += len(sentence) + 1
            store.save_extraction(Extraction(doc, tuple(found)))


def timed(call: Callable[[], object], calls: int) -> tuple[float, float]:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def _account(db: str, sign_in: bool) -> dict[str, str]:
    """A bearer token for a viewer who may not see a private collection (made once per database)."""
    if not sign_in:
        return {}
    settings = Settings(db=db)
    if "bench-viewer" in {u.name for u in service_users.users(settings)}:
        token = service_users.renew(settings, "bench-viewer") or ""
    else:
        token = service_users.add(settings, "bench-viewer", "viewer")
    if "bench-private" not in {c.name for c in service_collections.collections(settings)}:
        service_collections.add(settings, "bench-private", private=True)
    return {"Authorization": f"Bearer {token}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--db", help="reuse (or create) this database instead of a temporary one")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--sign-in",
        action="store_true",
        help="call as a viewer with an account, no member of a private collection (issue 14's checks)",
    )
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench.sqlite")
    if not Path(db).exists():
        start = time.perf_counter()
        populate(db, args.mentions, args.seed)
        print(f"stored {args.mentions} mentions in {time.perf_counter() - start:.0f} s: {db}")
    client = TestClient(create_app(Settings(db=db), sign_in=args.sign_in), headers=_account(db, args.sign_in))
    first = client.get("/api/events", params={"limit": 50}).json()
    deep = first["next"]
    for _ in range(20):
        deep = client.get("/api/events", params={"limit": 500, "cursor": deep}).json()["next"] or deep
    one = first["items"][0]["id"]
    cases: dict[str, Callable[[], object]] = {
        "events, first page": lambda: client.get("/api/events", params={"limit": 50}),
        "events, page 10,000 deep": lambda: client.get("/api/events", params={"limit": 50, "cursor": deep}),
        "events, type and country": lambda: client.get(
            "/api/events", params={"type": "ASSAULT", "country": "IR"}
        ),
        "events, q=tear gas (every sentence)": lambda: client.get("/api/events", params={"q": "tear gas"}),
        "events, q=a word in none": lambda: client.get("/api/events", params={"q": "zeppelin"}),
        "one event with evidence": lambda: client.get(f"/api/events/{one}"),
        "documents, first page": lambda: client.get("/api/documents"),
        "timeline, all": lambda: client.get("/api/timeline"),
        "timeline, one type": lambda: client.get("/api/timeline", params={"type": "PROTEST"}),
        "map, all consolidated": lambda: client.get("/api/map"),
    }
    print(f"{'call' + (' (signed in)' if args.sign_in else ''):36} {'p50 ms':>8} {'p95 ms':>8}")
    for name, call in cases.items():
        p50, p95 = timed(call, args.calls)
        print(f"{name:36} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
