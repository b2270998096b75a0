"""Numbers as news text writes them: digits in three scripts, separators, and number words.

Shared by the counts and times extractors. The words and patterns of each language are a
:class:`~chronicler.knowledge.numbers.NumberWords` (``packs/numbers.yaml``).
"""

from __future__ import annotations

import re

from chronicler.knowledge.numbers import NumberWords

# Persian and Arabic-Indic digits map one-to-one onto ASCII, so offsets survive normalisation.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def ascii_digits(text: str) -> str:
    """``text`` with every digit in ASCII; same length, so offsets are unchanged."""
    return text.translate(_DIGITS)


def digits_value(match: re.Match[str], nw: NumberWords) -> float:
    """The value of a match of ``nw.digits`` ("1.5 million" -> 1500000.0)."""
    whole = int(re.sub(r"\D", "", match.group("int")))
    frac = match.group("frac")
    value = float(f"{whole}.{frac[1:]}") if frac else float(whole)
    scale = match.group("scale")
    if scale:
        value *= nw.all_scales.get(scale.lower(), 1)
    return value


def words_value(phrase: str, nw: NumberWords) -> int | None:
    """The value of a number-word phrase, or None when it is not one number."""
    total = current = 0
    seen = False
    for token in phrase.lower().split():
        parts = [token] if token in nw.words or token in nw.scales else token.split("-")
        for raw in parts:
            if not raw or raw in nw.joiners:
                continue
            if raw in nw.articles:
                current = max(current, 1)
                continue
            if raw in nw.scales:
                scale = nw.scales[raw]
                if scale < 1000:
                    current = max(current, 1) * scale
                else:
                    total += max(current, 1) * scale
                    current = 0
            elif raw in nw.words:
                current += nw.words[raw]
            else:
                return None
            seen = True
    return total + current if seen else None
