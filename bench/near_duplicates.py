"""Time the near-duplicate detector on synthetic documents.

usage: .venv/bin/python bench/near_duplicates.py [--docs 20000] [--reposts 0.1] [--seed 7] [--threshold 0.8]

Originals are random word sequences drawn from a synthetic vocabulary (seeded, so every run builds
the same corpus). A repost copies an original, puts another headline line on top, changes a few words
and appends site boilerplate, as a syndicating site does. The script prints the time to compute the
signatures and to group them, and how many reposts were found with their original.
"""

from __future__ import annotations

import argparse
import itertools
import random
import string
import time

from chronicler.consolidate.near_duplicates import DocumentKey, duplicate_groups, signature, similarity


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 10))))
    return sorted(words)


def zipf(size: int) -> list[float]:
    """Cumulative Zipf weights, as in prose: a few words are very common."""
    return list(itertools.accumulate(1.0 / (rank + 1) for rank in range(size)))


def original(rng: random.Random, vocab: list[str], cumulative: list[float]) -> str:
    return " ".join(rng.choices(vocab, cum_weights=cumulative, k=rng.randint(250, 700)))


def repost(rng: random.Random, vocab: list[str], text: str) -> str:
    words = text.split()
    for _ in range(rng.randint(1, 4)):
        words[rng.randrange(len(words))] = rng.choice(vocab)
    headline = " ".join(rng.choices(vocab, k=rng.randint(6, 12)))
    boilerplate = " ".join(rng.choices(vocab, k=rng.randint(10, 30)))
    return f"{headline}\n\n{' '.join(words)}\n\n{boilerplate}"


def corpus(n: int, share: float, seed: int) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(doc id, text) pairs and, for each repost, the id of its original."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    cumulative = zipf(len(vocab))
    n_reposts = int(n * share)
    docs = [(f"o{i:06d}", original(rng, vocab, cumulative)) for i in range(n - n_reposts)]
    source_of: dict[str, str] = {}
    for i in range(n_reposts):
        source_id, text = docs[rng.randrange(n - n_reposts)]
        docs.append((f"r{i:06d}", repost(rng, vocab, text)))
        source_of[f"r{i:06d}"] = source_id
    return docs, source_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--reposts", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args()

    start = time.perf_counter()
    docs, source_of = corpus(args.docs, args.reposts, args.seed)
    built = time.perf_counter() - start
    words = sum(len(text.split()) for _, text in docs)

    start = time.perf_counter()
    keys = [DocumentKey(doc_id, signature(text), None, doc_id.startswith("o")) for doc_id, text in docs]
    signed = time.perf_counter() - start

    start = time.perf_counter()
    groups = duplicate_groups(keys, args.threshold)
    grouped = time.perf_counter() - start

    found = sum(groups[r] == groups[o] for r, o in source_of.items())
    sig = {key.doc_id: key.signature for key in keys}
    above = [r for r, o in source_of.items() if similarity(sig[r], sig[o]) >= args.threshold]
    found_above = sum(groups[r] == groups[source_of[r]] for r in above)
    originals = [doc_id for doc_id, _ in docs if doc_id.startswith("o")]
    merged_originals = len(originals) - len({groups[o] for o in originals})
    print(
        f"corpus        {len(docs):>8,} documents, {words:,} words, {len(source_of):,} reposts "
        f"(built in {built:.1f} s)"
    )
    print(
        f"signatures    {signed:>8.2f} s   {len(docs) / signed:,.0f} documents/s "
        f"({len(keys[0].signature)} bytes each)"
    )
    print(f"grouping      {grouped:>8.2f} s   threshold {args.threshold}")
    print(
        f"reposts found {found:>8,} of {len(source_of):,} ({found / max(1, len(source_of)):.1%}); "
        f"of those at or above the threshold: {found_above:,} of {len(above):,}"
    )
    print(f"originals merged with another original: {merged_originals:,}")


if __name__ == "__main__":
    main()
