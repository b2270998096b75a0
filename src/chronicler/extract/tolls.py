"""Casualty figures as events: a sentence that counts dead or wounded tells an attack.

News reports violence through its toll as often as through a verb: "At least 141 people have lost
their lives in the demonstrations", "the toll rose to 19", "hubo 23 muertos". Where a sentence gives a
figure of the dead or the injured (the counts finder's kinds, read with each language's cue words)
and no reader or the detector found an ASSAULT in it, the sentence tells one, with those figures,
and its date, place and voice as any whole-sentence event (:mod:`whole_sentence`).

Only casualty figures make an event. Figures of arrests and of participants, tried the same way,
added a few right events on the development set's training split (1 and 5, none wrong) and only
wrong ones on its dev split (one each).
"""

from __future__ import annotations

from chronicler.extract import assemble, whole_sentence
from chronicler.extract.facts.counts import find_counts
from chronicler.extract.findings import VoiceReader
from chronicler.extract.sentences import sentences
from chronicler.extract.story.context import Story, read_story
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention

EXTRACTOR = "events.toll.v1"
READER = assemble.Reader({"event": EXTRACTOR, **assemble.SHARED_EXTRACTORS}, prior=0.5)
CASUALTIES = frozenset({"dead", "injured"})
EVENT = "ASSAULT"


def add_tolls(
    doc: Document,
    mentions: tuple[EventMention, ...],
    knowledge: KnowledgeBase,
    voices: VoiceReader | None = None,
) -> tuple[EventMention, ...]:
    """``mentions`` and, after them, an ASSAULT for each sentence that counts casualties and has none."""
    lang = knowledge.language(doc.language or "en")
    story: Story | None = None
    added: list[EventMention] = []
    for start, end in sentences(doc.text):
        if EVENT in whole_sentence.told(mentions, start, end):
            continue
        if not any(c.count.kind in CASUALTIES for c in find_counts(doc.text[start:end], lang)):
            continue
        story = story or read_story(doc, lang, knowledge)
        before = whole_sentence.last_claimant([*mentions, *added], start)
        voice = voices(start, end, before) if voices else None
        found = whole_sentence.mentions(doc, (start, end), [EVENT], lang, knowledge, story, voice, READER)
        added.extend(found)
    return mentions + tuple(added)


__all__ = ["EXTRACTOR", "add_tolls"]
