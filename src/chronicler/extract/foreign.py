"""Event mentions from French, German and Persian articles: the surface reader, assembled like English.

``extract_foreign`` reads a document sentence by sentence, finds triggers with
:mod:`chronicler.extract.surface`, and adds to each the facts the language-neutral extractors
give (dates, places, counts, historical) and those it reads itself:

- who claims it: a source after "selon", "laut", "nach Angaben", before "zufolge"; the speaker of
  a reporting verb ("a affirmé mardi Amnesty", "wie Misan berichtete"); the court or accuser for
  what it found ("für schuldig befunden, ... getötet zu haben"); German Konjunktiv I ("seien
  festgenommen worden") continues the last source, as does "selon l'organisation";
- who acted and on whom: the French parse's subject and object, German actors by their place in
  the clause; only names the actor knowledge base knows, else nobody.

A verbal event (a condemnation, a call) is its actor's own act: a reporting verb beside it names
the same speaker, not a claimant. Persian words, roles and sources ("به گزارش X،") are read by
:mod:`chronicler.extract.persian`; the rest of the assembly is shared.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span

from chronicler.extract import french, historical, persian
from chronicler.extract.actors import find_actors
from chronicler.extract.counts import find_counts
from chronicler.extract.lexicon import Cues, load_cues, load_lexicon
from chronicler.extract.mentions import COUNT_EVENT, STATE_SECTORS, mention_id
from chronicler.extract.places import country_location, datelines, find_places
from chronicler.extract.surface import (
    CLAUSE_BREAKS,
    Grammar,
    Hit,
    Sentence,
    Word,
    find_hits,
    find_modality,
    is_passive,
    load_grammar,
    phrase_at,
    words_in,
)
from chronicler.extract.times import DateMatch, find_dates
from chronicler.nlp import load_language_pipeline
from chronicler.records import Count, Document, Entity, EventMention, Location
from chronicler.records import Span as TextSpan

EXTRACTOR = "events.surface.v1"
EXTRACTORS: dict[str, str] = {
    "event": EXTRACTOR,
    "actor": "arguments.surface.v1",
    "claimed_by": "attribution.surface.v1",
    "modality": "modality.surface.v1",
    "historical": historical.EXTRACTOR,
    "date": "times.rules.v1",
    "place": "places.gazetteer.v1",
    "counts": "counts.rules.v1",
}
LANGUAGES = frozenset({"fr", "de", "fa"})
FINDINGS = {"SANCTION", "ACCUSE"}  # events whose content ("guilty of killing") their actor claims
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")

Arg = tuple[Entity, int, int]  # an entity with its document offsets
# "since", "so far": a span of days up to now, which no single earlier day dates.
SINCE_WORDS = {"depuis", "seit", "bisher", "bislang", "تاکنون"}


@dataclass
class _State:
    published: str | None
    dates: list[DateMatch]
    home: Location | None
    datelines: list[tuple[int, int]]
    episode: str | None = None
    episode_day: str | None = None  # the full date of the last dated event
    episode_paragraph: int = -1  # the paragraph (its offset) that dated it
    episode_end: int = 0  # where the date of the last dated event ends in the text
    episode_span: bool = False  # whether that date was a span: its first day is no story's day
    paragraph_starts: list[int] = field(default_factory=list)
    last_claimant: Arg | None = None
    reference: str | None = field(default=None)

    def paragraph_of(self, offset: int) -> int:
        """The offset of the paragraph that holds ``offset``."""
        k = bisect_right(self.paragraph_starts, offset) - 1
        return self.paragraph_starts[k] if k >= 0 else 0


def extract_foreign(doc: Document, language: str, packs: Sequence[Path] = ()) -> tuple[EventMention, ...]:
    lexicon = load_lexicon(tuple(packs), language)
    cues = load_cues(tuple(packs), language)
    grammar = load_grammar(language)
    dates = find_dates(doc.text, doc.published, None, language)
    stated = sorted(d.date for d in dates if d.date and not d.relative)
    state = _State(doc.published, dates, _home_country(doc.text),
                   datelines(doc.text))
    state.reference = doc.published or (stated[-1] if stated else None)
    state.paragraph_starts = [m.start() for m in _PARAGRAPH.finditer(doc.text) if m.group().strip()]
    out: list[EventMention] = []
    for sent in sentences(doc.text, language):
        hits = [h for h in find_hits(sent, lexicon, grammar)
                if not (sent.parsed and french.is_modifier_participle(sent, h))]
        if language == "fa":
            hits = persian.stated(sent, hits, lexicon.groups, cues)
        out.extend(_mentions(doc, sent, hits, lexicon.groups, cues, grammar, state))
    if language == "fa":
        return tuple(persian.own_plan(m) for m in out)
    return tuple(out)


def sentences(text: str, language: str) -> Iterator[Sentence]:
    nlp = load_language_pipeline(language)
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    # The models learnt the straight apostrophe ("l'accès"); one character for one keeps offsets.
    inputs = (p.replace("\u2019", "'") for _, p in paragraphs)
    for (base, para), parsed in zip(paragraphs, nlp.pipe(inputs), strict=True):
        for span in parsed.sents:
            if span.text.strip():
                sent = to_sentence(span, base, para)
                yield persian.regroup(sent) if language == "fa" else sent


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


def _home_country(text: str) -> Location | None:
    codes = Counter(m.location.country_code for m in find_places(text) if m.location.country_code)
    return country_location(codes.most_common(1)[0][0]) if codes else None


# -- actors and claimants -----------------------------------------------------------------------


def _sentence_actors(sent: Sentence, when: str | None) -> list[Arg]:
    return [(m.entity, sent.start + m.start, sent.start + m.end) for m in find_actors(sent.text, when)]


def _index(sent: Sentence, offset: int) -> int:
    return next((j for j, w in enumerate(sent.words) if w.end > offset), len(sent.words))


def _after_preposition(sent: Sentence, arg: Arg, grammar: Grammar) -> bool:
    j = _index(sent, arg[1]) - 1
    if j >= 0 and sent.words[j].lower in grammar["articles"]:
        j -= 1
    return j >= 0 and sent.words[j].lower in grammar["prepositions"]


def _in_clause(sent: Sentence, arg: Arg, lo: int, hi: int) -> bool:
    return lo <= _index(sent, arg[1]) < hi


def _speaker(sent: Sentence, verb: int, actors: list[Arg], state: _State, grammar: Grammar) -> Arg | None:
    """Who a reporting verb's clause names as speaking: after it when inverted, else before it."""
    if grammar.language == "fa":  # verb-final: the speaker precedes the verb
        return persian.speaker(sent, verb, actors, grammar, state.last_claimant)
    _, hi = sent.clause(verb)
    after = [a for a in actors if verb < _index(sent, a[1]) < hi]
    before = [a for a in actors if _index(sent, a[1]) < verb]
    near = sent.words[max(0, verb - 2):verb + 3]
    if any(w.lower in grammar["pronouns"] for w in near):
        return state.last_claimant
    if sent.parsed:  # the parse's subject, else an inverted one after the verb ("a affirmé mardi X")
        subject = _parsed_subject(sent, verb)
        return subject or (after[0] if after and not _after_preposition(sent, after[0], grammar) else None)
    if after and not _after_preposition(sent, after[0], grammar):
        return after[0]
    return before[-1] if before else None


