"""Who claims a French, German or Persian event, and whether the claim is a denial.

A source after "selon", "laut", "nach Angaben", before "zufolge" (Persian "به گزارش X،" is read
by :mod:`chronicler.extract.surface.lang.fa`); the speaker of a reporting verb ("a affirmé mardi
Amnesty", "wie Misan berichtete"); the court or accuser for what it found ("für schuldig
befunden, ... getötet zu haben"); German Konjunktiv I ("seien festgenommen worden") continues
the last source, as does "selon l'organisation". A verbal event (a condemnation, a call) is its
actor's own act: a reporting verb beside it names the same speaker, not a claimant.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicler.extract.findings import Participant
from chronicler.extract.story.context import Story
from chronicler.extract.surface.actors import after_preposition, word_index
from chronicler.extract.surface.lang import fa as persian
from chronicler.extract.surface.lang import fr as french
from chronicler.extract.surface.state import SentenceContext
from chronicler.extract.surface.words import (
    CLAUSE_BREAKS,
    LOWER_CASE_NOUNS,
    Hit,
    Sentence,
    phrase_at,
    words_in,
)
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.grammar import Grammar
from chronicler.knowledge.triggers import Cues
from chronicler.records import Entity

FINDINGS = {"SANCTION", "ACCUSE"}  # events whose content ("guilty of killing") their actor claims


@dataclass(frozen=True)
class Attribution:
    claimant: Participant | None
    denied: bool = False
    verb: int | None = None  # the reporting verb, whose own date is not the event's


def attribution(sent: Sentence, hit: Hit, ctx: SentenceContext) -> Attribution:
    """Who claims the trigger's event: a denial's speaker, a reporting verb's, a source, a finder."""
    cues, grammar, state = ctx.cues, ctx.grammar, ctx.state
    lo, hi = sent.clause(hit.head)
    taken = {j for h in ctx.hits for j in range(h.first, h.last + 1)}
    denials = [j for j, _ in phrase_at(sent, cues.denial_verbs) if j not in taken]
    if denials and hit.event != "REJECT":
        speaker = _speaker(sent, denials[0], ctx.actors, state, grammar, ctx.index)
        return Attribution(speaker, True, denials[0])
    verbal = ctx.groups.get(hit.event) == "verbal"
    speech = [j for j, _ in phrase_at(sent, cues.speech_verbs) if j not in taken]
    own = [j for j in speech if lo <= j < hi]
    if own and not verbal:
        return Attribution(_speaker(sent, own[0], ctx.actors, state, grammar, ctx.index), False, own[0])
    source = (persian.prep_source(sent, hit, cues, ctx.actors) if grammar.language == "fa"
              else _prep_source(sent, cues, ctx.actors, state, grammar))
    if source is not None:
        return Attribution(source)
    if speech and not verbal:
        verb = min(speech, key=lambda j: abs(j - hit.head))
        return Attribution(_speaker(sent, verb, ctx.actors, state, grammar, ctx.index), False, verb)
    finding = _finding_actor(sent, hit, ctx)
    if finding is not None:
        return Attribution(finding)
    if words_in(sent, lo, hi, grammar["reported_speech"]):
        speakers = [ctx.args[h.first][0][0] for h in ctx.hits
                    if h.first < hit.first and ctx.groups.get(h.event) == "verbal" and ctx.args[h.first][0]]
        return Attribution(speakers[-1] if speakers else state.last_claimant)
    return Attribution(None)


