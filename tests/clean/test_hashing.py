from __future__ import annotations

import hashlib

import pytest

from chronicler.clean.hashing import canonical_text, content_hash


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Police detained two men.", "Police  detained\ntwo men."),
        ("One.\n\nTwo.", "One. Two.\n"),
        ("Caf\u00e9 owners struck.", "Cafe\u0301 owners struck."),  # composed vs decomposed é
        ("A\u00a0B", "A B"),
    ],
)
def test_rewrapped_copies_hash_equal(first: str, second: str) -> None:
    assert content_hash(first) == content_hash(second)


@pytest.mark.parametrize(("first", "second"), [("Two men.", "Three men."), ("ab", "a b")])
def test_different_texts_hash_differently(first: str, second: str) -> None:
    assert content_hash(first) != content_hash(second)


def test_hash_is_sha256_of_canonical_text() -> None:
    assert canonical_text("  a \n b  ") == "a b"
    assert content_hash("a\nb") == hashlib.sha256(b"a b").hexdigest()
