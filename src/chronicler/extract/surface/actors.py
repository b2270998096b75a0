"""Who acted and on whom in a French, German or Persian sentence, as the surface reader sees it.

An argument is an entity of the actor knowledge base with its document offsets. German actors are
read by their place in the clause; French ones come from the parse (:mod:`chronicler.extract.surface.lang.fr`)
and Persian ones from :mod:`chronicler.extract.surface.lang.fa`.
"""

from __future__ import annotations

from chronicler.extract.facts.actors import find_actors
from chronicler.extract.findings import Participant
from chronicler.extract.surface.words import Hit, Sentence, is_passive
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.grammar import Grammar


def sentence_actors(sent: Sentence, when: str | None, index: ActorIndex) -> list[Participant]:
    """The sentence's actors the knowledge base knows, with document offsets."""
    return [Participant(m.entity, sent.start + m.start, sent.start + m.end)
            for m in find_actors(sent.text, when, index)]


def word_index(sent: Sentence, offset: int) -> int:
    """The index of the word that holds (or first follows) a document offset."""
    return next((j for j, w in enumerate(sent.words) if w.end > offset), len(sent.words))


def after_preposition(sent: Sentence, arg: Participant, grammar: Grammar) -> bool:
    """Whether the argument follows a preposition, an article between them or not."""
    j = word_index(sent, arg.start) - 1
    if j >= 0 and sent.words[j].lower in grammar["articles"]:
        j -= 1
    return j >= 0 and sent.words[j].lower in grammar["prepositions"]


def _in_clause(sent: Sentence, arg: Participant, lo: int, hi: int) -> bool:
    return lo <= word_index(sent, arg.start) < hi


def surface_arguments(sent: Sentence, hit: Hit, actors: list[Participant], grammar: Grammar
                      ) -> tuple[list[Participant], list[Participant]]:
    """German actors by position: the subject leads the clause, the object precedes the verb."""
    lo, hi = sent.clause(hit.head)
    mine = [a for a in actors if _in_clause(sent, a, lo, hi)]
    if is_passive(sent, hit, grammar):
        markers = grammar["agent_markers"]
        agents = [a for a in mine if sent.words[max(0, word_index(sent, a.start) - 1)].lower in markers]
        patients = [a for a in mine
                    if word_index(sent, a.start) < hit.first and not after_preposition(sent, a, grammar)]
        return agents[:1], patients[-1:]
    free = [a for a in mine if not after_preposition(sent, a, grammar)]
    before = [a for a in free if word_index(sent, a.start) < hit.first]
    if _infinitive_clause(sent, hit):  # "... ein Mitglied der Miliz getötet zu haben": no subject
        return [], before[-1:]
    if not before and hit.first - lo <= 2:  # verb second: "Am Samstag richtete Iran ... hin"
        before = [a for a in free if hit.first < word_index(sent, a.start) <= hit.last]
    if not before:
        return [], []
    subject = word_index(sent, before[0].start)
    objects = [a for a in free if subject < word_index(sent, a.start) <= hit.last and a != before[0]]
    return before[:1], objects[:1]


def _infinitive_clause(sent: Sentence, hit: Hit) -> bool:
    near = {w.lower for w in sent.words[max(0, hit.first - 1):hit.last + 2]}
    return "zu" in near