def _parsed_subject(sent: Sentence, verb: int) -> Arg | None:
    """The French subject of a reporting verb that the knowledge base does not know ("certaines sources")."""
    heads = french.children(sent, verb)
    if sent.words[verb].dep == "acl" and sent.words[verb].head >= 0:  # "certaines sources évoquant ..."
        heads = [sent.words[verb].head]
    for j in heads:
        if (sent.words[j].dep == "nsubj" or j not in french.children(sent, verb)) and \
                sent.words[j].pos in {"NOUN", "PROPN"}:
            return french.entity_at(sent, j, None) or french.noun_phrase(sent, j)
    return None


def _prep_source(
    sent: Sentence, cues: Cues, actors: list[Arg], state: _State, grammar: Grammar
) -> Arg | None:
    for first, last in phrase_at(sent, frozenset(cues.attribution_preps)):
        if sent.words[first].lower == "zufolge":  # "Amnesty International zufolge"
            before = [a for a in actors if a[2] <= sent.words[first].start]
            if before:
                return before[-1]
            continue
        window = [a for a in actors if last < _index(sent, a[1]) <= last + 6]
        known = [a for a in window if a[0].identifier_id]
        if known or window:
            return (known or window)[0]
        nxt = sent.words[last + 1:last + 3]
        if len(nxt) == 2 and nxt[0].lower in grammar["articles"] and (
                last + 3 >= len(sent.words) or sent.words[last + 3].text in CLAUSE_BREAKS | {"."}):
            return state.last_claimant  # "selon l'organisation,": the source just named
        if sent.parsed and nxt:
            noun = next((j for j in range(last + 1, min(len(sent.words), last + 4))
                         if sent.words[j].pos in {"NOUN", "PROPN"}), None)
            if noun is not None:
                return french.noun_phrase(sent, noun)  # "selon des habitants joints par téléphone"
    return None


