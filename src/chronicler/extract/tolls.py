"""Tolls as events: a sentence that counts the dead or wounded tells an attack, one that counts
the arrested (read by word forms) an arrest.

News reports violence through its toll as often as through a verb: "At least 141 people have lost
their lives in the demonstrations", "the toll rose to 19", "hubo 23 muertos". Where a sentence gives
a figure of a kind in ``kinds`` (the counts finder's kinds, read with each language's cue words) and
no reader or the detector found an event of that kind's type in it, the sentence tells one, with
those figures, and its date, place and voice as any whole-sentence event (:mod:`whole_sentence`).

Which figures make an event depends on the reader, as measured on the development set (train and
dev splits alike): casualty figures everywhere (TOLLS); figures of the arrested only where the
surface reader reads (SURFACE_TOLLS), whose word-form triggers miss many arrests (dev: 6 right
events, none wrong), while after the English dependency reader a leftover figure of the arrested
is rarely a new arrest (dev: none right, one wrong). Figures of participants gave nothing right on
dev in either.
"""

from __future__ import annotations

from collections.abc import Mapping

from chronicler.extract import assemble, whole_sentence
from chronicler.extract.facts.counts import find_counts
from chronicler.extract.findings import VoiceReader
from chronicler.extract.sentences import sentences
from chronicler.extract.story.context import Story, read_story
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention

EXTRACTOR = "events.toll.v1"
READER = assemble.Reader({"event": EXTRACTOR, **assemble.SHARED_EXTRACTORS}, prior=0.5)
# count kind -> the event type a figure of that kind tells
TOLLS = {"dead": "ASSAULT", "injured": "ASSAULT"}
SURFACE_TOLLS = {**TOLLS, "arrested": "COERCE"}


def add_tolls(
    doc: Document,
    mentions: tuple[EventMention, ...],
    knowledge: KnowledgeBase,
    voices: VoiceReader | None = None,
    kinds: Mapping[str, str] = TOLLS,
) -> tuple[EventMention, ...]:
    """``mentions`` and, after them, for each sentence, an event of each type its figures of
    ``kinds`` tell and no mention of it does."""
    lang = knowledge.language(doc.language or "en")
    story: Story | None = None
    added: list[EventMention] = []
    for start, end in sentences(doc.text):
        figures = find_counts(doc.text[start:end], lang)
        counted = {kinds[c.count.kind] for c in figures if c.count.kind in kinds}
        events = sorted(counted - whole_sentence.told(mentions, start, end))
        if not events:
            continue
        story = story or read_story(doc, lang, knowledge)
        before = whole_sentence.last_claimant([*mentions, *added], start)
        voice = voices(start, end, before) if voices else None
        found = whole_sentence.mentions(doc, (start, end), events, lang, knowledge, story, voice, READER)
        added.extend(found)
    return mentions + tuple(added)


__all__ = ["EXTRACTOR", "SURFACE_TOLLS", "TOLLS", "add_tolls"]
