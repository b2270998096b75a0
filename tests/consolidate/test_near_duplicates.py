"""Near-duplicate documents: signatures, their bytes, grouping and the representative rule."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicler.consolidate.near_duplicates import (
    SIGNATURE_BYTES,
    DocumentKey,
    duplicate_groups,
    from_bytes,
    is_empty,
    lsh_params,
    minhash,
    published_key,
    shingle_size,
    shingles,
    signature,
    similarity,
    words,
)

# A wire story written for these tests, two reposts of it and an independent report of the same event.
WIRE = """\
Workers at a sugar refinery in the southern town of Darband walked off the job on Tuesday, the third
stoppage at the plant this year, after management again failed to pay wages that are now four months
overdue, according to two employees reached by telephone.

The employees, who asked not to be named for fear of losing their jobs, said several hundred workers
gathered outside the main gate in the morning and later marched to the governor's office, where they
chanted slogans about unpaid salaries and the rising price of bread. Riot police were deployed near the
building but did not intervene, one of them said.

A provincial official told a local news agency that the wages would be paid "within days" once a loan
from a state bank had been approved, and he blamed the delay on the former owners of the refinery, which
was privatised a decade ago. Workers said they had heard the same promise in the spring and in the summer.

The refinery employs about one thousand people and is the largest employer in the district. Labour
activists say that wage arrears have become common at privatised factories across the country as
inflation erodes the value of the currency and companies struggle to buy raw materials.

Two workers' representatives were summoned by the local intelligence office last month and questioned
for several hours about earlier protests, according to a labour rights group. The group said both men
were released the same day without charge but were warned against speaking to foreign media.

