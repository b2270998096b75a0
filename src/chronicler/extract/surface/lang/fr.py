"""What the French parse (fr_core_news_sm, Universal Dependencies labels) adds to the surface reader.

The small French model tags and lemmatises well but parses long news sentences unevenly, so it
is trusted only for what it gets right most of the time:

- a participle that modifies a noun with no auxiliary ("les manifestants arrêtés") describes,
  it does not state an event;
- the arguments of a verb: active ``nsubj`` is the actor and ``obj`` the recipient; a passive's
  ``obl:agent`` ("par les forces de sécurité") is the actor and its ``nsubj:pass`` the recipient.
  An argument is kept only when the actor knowledge base recognises it (a known body or a
  role noun such as "manifestants"): a wrong actor is worse than none.
"""

from __future__ import annotations

from chronicler.extract.facts.actors import find_actors
from chronicler.extract.findings import Participant
from chronicler.extract.surface.words import Hit, Sentence, Word
from chronicler.knowledge.actors import ActorIndex
from chronicler.records import Entity

AUX_DEPS = {"aux", "aux:pass", "aux:tense", "cop"}
ACTIVE_SUBJECT = {"nsubj"}
PASSIVE_SUBJECT = {"nsubj:pass"}


def children(sent: Sentence, i: int) -> list[int]:
    return [j for j, w in enumerate(sent.words) if w.head == i and j != i]


def is_modifier_participle(sent: Sentence, hit: Hit) -> bool:
    """"les manifestants arrêtés": a participle under a noun, with no auxiliary of its own."""
    word = sent.words[hit.head]
    if word.pos != "VERB" or word.dep not in {"acl", "amod"} or "VerbForm=Part" not in word.morph:
        return False
    return not any(sent.words[j].dep in AUX_DEPS for j in children(sent, hit.head))


def _subtree(sent: Sentence, i: int) -> tuple[int, int]:
    """Word bounds [lo, hi] of the contiguous run of words under ``i`` (relative clauses cut off)."""
    inside = {i}
    changed = True
    while changed:
        changed = False
        for j, w in enumerate(sent.words):
            if j not in inside and w.head in inside and w.dep not in {"acl:relcl", "acl", "punct", "appos"}:
                inside.add(j)
                changed = True
    lo = hi = i
    while lo - 1 in inside:
        lo -= 1
    while hi + 1 in inside:
        hi += 1
    return lo, hi


def entity_at(sent: Sentence, i: int, when: str | None, index: ActorIndex) -> Participant | None:
    """The known actor the word ``i`` heads, with its document offsets, else None."""
    lo, hi = _subtree(sent, i)
    start, end = sent.words[lo].start, sent.words[hi].end
    text = sent.text[start - sent.start:end - sent.start]
    word: Word = sent.words[i]
    for match in find_actors(text, when, index):
        if match.start <= word.start - start < match.end:
            return Participant(match.entity, start + match.start, start + match.end)
    return None


def _verb_with_subject(sent: Sentence, i: int) -> int:
    """"a affirmé ... et a appelé": a coordinated verb with no subject shares the first one's."""
    cur = i
    while (sent.words[cur].dep == "conj" and sent.words[cur].head >= 0
           and not any(sent.words[j].dep.startswith("nsubj") for j in children(sent, cur))):
        cur = sent.words[cur].head
    return cur


def parse_arguments(sent: Sentence, hit: Hit, when: str | None, index: ActorIndex
                    ) -> tuple[list[Participant], list[Participant]]:
    """(actors, recipients) of a verb trigger from the parse; nouns get none."""
    if sent.words[hit.head].pos not in {"VERB", "AUX"}:
        return [], []
    kids = children(sent, hit.head)
    passive = any(sent.words[j].dep in PASSIVE_SUBJECT | {"aux:pass"} for j in kids)
    subject_kids = children(sent, _verb_with_subject(sent, hit.head))
    if passive:
        actor_heads = [j for j in kids if sent.words[j].dep == "obl:agent"]
        recipient_heads = [j for j in kids if sent.words[j].dep in PASSIVE_SUBJECT]
    else:
        actor_heads = [j for j in subject_kids if sent.words[j].dep in ACTIVE_SUBJECT]
        recipient_heads = [j for j in kids if sent.words[j].dep == "obj"]
    actors = [e for j in actor_heads if (e := entity_at(sent, j, when, index)) is not None]
    recipients = [e for j in recipient_heads if (e := entity_at(sent, j, when, index)) is not None]
    return actors, recipients


def subject_spans(sent: Sentence, hit: Hit) -> list[tuple[int, int]]:
    """Document offsets of the subjects of a verb trigger (a capital named as the speaker)."""
    verb = _verb_with_subject(sent, hit.head)
    out = []
    for j in children(sent, verb):
        if sent.words[j].dep.startswith("nsubj"):
            lo, hi = _subtree(sent, j)
            out.append((sent.words[lo].start, sent.words[hi].end))
    return out


def noun_phrase(sent: Sentence, i: int) -> Participant:
    """The noun ``i`` with its articles and adjectives, as an entity the knowledge base does not know."""
    lo, hi = _subtree(sent, i)
    while lo < i and sent.words[lo].pos in {"DET", "ADP", "NUM", "PUNCT"}:
        lo += 1
    hi = max(i, min(hi, next((j - 1 for j in range(i + 1, hi + 1) if sent.words[j].pos == "VERB"), hi)))
    start, end = sent.words[lo].start, sent.words[hi].end
    return Participant(Entity(sent.text[start - sent.start:end - sent.start]), start, end)
