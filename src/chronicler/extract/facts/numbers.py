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
    """The value of a number-word phrase, or None when it is not one number.

    Parts add up ("vingt et un", "dreiundzwanzig"); a scale below a thousand multiplies what comes
    before it ("deux cents"), a larger one closes it ("mille cinq cents", "zwei tausend").
    """
    total = current = 0
    seen = False
    for token in phrase.lower().split():
        parts = _parts(token, nw)
        if parts is None:
            return None
        for raw in parts:
            if raw in nw.joiners:
                continue
            if raw in nw.inner:
                current += nw.inner[raw]
            elif raw in nw.articles:
                current += 1
                continue
            elif raw in nw.scales:
                scale = nw.scales[raw]
                if scale < 1000:
                    current = max(current, 1) * scale
                else:
                    total += max(current, 1) * scale
                    current = 0
            else:
                current += nw.words[raw]
            seen = True
    return total + current if seen else None


def _known(word: str, nw: NumberWords) -> bool:
    return word in nw.words or word in nw.scales or word in nw.inner or word in nw.articles \
        or word in nw.joiners


def _parts(token: str, nw: NumberWords) -> list[str] | None:
    """``token`` as the fewest number words: hyphens split it ("quatre-vingt-un": "quatre-vingt",
    "un"), and where the language writes numbers as one word so may any place ("dreiundzwanzig")."""
    best: dict[int, list[str]] = {len(token): []}
    for i in range(len(token) - 1, -1, -1):
        options = []
        for j in range(i + 1, len(token) + 1):
            word, nxt = token[i:j], j + 1 if token[j:j + 1] == "-" else j
            if (nxt == len(token) or nxt > j or nw.compounds) and nxt in best and _known(word, nw):
                options.append([word, *best[nxt]])
        if options:
            best[i] = min(options, key=len)
    return best.get(0)
