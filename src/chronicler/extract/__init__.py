"""Extraction: one reader per kind of language, one assembly, and the registry that joins them.

::

    knowledge (passed in) ──▶ reader ──▶ assemble ──▶ EventMention
                               english/   dependency reader over the spaCy parse (en)
                               surface/   word forms, clauses and cue words (fr, de, fa; lang/ per language)
                               facts/     language-free finders: dates, figures, places, actors, background
                               story/     what a document tells all its sentences
    then whole-sentence events (whole_sentence.py) where the readers found none of a type:
                               learned.py the learned detector (English)
                               tolls.py   tolls: a sentence counting dead or wounded (or arrested)

``read(document, knowledge)`` is the one entry point; which reader reads which language is said
in :mod:`chronicler.languages`. Readers are imported when first used, so importing this package
loads no model.
"""

from __future__ import annotations

from chronicler.knowledge import KnowledgeBase
from chronicler.languages import DEFAULT_MODEL, language
from chronicler.records import Document, EventMention

__all__ = ["read"]


def read(
    document: Document, knowledge: KnowledgeBase, model: str = DEFAULT_MODEL, *, detector: bool = True
) -> tuple[EventMention, ...]:
    """The event mentions of ``document``; none in a language without event rules. A document
    that mixes scripts is read one language at a time, each part by its own rules
    (``clean.language.language_parts``)."""
    from chronicler.clean.language import language_parts

    mentions: tuple[EventMention, ...] = ()
    for part in language_parts(document):
        mentions += _read_one(part, knowledge, model, detector=detector)
    return mentions


def _read_one(
    document: Document, knowledge: KnowledgeBase, model: str, *, detector: bool
) -> tuple[EventMention, ...]:
    spec = language(document.language)
    if spec is None:
        return ()
    from chronicler.extract.learned import add_detected, load_detector
    from chronicler.extract.tolls import SURFACE_TOLLS, add_tolls

    found = load_detector() if detector else None
    if spec.reader == "surface":
        from chronicler.extract.surface.reader import extract_foreign

        mentions = add_detected(document, extract_foreign(document, spec.code, knowledge), knowledge, found)
        return add_tolls(document, mentions, knowledge, kinds=SURFACE_TOLLS)
    from chronicler.extract.english.reader import extract_mentions
    from chronicler.extract.english.voice import voice_reader
    from chronicler.nlp import load_pipeline

    nlp = load_pipeline(model)
    mentions = extract_mentions(document, nlp, knowledge)
    voices = voice_reader(document.text, document.outlet, document.published, nlp, knowledge)
    mentions = add_detected(document, mentions, knowledge, found, voices)
    return add_tolls(document, mentions, knowledge, voices)

