"""Modality: is the event asserted, negated, hedged, future or hypothetical?

Read off the trigger and the verbs that govern it, never off the whole sentence, so that
"arrested for allegedly insulting the leader" keeps the arrest asserted.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues
from chronicler.records import Modality

EXTRACTOR = "modality.rules.v1"

def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _chain(trigger: Token, stop: Token | None) -> list[Token]:
    """The trigger and the predicates above it up to (not including) the reporting verb."""
    out = [trigger]
    cur = trigger
    while cur.head.i != cur.i and cur.dep_ in {"xcomp", "ccomp", "conj", "pobj", "prep", "dobj", "acl"}:
        cur = cur.head
        if stop is not None and cur.i == stop.i:
            break
        out.append(cur)
    return out


def _unsourced_report(verb: Token) -> bool:
    children = list(verb.children)
    return (
        _lemma(verb) == "report"
        and any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ == "agent" for c in children)
    )


def find_modality(
    trigger: Token, cues: Cues, reporting_verb: Token | None, denied: bool, vocab: EnglishWords
) -> Modality:
    if denied:
        return "negated"
    chain = _chain(trigger, reporting_verb)
    # Auxiliaries and adverbs attached to the trigger's own predicate (and a passive's aux).
    own = [c for t in chain[:2] for c in t.children]
    words = {c.lower_ for c in own} | {_lemma(c) for c in own}
    if words & cues.negation and not (trigger.pos_ == "NOUN" and "no" not in words):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in cues.conditional for t in chain for c in t.children):
        return "hypothetical"
    modals = words & (cues.modal_hypothetical - vocab.future_auxiliaries)
    if modals and "have" in words and modals != {"would"}:
        return "hedged"  # "may have died", "could have been killed": a guess about the past
    if modals == {"would"} and "have" not in words and reporting_verb is not None:
        return "future"  # "said they would hold rallies": a reported "will"
    if modals:
        return "hypothetical"
    if words & cues.hedges or any(_lemma(t) in cues.hedge_verbs for t in chain[1:]):
        return "hedged"
    # A hedging adverb on any predicate above the trigger or on the reporting verb ("Reportedly,
    # estimates put the number detained at ..."), or a passive report with no source as the
    # reporting verb ("Iran is reported to have executed ...", "one man was reported killed").
    above = chain[2:] + ([reporting_verb] if reporting_verb is not None else [])
    if any(c.dep_ == "advmod" and c.lower_ in cues.hedges for t in above for c in t.children):
        return "hedged"
    if reporting_verb is not None and _unsourced_report(reporting_verb):
        return "hedged"
    if vocab.future_auxiliaries & words or any(
        _lemma(t) in vocab.plan_verbs | vocab.appeal_verbs for t in chain[1:]
    ):
        return "future"
    if trigger.pos_ == "NOUN" and _lemma(trigger.head) in vocab.plan_verbs | vocab.plan_nouns:
        return "future"
    # "were reported to have ...": a passive report with no named source is a hedge.
    for tok in chain[1:]:
        if _lemma(tok) == "report" and any(c.dep_ == "auxpass" for c in tok.children):
            return "hedged"
    return "asserted"