The workers said they would continue their strike until the overdue wages were paid in full and the
management signed a written commitment to pay salaries on time in future.
"""

REPOST_ONE = (
    "Sugar workers strike again over four months of unpaid wages\n\n"
    + WIRE.replace("walked off the job on Tuesday", "walked off the job on Tuesday morning")
    .replace("about one thousand people", "about 1,000 people")
    + "\nShare this article. Follow us for the latest news. Copyright 2024 Example Daily, all rights"
      " reserved.\n"
)

REPOST_TWO = (
    "BREAKING: Refinery strike enters its first day in Darband\n\n"
    + WIRE.replace("Riot police", "Anti-riot police").replace("a decade ago", "ten years ago")
    + "\nSubscribe to our newsletter. Related stories: Oil prices rise; Football league results.\n"
)

INDEPENDENT = """\
Hundreds of employees of the Darband sugar refinery stopped work on Tuesday in protest at months of
missing pay, in what local residents described as the biggest labour action in the town for years.
Videos shared online showed a crowd in front of the governorate holding placards. A spokesman for the
provincial government promised that the salaries would soon be settled with help from a bank loan.
The plant, sold by the state to private investors some ten years ago, has struggled with debts, and its
staff have protested several times since spring. A rights group said two worker representatives had
been interrogated by security officials in recent weeks. Strikers vowed to stay out until they were paid.
"""


def key(doc_id: str, text: str, published: str | None = None, known: bool = False) -> DocumentKey:
    return DocumentKey(doc_id, signature(text), published, known)


@pytest.mark.parametrize(("text", "tokens"), [
    ("The Guards' spokesman said: 'No.'", ["the", "guards", "spokesman", "said", "no"]),
    ("ÉTAT d’urgence", ["état", "d", "urgence"]),
    ("1,500 people — at least", ["1", "500", "people", "at", "least"]),
    ("", []),
])
def test_words(text: str, tokens: list[str]) -> None:
    assert words(text) == tokens


@pytest.mark.parametrize(("count", "size"), [(0, 1), (3, 1), (8, 2), (10, 2), (16, 4), (20, 5), (500, 5)])
def test_shingle_size(count: int, size: int) -> None:
    assert shingle_size(count) == size


def test_short_texts_still_have_shingles() -> None:
    assert len(shingles("one two three four five six seven eight nine ten")) == 9
    assert shingles("Protest") == {b"protest"}
    assert shingles("  ...  ") == set()


def test_similarity_of_the_cases() -> None:
    wire = signature(WIRE)
    assert similarity(wire, signature(REPOST_ONE)) >= 0.8
    assert similarity(wire, signature(REPOST_TWO)) >= 0.8
    assert similarity(wire, signature(INDEPENDENT)) < 0.2
    assert similarity(wire, signature(WIRE.upper().replace("\n", " "))) == 1.0  # case and layout do not count


def test_reposts_form_one_group_and_an_independent_report_does_not() -> None:
    docs = [
        key("wire", WIRE, "2024-03-05T09:10:00Z", known=True),
        key("repost-1", REPOST_ONE, "2024-03-05T11:00:00Z"),
        key("repost-2", REPOST_TWO, "2024-03-05"),
        key("other", INDEPENDENT, "2024-03-05T08:00:00Z", known=True),
    ]
    groups = duplicate_groups(docs)
    assert groups == {"wire": "wire", "repost-1": "wire", "repost-2": "wire", "other": "other"}


@pytest.mark.parametrize(("docs", "representative"), [
    # A known outlet beats an earlier unknown one.
    ([("a", "2024-03-06", True), ("b", "2024-03-01", False)], "a"),
    # Among known outlets, the earliest; a reduced date counts as its first day.
    ([("a", "2024-03-06", True), ("b", "2024-03", True)], "b"),
    ([("a", "2024-03-01T00:00:00", True), ("b", "2024-03", True)], "a"),  # a tie: the smaller id
    # Time zones are compared as instants.
    ([("a", "2024-03-05T09:00:00+03:30", False), ("b", "2024-03-05T06:00:00Z", False)], "a"),
    # An unknown or unreadable date comes after any known date.
    ([("a", None, False), ("b", "2024-12-31", False), ("c", "soon", False)], "b"),
    ([("b", None, False), ("a", None, False)], "a"),
])
def test_representative_rule(docs: list[tuple[str, str | None, bool]], representative: str) -> None:
    keys = [key(doc_id, WIRE, published, known) for doc_id, published, known in docs]
    assert set(duplicate_groups(keys).values()) == {representative}


@pytest.mark.parametrize(("published", "expected"), [
    ("2019", (0, "2019-01-01T00:00:00")),
    ("2019-11", (0, "2019-11-01T00:00:00")),
    ("2019-11-16", (0, "2019-11-16T00:00:00")),
    ("2019-11-16T10:00:00+03:30", (0, "2019-11-16T06:30:00")),
    ("2019-11-16T10:00Z", (0, "2019-11-16T10:00:00")),
    (None, (1, "")),
    ("", (1, "")),
    ("16 November 2019", (1, "")),
    ("2019-13", (1, "")),
])
def test_published_key(published: str | None, expected: tuple[int, str]) -> None:
    assert published_key(published) == expected


def test_order_does_not_matter() -> None:
    docs = [
        key("w", WIRE, "2024-03-05"), key("r1", REPOST_ONE, "2024-03-05", known=True),
        key("r2", REPOST_TWO), key("i", INDEPENDENT, "2024-03-04"), key("e", ""), key("f", " "),
    ]
    expected = duplicate_groups(docs)
    assert expected["w"] == expected["r2"] == "r1"
    assert expected["e"] == "e" and expected["f"] == "f"  # texts without words are never grouped
    for order in itertools.permutations(docs):
        assert duplicate_groups(order) == expected


TEXTS = [WIRE, REPOST_ONE, REPOST_TWO, INDEPENDENT, "", "A short note on the weather in the capital today."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TEXTS), st.sampled_from([None, "2024-01", "2024-01-02"]),
                          st.booleans()), min_size=1, max_size=8),
       st.randoms(use_true_random=False))
def test_order_independence_property(specs: list[tuple[str, str | None, bool]], rnd: random.Random) -> None:
    docs = [key(f"d{i}", text, published, known) for i, (text, published, known) in enumerate(specs)]
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    result = duplicate_groups(docs)
    assert duplicate_groups(shuffled) == result
    assert set(result) == {d.doc_id for d in docs}
    for rep in result.values():
        assert result[rep] == rep  # a representative represents itself


def test_signature_round_trips_through_bytes() -> None:
    data = signature(WIRE)
    assert isinstance(data, bytes) and len(data) == SIGNATURE_BYTES
    restored = from_bytes(data)
    assert list(restored.hashvalues) == list(minhash(WIRE).hashvalues)
    assert restored.jaccard(minhash(REPOST_ONE)) == minhash(WIRE).jaccard(minhash(REPOST_ONE))
    assert not is_empty(data) and is_empty(signature("!!!"))


@pytest.mark.parametrize("data", [
    b"", b"\x01" * 10, b"\x02" + signature(WIRE)[1:], signature(WIRE) + b"\x00",
])
def test_from_bytes_rejects_other_formats(data: bytes) -> None:
    with pytest.raises(ValueError, match="not a chronicler signature"):
        from_bytes(data)


def test_signature_is_deterministic_across_processes() -> None:
    code = ("import sys; from chronicler.consolidate.near_duplicates import signature; "
            "sys.stdout.write(signature(sys.stdin.read()).hex())")
    runs = [subprocess.run([sys.executable, "-c", code], input=WIRE, capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] == signature(WIRE).hex()


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
def test_threshold_is_checked(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        duplicate_groups([key("a", WIRE)], threshold)


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        duplicate_groups([key("a", WIRE), key("a", INDEPENDENT)])


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8, 0.9, 0.95, 1.0])
def test_lsh_params_favour_recall(threshold: float) -> None:
    bands, rows = lsh_params(threshold)
    assert bands * rows <= 128
    assert 1 - (1 - threshold**rows) ** bands >= 0.995


def test_a_foreign_signature_is_refused() -> None:
    with pytest.raises(ValueError, match="not a chronicler signature"):
        duplicate_groups([DocumentKey("a", b"\x00" * 16, None, False)])


def test_no_documents() -> None:
    assert duplicate_groups([]) == {}