@dataclass(frozen=True)
class _Attribution:
    claimant: Arg | None
    denied: bool = False
    verb: int | None = None  # the reporting verb, whose own date is not the event's


def _attribution(sent: Sentence, hit: Hit, ctx: _SentenceContext) -> _Attribution:
    cues, grammar, state = ctx.cues, ctx.grammar, ctx.state
    lo, hi = sent.clause(hit.head)
    taken = {j for h in ctx.hits for j in range(h.first, h.last + 1)}
    denials = [j for j, _ in phrase_at(sent, cues.denial_verbs) if j not in taken]
    if denials and hit.event != "REJECT":
        return _Attribution(_speaker(sent, denials[0], ctx.actors, state, grammar), True, denials[0])
    verbal = ctx.groups.get(hit.event) == "verbal"
    speech = [j for j, _ in phrase_at(sent, cues.speech_verbs) if j not in taken]
    own = [j for j in speech if lo <= j < hi]
    if own and not verbal:
        return _Attribution(_speaker(sent, own[0], ctx.actors, state, grammar), False, own[0])
    source = (persian.prep_source(sent, hit, cues, ctx.actors) if grammar.language == "fa"
              else _prep_source(sent, cues, ctx.actors, state, grammar))
    if source is not None:
        return _Attribution(source)
    if speech and not verbal:
        verb = min(speech, key=lambda j: abs(j - hit.head))
        return _Attribution(_speaker(sent, verb, ctx.actors, state, grammar), False, verb)
    finding = _finding_actor(sent, hit, ctx)
    if finding is not None:
        return _Attribution(finding)
    if words_in(sent, lo, hi, grammar["reported_speech"]):
        speakers = [ctx.args[h.first][0][0] for h in ctx.hits
                    if h.first < hit.first and ctx.groups.get(h.event) == "verbal" and ctx.args[h.first][0]]
        return _Attribution(speakers[-1] if speakers else state.last_claimant)
    return _Attribution(None)


def _finding_actor(sent: Sentence, hit: Hit, ctx: _SentenceContext) -> Arg | None:
    """"für schuldig befunden, ... getötet zu haben", "accusé d'avoir tué": the finder claims it."""
    around = (sent.lowered(hit.last + 1, hit.last + 3), sent.lowered(max(0, hit.first - 2), hit.first))
    if not any(f" {m} " in text for m in ctx.grammar["perfect_infinitive"] for text in around):
        return None
    for other in ctx.hits:
        if other.first < hit.first and other.event in FINDINGS and ctx.args[other.first][0]:
            return ctx.args[other.first][0][0]
    return None


# -- arguments ---------------------------------------------------------------------------------


def _surface_arguments(sent: Sentence, hit: Hit, actors: list[Arg], grammar: Grammar
                       ) -> tuple[list[Arg], list[Arg]]:
    """German actors by position: the subject leads the clause, the object precedes the verb."""
    lo, hi = sent.clause(hit.head)
    mine = [a for a in actors if _in_clause(sent, a, lo, hi)]
    if is_passive(sent, hit, grammar):
        markers = grammar["agent_markers"]
        agents = [a for a in mine if sent.words[max(0, _index(sent, a[1]) - 1)].lower in markers]
        patients = [a for a in mine
                    if _index(sent, a[1]) < hit.first and not _after_preposition(sent, a, grammar)]
        return agents[:1], patients[-1:]
    free = [a for a in mine if not _after_preposition(sent, a, grammar)]
    before = [a for a in free if _index(sent, a[1]) < hit.first]
    if _infinitive_clause(sent, hit):  # "... ein Mitglied der Miliz getötet zu haben": no subject
        return [], before[-1:]
    if not before and hit.first - lo <= 2:  # verb second: "Am Samstag richtete Iran ... hin"
        before = [a for a in free if hit.first < _index(sent, a[1]) <= hit.last]
    if not before:
        return [], []
    subject = _index(sent, before[0][1])
    objects = [a for a in free if subject < _index(sent, a[1]) <= hit.last and a != before[0]]
    return before[:1], objects[:1]


