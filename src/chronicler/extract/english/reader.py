"""From a cleaned document to its event mentions: the extractors, run in one explicit order.

Each extractor adds one kind of fact to a trigger: arguments, claimant, modality, date, place,
counts, historical. The registry below is the one place that names them and their versions;
``EventMention.provenance`` records which one gave each field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from chronicler.extract import assemble
from chronicler.extract.english import anaphora, arguments, attribution, clause_dates, modality, quotes
from chronicler.extract.english import triggers as events
from chronicler.extract.facts import historical
from chronicler.extract.facts.counts import CountMatch, find_counts
from chronicler.extract.facts.places import PlaceMatch, find_places, in_dateline
from chronicler.extract.facts.times import DateMatch, find_dates
from chronicler.extract.findings import Name, Participant
from chronicler.extract.story import episode
from chronicler.extract.story import places as story_places
from chronicler.extract.story import time as story_time
from chronicler.extract.story.context import Story, read_story
from chronicler.extract.story.episode import Clause
from chronicler.knowledge import KnowledgeBase, LanguageKnowledge
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues
from chronicler.nlp import candidate_paragraphs
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
# How far into a sentence a date still opens it ("In the summer of 1988, ...").
FRAME_REACH = 25


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
    state: Story,
    when: str | None,
    actors: ActorIndex,
    vocab: EnglishWords,
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
                arguments.to_argument(h, when, actors, vocab)
                for h in heads
                if not in_dateline(state.datelines, base + h.idx)
            ]
            out.extend(r for r in real if r is not None)
            continue
        out.append(a)
    return out


def _mode(hit: events.TriggerHit, recipients: list[Participant], vocab: EnglishWords) -> str | None:
    if hit.event == "ASSAULT" and hit.trigger.mode is None:
        heads = {a.entity.entity_text.lower().split()[-1] for a in recipients if a.entity.entity_text}
        if heads & vocab.custody_nouns:
            return "targeted"
    return hit.trigger.mode


def _victims(args: list[Participant], state: Story, vocab: EnglishWords) -> tuple[Entity, ...]:
    out = []
    for arg in args:
        ent = arg.entity
        if state.protest_context and ent.entity_text.lower() in vocab.victim_words:
            ent = Entity(ent.entity_text, None, "protesters", None, "CVL")
        out.append(ent)
    return tuple(out)


def _named_claimant(
    att: attribution.Attribution, base: int, text: str, state: Story, when: str | None, actors: ActorIndex,
    vocab: EnglishWords,
) -> Participant | None:
    """The claimant, by the name the text gave it earlier when the sentence only describes it."""
    if att.claimant is None or att.head is None:
        return att.claimant
    name = anaphora.resolve(att.head, base + att.head.idx, text, state.names, state.acronyms, vocab)
    if name is None:
        # "footage showed", "according to estimates": evidence whose author is not named claims nothing.
        return None if att.head.lemma_.lower() in vocab.authorless_nouns else att.claimant
    name = state.acronyms.get(name, name)
    return Participant(arguments.entity_for(name, when, actors), att.claimant.start, att.claimant.end)


def _sentence_dates(
    doc: Document, sent: Span, base: int, lang: LanguageKnowledge, state: Story
) -> list[DateMatch]:
    """The dates of the sentence, offsets within its text; a dateline's filing date is none of them."""
    sent_start = base + sent.start_char
    sent_text = doc.text[sent_start : base + sent.end_char]
    sent_dates = find_dates(sent_text, state.dating, state.anchor(sent_start), lang.dates)
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


def _frame(sent: Span, sent_dates: list[DateMatch], base: int, cues: Cues, state: Story) -> None:
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
    episode.set_episode(state, frame, base + sent.start_char + frame.end, base, cues)
    if sent.start == 0 and len(frame.date) == 10 and frame.enddate is None:
        # "On Sunday afternoon, mourners gathered ...": a paragraph opening on a day sets the
        # scene the next paragraph goes on telling.
        state.scene_paragraph = base


