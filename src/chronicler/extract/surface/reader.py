"""Event mentions from French, German, Spanish and Persian articles: the surface reader, built like English.

``extract_foreign`` reads a document sentence by sentence, finds triggers with
:mod:`chronicler.extract.surface.words`, and adds to each the facts the language-neutral extractors
give (dates, places, counts, historical) and those it reads itself:

- who claims it (:mod:`chronicler.extract.surface.claimants`): a source after "selon", "laut",
  before "zufolge"; the speaker of a reporting verb; the court or accuser for what it found;
  German Konjunktiv I continues the last source;
- who acted and on whom: the French parse's subject and object, German actors by their place in
  the clause (:mod:`chronicler.extract.surface.actors`); only names the actor knowledge base
  knows, else nobody;
- which of the sentence's dates, places and counts are the event's
  (:mod:`chronicler.extract.surface.facts`).

Persian words, roles and sources ("به گزارش X،") are read by :mod:`chronicler.extract.surface.lang.fa`;
the rest of the assembly is shared. What the reader carries from sentence to sentence (the episode
being told, the last source named) is :class:`~chronicler.extract.surface.state.ReaderState`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span

from chronicler.extract import assemble
from chronicler.extract.facts import historical
from chronicler.extract.facts.counts import find_counts
from chronicler.extract.facts.places import find_places
from chronicler.extract.facts.times import DateMatch, find_dates
from chronicler.extract.findings import Participant
from chronicler.extract.story import episode
from chronicler.extract.story.context import Story, read_story
from chronicler.extract.story.episode import Clause
from chronicler.extract.surface.actors import sentence_actors, surface_arguments
from chronicler.extract.surface.claimants import FINDINGS, attribution
from chronicler.extract.surface.facts import counts_for, date_for, places_for
from chronicler.extract.surface.lang import fa as persian
from chronicler.extract.surface.lang import fr as french
from chronicler.extract.surface.state import SentenceContext
from chronicler.extract.surface.words import (
    Hit,
    Sentence,
    Word,
    find_hits,
    find_modality,
)
from chronicler.knowledge import KnowledgeBase, LanguageKnowledge
from chronicler.knowledge.grammar import Grammar
from chronicler.nlp import load_language_pipeline, paragraphs
from chronicler.records import Count, Document, EventMention, Location
from chronicler.records import Span as TextSpan

__all__ = [
    "EXTRACTOR",
    "FINDINGS",
    "READER",
    "SINCE_WORDS",
    "Participant",
    "extract_foreign",
    "sentences",
    "to_sentence",
]

EXTRACTOR = "events.surface.v1"
READER = assemble.Reader(
    {
        "event": EXTRACTOR,
        "actor": "arguments.surface.v1",
        "claimed_by": "attribution.surface.v1",
        "modality": "modality.surface.v1",
        "historical": historical.EXTRACTOR,
        **assemble.SHARED_EXTRACTORS,
    },
    # Surface triggers are matched on word forms without a full parse: a lower prior.
    prior=0.5,
)

# "since", "so far": a span of days up to now, which no single earlier day dates.
SINCE_WORDS = {"depuis", "seit", "bisher", "bislang", "تاکنون"}


def extract_foreign(doc: Document, language: str, knowledge: KnowledgeBase) -> tuple[EventMention, ...]:
    """The event mentions of a French, German, Spanish or Persian document, in the order of the text."""
    lang = knowledge.language(language)
    lexicon, cues, grammar = lang.lexicon, lang.cues, lang.grammar
    if grammar is None:
        raise ValueError(f"no surface grammar for language {language!r}")
    state = read_story(doc, lang, knowledge)
    out: list[EventMention] = []
    for sent in sentences(doc.text, language, grammar):
        hits = [h for h in find_hits(sent, lexicon, grammar)
                if not (sent.parsed and french.is_modifier_participle(sent, h))]
        if language == "fa":
            hits = persian.stated(sent, hits, lexicon.groups, cues, persian.morphology(grammar))
        out.extend(_mentions(doc, sent, hits, lang, knowledge, state))
    if language == "fa":
        return tuple(persian.own_plan(m) for m in out)
    return tuple(out)


def sentences(text: str, language: str, grammar: Grammar) -> Iterator[Sentence]:
    """The text's sentences, paragraph by paragraph, as the language's pipeline splits them."""
    nlp = load_language_pipeline(language)
    found = list(paragraphs(text))
    # The models learnt the straight apostrophe ("l'accès"); one character for one keeps offsets.
    inputs = (p.replace("\u2019", "'") for _, p in found)
    for (base, para), parsed in zip(found, nlp.pipe(inputs), strict=True):
        for span in parsed.sents:
            if span.text.strip():
                sent = to_sentence(span, base, para)
                yield persian.regroup(sent, persian.morphology(grammar)) if language == "fa" else sent


def to_sentence(span: Span, base: int, original: str) -> Sentence:
    """The sentence as words with document offsets; text is always the original, not the model's input."""
    parsed = span.doc.has_annotation("DEP")
    tokens = [t for t in span if not t.is_space]
    position = {t.i: k for k, t in enumerate(tokens)}
    words = tuple(
        Word(text=original[t.idx:t.idx + len(t.text)], lower=original[t.idx:t.idx + len(t.text)].lower(),
             lemma=(t.lemma_ or t.text).lower().replace("\u2019", "'"), pos=t.pos_,
             start=base + t.idx, end=base + t.idx + len(t.text), dep=t.dep_ if parsed else "",
             head=position.get(t.head.i, -1) if parsed and t.head.i != t.i else -1,
             morph=str(t.morph))
        for t in tokens
    )
    start, end = words[0].start, words[-1].end
    return Sentence(start, end, original[start - base:end - base], words)


