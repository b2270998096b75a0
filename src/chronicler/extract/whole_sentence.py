"""Events a whole sentence tells, with no trigger word: what the learned detector and casualty
figures find.

Such an event is told with what the sentence and the story give, as the readers' events are: its
own date or the episode's, its place or the story's, its figures of its kind, who claims it and in
which mood (a :class:`~chronicler.extract.findings.Voice`, where a reader can parse the sentence).
It has no trigger, actor or mode.
"""

from __future__ import annotations

from collections.abc import Iterable

from chronicler.extract import assemble
from chronicler.extract.facts.counts import find_counts
from chronicler.extract.facts.places import find_places, in_dateline
from chronicler.extract.facts.times import DateMatch, find_dates
from chronicler.extract.findings import Voice
from chronicler.extract.story import episode
from chronicler.extract.story.context import Story
from chronicler.extract.story.episode import Clause
from chronicler.knowledge import KnowledgeBase, LanguageKnowledge
from chronicler.records import Count, Document, Entity, EventMention, Location, Span


def last_claimant(mentions: Iterable[EventMention], before: int) -> Entity | None:
    """The claimant of the last event told before offset ``before``: whom "he said" continues."""
    earlier = [m for m in mentions if m.start < before and m.claimed_by is not None]
    return max(earlier, key=lambda m: m.start).claimed_by if earlier else None


def told(mentions: Iterable[EventMention], start: int, end: int) -> frozenset[str]:
    """The types of the events a reader found in the sentence [start, end), where their trigger (or,
    with none, their sentence) starts."""
    return frozenset(m.event for m in mentions if start <= (m.trigger.start if m.trigger else m.start) < end)


def _sentence_facts(
    doc: Document, start: int, end: int, lang: LanguageKnowledge, knowledge: KnowledgeBase, story: Story
) -> tuple[DateMatch | None, list[Location], list[Count]]:
    """The sentence's own first date, its places and its figures (none from a dateline)."""
    text = doc.text[start:end]
    found = find_dates(text, story.dating, story.anchor(start), lang.dates)
    dates = [d for d in found if d.date and not in_dateline(story.datelines, start + d.start)]
    places = find_places(text, knowledge.gazetteer)
    kept = [p.location for p in places if not in_dateline(story.datelines, start + p.start)]
    return (dates[0] if dates else None), kept, [c.count for c in find_counts(text, lang)]


def mentions(
    doc: Document,
    sentence: tuple[int, int],
    kinds: list[str],
    lang: LanguageKnowledge,
    knowledge: KnowledgeBase,
    story: Story,
    voice: Voice | None,
    reader: assemble.Reader,
) -> list[EventMention]:
    """An event of each of ``kinds`` that the sentence [start, end) tells as a whole."""
    start, end = sentence
    text = doc.text[start:end]
    own, places, counts = _sentence_facts(doc, start, end, lang, knowledge, story)
    at = start + own.start if own else 0
    out = []
    for kind in kinds:
        material = lang.lexicon.groups.get(kind) == "material"
        lent = episode.lend(story, own, at, story.paragraph_of(start), material, Clause(), lang.cues, end)
        is_hist = episode.background(lent, text, lang.cues, story)
        date, enddate = episode.settle(lent, is_hist, Clause())
        facts = assemble.Facts(
            event=kind,
            mode=None,
            sentence=Span(text, start, end),
            trigger=None,
            verb=False,
            actors=(),
            recipients=(),
            participants=False,
            date=date,
            enddate=enddate,
            places=_where(places, material, story),
            counts=tuple(c for c in counts if assemble.COUNT_EVENT.get(c.kind) == kind),
            claimant=voice.claimant if voice else None,
            modality=assemble.to_come(voice.modality if voice else "asserted", date, story.published),
            historical=is_hist,
        )
        out.append(assemble.mention(doc, _voiced(reader, voice), facts))
    return out


def _voiced(reader: assemble.Reader, voice: Voice | None) -> assemble.Reader:
    """The reader, with the extractors that read the voice where there is one."""
    if voice is None or not voice.extractors:
        return reader
    return assemble.Reader({**reader.extractors, **dict(voice.extractors)}, reader.prior)


def _where(places: list[Location], material: bool, story: Story) -> tuple[Location, ...]:
    if places:
        return (places[0],)
    home = story.city or story.home
    return (home,) if material and home is not None else ()


__all__ = ["last_claimant", "mentions", "told"]