def _names_organisation(head: Token) -> bool:
    """A claimant head that is a name but not a person's or a place's: "Hengaw", "Iran Human Rights"."""
    return head.pos_ == "PROPN" and head.ent_type_ not in {"PERSON", "GPE", "LOC", "NORP", "FAC"}


def _claimant(
    att: attribution.Attribution, doc: Document, base: int, state: Story, when: str | None,
    knowledge: KnowledgeBase, cues: Cues, quoted_by: Token | None,
) -> Participant | None:
    """Who claims it: named in the sentence, by a pronoun the last claimant, inside a quotation its
    speaker; not the outlet itself."""
    actors, vocab = knowledge.actors, knowledge.english
    claimant = _named_claimant(att, base, doc.text, state, when, actors, vocab)
    if claimant is None and att.pronoun:
        claimant = state.last_claimant
    if claimant is None and att.verb is None and quoted_by is not None:
        # A sentence inside a quotation of several: the speaker named at its edge claims it.
        speaker = attribution.spoken_by(quoted_by, cues, when, actors, vocab)
        claimant = _named_claimant(speaker, base, doc.text, state, when, actors, vocab)
        if claimant is None and speaker.pronoun:
            claimant = state.last_claimant
    if claimant is not None and att.head is not None and _names_organisation(att.head):
        # A source the parser did not take for an organisation ("Hengaw said") is still what a
        # later "the group said" refers back to.
        named = Name(base + att.head.idx, claimant.entity.entity_text, "ORG")
        if named not in state.names:
            state.names.append(named)
    if claimant is not None and att.claimant is not None:
        state.last_claimant = claimant
    if claimant is not None and assemble.own_voice(claimant.entity, doc.outlet):
        return None
    return claimant


def _sentence_mentions(
    doc: Document, sent: Span, base: int, lang: LanguageKnowledge, knowledge: KnowledgeBase, state: Story,
    quoted_by: Token | None = None,
) -> Iterator[EventMention]:
    lexicon, cues, vocab = lang.lexicon, lang.cues, knowledge.english
    sent_start = base + sent.start_char
    sent_text = doc.text[sent_start : base + sent.end_char]
    hits = events.find_triggers(sent, lexicon, vocab)
    sent_dates = _sentence_dates(doc, sent, base, lang, state)
    dates_doc = [
        DateMatch(d.start + sent.start_char, d.end + sent.start_char, d.text, d.date, d.enddate, d.relative)
        for d in sent_dates
    ]
    _frame(sent, sent_dates, base, cues, state)
    if not hits:
        return
    sent_counts, sent_places = _figures_and_places(sent, sent_text, lang, knowledge)
    for hit in hits:
        material = lexicon.groups[hit.event] == "material"
        dmatch = clause_dates.date_for(hit.token, sent, dates_doc, cues, vocab)
        clause = _clause(hit, sent_counts, vocab, state.in_lead(sent_start))
        own_at = base + dmatch.start if dmatch else 0
        dated = episode.lend(state, dmatch, own_at, base, material, clause, cues, sent_start + len(sent_text))
        when = dated.date or state.published
        actors, recipients = (
            _participants(args, hit, sent, dates_doc, base, state, when, knowledge.actors, vocab)
            for args in arguments.find_arguments(hit.token, when, knowledge.actors, vocab)
        )
        att = attribution.find_claimant(hit.token, cues, when, knowledge.actors, vocab)
        claimant = _claimant(att, doc, base, state, when, knowledge, cues, quoted_by)
        mood = assemble.to_come(
            modality.find_modality(hit.token, cues, att.verb, att.denied, vocab), dated.date, state.published
        )
        taken = [(a.start, a.end) for a in [*actors, *recipients] + ([claimant] if claimant else [])]
        places = _places(sent, sent_places, taken, hit, material, cues, vocab, state, base)
        is_hist = episode.background(dated, sent_text, cues, state)
        clause = replace(clause, ahead=clause_dates.ahead(hit.token, mood, vocab))
        date, enddate = episode.settle(dated, is_hist, clause)
        trig = sent.doc[hit.first : hit.last + 1]
        start_trig = base + trig.start_char
        yield assemble.mention(doc, READER, assemble.Facts(
            event=hit.event,
            mode=_mode(hit, recipients, vocab),
            sentence=TextSpan(sent_text, sent_start, sent_start + len(sent_text)),
            trigger=TextSpan(trig.text, start_trig, start_trig + len(trig.text)),
            verb=hit.token.pos_ == "VERB",
            actors=tuple(a.entity for a in actors),
            recipients=_victims(recipients, state, vocab),
            participants=bool(actors or recipients),
            date=date,
            enddate=enddate,
            places=tuple(places),
            counts=_counts_for(hit, hits, sent_counts),
            claimant=claimant.entity if claimant else None,
            modality=mood,
            historical=is_hist,
        ))


