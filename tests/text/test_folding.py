"""Matching keys: Persian spelling variants fold to one key, character for character."""

from __future__ import annotations

import pytest

from chronicler.text.folding import key_fold, persian_fold


@pytest.mark.parametrize(("written", "key"), [
    ("شده‌اند", "شدهاند"),  # the half-space goes
    ("دستگير", "دستگیر"),  # Arabic yeh
    ("كردند", "کردند"),  # Arabic kaf
    ("ظاهراً", "ظاهرا"),  # the tanwin
    ("مأموران", "ماموران"),  # hamza on alef
])
def test_fold(written: str, key: str) -> None:
    assert persian_fold(written) == key


@pytest.mark.parametrize(("language", "written", "key"), [
    ("fa", "دستگير", "دستگیر"),
    ("fr", "Forces de l'ordre", "Forces de l'ordre"),  # other languages keep their spelling
    ("de", "Sicherheitskräfte", "Sicherheitskräfte"),
])
def test_key_fold(language: str, written: str, key: str) -> None:
    assert key_fold(language)(written) == key
