"""Time per MB of extracting one long document: it must stay flat as the document grows.

usage: .venv/bin/python bench/document_size.py [--sizes 100000,1000000] [--ten] [--seed 7]
       .venv/bin/python bench/document_size.py --write long.txt --size 3000000   # the file only

A seeded generator writes an English news text of short paragraphs (one to three sentences
each: protests, arrests, clashes, statements, with weekdays, dates, "two days later", counts,
towns and claimants), the shape that made extraction quadratic (issue 16). Each size is cut
from the same stream, so a bigger document is a longer version of the smaller one. The whole
``chronicler extract`` path runs in-process (clean, extract, assemble) with the detector off,
as `CHRONICLER_DETECTOR=off` does, so the figure is the rules' own. ``--ten`` adds 10 MB
(about 10 minutes). Not a test: it prints a table, with each size's time per MB against the
smallest one's, and the process's peak resident memory so far (sizes run smallest first, so it
is that of the largest yet).
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

from chronicler.clean import clean
from chronicler.pipeline import process, shared_knowledge
from chronicler.records import RawDocument

TOWNS = ("Arak", "Shiraz", "Mashhad", "Tabriz", "Ahvaz", "Karaj", "Rasht", "Kerman", "Sanandaj", "Qom")
WHO = ("Police", "Security forces", "Riot police", "Plainclothes agents", "The Revolutionary Guards")
CROWD = ("workers", "students", "teachers", "retirees", "farmers", "nurses", "bus drivers", "shopkeepers")
CLAIMANT = ("a rights group said", "state media reported", "witnesses said", "the governor said",
            "according to activists", "the judiciary said")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
NUMBERS = ("two", "three", "dozens of", "about 40", "more than 200", "at least 12", "hundreds of", "15")
LATER = ("Two days later", "The next day", "A week later", "On the same day", "Three days after that")


def _sentence(rng: random.Random) -> str:
    town, who, crowd = rng.choice(TOWNS), rng.choice(WHO), rng.choice(CROWD)
    day = rng.choice(WEEKDAYS)
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)}"
    n, claim = rng.choice(NUMBERS), rng.choice(CLAIMANT)
    return rng.choice((
        f"{n.capitalize()} {crowd} protested in {town} on {day}, {claim}.",
        f"{who} arrested {n} {crowd} in {town} on {date}, {claim}.",
        f"{rng.choice(LATER)}, {who.lower()} fired tear gas at {crowd} in {town}.",
        f"{who} beat {n} {crowd} outside the governor's office in {town} last week, {claim}.",
        f"The {crowd} of {town} will strike again next {day}, organisers said.",
        f"On {date}, {n} {crowd} were killed in {town}, {claim}.",
        f"Officials in {town} denied that anyone had been detained on {day}.",
        f"The court in {town} sentenced {n} {crowd} to prison three days after {date}.",
    ))  # fmt: skip


def long_text(size: int, seed: int) -> str:
    """At least ``size`` characters of short English news paragraphs, cut at a paragraph end."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        paragraphs.append(para)
        total += len(para) + 2
    return "\n\n".join(paragraphs) + "\n"


def measure(text: str) -> tuple[float, int]:
    """Seconds to clean and extract ``text`` as one document, and the event mentions found."""
    knowledge = shared_knowledge()
    raw = RawDocument(source="bench", text=text, published="2022-10-03", id="bench")
    started = time.perf_counter()
    result = process(clean(raw, knowledge.boilerplate), knowledge, detector=False)
    return time.perf_counter() - started, len(result.mentions)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="document sizes in characters")
    parser.add_argument("--ten", action="store_true", help="add a 10 MB document (about 10 minutes)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", type=Path, help="only write a document of --size characters here")
    parser.add_argument("--size", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    if args.write:
        args.write.write_text(long_text(args.size, args.seed), encoding="utf-8")
        return
    sizes = [int(s) for s in args.sizes.split(",")] + ([10_000_000] if args.ten else [])
    measure(long_text(2_000, args.seed))  # load the models first: not part of any size's time
    print(f"{'size':>12} {'mentions':>9} {'seconds':>9} {'s per MB':>9} {'ratio':>6} {'peak MB':>8}")
    first: float | None = None
    for size in sizes:
        text = long_text(size, args.seed)
        seconds, mentions = measure(text)
        per_mb = seconds / (len(text.encode("utf-8")) / 1e6)
        first = first or per_mb
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
        ratio = per_mb / first
        print(f"{len(text):>12,} {mentions:>9} {seconds:>9.1f} {per_mb:>9.1f} {ratio:>6.2f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
