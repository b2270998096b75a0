"""Which date in a sentence dates an event, and which clauses an event's time comes from.

The closest date wins, except a date that dates a statement ("said on Monday"), the end of a
running count ("by Wednesday"), a date inside what the trigger asks or says ("urged them to rally
on Saturday") or, for an event in a clause that describes someone ("a boy killed in Shahriar"), a
date of the main clause. Clause tests here also tell when a borrowed date would be wrong: a later
time ("were later released"), a present perfect, a time still to come.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from chronicler.extract.facts.times import DateMatch
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues


def _in_complement(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` stands in a clause the trigger takes as its content (xcomp, ccomp)."""
    while tok.head.i != tok.i and tok.head.i != trigger.i:
        tok = tok.head
    return tok.head.i == trigger.i and tok.dep_ in {"xcomp", "ccomp"}


def says_when(sent: Span, start: int, end: int, cues: Cues, trigger: Token | None = None) -> bool:
    """Whether the date at ``start:end`` dates a statement (its clause verb says or denies)."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    gov = clause_verb(span.root)
    said = gov.lemma_.lower() in cues.speech_verbs | cues.denial_verbs
    # "one man was reported killed on Friday": a passive report names no speaker and no statement
    # of its own; the date is the event's.
    hedge = trigger is not None and any(c.dep_ == "auxpass" for c in gov.children) and trigger.head.i == gov.i
    return said and (trigger is None or gov.i != trigger.i) and not hedge


def date_for(
    trigger: Token, sent: Span, dates: list[DateMatch], cues: Cues, vocab: EnglishWords
) -> DateMatch | None:
    """The date in the sentence that dates the event, not the one that dates a statement about it."""
    doc = sent.doc
    clause = _description(trigger)
    ranked: list[tuple[int, DateMatch]] = []
    for match in dates:
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or _is_bound(span, vocab) or says_when(sent, match.start, match.end, cues, trigger):
            continue
        if _in_complement(span.root, trigger):
            continue  # "urged them to rally on Saturday": Saturday is the rally's, not the appeal's
        if clause is not None and not _within(span, clause):
            continue  # the main clause's date does not date what describes one of its words
        ranked.append((abs(span.root.i - trigger.i), match))
    ranked.sort(key=lambda pair: pair[0])
    if not ranked:
        return None
    best = ranked[0][1]
    if best.date is None and vocab.short_offset.search(best.text):
        # "in mid-September, days after police detained her": an offset of days from an event the
        # text does not date lies near the sentence's dated time, so its month is the honest answer.
        near = next((m for _, m in ranked if m.date), None)
        if near is not None and near.date is not None:
            return DateMatch(best.start, best.end, best.text, near.date[:7], None, True)
    return best


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a word stands in (the word itself when it is one)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def descriptive(trigger: Token) -> bool:
    """An event told to describe someone ("the commander killed in a strike"), not to move the story."""
    return _description(trigger) is not None


def _within(span: Span, clause: Token) -> bool:
    """Whether a date is in the descriptive clause or is what it describes ("in 2022, when ...")."""
    tok = span.root
    describes = span.start <= clause.head.i < span.end
    return describes or tok.i == clause.i or any(t.i == clause.i for t in tok.ancestors)


def _description(trigger: Token) -> Token | None:
    """The verb of the relative or participle clause the trigger's event describes someone or
    somewhere with, also through what such a clause reports ("Mahshahr, where groups say dozens
    were shot"); None for an event the story tells."""
    verb = clause_verb(trigger)
    while verb.dep_ in {"ccomp", "xcomp", "conj"} and verb.head.i != verb.i:
        verb = clause_verb(verb.head)
    return verb if verb.dep_ in {"acl", "relcl"} else None


def shifted(trigger: Token, vocab: EnglishWords) -> bool:
    """ "were later killed", "have since been released": a time after the episode just told."""
    verb = clause_verb(trigger)
    return any(c.dep_ == "advmod" and c.lower_ in vocab.shift_adverbs for c in verb.children)


def ahead(trigger: Token, mood: str, vocab: EnglishWords) -> bool:
    """A time still to come: "will strike", "could shut down", "risk arrest" — but not "may have
    died", nor a verb told in the past whatever the sentence plans."""
    if _at_risk(trigger, vocab):
        return True
    verb = clause_verb(trigger)
    if _past(verb):
        return False  # "were chanting, 'We will ...'": told as done, whatever else the sentence plans
    if mood == "future":
        return True
    if mood != "hypothetical":
        return False
    return not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VB" for c in verb.children)


def _at_risk(trigger: Token, vocab: EnglishWords) -> bool:
    """ "risk arrest", "risk being killed", "face a grave danger of being executed"."""
    tok = trigger
    while tok.dep_ in {"dobj", "xcomp", "pcomp", "pobj", "prep", "auxpass"} and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in vocab.risk_words:
            return True
    return False


def _past(verb: Token) -> bool:
    """A verb in a past tense of its own: "chanted", "were chanting" (not "would chant")."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.tag_ == "MD" for c in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries)


def perfect(trigger: Token) -> bool:
    """ "have been arrested", "has killed": the present perfect, a span of time up to now; also
    what shares a perfect verb's time: its conjuncts ("have been detained and *beaten*") and how
    it was done ("have answered by suppressing protests, *beating* ...")."""
    tok = trigger
    while True:
        verb = clause_verb(tok)
        auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if any(c.tag_ in {"VBP", "VBZ"} and c.lemma_ == "have" for c in auxiliaries):
            return True
        if auxiliaries or verb.head.i == verb.i or verb.dep_ not in _SHARED_TIME:
            return False
        tok = verb.head
        while tok.dep_ in _SHARED_TIME - {"conj"} and tok.pos_ != "VERB" and tok.head.i != tok.i:
            tok = tok.head


# Links through which a word takes its time from the verb above: a conjunct, an apposition, an
# object, "by doing".
_SHARED_TIME = frozenset({"conj", "appos", "dobj", "pobj", "pcomp", "prep"})


def _is_bound(span: Span, vocab: EnglishWords) -> bool:
    """ "killed *by Wednesday*", "*so far*": the end of a running count, not the event's date."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in vocab.bound_preps
