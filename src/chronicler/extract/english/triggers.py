"""Event triggers: which words of a parsed sentence state a PLOVER event, of which type and mode.

Rules of English news language, not of particular articles:

- a trigger is a lexicon lemma with the right part of speech, or a lemma sequence;
- a noun trigger that only names the time frame or setting of another event ("killed *in the
  protests*", "*during* the uprising") is not an event of its own;
- a noun trigger used as a modifier ("protest movement") or a participle used as an adjective
  ("*detained* protesters") is not an event;
- one entry per event type per sentence: the trigger highest in the parse stands for the clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from chronicler.extract.english import quotes
from chronicler.extract.english.arguments import takes_part
from chronicler.extract.english.references import reference_reason
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Lexicon, Trigger

EXTRACTOR = "events.rules.v1"

DETERMINING_DEPS = {"det", "poss", "nummod", "prep", "amod", "compound", "acl", "relcl", "quantmod", "nmod"}
OBJECT_DEPS = {"dobj", "nsubjpass", "obj", "attr"}


@dataclass(frozen=True)
class TriggerHit:
    token: Token  # the head word that carries the event's arguments
    first: int  # token index span (sentence-absolute, doc indices) of the trigger words
    last: int
    trigger: Trigger

    @property
    def event(self) -> str:
        return self.trigger.event


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _child_lemmas(tok: Token) -> set[str]:
    return {_lemma(c) for c in tok.children}


def _object_lemmas(tok: Token, quantities: frozenset[str] = frozenset()) -> set[str]:
    """Words of the verb's object, seen through a quantity ("claimed *thousands of* lives")."""
    out = set()
    for child in tok.children:
        if child.dep_ in OBJECT_DEPS:
            out.add(_lemma(child))
            out.update(_lemma(c) for c in child.children if c.dep_ == "compound")
            if child.lower_ in quantities:
                counted = (g for c in child.children if c.lower_ == "of" for g in c.children)
                out.update(_lemma(g) for g in counted if g.dep_ == "pobj")
        if child.dep_ in {"prep", "prt"}:
            # A preposition under a particle: "pulled out *of the deal*".
            preps = [child, *(g for g in child.children if g.dep_ == "prep")]
            for grand in (g for p in preps for g in p.children):
                if grand.dep_ in OBJECT_DEPS | {"pobj"}:
                    out.add(_lemma(grand))
    if tok.dep_ in {"amod", "acl", "relcl"}:
        out.add(_lemma(tok.head))
    return out


