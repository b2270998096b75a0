"""The rules every reader shares when it turns what it found into an :class:`EventMention`.

The English dependency reader and the French, German and Persian surface reader find triggers,
participants, dates and places in their own ways; what follows from those findings is one rule
for all languages, kept here once:

- the outlet that publishes a claim in its own voice is not its claimant;
- a stated event dated after publication, at the precision of the date, is still to come;
- an assault or coercion by a state actor is repression;
- figures go to the event they measure (a toll to the killing, arrests to the detentions);
- confidence adds up the evidence a finding has, from the reader's own prior;
- a mention's id is stable over re-runs: the document, the sentence, the type and the trigger.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from chronicler.records import Count, Document, Entity, EventMention, Location, Modality, Span

# A figure of this kind measures an event of this type wherever it stands in the sentence.
COUNT_EVENT = {"dead": "ASSAULT", "injured": "ASSAULT", "arrested": "COERCE", "participants": "PROTEST"}
STATE_SECTORS = frozenset({"COP", "MIL", "GOV", "JUD", "SPY"})
REPRESSION_EVENTS = frozenset({"ASSAULT", "COERCE"})
# Which extractor makes each field, for every reader alike but the ones it names itself.
SHARED_EXTRACTORS = {"date": "times.rules.v1", "place": "places.gazetteer.v1", "counts": "counts.rules.v1"}


@dataclass(frozen=True)
class Reader:
    """A reader's name and version for each field it extracts, and its prior confidence."""

    extractors: dict[str, str]  # field -> extractor name and version; "event" names the reader
    prior: float  # confidence of a bare trigger: how often the reader's triggers are events

    @property
    def name(self) -> str:
        return self.extractors["event"]


def mention_id(doc_id: str, start: int, event: str, trigger_start: int) -> str:
    key = f"{doc_id}\x1f{start}\x1f{event}\x1f{trigger_start}".encode()
    return "ev_" + hashlib.sha256(key).hexdigest()[:20]


def own_voice(claimant: Entity, outlet: str | None) -> bool:
    """Whether ``claimant`` is the publishing outlet: what it says in its own voice has no claimant."""
    return bool(outlet) and claimant.entity_text.lower() == (outlet or "").lower()


def to_come(mood: Modality, date: str | None, published: str | None) -> Modality:
    """An asserted event dated after publication is future, compared at the coarser of the two
    precisions: "2019-12" after "2019-11-20" is to come, "2019-11" is not."""
    if mood == "asserted" and date and published and date[: len(published[:10])] > published[:10]:
        return "future"
    return mood


def context(event: str, actors: Sequence[Entity]) -> tuple[str, ...]:
    """("repression",) for an assault or coercion by a state actor."""
    if event in REPRESSION_EVENTS and any(a.sector in STATE_SECTORS for a in actors):
        return ("repression",)
    return ()


def confidence(reader: Reader, *, verb: bool, participants: bool, date: bool, counts: bool) -> float:
    return round(reader.prior + 0.1 * verb + 0.1 * participants + 0.05 * date + 0.05 * counts, 2)


@dataclass(frozen=True)
class Facts:
    """What a reader settled about one trigger: everything but the shared rules above."""

    event: str
    mode: str | None
    sentence: Span
    trigger: Span | None  # None for an event a sentence classifier found
    verb: bool  # stated by a verb rather than named by a noun
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    participants: bool  # whether the reader found any actor or recipient (before normalising them)
    date: str | None
    enddate: str | None
    places: tuple[Location, ...]
    counts: tuple[Count, ...]
    claimant: Entity | None
    modality: Modality
    historical: bool


def mention(doc: Document, reader: Reader, facts: Facts) -> EventMention:
    """The event mention of ``facts`` in ``doc``, with its id, confidence and provenance."""
    return EventMention(
        id=mention_id(doc.id, facts.sentence.start, facts.event,
                      facts.trigger.start if facts.trigger else facts.sentence.start),
        doc_id=doc.id,
        event=facts.event,
        mode=facts.mode,
        context=context(facts.event, facts.actors),
        text=facts.sentence.text,
        start=facts.sentence.start,
        end=facts.sentence.end,
        trigger=facts.trigger,
        extractor=reader.name,
        confidence=confidence(
            reader, verb=facts.verb, participants=facts.participants, date=bool(facts.date),
            counts=bool(facts.counts),
        ),
        actor=facts.actors,
        recipient=facts.recipients,
        date=facts.date,
        enddate=facts.enddate,
        event_loc=facts.places[0] if facts.places else None,
        places=facts.places,
        counts=facts.counts,
        claimed_by=facts.claimant,
        modality=facts.modality,
        historical=facts.historical,
        outlet=doc.outlet,
        provenance=tuple(reader.extractors.items()),
    )