def _infinitive_clause(sent: Sentence, hit: Hit) -> bool:
    near = {w.lower for w in sent.words[max(0, hit.first - 1):hit.last + 2]}
    return "zu" in near


@dataclass
class _SentenceContext:
    hits: list[Hit]
    groups: dict[str, str]
    cues: Cues
    grammar: Grammar
    state: _State
    actors: list[Arg]
    args: dict[int, tuple[list[Arg], list[Arg]]] = field(default_factory=dict)


# -- dates, places, counts -----------------------------------------------------------------------


def _date_for(sent: Sentence, hit: Hit, hits: list[Hit], dates: list[DateMatch], verb: int | None
              ) -> DateMatch | None:
    """The date in the trigger's clause, else the nearest one no other trigger's clause holds."""
    lo, hi = sent.clause(hit.head)
    others = [sent.clause(h.head) for h in hits if h is not hit and sent.clause(h.head) != (lo, hi)]
    usable = [d for d in dates if (verb is None or abs(_index(sent, d.start) - verb) > 2)
              and not any(a <= _index(sent, d.start) < b for a, b in others)]
    own = [d for d in usable if lo <= _index(sent, d.start) < hi]
    pool = own or usable
    centre = sent.words[hit.head].start
    return min(pool, key=lambda d: abs(d.start - centre)) if pool else None


def _counts_for(
    hit: Hit, sent: Sentence, hits: list[Hit], counts: list[tuple[int, Count]]
) -> tuple[Count, ...]:
    """Each figure goes to the event it measures: by kind, else to the nearest trigger."""
    mine = []
    for start, count in counts:
        wanted = COUNT_EVENT.get(count.kind)
        owners = [h for h in hits if h.event == wanted] if wanted else []
        if not owners:
            at = _index(sent, start)
            owners = sorted(hits, key=lambda h: (not sent.clause(h.head)[0] <= at < sent.clause(h.head)[1],
                                                 abs(sent.words[h.head].start - start)))[:1]
        if owners and owners[0] is hit:
            mine.append(count)
    return tuple(mine)


def _places_for(sent: Sentence, hit: Hit, sent_places: list[tuple[int, int, Location]],
                taken: list[tuple[int, int]], claimant: Arg | None, datelines: list[tuple[int, int]]
                ) -> list[Location]:
    """Places of the event: those of its own clause first, a country after the cities it frames;
    never inside a name of an actor or claimant, from the claimant to the end of its clause or of
    the apposition after it ("une ONG basée à Paris"), nor in a dateline."""
    lo, hi = sent.clause(hit.head)
    banned = [*taken, *datelines]
    if claimant is not None and sent.start <= claimant[1] < sent.end:
        c_lo, c_hi = sent.clause(_index(sent, claimant[1]))
        end = sent.clause(c_hi + 1)[1] if c_hi + 1 < len(sent.words) and not lo <= c_hi + 1 < hi else c_hi
        if not c_lo <= hit.head < c_hi:
            banned.append((claimant[1], sent.words[max(c_lo, end - 1)].end))
    kept = [(s, loc) for s, e, loc in sent_places if not any(a <= s and e <= b for a, b in banned)]
    own = [loc for s, loc in kept if lo <= _index(sent, s) < hi]
    ordered = own + [loc for s, loc in kept if not lo <= _index(sent, s) < hi]
    # "in several cities of Iran, among them Ahvaz": the cities say where, the country only frames them.
    inner = {loc.country_code for loc in ordered if loc.resolution != "country"}
    framing = [loc for loc in ordered if loc.resolution == "country" and loc.country_code in inner]
    return [loc for loc in ordered if loc not in framing] + framing


# -- assembly ----------------------------------------------------------------------------------