def _agent_lemmas(tok: Token) -> set[str]:
    """Words of a passive's agent: "supported *by video footage*"."""
    return {_lemma(g) for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"}


def _subject_lemmas(tok: Token) -> set[str]:
    """Words of the verb's subject, seen through a quantity ("thousands *of* teachers"), from the
    second of two joined verbs ("gathered and chanted") and from a participle clause, which shares
    its verb's subject ("retirees rallied, calling for ..."). A passive's doer is its logical
    subject ("twelve people were held *by officers*")."""
    while tok.dep_ in {"conj", "advcl"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        tok = tok.head
    out = set()
    for subj in (c for c in tok.children if c.dep_ == "nsubj"):
        out.add(_lemma(subj))
        out.update(_lemma(c) for c in subj.children if c.dep_ in {"compound", "conj"})
        quantified = (g for c in subj.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
        out.update(_lemma(g) for g in quantified)
    return out | _agent_lemmas(tok)


def _conditions_hold(tok: Token, trig: Trigger, vocab: EnglishWords) -> bool:
    children = _child_lemmas(tok)
    if trig.subject and not (trig.subject & _subject_lemmas(tok)):
        return False
    if trig.with_ and not (trig.with_ & (children | _compound_lemmas(tok))):
        return False
    if trig.without and trig.without & (
        children | _compound_lemmas(tok) | _object_lemmas(tok, vocab.quantity_nouns) | _agent_lemmas(tok)
    ):
        return False
    if trig.object and not (trig.object & _object_lemmas(tok, vocab.quantity_nouns)):
        return False
    if trig.complement and not (trig.complement & _complement_lemmas(tok, vocab)):
        return False
    return not (trig.head and _lemma(_governor(tok)) not in trig.head)


def _complement_lemmas(verb: Token, vocab: EnglishWords) -> set[str]:
    """Words of what a verb calls its object: "called the trial *a sham*", "described the
    arrests *as illegal*", "called those involved *thugs*"."""
    heads = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"}]
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    words = [t for h in heads for t in h.subtree]
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
        # The parser may fold the complement into the object: "described [figures published
        # abroad as lies]", "called [those involved in the unrest thugs]". What follows "as"
        # there, or the object's last word after a naming verb, is the complement.
        tail = [t for t in obj.subtree if t.i > obj.i and not t.is_punct]
        after_as = [t for t in tail if any(a.lower_ == "as" and a.i < t.i for a in tail)]
        naming = _lemma(verb) in vocab.naming_verbs and tail and tail[-1].pos_ == "NOUN"
        words += after_as + ([tail[-1]] if naming else [])
        if _lemma(verb) in vocab.naming_verbs and any(c.dep_ == "compound" for c in obj.children):
            words.append(obj)  # "branded [the marchers hooligans]": the name parsed as the head
    return {_lemma(t) for t in words} | {t.lower_ for t in words}


def _governor(tok: Token) -> Token:
    """The word a noun depends on, seen through a preposition ("number *of* deaths")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        return head.head
    return head


def _compound_lemmas(tok: Token) -> set[str]:
    return {_lemma(c) for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}


def _joined(tok: Token, vocab: EnglishWords) -> bool:
    """A verb of joining that tells the event: not "those who took part in the protests" nor
    "held for taking part in protests" (who the people are, why they were held)."""
    return tok.dep_ not in {"relcl", "acl", "pcomp"} and takes_part(tok, vocab)


def _is_frame(tok: Token, vocab: EnglishWords) -> bool:
    """A noun trigger naming the setting of something else, not an event in its own right."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.dep_ == "compound":
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and _joined(tok.head.head, vocab):
        return False  # "took part in the riots": joining is the event's own act
    if tok.dep_ == "pobj" and tok.head.lower_ in vocab.frame_preps:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in vocab.reason_preps:
        return _lemma(tok.head.head) in vocab.reason_nouns
    # "the anniversary of the uprising": the noun is the object of a time-frame noun.
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and _lemma(tok.head.head) in vocab.frame_nouns


def _is_absent(tok: Token) -> bool:
    """ "fired without warning", "held without being charged": what did not happen."""
    return tok.dep_ in {"pcomp", "pobj"} and tok.head.lower_ == "without"


def _is_requested(tok: Token, vocab: EnglishWords) -> bool:
    """The content of an order or appeal is not (yet) an event: the appeal is."""
    heads = vocab.request_heads
    if tok.dep_ in {"xcomp", "dobj", "ccomp"} and _lemma(tok.head) in heads:
        return True
    if tok.dep_ == "dobj" and tok.head.dep_ == "xcomp" and _lemma(tok.head.head) in heads:
        return True  # "urged the council to open an inquiry": the inquiry is asked for
    return tok.dep_ == "pcomp" and _lemma(tok.head.head) in heads


def _is_generic(tok: Token, trig: Trigger, vocab: EnglishWords) -> bool:
    """A bare noun in a list or as an object ("tortures and executions") names a kind, not an event.

    A bare plural object names a kind too ("raise executions with officials"), unless the verb is
    one of carrying out or joining ("staged protests").
    """
    if tok.pos_ != "NOUN" or any(c.dep_ in DETERMINING_DEPS for c in tok.children):
        return False
    if tok.dep_ in {"conj", "pobj", "appos"}:
        return True
    if trig.head:  # the lexicon already names the verbs it needs ("put up banners")
        return False
    return tok.dep_ == "dobj" and tok.tag_ == "NNS" and _lemma(tok.head) not in vocab.occurrence_verbs


def _matches_single(tok: Token, trig: Trigger) -> bool:
    # The word form too: the small model lemmatises the plurale tantum "talks" as "talk".
    return trig.lemma in (_lemma(tok), tok.lower_) and tok.pos_ in trig.pos


def _matches_phrase(sent: Span, i: int, trig: Trigger) -> int | None:
    """End index (inclusive) when ``trig.phrase`` matches lemmas from doc index ``i``."""
    doc = sent.doc
    end = i + len(trig.phrase) - 1
    if end >= sent.end:
        return None
    for offset, lemma in enumerate(trig.phrase):
        tok = doc[i + offset]
        if _lemma(tok) != lemma and tok.lower_ != lemma:
            return None
    return end


def _phrase_head(sent: Span, first: int, last: int) -> Token:
    """The word of a multiword trigger whose head lies outside it."""
    for tok in sent.doc[first : last + 1]:
        if not (first <= tok.head.i <= last) or tok.head.i == tok.i:
            return tok
    return sent.doc[first]


def find_triggers(sent: Span, lexicon: Lexicon, vocab: EnglishWords) -> list[TriggerHit]:
    table = lexicon.by_lemma
    hits: list[TriggerHit] = []
    covered: set[int] = set()
    for tok in sent:
        candidates = table.get(_lemma(tok), []) + (
            table.get(tok.lower_, []) if tok.lower_ != _lemma(tok) else []
        )
        # Phrases first (they are more specific), then the last matching single-word entry.
        for trig in candidates:
            if not trig.phrase:
                continue
            last = _matches_phrase(sent, tok.i, trig)
            if last is not None and not covered & set(range(tok.i, last + 1)):
                head = _phrase_head(sent, tok.i, last)
                if _conditions_hold(head, trig, vocab):
                    hits.append(TriggerHit(head, tok.i, last, trig))
                    covered.update(range(tok.i, last + 1))
                    break
        if tok.i in covered:
            continue
        singles = [
            t
            for t in candidates
            if not t.phrase and _matches_single(tok, t) and _conditions_hold(tok, t, vocab)
        ]
        if singles:
            hits.append(TriggerHit(tok, tok.i, tok.i, singles[-1]))
            covered.add(tok.i)
    kept = [
        h
        for h in hits
        if not _is_frame(h.token, vocab)
        and h.token.dep_ != "amod"
        and not _is_requested(h.token, vocab)
        and not _is_absent(h.token)
        and not _is_generic(h.token, h.trigger, vocab)
        and reference_reason(h.token, range(h.first, h.last + 1), vocab) is None
    ]
    return _one_per_type(_drop_purpose_requests(kept, lexicon, vocab))


def _drop_purpose_requests(hits: list[TriggerHit], lexicon: Lexicon, vocab: EnglishWords) -> list[TriggerHit]:
    """ "rallied *to demand* higher pay", "held protests, *calling for* ...", "days of demonstrations
    *calling for* ...": the demand is what the protest is for, not an appeal; so is a demand in a
    protest's slogans ("shouting 'demand your rights'", "their slogans were 'demand your rights'")."""
    protests = [h.token for h in hits if h.event == "PROTEST"]
    # the protest's own word and the verb that holds it as its object ("held protests")
    carriers = {t.i for t in protests} | {t.head.i for t in protests if t.dep_ in {"dobj", "nsubj"}}
    sent_lemmas = {_lemma(t) for h in hits[:1] for t in h.token.sent}
    chanted = bool(protests) or bool(sent_lemmas & vocab.slogan_words)

    def purpose(tok: Token) -> bool:
        if tok.dep_ in {"advcl", "xcomp"} and tok.head.i in carriers:
            return True
        # a protest noun the demand qualifies, even one that only sets the scene
        return tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and _names_protest(tok.head, lexicon)

    def voiced(tok: Token) -> bool:
        return purpose(tok) or (chanted and quotes.inside(tok))

    return [h for h in hits if not (h.event == "REQUEST" and voiced(h.token))]


def _names_protest(noun: Token, lexicon: Lexicon) -> bool:
    return any(t.event == "PROTEST" and not t.phrase for t in lexicon.by_lemma.get(_lemma(noun), []))


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth


def _one_per_type(hits: list[TriggerHit]) -> list[TriggerHit]:
    """One event of a type per sentence (its words restate it: "killed ... the deaths"), unless a
    speech act has a speaker of its own ("the ministry summoned him, accusing him ..., while the
    minister condemned ..."): two speakers, two acts."""
    best: dict[str, TriggerHit] = {}
    for hit in hits:
        current = best.get(hit.event)
        if current is None or _depth(hit.token) < _depth(current.token):
            best[hit.event] = hit
    kept = list(best.values())
    for hit in hits:
        if hit in kept or hit.token.pos_ != "VERB":
            continue
        same_type = [k for k in kept if k.event == hit.event]
        if hit.event not in SPEECH_ACTS and not all(_own_subject(h.token) for h in [hit, *same_type]):
            continue
        speaker = _speaker(hit.token)
        if speaker is not None and all(_speaker(k.token) not in {None, speaker} for k in same_type):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.first)


# Verbal event types whose acts are told one per speaker.
SPEECH_ACTS = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}


def _own_subject(verb: Token) -> bool:
    """Whether a verb states its own doer or patient: "*shopkeepers* went on strike" (but "*no
    such number* died" denies the event just told rather than telling another)."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and c.pos_ in {"NOUN", "PROPN"}
        and not any(d.lower_ == "no" for d in c.children)
        for c in verb.children
    )


def _speaker(verb: Token) -> int | None:
    """The token index of who performs the act: the verb's subject, or for a participle or a
    coordinated verb without one ("..., accusing him"), the subject of the verb it hangs on."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0].i
        if verb.dep_ not in {"advcl", "xcomp", "conj"} or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