def _figures_and_places(
    sent: Span, sent_text: str, lang: LanguageKnowledge, knowledge: KnowledgeBase
) -> tuple[list[CountMatch], list[PlaceMatch]]:
    """The sentence's figures and places, with offsets in its parsed paragraph."""
    counts = [
        CountMatch(c.start + sent.start_char, c.end + sent.start_char, c.count, None, None)
        for c in find_counts(sent_text, lang)
    ]
    places = [
        PlaceMatch(p.start + sent.start_char, p.end + sent.start_char, p.location)
        for p in find_places(sent_text, knowledge.gazetteer)
    ]
    return counts, places


def _clause(hit: events.TriggerHit, sent_counts: list[CountMatch], vocab: EnglishWords, lead: bool) -> Clause:
    return Clause(
        descriptive=clause_dates.descriptive(hit.token),
        shifted=clause_dates.shifted(hit.token, vocab),
        # A lead in the present perfect tells the news itself ("Police have detained dozens at a
        # rally"), not a span up to now.
        up_to_now=clause_dates.perfect(hit.token) and not lead,
        toll=any(c.count.kind in episode.TOLL_KINDS for c in sent_counts),
        antecedent=hit.trigger.mode in episode.ANTECEDENT_MODES,
    )


def _places(
    sent: Span, sent_places: list[PlaceMatch], taken: list[tuple[int, int]], hit: events.TriggerHit,
    material: bool, cues: Cues, vocab: EnglishWords, state: Story, paragraph: int,
) -> list[Location]:
    """Where the event happened: a place its clause names, else for a material event the town the
    paragraph last placed an event in, else the story's town when it has one, else the country most
    of its places are in; an event spread over many places is the country's."""
    places = story_places.place_for(sent, sent_places, taken, hit.token, vocab)
    if places and material and places[0].resolution == "city":
        state.scene = (paragraph, places[0])
    if not places and material:
        scene = state.scene[1] if state.scene and state.scene[0] == paragraph else None
        home = state.home if story_places.wide(sent, cues, vocab) else (scene or state.city or state.home)
        places = [home] if home is not None else []
    return places


def repair_lemmas(parsed: SpacyDoc, repairs: dict[str, str]) -> None:
    for tok in parsed:
        if tok.lower_ in repairs:
            tok.lemma_ = repairs[tok.lower_]


def extract_mentions(doc: Document, nlp: Language, knowledge: KnowledgeBase) -> tuple[EventMention, ...]:
    lang = knowledge.language(doc.language)
    state = read_story(doc, lang, knowledge)
    paragraphs = list(candidate_paragraphs(doc.text, lang.lexicon.stem_pattern))
    out: list[EventMention] = []
    for (base, _), parsed in zip(paragraphs, nlp.pipe(p for _, p in paragraphs), strict=True):
        repair_lemmas(parsed, knowledge.english.lemma_repairs)
        state.names.extend(
            Name(base + e.start_char, arguments.without_article(e.text, knowledge.english), e.label_)
            for e in parsed.ents
            if e.label_ in {"PERSON", "ORG"}
        )
        speakers = quotes.quoted_by(parsed, lang.cues, knowledge.english)
        for sent in parsed.sents:
            out.extend(_sentence_mentions(doc, sent, base, lang, knowledge, state, speakers.get(sent.start)))
    return tuple(out)
