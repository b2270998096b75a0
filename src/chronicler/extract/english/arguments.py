"""Who acted and who was acted on: the actor and recipient of a trigger, from the dependency parse.

Active clauses give the subject as actor and the object as recipient; passives give the
"by" agent and the passive subject; nouns give "by" and possessors as actor and "of/on/against"
objects as recipient. A predicate coordinated with another ("declared ... and accused") shares
its subject. Names are normalised against the actors knowledge base when it knows them.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicler.extract.facts.actors import find_actors
from chronicler.extract.findings import Participant
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.english import EnglishWords
from chronicler.records import Entity

EXTRACTOR = "arguments.deps.v1"

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "dative"}
NP_KEEP = {"compound", "amod", "nmod", "flat", "poss", "case", "det", "nummod", "quantmod", "npadvmod"}


def is_cut(tok: Token) -> bool:
    """A dash or colon that sets a headline's parts apart ("... spread - rights group", "HONG KONG -
    Police"): a hyphen only with space after it, as inside a word it joins."""
    return tok.text in {"–", "—", ":"} or (tok.text == "-" and bool(tok.whitespace_))


def noun_phrase(head: Token, vocab: EnglishWords) -> tuple[int, int] | None:
    """Token bounds [first, last] of the name a noun heads, without articles, numbers or clauses."""
    if head.pos_ in {"PRON", "DET", "NUM"} or head.lower_ in vocab.pronouns:
        return None
    left = [c for c in head.lefts if c.dep_ in NP_KEEP]
    first = min([head.i] + [t.i for c in left for t in c.subtree])
    doc = head.doc
    # A name never runs across a dash or colon: "... spread - rights group", "HONG KONG - Police".
    cuts = [t.i for t in doc[first : head.i] if is_cut(t)]
    if cuts:
        first = cuts[-1] + 1
    while first < head.i and (
        doc[first].lower_ in vocab.determiners
        or doc[first].pos_ in {"NUM", "DET", "PUNCT"}
        or doc[first].dep_ in {"nummod", "quantmod", "advmod"}
    ):
        first += 1
    if head.pos_ == "PROPN":
        # "the London-based group Iran Rights Monitor", "police chief Hossein Rahimi": a lower-case
        # description before a name is not part of it.
        described = [t.i for t in doc[first : head.i] if t.pos_ in {"NOUN", "ADJ", "VERB"} and t.is_lower]
        if described:
            first = described[-1] + 1
    last = head.i
    # Multiword proper names continue to the right ("Human Rights Watch", "Hassan Rouhani").
    while (
        last + 1 < len(doc) and doc[last + 1].dep_ in {"flat", "compound"} and doc[last + 1].head.i == head.i
    ):
        last += 1
    return first, last


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.pos_ in {"NOUN", "PROPN"}]]


def _through_quantity(head: Token, vocab: EnglishWords) -> Token:
    """ "dozens of people" names people; "thousands of protesters" names protesters."""
    quantities = vocab.quantity_nouns
    if head.lower_ in quantities or head.lemma_.lower() in quantities or head.pos_ == "NUM":
        inner = _pobjs(head, {"of"})
        if inner:
            return inner[0]
    return head


