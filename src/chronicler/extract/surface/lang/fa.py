"""What the surface reader needs to read Persian: spelling folds, a light-verb conjugator, roles.

Persian news states most events with a compound verb, a noun and a light verb ("بازداشت
کردند", "کشته شدند", "تجمع خواهند کرد"), written with a zero-width non-joiner, a space or
nothing before its affixes ("شده‌اند", "شده اند", "شدهاند"). The reader never changes the
text or its offsets; it changes only the keys words are matched on:

- ``fold`` maps spelling variants to one key: no ZWNJ, tatweel or short vowels, Persian yeh
  and kaf for the Arabic ones. Pack entries are folded the same way when loaded, so a pack is
  written in ordinary Persian spelling;
- ``regroup`` joins a detached affix (می, ‌اند, ‌ها) and a future auxiliary with its verb into one
  word whose text spans both, and gives each form of a verb that ``packs/fa/surface.yaml``
  lists (the light verbs, a few reporting verbs) its infinitive as lemma and its tense, mood
  and polarity as morphology: a lexicon phrase ``[بازداشت, کردن]`` then matches every tense,
  person and the negative, and ``Polarity=Neg`` on the verb makes the event negated;
- ``stated`` drops what only describes: a bare participle qualifying a noun ("افراد بازداشت
  شده"), and a material event in the present or subjunctive (a habit, a wish) unless a future
  or conditional cue precedes it;
- ``arguments``, ``speaker``, ``prep_source``: roles in a verb-final clause. The subject leads
  the sentence, the object is marked by "را", a passive's agent follows "توسط", "از سوی";
  "به گزارش X،" and "به گفته X،" name the source of what follows them, X running to the comma.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from chronicler.extract.findings import Participant
from chronicler.knowledge.grammar import Grammar, Morphology
from chronicler.records import Entity, EventMention
from chronicler.text.folding import persian_fold as fold

if TYPE_CHECKING:
    from chronicler.extract.surface.words import Hit, Sentence, Word
    from chronicler.knowledge.triggers import Cues

_SOURCE_WORDS = 6  # the longest "به گفته X،" source taken whole


def morphology(grammar: Grammar) -> Morphology:
    """The Persian verb morphology that the Persian grammar pack carries."""
    if grammar.morphology is None:
        raise ValueError(f"the {grammar.language!r} grammar has no Persian morphology")
    return grammar.morphology

# Person endings of the 3rd and 1st persons: news is told in them (2nd-person forms collide with nouns).
# -- words -------------------------------------------------------------------------------------


def _tagged(word: Word, morph: Morphology) -> Word:
    key = fold(word.text.replace(" ", ""))
    lemma, feats = morph.forms.get(key, (key, ""))
    return replace(word, lower=key, lemma=lemma, pos="VERB" if feats else word.pos, morph=feats or word.morph)


def regroup(sent: Sentence, morph: Morphology) -> Sentence:
    """The sentence with detached affixes and future auxiliaries joined to their words, keys folded."""
    out: list[Word] = []
    words = list(sent.words)
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        key = fold(word.text)
        if nxt is not None and key in morph.detached_prefixes and nxt.start - word.end <= 1:
            out.append(_tagged(_span(word, nxt, sent), morph))
            i += 2
            continue
        glued = bool(out) and word.start - out[-1].end <= 1 and out[-1].text[-1:].isalpha()
        if glued and key in morph.detached_suffixes:
            out[-1] = _tagged(_span(out[-1], word, sent), morph)
            i += 1
            continue
        aux = key[1:] if key.startswith("ن") and key[1:] in morph.future_auxiliaries else key
        if nxt is not None and aux in morph.future_auxiliaries and fold(nxt.text) in morph.past_stems:
            stem = _tagged(nxt, morph)
            feats = "Tense=Fut" + ("|Polarity=Neg" if aux != key else "")
            out.append(replace(_span(word, nxt, sent), lower=key + " " + stem.lower, lemma=stem.lemma,
                               pos="VERB", morph=feats))
            i += 2
            continue
        out.append(_tagged(word, morph))
        i += 1
    return replace(sent, words=tuple(out))


def _span(first: Word, last: Word, sent: Sentence) -> Word:
    """``first`` stretched to the end of ``last``: the text as written between them, offsets kept."""
    text = sent.text[first.start - sent.start:last.end - sent.start]
    return replace(first, text=text, end=last.end)


# -- which hits state an event -----------------------------------------------------------------


def _has_cue(sent: Sentence, lo: int, hi: int, cues: frozenset[str]) -> bool:
    text = sent.lowered(lo, hi)
    return any(w.keys & cues for w in sent.words[lo:hi]) or any(f" {c} " in text for c in cues if " " in c)


def stated(sent: Sentence, hits: list[Hit], groups: dict[str, str], cues: Cues,
           morph: Morphology) -> list[Hit]:
    """The hits that state an event, not describe a noun, a habit or a wish."""
    kept = []
    for hit in hits:
        verbs = [sent.words[j] for j in range(hit.first, hit.last + 1) if sent.words[j].pos == "VERB"]
        feats = verbs[-1].morph if verbs else ""
        if "VerbForm=Part" in feats and hit.last + 1 < len(sent.words):
            after = sent.words[hit.last + 1]
            if after.keys.isdisjoint(morph.participle_followers) and after.text.isalpha():
                continue  # "افراد بازداشت شده": a participle qualifying a noun
        if groups.get(hit.event) == "material" and ("Tense=Pres" in feats or "Mood=Sub" in feats):
            lo, _ = sent.clause(hit.head)
            markers = cues.future_markers | cues.conditional | cues.modal_hypothetical
            if not _has_cue(sent, lo, hit.first, markers):
                continue  # "هر هفته برگزار می‌شود": a habit, not an event
        kept.append(hit)
    return kept


# -- roles -------------------------------------------------------------------------------------


def _index(sent: Sentence, offset: int) -> int:
    return next((j for j, w in enumerate(sent.words) if w.end > offset), len(sent.words))


def _governed(sent: Sentence, arg: Participant, grammar: Grammar) -> bool:
    """The actor follows a preposition ("در برابر X", "به هرانا"): it is no subject or object,
    unless the preposition is the "از" of a part ("دو تن از معترضان": two of the protesters)."""
    j = _index(sent, arg.start) - 1
    while j >= 0 and sent.words[j].lower in grammar["articles"]:
        j -= 1
    if j < 0 or sent.words[j].lower not in grammar["prepositions"]:
        return False
    part = sent.words[j - 1] if j > 0 and sent.words[j].lower == "از" else None
    return part is None or not (part.lower in morphology(grammar).partitives or part.text.isdigit())


def _after_marker(sent: Sentence, arg: Participant, markers: frozenset[str]) -> bool:
    """The actor follows an agent marker of one or two words ("توسط X", "از سوی X")."""
    j = _index(sent, arg.start)
    return any(sent.lowered(max(0, j - n), j).strip() in markers for n in (1, 2))


def _marked_object(sent: Sentence, arg: Participant, end: int) -> bool:
    """"دو تن از تجمع‌کنندگان را": "را" follows the actor, at most one word (an adjective) between."""
    j = _index(sent, arg.end - 1) + 1
    return any(sent.words[k].lower == "را" for k in range(j, min(end, j + 2)))


def _finite(word: Word) -> bool:
    return word.pos == "VERB" and "VerbForm=Part" not in word.morph


def _plural(word: Word) -> bool:
    return any(part.endswith("ند") for part in word.lower.split())


def _clause_start(sent: Sentence, hit: Hit) -> int:
    """Where the trigger's clause starts: after a comma, or after the last finite verb before it
    ("قوه قضاییه اعلام کرد که سه معترض ...": the speaker is no argument of what follows)."""
    lo, _ = sent.clause(hit.head)
    verbs = [j for j in range(lo, hit.first) if _finite(sent.words[j])]
    return verbs[-1] + 1 if verbs else lo


def arguments(sent: Sentence, hit: Hit, actors: list[Participant], grammar: Grammar
              ) -> tuple[list[Participant], list[Participant]]:
    """(actors, recipients) of a Persian trigger by position: SOV, "را" marks the object."""
    lo = _clause_start(sent, hit)
    before = [a for a in actors if _index(sent, a.start) < hit.first]
    mine = [a for a in before if _index(sent, a.start) >= lo]
    free = [a for a in mine if not _governed(sent, a, grammar)]
    # The subject leads the sentence, often before commas that set off places and dates; a
    # clause with no subject of its own after "X اعلام کردند که" shares X when the verbs agree.
    verbs = [w for w in sent.words[:hit.first] if _finite(w)]
    agree = all(_plural(w) == _plural(sent.words[hit.head]) for w in verbs)
    opening = [a for a in before if _index(sent, a.start) == 0] if agree else []
    span = [sent.words[j].keys for j in range(hit.first, hit.last + 1)]
    active = morphology(grammar).active_predicates
    passive = any(k & grammar["passive"] for k in span) and not any(k & active for k in span)
    if passive:
        agents = [a for a in mine if _after_marker(sent, a, grammar["agent_markers"])]
        patients = [a for a in free if a not in agents]
        return agents[:1], (patients or opening)[:1]
    objects = [a for a in mine if _marked_object(sent, a, hit.first)]
    subjects = [a for a in free if a not in objects]
    return (subjects or opening)[:1], objects[-1:]


def speaker(sent: Sentence, verb: int, actors: list[Participant], grammar: Grammar,
            last: Participant | None) -> Participant | None:
    """Who a reporting verb names as speaking: the subject before it ("X گفت"), or a pronoun's antecedent."""
    if any(w.lower in grammar["pronouns"] for w in sent.words[max(0, verb - 2):verb]):
        return last
    lo, _ = sent.clause(verb)
    before = [a for a in actors if _index(sent, a.start) < verb and not _governed(sent, a, grammar)]
    own = [a for a in before if _index(sent, a.start) >= lo]
    return own[0] if own else (before[-1] if before else None)


