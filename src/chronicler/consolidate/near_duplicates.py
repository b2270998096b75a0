"""Near-duplicate documents: reposts and mirrors of one copy count once as corroboration.

A document's :func:`signature` is a MinHash of its word shingles, small enough for a database
column. :func:`duplicate_groups` finds candidate pairs with MinHash LSH, keeps the pairs whose
estimated Jaccard similarity reaches the threshold, and joins them into groups (connected
components), each named by a representative chosen by a rule that ignores input order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's 32-bit permutations: each hash value fits in 4 bytes
SHINGLE = 5  # words per shingle in a text of normal length
# Byte format of a signature: one version byte, then NUM_PERM little-endian uint32 hash values.
FORMAT_VERSION = 1
_DTYPE = np.dtype("<u4")
SIGNATURE_BYTES = 1 + NUM_PERM * _DTYPE.itemsize

# Chance that LSH proposes a pair whose similarity is exactly the threshold: the confirmation
# step removes false candidates, so the bands are tuned for recall.
RECALL = 0.995

_WORD = re.compile(r"[^\W_]+")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class DocumentKey:
    doc_id: str
    signature: bytes
    published: str | None  # ISO 8601, possibly reduced ("2019-11")
    known_outlet: bool  # the publisher is in the outlets registry


def words(text: str) -> list[str]:
    """The casefolded word stream of ``text``, punctuation dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingle_size(count: int) -> int:
    """Words per shingle for a text of ``count`` words: smaller for short texts, so that a
    ten-word text still has several shingles and one changed word does not erase its signature."""
    return max(1, min(SHINGLE, count // 4))


def shingles(text: str) -> set[bytes]:
    tokens = words(text)
    size = shingle_size(len(tokens))
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


@cache
def _permutations() -> np.ndarray:
    """The permutations of seed :data:`SEED`, drawn once rather than for every document."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations  # type: ignore[no-any-return]


def minhash(text: str) -> LeanMinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    sketch.update_batch(list(shingles(text)))
    return LeanMinHash(sketch)


def signature(text: str) -> bytes:
    """The MinHash of ``text`` as :data:`SIGNATURE_BYTES` bytes; equal in every process.

    A text without words has the empty signature, which :func:`duplicate_groups` never groups.
    """
    values = np.asarray(minhash(text).hashvalues, dtype=_DTYPE)
    return bytes([FORMAT_VERSION]) + values.tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    """The MinHash a :func:`signature` stored; ValueError for bytes of another format."""
    if len(data) != SIGNATURE_BYTES or data[0] != FORMAT_VERSION:
        raise ValueError(
            f"not a chronicler signature (format {FORMAT_VERSION}, {SIGNATURE_BYTES} bytes): "
            f"got {len(data)} bytes starting {data[:1]!r}"
        )
    values = np.frombuffer(data, dtype=_DTYPE, offset=1)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def is_empty(data: bytes) -> bool:
    """Whether a signature is that of a text without words."""
    return bool(from_bytes(data).is_empty())


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(from_bytes(a).jaccard(from_bytes(b)))


# ---------------------------------------------------------------- grouping


def published_key(published: str | None) -> tuple[int, str]:
    """Sort key of a publication time: reduced dates as their first day, unknown times last.

    Times with an offset are compared in UTC; a time without one is taken as UTC."""
    m = _DATE.match(published.strip()) if published else None
    if published is None or m is None:
        return (1, "")
    day = f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"
    rest = published.strip()[m.end() :]
    try:
        when = datetime.fromisoformat(day + rest)
    except ValueError:
        return (1, "")
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return (0, when.isoformat())


def lsh_params(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) with the most rows that still proposes a pair at ``threshold``
    with probability :data:`RECALL` (datasketch's own choice at 0.8 misses half such pairs)."""
    for rows in range(NUM_PERM, 0, -1):
        bands = NUM_PERM // rows
        if 1.0 - (1.0 - threshold**rows) ** bands >= RECALL:
            return bands, rows
    return NUM_PERM, 1


def _rank(doc: DocumentKey) -> tuple[bool, tuple[int, str], str]:
    return (not doc.known_outlet, published_key(doc.published), doc.doc_id)


def _find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]  # path halving keeps the trees flat
        key = parent[key]
    return key


def duplicate_groups(docs: Sequence[DocumentKey], threshold: float = 0.8) -> dict[str, str]:
    """Every doc id -> the id of its group's representative (itself when it has no duplicate).

    Representative: a document of a known outlet first, then the earliest published, then the
    smallest id, so the answer does not depend on the order of ``docs``.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    by_id = {doc.doc_id: doc for doc in docs}
    if len(by_id) != len(docs):
        raise ValueError("doc ids must be unique")
    sketches = {doc.doc_id: sketch for doc in docs if not (sketch := from_bytes(doc.signature)).is_empty()}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=lsh_params(threshold))
    with lsh.insertion_session() as session:
        for doc_id in sorted(sketches):
            session.insert(doc_id, sketches[doc_id], check_duplication=False)
    parent = {doc_id: doc_id for doc_id in by_id}
    for doc_id in sorted(sketches):
        sketch = sketches[doc_id]
        for other in lsh.query(sketch):
            if other > doc_id and sketch.jaccard(sketches[other]) >= threshold:
                parent[_find(parent, other)] = _find(parent, doc_id)
    best: dict[str, DocumentKey] = {}
    for doc in docs:
        root = _find(parent, doc.doc_id)
        if root not in best or _rank(doc) < _rank(best[root]):
            best[root] = doc
    return {doc_id: best[_find(parent, doc_id)].doc_id for doc_id in by_id}
