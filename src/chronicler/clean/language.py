"""The document's language as an ISO 639-1 code: the one it states, else py3langid's guess; and,
where a text mixes scripts, the language of each paragraph.

A page that mixes writing systems (an English report quoting a few lines of Persian) misleads an
identifier that reads the text as a whole: Persian letters weigh more than their share, and three
short Persian lines made a page of English "fa", so its English sentences were read by the Persian
rules and lost. A paragraph's script is certain where its language is a guess, so the script
decides first: the document's language is the language of its paragraphs in the script that has
most text, and each paragraph in another script is read in the language of its script's
paragraphs (``language_parts``). Within one script nothing changes: py3langid reads the text as a
whole, as it did (a guess per short paragraph is less sure than one over the whole text).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from chronicler.languages import language
from chronicler.records import Document

_ISO_639_1 = re.compile(r"[a-z]{2}")
# The identifier's cost grows with the text; a few thousand characters decide the language.
_SAMPLE_CHARS = 5000
# The letters of each writing system a news page is likely to mix (Unicode blocks; digits and
# punctuation belong to none). A letter outside all of them counts for no script.
SCRIPTS: dict[str, re.Pattern[str]] = {
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"),
    "arabic": re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "hebrew": re.compile(r"[\u0590-\u05FF\uFB1D-\uFB4F]"),
    "cyrillic": re.compile(r"[\u0400-\u052F]"),
    "greek": re.compile(r"[\u0370-\u03FF\u1F00-\u1FFF]"),
    "devanagari": re.compile(r"[\u0900-\u097F]"),
    "cjk": re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF]"),
}

Line = tuple[int, int, str | None]  # start, end (without its "\n") and script of one paragraph


def normalise_language(value: str) -> str | None:
    """Primary subtag of a language tag ("en-US" -> "en"); None unless it is two letters."""
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if _ISO_639_1.fullmatch(primary) else None


def detect_language(text: str, given: str | None = None) -> str | None:
    """``given`` when it is an ISO 639-1 code, else the language py3langid finds in ``text``: in
    the paragraphs of its main script, where it mixes scripts."""
    if given:
        stated = normalise_language(given)
        if stated:
            return stated
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    if len(scripts_in(sample)) > 1:
        lines = script_lines(sample)
        main = main_script(lines)
        sample = "\n".join(sample[start:end] for start, end, script in lines if script == main)
    return _classify(sample)


def scripts_in(text: str) -> list[str]:
    """The scripts of which ``text`` has at least one letter, in ``SCRIPTS`` order."""
    return [name for name, letters in SCRIPTS.items() if letters.search(text)]


def script_lines(text: str) -> list[Line]:
    """Each line of ``text`` (a paragraph, as the cleaner writes them) with the script most of its
    letters are written in; None for a line with no letter of any."""
    lines: list[Line] = []
    start = 0
    for line in text.split("\n"):
        counts = {name: len(letters.findall(line)) for name, letters in SCRIPTS.items()}
        best = max(counts, key=lambda name: counts[name])
        lines.append((start, start + len(line), best if counts[best] else None))
        start += len(line) + 1
    return lines


def main_script(lines: list[Line]) -> str | None:
    """The script whose paragraphs hold the most characters: a paragraph counts whole for the
    script of most of its letters."""
    sizes: Counter[str] = Counter()
    for start, end, script in lines:
        if script is not None:
            sizes[script] += end - start
    return sizes.most_common(1)[0][0] if sizes else None


def language_parts(document: Document) -> tuple[Document, ...]:
    """``document`` as one part per language it is written in: ``(document,)`` when it has one
    script, as nearly every document does; else first the document with its paragraphs of other
    scripts blanked, then, for each other language, the document with all but its paragraphs
    blanked and ``language`` set to it. Only a language with event rules (``chronicler.languages``)
    is read apart.

    Blanking puts a line break for each character (a space would join the blank to the next
    sentence), so every offset is still one into ``document.text``. A script's paragraphs take
    the language py3langid finds in them together; a part whose language is the document's joins
    the first part."""
    text = document.text
    if len(scripts_in(text)) < 2:
        return (document,)
    lines = script_lines(text)
    main = main_script(lines)
    own = document.language or "en"
    languages: dict[str, str] = {}  # script -> its paragraphs' language
    for script in {s for _, _, s in lines if s not in (None, main)}:
        joined = "\n".join(text[start:end] for start, end, s in lines if s == script)
        languages[script] = _classify(joined[:_SAMPLE_CHARS]) or own
    # A language without event rules gives its paragraphs no reader of their own: they stay with
    # the main text, whose reader finds no words of its language in them, but whose story still
    # reads their dates and figures ("... May 9, 2023" after a quoted line).
    language_of = [
        languages[s] if s in languages and language(languages[s]) is not None else own for _, _, s in lines
    ]
    others = sorted(set(language_of) - {own})
    if not others:
        return (document,)
    parts = [replace(document, text=_blank(text, lines, [code == own for code in language_of]))]
    for other in others:
        keep = [code == other for code in language_of]
        parts.append(replace(document, text=_blank(text, lines, keep), language=other))
    return tuple(parts)


def _blank(text: str, lines: list[Line], keep: list[bool]) -> str:
    """``text`` with every line not kept turned to line breaks, as many as its characters."""
    return "\n".join(
        text[start:end] if kept else "\n" * (end - start)
        for (start, end, _), kept in zip(lines, keep, strict=True)
    )


def _classify(sample: str) -> str | None:
    if not any(ch.isalpha() for ch in sample):
        return None
    # Imported here: py3langid loads its model on first use, which is not for import time.
    import py3langid

    code, _score = py3langid.classify(sample)
    return _to_iso_639_1(str(code))


# py3langid labels a few varieties with ISO 639-3 codes; those of a macrolanguage that has a
# two-letter code read as it, the rest (Nigerian Pidgin, Ligurian, "zxx" for no language) as unknown.
_MACROLANGUAGE = {
    "ary": "ar", "arz": "ar", "uzs": "uz", "sdh": "ku", "gug": "gn", "wuu": "zh", "yue": "zh", "hbo": "he",
}  # fmt: skip


def _to_iso_639_1(code: str) -> str | None:
    return code if _ISO_639_1.fullmatch(code) else _MACROLANGUAGE.get(code)