def prep_source(sent: Sentence, hit: Hit, cues: Cues, actors: list[Participant]) -> Participant | None:
    """"به گزارش X،", "به گفته X،" before the event: X, the words up to the comma (or a known name)."""
    from chronicler.extract.surface.words import phrase_at  # surface imports the lexicon, which imports us

    found = [(f, last) for f, last in phrase_at(sent, frozenset(cues.attribution_preps)) if last < hit.first]
    if not found:
        return None
    _, last = found[-1]
    if last + 1 >= len(sent.words):
        return None
    _, hi = sent.clause(last + 1)
    named = [a for a in actors if _index(sent, a.start) == last + 1]
    if hi > hit.first or hi - last - 1 > _SOURCE_WORDS:  # no comma closes the source: a name only
        return named[0] if named else None
    start, end = sent.words[last + 1].start, sent.words[hi - 1].end
    if named and (named[0].entity.identifier_id or named[0].end >= end):
        return named[0]
    inside = [a for a in actors if start <= a.start < end]
    text = sent.text[start - sent.start:end - sent.start]
    return Participant(Entity(text, sector=inside[0].entity.sector if inside else None), start, end)


def own_plan(mention: EventMention) -> EventMention:
    """"بازنشستگان اعلام کرده‌اند که ... تجمع خواهند کرد": announcing one's own plan claims nothing."""
    if mention.modality != "future" or mention.claimed_by is None:
        return mention
    if any(a.entity_text == mention.claimed_by.entity_text for a in mention.actor):
        return replace(mention, claimed_by=None)
    return mention
