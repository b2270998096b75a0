"""Claimants named by description, resolved to the name the text gave earlier.

News names a source once and then refers back to it: "Iran Justice Observatory (IJO) ... IJO said",
"Interior Minister Abdolreza Rahmani Fazli ... According to the minister", "the Coordinating
Council of Teachers ... the council said", "figures the organisation released". A claimant is
only useful to a researcher with its name, so each of these is resolved to it:

- an acronym defined in parentheses resolves to the full name it stands for;
- a definite role noun ("the minister", "the spokesman") resolves to the closest earlier person
  name the same title stood before;
- a definite organisation noun ("the council", "the observatory") to the closest earlier name that
  contains it, and the generic "the group" / "the organisation" to the closest earlier named
  organisation;
- an information noun ("figures", "a report", "data") to whoever gave it: "figures the
  organisation released", "the group's report", "data from the ministry".

Nothing is resolved across more than a few paragraphs' worth of text, and a description with no
antecedent stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Token

from chronicler.extract.english.arguments import noun_phrase
from chronicler.extract.findings import Name
from chronicler.knowledge.english import CAPITALISED, EnglishWords

# How far back (characters) an antecedent may be: a few paragraphs of news text.
WINDOW = 2500


def _definite(head: Token, vocab: EnglishWords) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lower_ in vocab.pointing_determiners for c in head.children)


def _has_name(head: Token, vocab: EnglishWords) -> bool:
    # "the NGO": the tagger takes the capitalised generic noun for a name.
    own = head.pos_ == "PROPN" and head.lemma_.lower() not in vocab.generic_org_nouns
    # "the Oslo-based group": a place in a modifier says where the group is, not what it is called.
    modifiers = {t.i for c in head.children if c.dep_ in {"amod", "acl", "relcl"} for t in c.subtree}
    return own or any(c.pos_ == "PROPN" and c.i not in modifiers for c in head.subtree if c is not head)


def _closest(names: Sequence[Name], before: int, keep: Callable[[Name], bool]) -> Name | None:
    found = [n for n in names if before - WINDOW <= n.start < before and keep(n)]
    return max(found, key=lambda n: n.start) if found else None


def _gives(prep: Token, obj: Token, vocab: EnglishWords) -> bool:
    """ "data *from* the ministry"; "a report *in* the Post" only when a publication is named there,
    not a time or a place ("a report in March", "a report in Tehran")."""
    if prep.lower_ in vocab.source_preps:
        return True
    if obj.pos_ != "PROPN" or obj.ent_type_ in {"DATE", "TIME"}:
        return False
    # The small model takes many a newspaper for a place ("the South China Morning Post").
    return obj.ent_type_ not in {"GPE", "LOC", "FAC", "NORP"} or obj.lower_ in vocab.publication_words


def _info_source(head: Token, vocab: EnglishWords) -> Token | None:
    """Who gave an information noun: its possessor, its "by/from/of" object, a relative clause's subject."""
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in vocab.source_preps | vocab.medium_preps:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() not in vocab.info_nouns and _gives(child, objs[0], vocab):
                return objs[0]
        if child.dep_ in {"relcl", "acl"} and not any(g.dep_ == "mark" for g in child.children):
            # "reports that protesters were shot": the content, not who gave it
            subs = [g for g in child.children if g.dep_ in {"nsubj", "agent"}]
            if subs:
                sub = subs[0]
                if sub.dep_ == "agent":
                    objs = [g for g in sub.children if g.dep_ == "pobj"]
                    return objs[0] if objs else None
                return sub
    return None


def resolve(
    head: Token, offset: int, text: str, names: Sequence[Name], defined: dict[str, str], vocab: EnglishWords
) -> str | None:
    """The name a claimant described as ``head`` stands for, or None to keep it as written.

    ``head`` is the claimant's head token and ``offset`` its offset in the document ``text``;
    ``names`` are the people and organisations the text named (document offsets, in order),
    ``defined`` the acronyms the text defines, ``vocab`` the English word lists.
    """
    if head.text in defined:
        return defined[head.text]
    lemma = head.lemma_.lower()
    if lemma in vocab.info_nouns:
        source = _info_source(head, vocab)
        if source is None:
            return None
        named = resolve(source, offset + source.idx - head.idx, text, names, defined, vocab)
        if named:
            return named
        # "figures from hospitals around the country": a source with no name is still the source.
        bounds = noun_phrase(source, vocab)
        return source.doc[bounds[0] : bounds[1] + 1].text if bounds else None
    if _has_name(head, vocab) or not _definite(head, vocab):
        return None
    window = text[max(0, offset - WINDOW) : offset]
    if lemma in vocab.role_nouns:
        # "Interior Minister Ali Rezvani": the capitalised name right after the same title.
        title = head.text[:1].upper() + head.text[1:].lower()
        titled = re.compile(rf"\b{re.escape(title)} +({CAPITALISED}(?: +{CAPITALISED}){{0,3}})")
        people = [m.group(1) for m in titled.finditer(window)]
        return people[-1] if people else None
    if lemma in vocab.generic_org_nouns:
        org = _closest(names, offset, lambda n: n.label == "ORG")
        return org.text if org else None
    if lemma in vocab.org_nouns:
        # "the council": the closest capitalised name with "Council" (or "Councils") in it.
        word = head.text[:1].upper() + head.text[1:].lower()
        found = [
            m.group(0)
            for m in vocab.org_name.finditer(window)
            if re.search(rf"\b{word}s?\b", m.group(0)) and " " in m.group(0)
        ]
        return found[-1] if found else None
    return None
