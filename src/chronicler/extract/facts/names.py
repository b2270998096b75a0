"""Names a text defines for itself: acronyms given in parentheses after the full name."""

from __future__ import annotations

import re

from chronicler.knowledge.english import EnglishWords


def acronyms(text: str, vocab: EnglishWords) -> dict[str, str]:
    """Acronyms the text defines in parentheses: "Iran Justice Observatory (IJO)" -> IJO."""
    out: dict[str, str] = {}
    for match in vocab.acronym.finditer(text):
        full, short = match.group(1), match.group(2)
        words = [w for w in re.split(r"\s+", full) if w[:1].isupper()]
        # The capitals of the acronym must be the initials of the name's last capitalised words.
        letters = [c for c in short if c.isupper()]
        if len(letters) >= 2 and len(words) >= len(letters):
            tail = words[len(words) - len(letters) :]
            if all(w[0] == c for w, c in zip(tail, letters, strict=True)):
                start = full.find(tail[0])
                out[short] = full[start:]
    return out