def _named(head: Token) -> Token:
    """ "the rights group HRANA", "the police chief, Hossein Rahimi": the name, not the description."""
    if head.pos_ != "NOUN":
        return head
    names = [c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return names[0] if names else head


def to_argument(
    head: Token, when: str | None, actors: ActorIndex, vocab: EnglishWords
) -> Participant | None:
    head = _named(_through_quantity(head, vocab))
    bounds = noun_phrase(head, vocab)
    if bounds is None:
        return None
    doc = head.doc
    span = doc[bounds[0] : bounds[1] + 1]
    return Participant(entity_for(span.text, when, actors), span.start_char, span.end_char)


def without_article(name: str, vocab: EnglishWords) -> str:
    """ "the Teachers' Council" -> "Teachers' Council": names are stored without their article."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in vocab.articles else name


def entity_for(text: str, when: str | None, actors: ActorIndex) -> Entity:
    """``text`` as an entity, with the actors pack's identity when the text names a known actor."""
    known = [m for m in find_actors(text, when, actors) if m.end - m.start >= len(text) // 2]
    if not known:
        return Entity(text)
    best = max(known, key=lambda m: m.end - m.start)
    found = best.entity
    return Entity(text, found.identifier_id, found.identifier_text, found.code, found.sector)


def _arguments(
    heads: list[Token], when: str | None, actors: ActorIndex, vocab: EnglishWords
) -> list[Participant]:
    out = []
    for head in heads:
        for conj in _conjuncts(head):
            arg = to_argument(conj, when, actors, vocab)
            if arg is not None:
                out.append(arg)
    return out


def takes_part(verb: Token, vocab: EnglishWords) -> bool:
    """ "took part in", "participated in": a verb of joining (not "his part in the protests")."""
    if verb.lemma_.lower() == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    return verb.lemma_.lower() in vocab.joining_verbs


def _joiners(verb: Token, vocab: EnglishWords) -> list[Token]:
    """Who takes part, when ``verb`` is one of taking part."""
    if not takes_part(verb, vocab):
        return []
    if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        objects = [c for c in verb.head.children if c.dep_ in OBJECT_DEPS]
        if objects:
            return objects  # the one urged or asked, not the one who urges
    return _subjects(verb)


def _subject_source(tok: Token) -> Token:
    """The predicate whose subject this one shares: "declared ... and *accused*", "to *free*"."""
    cur = tok
    while (
        cur.dep_ in {"conj", "xcomp"}
        and not any(c.dep_ in SUBJECT_DEPS for c in cur.children)
        and cur.head.i != cur.i
    ):
        cur = cur.head
    return cur


def _subjects(verb: Token) -> list[Token]:
    """Subjects of a verb; a pronoun subject of a coordinated clause is the first clause's subject."""
    source = _subject_source(verb)
    heads = [c for c in source.children if c.dep_ in SUBJECT_DEPS]
    if source.dep_ == "conj" and all(h.pos_ == "PRON" for h in heads):
        heads = [c for c in source.head.children if c.dep_ in SUBJECT_DEPS] or heads
    return heads


def _pobjs(tok: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    return [
        g
        for c in tok.children
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def find_arguments(
    trigger: Token, when: str | None, actors: ActorIndex, vocab: EnglishWords
) -> tuple[list[Participant], list[Participant]]:
    """(actors, recipients) of the event stated by ``trigger``."""

    def args(heads: list[Token]) -> list[Participant]:
        return _arguments(heads, when, actors, vocab)

    if trigger.pos_ in {"NOUN", "PROPN"}:
        actor_heads = [
            c for c in trigger.children if c.dep_ == "poss" and c.ent_type_ not in {"DATE", "TIME"}
        ]
        actor_heads += _pobjs(trigger, vocab.noun_actor_preps)
        recipient_heads = _pobjs(trigger, vocab.noun_recipient_preps)
        if not actor_heads and trigger.dep_ in {"dobj", "obj"}:
            # "they put up banners", "workers staged a strike": the doer of the support verb.
            actor_heads = _subjects(trigger.head)
        if not actor_heads and trigger.dep_ == "pobj" and trigger.head.lower_ == "in":
            # "thousands took part in rallies": who joins; "urged exiles to take part in a
            # rally": the one urged.
            actor_heads = _joiners(trigger.head.head, vocab)
        # "protesters' strike": the possessor of a protest is its actor; of a killing, its victim.
        return args(actor_heads), args(recipient_heads)
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in trigger.children)
    if trigger.dep_ in {"acl", "relcl"} and trigger.tag_ == "VBN":
        # "people killed by security forces": the noun modified by the participle is the patient.
        return args(_pobjs(trigger, {"by"})), args([trigger.head])
    if passive:
        actor_heads = _pobjs(trigger, {"by"})
        recipient_heads = [c for c in trigger.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    else:
        actor_heads = _subjects(trigger)
        # "fired live rounds at the crowd": what is fired is the means; the target follows "at".
        objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
        recipient_heads = [c for c in objects if c.lemma_.lower() not in vocab.means_nouns]
        if not recipient_heads:
            # "set fire to the banks": after a means, "to" names the target too.
            means = len(objects) > len(recipient_heads)
            targets = vocab.means_target_preps if means else frozenset()
            recipient_heads = _pobjs(trigger, vocab.verb_recipient_preps | targets)
    if passive and trigger.lemma_.lower() in vocab.dispatch_verbs:
        # "units were sent to the city": the forces sent are the ones acting.
        return args(recipient_heads), []
    return args(actor_heads), args(recipient_heads)
