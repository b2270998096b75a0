"""From a cleaned document to its event mentions: the extractors, run in one explicit order.

Each extractor adds one kind of fact to a trigger: arguments, claimant, modality, date, place,
counts, historical. The registry below is the one place that names them and their versions;
``EventMention.provenance`` records which one gave each field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Span

from chronicler.extract import assemble
from chronicler.extract.english import anaphora, arguments, attribution, clause_dates, modality
from chronicler.extract.english import triggers as events
from chronicler.extract.facts import historical
from chronicler.extract.facts.counts import CountMatch, find_counts
from chronicler.extract.facts.places import PlaceMatch, datelines, find_places, in_dateline
from chronicler.extract.facts.times import DateMatch, find_dates
from chronicler.extract.findings import Participant
from chronicler.extract.story import places as story_places
from chronicler.extract.story import time as story_time
from chronicler.knowledge import KnowledgeBase, LanguageKnowledge
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.triggers import Cues
from chronicler.nlp import PARAGRAPH, candidate_paragraphs
from chronicler.records import Count, Document, Entity, EventMention, Location
from chronicler.records import Span as TextSpan

READER = assemble.Reader(
    {
        "event": events.EXTRACTOR,
        "actor": arguments.EXTRACTOR,
        "claimed_by": attribution.EXTRACTOR,
        "modality": modality.EXTRACTOR,
        "historical": historical.EXTRACTOR,
        **assemble.SHARED_EXTRACTORS,
    },
    prior=0.55,
)
VICTIM_WORDS = {"people", "person", "persons", "civilians", "individuals"}
# How far into a sentence a date still opens it ("In the summer of 1988, ...").
FRAME_REACH = 25
# Killing people held in custody is an execution, however the sentence words it.
CUSTODY_WORDS = {"prisoner", "prisoners", "detainee", "detainees", "inmate", "inmates"}


@dataclass
class _DocState:
    """What earlier sentences of the document tell later ones."""

    published: str | None
    episode: str | None = None  # the month of the last dated event: the default for undated ones
    episode_day: str | None = None  # the full date of the last dated event
    episode_start: str | None = None  # the month of the first news date the text gives
    episode_historical: bool = False  # whether the last dated event was background
    episode_paragraph: int = -1  # offset of the paragraph that dated the last event
    scene_paragraph: int = -1  # offset of the last paragraph that opened with a day ("On Sunday, ...")
    asides: set[int] = field(default_factory=set)  # offsets of dates of descriptive clauses
    paragraph_starts: list[int] = field(default_factory=list)
    anniversary: str | None = None  # the month of the past episode an anniversary lead recalls
    lead_period: str | None = None  # a year or month the first paragraph names: the report's scope
    last_claimant: Participant | None = None
    names: list[anaphora.Name] = field(default_factory=list)  # people and organisations named so far
    acronyms: dict[str, str] = field(default_factory=dict)  # "IJO" -> "Iran Justice Observatory"
    home: Location | None = None  # the country most places of the document are in
    city: Location | None = None  # the story's dominant city, if it has one
    protest_context: bool = False
    dates: list[DateMatch] = field(default_factory=list)  # every date of the text, for anchors
    datelines: list[tuple[int, int]] = field(default_factory=list)  # spans of the text's datelines

    @property
    def reference(self) -> str | None:
        """What "well before publication" counts from: the publication date, else the latest date
        the text itself gives (an article is written no earlier than the last date it names)."""
        if self.published:
            return self.published
        stated = sorted(d.date for d in self.dates if d.date and not d.relative)
        return stated[-1] if stated else None

    def paragraphs_since(self, first: int, base: int) -> int:
        """How many paragraph breaks lie between the paragraphs starting at ``first`` and ``base``."""
        return sum(1 for start in self.paragraph_starts if first < start <= base)

    def anchor(self, offset: int) -> str | None:
        """The last date the text gave before ``offset``: what "two days later" counts from.

        Dates of descriptive clauses ("Soleimani, the commander killed on 3 January") tell who
        someone is, not where the story stands, so nothing counts from them.
        """
        before = [d.date for d in self.dates if d.end <= offset and d.date and d.start not in self.asides]
        return before[-1] if before else None


def _episode_start(state: _DocState, cues: Cues) -> str | None:
    """The month of the earliest date the text states that is news, not background."""
    reference = state.reference
    news = sorted(
        d.date[:7]
        for d in state.dates
        if d.date
        and len(d.date) >= 7
        and (reference is None or d.date[:10] <= reference[:10])
        and not historical.is_historical(d.date, reference, "", cues)
    )
    return news[0] if news else None


def _counts_for(
    hit: events.TriggerHit, hits: list[events.TriggerHit], sent_counts: list[CountMatch]
) -> tuple[Count, ...]:
    """Each figure goes to the event it measures: by kind, else to the nearest trigger."""
    doc = hit.token.doc
    mine = []
    for match in sent_counts:
        wanted = assemble.COUNT_EVENT.get(match.count.kind)
        owners = [h for h in hits if h.event == wanted] if wanted else []
        if not owners:
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            pos = span.root.i if span is not None else hit.token.i
            owners = sorted(hits, key=lambda h: abs(h.token.i - pos))[:1]
        if owners and owners[0] is hit:
            mine.append(match.count)
    return tuple(mine)


def _participants(
    args: list[Participant],
    hit: events.TriggerHit,
    sent: Span,
    dates: list[DateMatch],
    base: int,
    state: _DocState,
    when: str | None,
    actors: ActorIndex,
) -> list[Participant]:
    """Actors or recipients that can take part: not a date the parser took for a noun ("on
    Tuesday"), not a word of the trigger ("opened *fire*"), not the dateline's city."""
    doc = sent.doc
    trig = (doc[hit.first].idx, doc[hit.last].idx + len(doc[hit.last]))

    def overlaps(a: Participant, lo: int, hi: int) -> bool:
        return a.start < hi and lo < a.end

    out: list[Participant] = []
    for a in args:
        if any(overlaps(a, d.start, d.end) for d in dates) or overlaps(a, *trig):
            continue
        if in_dateline(state.datelines, base + a.start):
            # "TEHRAN (Agency) – Spokesman X on Tuesday rejected ...": the parser may make the
            # dateline's city the subject and hang the real one on it.
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            heads = [c for c in span.root.children if c.dep_ == "appos"] if span is not None else []
            real = [
                arguments.to_argument(h, when, actors)
                for h in heads
                if not in_dateline(state.datelines, base + h.idx)
            ]
            out.extend(r for r in real if r is not None)
            continue
        out.append(a)
    return out


def _mode(hit: events.TriggerHit, recipients: list[Participant]) -> str | None:
    if hit.event == "ASSAULT" and hit.trigger.mode is None:
        heads = {a.entity.entity_text.lower().split()[-1] for a in recipients if a.entity.entity_text}
        if heads & CUSTODY_WORDS:
            return "targeted"
    return hit.trigger.mode


def _victims(args: list[Participant], state: _DocState) -> tuple[Entity, ...]:
    out = []
    for arg in args:
        ent = arg.entity
        if state.protest_context and ent.entity_text.lower() in VICTIM_WORDS:
            ent = Entity(ent.entity_text, None, "protesters", None, "CVL")
        out.append(ent)
    return tuple(out)


def _named_claimant(
    att: attribution.Attribution, base: int, text: str, state: _DocState, when: str | None, actors: ActorIndex
) -> Participant | None:
    """The claimant, by the name the text gave it earlier when the sentence only describes it."""
    if att.claimant is None or att.head is None:
        return att.claimant
    name = anaphora.resolve(att.head, base + att.head.idx, text, state.names, state.acronyms)
    if name is None:
        return att.claimant
    name = state.acronyms.get(name, name)
    return Participant(arguments.entity_for(name, when, actors), att.claimant.start, att.claimant.end)


@dataclass(frozen=True)
class _Dated:
    """The date an event takes, and whether it was borrowed from the story rather than stated."""

    date: str | None
    enddate: str | None
    inferred: bool = False  # the episode's date, for an undated event of the news
    inherited: bool = False  # a background episode's date, or the one an anniversary recalls


def _sentence_dates(
    doc: Document, sent: Span, base: int, lang: LanguageKnowledge, state: _DocState
) -> list[DateMatch]:
    """The dates of the sentence, offsets within its text; a dateline's filing date is none of them."""
    sent_start = base + sent.start_char
    sent_text = doc.text[sent_start : base + sent.end_char]
    sent_dates = find_dates(sent_text, state.published, state.anchor(sent_start), lang.dates)
    if state.anniversary and state.paragraphs_since(state.paragraph_starts[0], base) == 1:
        # After "One year after the crackdown, ..." the next paragraph recalls that episode: a
        # calendar date without a year ("The protests began on 24 Aban") is of the recalled year.
        # Weekdays and relative phrases ("on Friday") stay news.
        recalled = find_dates(sent_text, story_time.last_day(state.anniversary), None, lang.dates)
        sent_dates = [
            old if not (old.relative and any(c.isdigit() for c in old.text)) else new
            for old, new in zip(sent_dates, recalled, strict=True)
        ]
    # "DUBAI, Oct 4 (Reuters) –": the filing date of the dateline dates no event.
    return [d for d in sent_dates if not in_dateline(state.datelines, sent_start + d.start)]


def _frame(sent: Span, sent_dates: list[DateMatch], base: int, cues: Cues, state: _DocState) -> None:
    """A date that opens the sentence ("In September 2022, ...") sets the time of what follows."""
    # Weekdays ("On Sunday afternoon, ...") frame too; vaguer relatives ("Last year, ...") do not.
    # A date that dates a statement ("On Monday, the agency reported that ...") frames nothing.
    frame = next(
        (
            d
            for d in sent_dates
            if d.start < FRAME_REACH
            and d.date
            and (not d.relative or len(d.date) == 10)
            and not clause_dates.says_when(sent, d.start + sent.start_char, d.end + sent.start_char, cues)
        ),
        None,
    )
    if frame is None or frame.date is None:
        return
    _set_episode(state, frame.date, base, cues)
    if sent.start == 0 and len(frame.date) == 10 and frame.enddate is None:
        # "On Sunday afternoon, mourners gathered ...": a paragraph opening on a day sets the
        # scene the next paragraph goes on telling.
        state.scene_paragraph = base


def _set_episode(state: _DocState, date: str, base: int, cues: Cues) -> None:
    state.episode = date[:7]
    state.episode_day = date
    state.episode_historical = historical.is_historical(date, state.reference, "", cues)
    state.episode_paragraph = base


def _event_date(
    hit: events.TriggerHit, material: bool, dmatch: DateMatch | None, base: int, cues: Cues, state: _DocState
) -> _Dated:
    """The event's own date, else (for a material event) the one the story lends it."""
    token = hit.token
    if dmatch is not None and clause_dates.descriptive(token):
        state.asides.add(base + dmatch.start)
    if dmatch is not None and dmatch.date is not None:
        if material and not clause_dates.descriptive(token):
            _set_episode(state, dmatch.date, base, cues)
        return _Dated(dmatch.date, dmatch.enddate)
    enddate = dmatch.enddate if dmatch else None
    episode = state.episode or state.episode_start
    if material and state.anniversary and clause_dates.descriptive(token):
        # "the mother of a boy killed in Shahriar" in a piece marking an anniversary: the
        # killing that describes him is of the episode the anniversary recalls.
        return _Dated(state.anniversary, enddate, inherited=True)
    if not material or not episode:
        return _Dated(None, enddate)
    if state.episode_historical or historical.is_historical(episode, state.reference, "", cues):
        # Undated, in or right after the paragraph that told a background episode: part of it.
        inherited = state.paragraphs_since(state.episode_paragraph, base) <= 1
        if inherited and not clause_dates.shifted(token):
            return _Dated(episode, enddate, inherited=True)  # "In 1988, ... The executions were ordered"
        return _Dated(None, enddate, inherited=inherited)
    # A toll or an action with no date of its own belongs to the episode just described, or
    # before any is described, to the month of the first news date the text gives.
    since = state.paragraphs_since(state.episode_paragraph, base)
    scene = state.scene_paragraph == state.episode_paragraph and since == 1
    if state.episode_day and (since == 0 or scene):
        return _Dated(state.episode_day, enddate, inferred=True)  # the same paragraph, or its scene
    return _Dated(episode, enddate, inferred=True)


def _claimant(
    att: attribution.Attribution, doc: Document, base: int, state: _DocState, when: str | None,
    actors: ActorIndex,
) -> Participant | None:
    """Who claims it: named in the sentence, or by a pronoun the last claimant; not the outlet itself."""
    claimant = _named_claimant(att, base, doc.text, state, when, actors)
    if claimant is None and att.pronoun:
        claimant = state.last_claimant
    if claimant is not None and att.claimant is not None:
        state.last_claimant = claimant
    if claimant is not None and assemble.own_voice(claimant.entity, doc.outlet):
        return None
    return claimant


def _historical(dated: _Dated, sent_text: str, cues: Cues, state: _DocState) -> bool:
    # "Executions in 2023" in a January 2024 report are its news; "the 1988 massacre" in a
    # 2020 piece is history however much of the text it fills.
    lead_past = bool(state.lead_period) and historical.is_historical(
        story_time.last_day(state.lead_period or ""), state.reference, "", cues
    )
    # A borrowed date says nothing of the sentence's own time; its markers ("at the time") do.
    date = dated.date
    is_hist = dated.inherited or historical.is_historical(
        None if dated.inferred else date, state.reference, sent_text, cues
    )
    if is_hist and date and state.lead_period and date.startswith(state.lead_period) and not lead_past:
        return False  # inside the period the article reports on ("executions in 2023")
    return is_hist


def _sentence_mentions(
    doc: Document, sent: Span, base: int, lang: LanguageKnowledge, knowledge: KnowledgeBase, state: _DocState
) -> Iterator[EventMention]:
    lexicon, cues = lang.lexicon, lang.cues
    sent_start = base + sent.start_char
    sent_text = doc.text[sent_start : base + sent.end_char]
    hits = events.find_triggers(sent, lexicon)
    sent_dates = _sentence_dates(doc, sent, base, lang, state)
    dates_doc = [
        DateMatch(d.start + sent.start_char, d.end + sent.start_char, d.text, d.date, d.enddate, d.relative)
        for d in sent_dates
    ]
    _frame(sent, sent_dates, base, cues, state)
    if not hits:
        return
    sent_counts = [
        CountMatch(c.start + sent.start_char, c.end + sent.start_char, c.count, None, None)
        for c in find_counts(sent_text, lang)
    ]
    sent_places = [
        PlaceMatch(p.start + sent.start_char, p.end + sent.start_char, p.location)
        for p in find_places(sent_text, knowledge.gazetteer)
    ]
    for hit in hits:
        material = lexicon.groups[hit.event] == "material"
        dmatch = clause_dates.date_for(hit.token, sent, dates_doc, cues)
        dated = _event_date(hit, material, dmatch, base, cues, state)
        when = dated.date or state.published
        actors, recipients = (
            _participants(args, hit, sent, dates_doc, base, state, when, knowledge.actors)
            for args in arguments.find_arguments(hit.token, when, knowledge.actors)
        )
        att = attribution.find_claimant(hit.token, cues, when, knowledge.actors)
        claimant = _claimant(att, doc, base, state, when, knowledge.actors)
        mood = assemble.to_come(
            modality.find_modality(hit.token, cues, att.verb, att.denied), dated.date, state.published
        )
        taken = [(a.start, a.end) for a in [*actors, *recipients] + ([claimant] if claimant else [])]
        places = story_places.place_for(sent, sent_places, taken, hit.token)
        if not places and material:
            # The story's town when it has one, else the country most of its places are in; an
            # event spread over many places is the country's.
            home = state.home if story_places.wide(sent, cues) else (state.city or state.home)
            places = [home] if home is not None else []
        is_hist = _historical(dated, sent_text, cues, state)
        date, enddate = dated.date, dated.enddate
        if dated.inferred and is_hist:
            date = None  # the news month borrowed for a background sentence would be wrong
        if (dated.inferred or dated.inherited) and (
            clause_dates.perfect(hit.token) or clause_dates.ahead(hit.token, mood)
        ):
            # "have since been executed", "could shut down again": a span up to now or a time
            # still to come, which no earlier date tells.
            date = enddate = None
        trig = sent.doc[hit.first : hit.last + 1]
        start_trig = base + trig.start_char
        yield assemble.mention(doc, READER, assemble.Facts(
            event=hit.event,
            mode=_mode(hit, recipients),
            sentence=TextSpan(sent_text, sent_start, sent_start + len(sent_text)),
            trigger=TextSpan(trig.text, start_trig, start_trig + len(trig.text)),
            verb=hit.token.pos_ == "VERB",
            actors=tuple(a.entity for a in actors),
            recipients=_victims(recipients, state),
            participants=bool(actors or recipients),
            date=date,
            enddate=enddate,
            places=tuple(places),
            counts=_counts_for(hit, hits, sent_counts),
            claimant=claimant.entity if claimant else None,
            modality=mood,
            historical=is_hist,
        ))


def extract_mentions(doc: Document, nlp: Language, knowledge: KnowledgeBase) -> tuple[EventMention, ...]:
    lang = knowledge.language(doc.language)
    lexicon, cues = lang.lexicon, lang.cues
    dates = find_dates(doc.text, doc.published, None, lang.dates)
    lines = datelines(doc.text)
    state = _DocState(
        published=doc.published, dates=[d for d in dates if not in_dateline(lines, d.start)], datelines=lines
    )
    state.home, state.city = story_places.home_place(doc.text, lines, knowledge.gazetteer)
    state.episode_start = _episode_start(state, cues)
    state.lead_period = story_time.lead_period(doc.text, state.dates)
    state.anniversary = story_time.anniversary(doc.text, doc.published, knowledge.language("en").numbers)
    state.paragraph_starts = [p.start() for p in PARAGRAPH.finditer(doc.text)]
    state.protest_context = "protest" in doc.text.lower()
    paragraphs = list(candidate_paragraphs(doc.text, lexicon.stem_pattern))
    out: list[EventMention] = []
    state.acronyms = anaphora.acronyms(doc.text)
    for (base, _), parsed in zip(paragraphs, nlp.pipe(p for _, p in paragraphs), strict=True):
        state.names.extend(
            anaphora.Name(base + e.start_char, arguments.without_article(e.text), e.label_)
            for e in parsed.ents
            if e.label_ in {"PERSON", "ORG"}
        )
        for sent in parsed.sents:
            out.extend(_sentence_mentions(doc, sent, base, lang, knowledge, state))
    return tuple(out)
