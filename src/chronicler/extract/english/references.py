"""Trigger words that refer to an event instead of reporting one.

News prose names many events it does not report: the setting of a story ("relatives of those
*killed*"), a condition ("*if* the strike goes ahead"), a question ("*how many* people died"), a
time frame ("*since* the protests erupted"), an event the reader already knows ("the arrests have
not stopped the campaign"), rhetoric in a quotation, or a habit spanning decades. Each rule here
is a rule of English news syntax; each returns the reason a trigger is only a reference, or None.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from chronicler.knowledge.english import EnglishWords

QUOTES = {'"', "\u201c", "\u201d"}


def _path_to_root(tok: Token) -> list[Token]:
    path = [tok]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _clause_head(tok: Token) -> Token:
    """The verb of the clause a word belongs to."""
    for node in _path_to_root(tok):
        if node.pos_ in {"VERB", "AUX"} or node.dep_ == "ROOT":
            return node
    return tok


def conditional(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """Inside an "if" or "unless" clause: a condition, not a report."""
    for node in _path_to_root(tok):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in vocab.conditional_marks for c in node.children
        ):
            return True
    return False


def indirect_question(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """Inside "how many ... died" or "whether ... was shot": asked about, not asserted."""
    head = _clause_head(tok)
    if head.dep_ not in {"pcomp", "ccomp", "advcl", "xcomp"} and head is not tok:
        return False
    doc = tok.doc
    return any(
        tuple(w.lower_ for w in doc[t.i : t.i + len(question)]) == question
        for t in head.subtree
        if t.i < tok.i
        for question in vocab.question_words
    )


def time_frame_clause(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """A clause introduced by "since" dates something else ("the worst day since protests erupted").

    Everything said inside it is part of the time frame ("since the army admitted it had shot
    down the airliner").
    """
    return any(
        node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in node.children)
        for node in _path_to_root(tok)
    )


def charge_content(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """A charge is an allegation inside another event: "convicted *of blocking* a road"."""
    if tok.dep_ not in {"pcomp", "pobj"} or tok.head.lower_ not in vocab.charge_preps:
        return False
    governor = tok.head.head
    if governor.dep_ == "dobj":  # "convicted a farmer of blocking": the parser hangs it on the object
        governor = governor.head
    return governor.lemma_.lower() in vocab.charge_words


def predicative(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """"a missile was *to blame*": a state, not an act."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be"


def advice(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """"doctors warned people *to avoid* the cold": warning someone to do something is advice."""
    if tok.lemma_.lower() != "warn":
        return False
    # "warned not to hold a memorial" is a prohibition, a threat; "warned to avoid" is advice.
    return any(_infinitive(c) and not any(g.dep_ == "neg" for g in c.children) for c in tok.children)


def _infinitive(tok: Token) -> bool:
    return tok.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def victim_description(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """A participle or relative clause describing people by what happened to them.

    "relatives of those killed", "rioters who had been arrested", "a man detained during the
    protests": the event characterises a noun inside another statement. The clause reports the act
    itself when it has its own agent or subject ("shot by rioters", "which officials deny"), its own
    place or date ("killed in Shahriar", "executed in 1988"), a figure ("thousands of people
    detained"), or says who was among the victims ("among those killed").
    """
    if tok.dep_ not in {"acl", "relcl"} or tok.pos_ != "VERB":
        return False
    if any(_own_argument(c, vocab) for c in tok.children):
        return False
    noun = tok.head
    if _is_quantity(noun, vocab) or any(c.dep_ == "nummod" for c in noun.children):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ == "of" and _is_quantity(noun.head.head, vocab))


def _own_argument(child: Token, vocab: EnglishWords) -> bool:
    """An agent, subject, charge, place, date or figure of the clause's own.

    "shot by rioters", "which officials deny", "convicted of blocking a road", "killed in
    Shahriar", "executed in 1988". A relative pronoun subject ("who had been arrested") is not one;
    neither is a "that" clause the parser took for a relative ("told ... at the time that ...").
    """
    if child.dep_ in {"agent", "nsubj"}:
        return True
    if child.dep_ == "nsubjpass":
        return child.lower_ not in vocab.relative_pronouns
    if child.dep_ == "mark" and child.lower_ == "that":
        return True
    if child.dep_ == "npadvmod" and child.ent_type_ == "DATE":
        return True
    if child.dep_ != "prep":
        return False
    if child.lower_ in vocab.own_charge_preps:
        return True
    if child.lower_ not in vocab.own_place_preps:
        return False
    return any(
        g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in {"GPE", "LOC", "FAC", "DATE"})
        for g in child.children
    ) or any(t.like_num or t.ent_type_ == "DATE" for t in child.subtree if t is not child)


def _is_quantity(tok: Token, vocab: EnglishWords) -> bool:
    return tok.like_num or tok.ent_type_ == "CARDINAL" or tok.lemma_.lower() in vocab.round_numbers


def anaphoric(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """"the arrests", "the killings": a definite event noun that points back to a known event.

    It stays when it is the subject or object of a verb of occurrence ("the protests spread",
    "staged the strike"), or carries its own place, date or figure.
    """
    if tok.pos_ != "NOUN":
        return False
    dets = [c for c in tok.children if c.dep_ in {"det", "poss"}]
    if not dets or not all(d.dep_ == "poss" or d.lower_ in vocab.definite for d in dets):
        return False
    modifiers = {"nummod", "compound", "prep", "amod", "acl", "relcl"}
    if any(c.dep_ in modifiers and c.i not in words for c in tok.children):
        return False
    if tok.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in tok.head.children):
        return False  # "the executions were ordered by ...": new facts about the event
    if any(t.like_num for t in tok.sent):
        return False  # a figure about the event makes the sentence a report of it
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head
    return governor.lemma_.lower() not in vocab.occurrence_verbs


def quoted_noun(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """An event noun inside a direct quotation is the speaker's rhetoric, not a report."""
    if tok.pos_ != "NOUN":
        return False
    sent = tok.sent
    before = sum(1 for t in sent if t.i < tok.i and t.text in QUOTES)
    return before % 2 == 1


def habitual(tok: Token, words: range, vocab: EnglishWords) -> bool:
    """"for four decades the regime did ...": a characterisation spanning years, not an event."""
    head = _clause_head(tok)
    sent = tok.sent
    for match in vocab.duration.finditer(sent.text):
        start = sent.start_char + match.start()
        for_tok = next((t for t in sent if t.idx == start), None)
        if for_tok is not None and for_tok.head == head:
            return True
    return False


RULES: dict[str, Callable[[Token, range, EnglishWords], bool]] = {
    "conditional": conditional,
    "indirect_question": indirect_question,
    "time_frame_clause": time_frame_clause,
    "charge_content": charge_content,
    "predicative": predicative,
    "advice": advice,
    "victim_description": victim_description,
    "anaphoric": anaphoric,
    "quoted_noun": quoted_noun,
    "habitual": habitual,
}


def reference_reason(tok: Token, words: range, vocab: EnglishWords) -> str | None:
    """Why the trigger ``tok`` (its words at doc indices ``words``) only refers to an event."""
    for name, rule in RULES.items():
        if rule(tok, words, vocab):
            return name
    return None