# -- assembly ----------------------------------------------------------------------------------


def _mentions(doc: Document, sent: Sentence, hits: list[Hit], lang: LanguageKnowledge,
              knowledge: KnowledgeBase, state: Story) -> Iterator[EventMention]:
    groups, cues, grammar = lang.lexicon.groups, lang.cues, lang.grammar
    assert grammar is not None
    dates = [DateMatch(d.start + sent.start, d.end + sent.start, d.text, d.date, d.enddate, d.relative)
             for d in find_dates(sent.text, state.dating, state.anchor(sent.start), lang.dates)]
    if not hits:
        return
    ctx = _context(sent, hits, lang, knowledge, state)
    counts = [(c.start + sent.start, c.count) for c in find_counts(sent.text, lang)]
    places = [(p.start + sent.start, p.end + sent.start, p.location)
              for p in find_places(sent.text, knowledge.gazetteer)]
    claimants: list[Participant] = []
    for hit in hits:
        group = groups[hit.event]
        att = attribution(sent, hit, ctx)
        claimant = att.claimant
        if claimant is not None and assemble.own_voice(claimant.entity, doc.outlet):
            claimant = None
        if claimant is not None:
            claimants.append(claimant)
        dmatch = date_for(sent, hit, hits, dates, att.verb)
        clause = _clause(sent, hit, counts)
        dated = episode.lend(state, dmatch, dmatch.start if dmatch else 0, state.paragraph_of(sent.start),
                             group == "material", clause, cues, sent.end)
        mood = find_modality(sent, hit, cues, grammar, att.denied)
        mood = assemble.to_come(mood, dated.date, state.published)
        clause = replace(clause, ahead=mood in ("future", "hypothetical"))
        is_hist = episode.background(dated, sent.text, cues, state)
        date, enddate = episode.settle(dated, is_hist, clause)
        actors, recipients = ctx.args[hit.first]
        locs = _places(sent, hit, group, places, [*actors, *recipients], claimant, state)
        first, last = sent.words[hit.first], sent.words[hit.last]
        found = counts_for(hit, sent, hits, counts)
        verb = sent.words[hit.head].pos in {"VERB", "AUX"} or not sent.words[hit.head].text[:1].isupper()
        yield assemble.mention(doc, READER, assemble.Facts(
            event=hit.event,
            mode=hit.trigger.mode,
            sentence=TextSpan(sent.text, sent.start, sent.end),
            trigger=TextSpan(doc.text[first.start:last.end], first.start, last.end),
            verb=verb,
            actors=tuple(a.entity for a in actors),
            recipients=tuple(a.entity for a in recipients),
            participants=bool(actors or recipients),
            date=date,
            enddate=enddate,
            places=tuple(locs),
            counts=found,
            claimant=claimant.entity if claimant else None,
            modality=mood,
            historical=is_hist,
        ))
    if claimants:
        state.last_claimant = claimants[-1]


def _context(sent: Sentence, hits: list[Hit], lang: LanguageKnowledge, knowledge: KnowledgeBase,
             state: Story) -> SentenceContext:
    """The sentence's known actors, and each trigger's actors and recipients as its reader finds them."""
    grammar = lang.grammar
    assert grammar is not None
    ctx = SentenceContext(hits, lang.lexicon.groups, lang.cues, grammar, state,
                          sentence_actors(sent, state.published, knowledge.actors), knowledge.actors)
    for hit in hits:
        if sent.parsed:
            ctx.args[hit.first] = french.parse_arguments(sent, hit, state.published, knowledge.actors)
        elif grammar.language == "fa":
            ctx.args[hit.first] = persian.arguments(sent, hit, ctx.actors, grammar)
        else:
            ctx.args[hit.first] = surface_arguments(sent, hit, ctx.actors, grammar)
    return ctx


def _clause(sent: Sentence, hit: Hit, counts: list[tuple[int, Count]]) -> Clause:
    lo, hi = sent.clause(hit.head)
    return Clause(up_to_now=any(w.lower in SINCE_WORDS for w in sent.words[lo:hi]),
                  toll=any(c.kind in episode.TOLL_KINDS for _, c in counts),
                  antecedent=hit.trigger.mode in episode.ANTECEDENT_MODES)


def _places(sent: Sentence, hit: Hit, group: str, places: list[tuple[int, int, Location]],
            participants: list[Participant], claimant: Participant | None, state: Story) -> list[Location]:
    """Where the event happened: a place its clause names, else (for a material event) the story's country."""
    taken = [(a.start, a.end) for a in [*participants, *([claimant] if claimant else [])]]
    if sent.parsed and group == "verbal":  # "Téhéran accuse ...": the speaker, not a place of the act
        taken += french.subject_spans(sent, hit)
    locs = places_for(sent, hit, places, taken, claimant, state.datelines)
    if not locs and group == "material" and state.home is not None:
        locs = [state.home]
    return locs