def _mentions(doc: Document, sent: Sentence, hits: list[Hit], groups: dict[str, str], cues: Cues,
              grammar: Grammar, state: _State) -> Iterator[EventMention]:
    language = doc.language or "en"
    anchor = next((d.date for d in reversed(state.dates) if d.end <= sent.start and d.date), None)
    dates = [DateMatch(d.start + sent.start, d.end + sent.start, d.text, d.date, d.enddate, d.relative)
             for d in find_dates(sent.text, state.published, anchor, language)]
    if not hits:
        return
    ctx = _SentenceContext(hits, groups, cues, grammar, state, _sentence_actors(sent, state.published))
    for hit in hits:
        if sent.parsed:
            ctx.args[hit.first] = french.parse_arguments(sent, hit, state.published)
        elif grammar.language == "fa":
            ctx.args[hit.first] = persian.arguments(sent, hit, ctx.actors, grammar)
        else:
            ctx.args[hit.first] = _surface_arguments(sent, hit, ctx.actors, grammar)
    counts = [(c.start + sent.start, c.count) for c in find_counts(sent.text, language)]
    places = [(p.start + sent.start, p.end + sent.start, p.location) for p in find_places(sent.text)]
    claimants: list[Arg] = []
    for hit in hits:
        group = groups[hit.event]
        att = _attribution(sent, hit, ctx)
        claimant = att.claimant
        if claimant is not None and doc.outlet and claimant[0].entity_text.lower() == doc.outlet.lower():
            claimant = None
        if claimant is not None:
            claimants.append(claimant)
        dmatch = _date_for(sent, hit, hits, dates, att.verb)
        date, enddate = (dmatch.date, dmatch.enddate) if dmatch else (None, None)
        paragraph = state.paragraph_of(sent.start)
        if date is not None and group == "material":
            state.episode, state.episode_day, state.episode_paragraph = date[:7], date, paragraph
            state.episode_end = dmatch.end if dmatch else sent.start
            state.episode_span = enddate is not None
        elif date is None and group == "material" and state.episode and not historical.is_historical(
                state.episode, state.reference, "", cues):
            date = state.episode  # a toll with no date of its own belongs to the episode just told
            # While the story names no other date it is still on that day, unless the sentence
            # tells a toll or a span up to now ("depuis", "seit"), which gather many days.
            untold = (
                not state.episode_span
                and not any(state.episode_end <= d.start < sent.end and d.date for d in state.dates)
                and not any(c.kind in {"dead", "injured"} for _, c in counts)
                and not any(w.lower in SINCE_WORDS for w in sent.words))
            if state.episode_day and (state.episode_paragraph == paragraph or untold):
                # In the same paragraph, or while the story names no other date: the same day.
                date = state.episode_day
        mood = find_modality(sent, hit, cues, grammar, att.denied)
        if (mood == "asserted" and date and state.published and date[:10] > state.published[:10]
                and len(date) >= len(state.published)):
            mood = "future"
        actors, recipients = ctx.args[hit.first]
        taken = [(a[1], a[2]) for a in [*actors, *recipients, *([claimant] if claimant else [])]]
        if sent.parsed and group == "verbal":  # "Téhéran accuse ...": the speaker, not a place of the act
            taken += french.subject_spans(sent, hit)
        locs = _places_for(sent, hit, places, taken, claimant, state.datelines)
        if not locs and group == "material" and state.home is not None:
            locs = [state.home]
        first, last = sent.words[hit.first], sent.words[hit.last]
        found = _counts_for(hit, sent, hits, counts)
        verb = sent.words[hit.head].pos in {"VERB", "AUX"} or not sent.words[hit.head].text[:1].isupper()
        context: tuple[str, ...] = ()
        if hit.event in {"ASSAULT", "COERCE"} and any(a[0].sector in STATE_SECTORS for a in actors):
            context = ("repression",)
        yield EventMention(
            id=mention_id(doc.id, sent.start, hit.event, first.start),
            doc_id=doc.id,
            event=hit.event,
            mode=hit.trigger.mode,
            context=context,
            text=sent.text,
            start=sent.start,
            end=sent.end,
            trigger=TextSpan(doc.text[first.start:last.end], first.start, last.end),
            extractor=EXTRACTOR,
            confidence=round(0.5 + 0.1 * verb + 0.1 * bool(actors or recipients) + 0.05 * bool(date)
                             + 0.05 * bool(found), 2),
            actor=tuple(a[0] for a in actors),
            recipient=tuple(a[0] for a in recipients),
            date=date,
            enddate=enddate,
            event_loc=locs[0] if locs else None,
            places=tuple(locs),
            counts=found,
            claimed_by=claimant[0] if claimant else None,
            modality=mood,
            historical=historical.is_historical(date, state.reference, sent.text, cues),
            outlet=doc.outlet,
            provenance=tuple(EXTRACTORS.items()),
        )
    if claimants:
        state.last_claimant = claimants[-1]