def _speaker(sent: Sentence, verb: int, actors: list[Participant], state: Story, grammar: Grammar,
             index: ActorIndex) -> Participant | None:
    """Who a reporting verb's clause names as speaking: after it when inverted, else before it."""
    if grammar.language == "fa":  # verb-final: the speaker precedes the verb
        return persian.speaker(sent, verb, actors, grammar, state.last_claimant)
    _, hi = sent.clause(verb)
    after = [a for a in actors if verb < word_index(sent, a.start) < hi]
    before = [a for a in actors if word_index(sent, a.start) < verb]
    near = sent.words[max(0, verb - 2):verb + 3]
    if any(w.lower in grammar["pronouns"] for w in near):
        return state.last_claimant
    if sent.parsed:  # the parse's subject, else an inverted one after the verb ("a affirmé mardi X")
        subject = _parsed_subject(sent, verb, index)
        return subject or (after[0] if after and not after_preposition(sent, after[0], grammar) else None)
    if after and not after_preposition(sent, after[0], grammar):
        return after[0]
    if grammar.language in LOWER_CASE_NOUNS:
        named = _name_beside(sent, verb, grammar)
        if named is not None:
            return named
    return before[-1] if before else None


def _name_beside(sent: Sentence, verb: int, grammar: Grammar) -> Participant | None:
    """A name the knowledge base does not know, where only names are capitalised: "afirmó el
    gobernador Ali Rezaei" (after the verb) or "..., Ali Rezaei, afirmó" (just before it)."""
    words = sent.words
    after = range(verb + 1, min(len(words), verb + 5))
    first = next((j for j in after if words[j].text[:1].isupper()), None)
    between = words[verb + 1 : first] if first is not None else ()
    broken = any(w.text in CLAUSE_BREAKS for w in between)
    if between and (between[0].lower not in grammar["articles"] or broken):
        first = None  # only "afirmó (el gobernador) X"; not "afirmó que X fue detenido"
    if first is None:
        last = verb - 1
        while last >= 0 and words[last].text in CLAUSE_BREAKS:
            last -= 1
        first = last
        while first > 0 and words[first - 1].text[:1].isupper():
            first -= 1
    else:
        last = first
        while last + 1 < len(words) and words[last + 1].text[:1].isupper():
            last += 1
    if last - first < 1 or first == 0 or not all(w.text[:1].isupper() for w in words[first : last + 1]):
        return None  # one capitalised word, or the sentence's first: not known to be a name
    return Participant(Entity(sent.text[words[first].start - sent.start : words[last].end - sent.start]),
                       words[first].start, words[last].end)


def _parsed_subject(sent: Sentence, verb: int, index: ActorIndex) -> Participant | None:
    """The French subject of a reporting verb that the knowledge base does not know ("certaines sources")."""
    heads = french.children(sent, verb)
    if sent.words[verb].dep == "acl" and sent.words[verb].head >= 0:  # "certaines sources évoquant ..."
        heads = [sent.words[verb].head]
    for j in heads:
        if (sent.words[j].dep == "nsubj" or j not in french.children(sent, verb)) and \
                sent.words[j].pos in {"NOUN", "PROPN"}:
            return french.entity_at(sent, j, None, index) or french.noun_phrase(sent, j)
    return None


def _prep_source(
    sent: Sentence, cues: Cues, actors: list[Participant], state: Story, grammar: Grammar
) -> Participant | None:
    for first, last in phrase_at(sent, frozenset(cues.attribution_preps)):
        if sent.words[first].lower == "zufolge":  # "Amnesty International zufolge"
            before = [a for a in actors if a.end <= sent.words[first].start]
            if before:
                return before[-1]
            continue
        window = [a for a in actors if last < word_index(sent, a.start) <= last + 6]
        known = [a for a in window if a.entity.identifier_id]
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


def _finding_actor(sent: Sentence, hit: Hit, ctx: SentenceContext) -> Participant | None:
    """"für schuldig befunden, ... getötet zu haben", "accusé d'avoir tué": the finder claims it."""
    around = (sent.lowered(hit.last + 1, hit.last + 3), sent.lowered(max(0, hit.first - 2), hit.first))
    if not any(f" {m} " in text for m in ctx.grammar["perfect_infinitive"] for text in around):
        return None
    for other in ctx.hits:
        if other.first < hit.first and other.event in FINDINGS and ctx.args[other.first][0]:
            return ctx.args[other.first][0][0]
    return None
