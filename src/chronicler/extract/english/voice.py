"""Who a sentence says claims what it tells, and in which mood: for events found without a trigger.

The learned detector finds that a sentence tells an event, not which word tells it. The sentence's
own structure still says who speaks and how: "Hengaw said security forces fired on mourners" is
Hengaw's claim; "mourners may have been shot" is hedged. The event stands for the sentence's main
clause: the complement of a reporting verb at the root ("X said (that) ..."), or the root itself.
The rules of :mod:`attribution` and :mod:`modality` then read that clause as they read a trigger's.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span, Token

from chronicler.extract import assemble
from chronicler.extract.english import attribution, modality
from chronicler.extract.english.reader import repair_lemmas
from chronicler.extract.findings import Voice, VoiceReader
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues
from chronicler.records import Entity

# Which rules read a voice: those that read a trigger's claimant and modality.
EXTRACTORS = (("claimed_by", attribution.EXTRACTOR), ("modality", modality.EXTRACTOR))
# The complements of a reporting verb that hold what it reports.
REPORTED_DEPS = ("ccomp", "parataxis", "xcomp")


def main_clause(sent: Span, cues: Cues, vocab: EnglishWords) -> Token:
    """The word that stands for what the sentence tells: under a reporting root, what it reports."""
    root = sent.root
    if attribution.reports(root, cues, vocab):
        for dep in REPORTED_DEPS:
            told = [c for c in root.children if c.dep_ == dep]
            if told:
                return told[0]
        # "The group put the toll at 215": what a figure verb reports is its object, the toll.
        toll = attribution.toll_object(root, vocab)
        if toll is not None:
            return toll
    return root


def voice_of(
    sent: Span, outlet: str | None, previous: Entity | None, knowledge: KnowledgeBase, when: str | None
) -> Voice:
    """The claimant and modality of ``sent``'s main clause; a pronoun speaker ("he said") continues
    ``previous``; the outlet's own voice claims nothing."""
    cues, vocab = knowledge.language("en").cues, knowledge.english
    token = main_clause(sent, cues, vocab)
    att = attribution.find_claimant(token, cues, when, knowledge.actors, vocab)
    claimant = att.claimant.entity if att.claimant is not None else None
    if claimant is not None and att.head is not None and att.head.lemma_.lower() in vocab.authorless_nouns:
        claimant = None  # "footage showed ...": evidence whose author is not named claims nothing
    if claimant is None and att.pronoun:
        claimant = previous
    if claimant is not None and assemble.own_voice(claimant, outlet):
        claimant = None
    return Voice(claimant, modality.find_modality(token, cues, att.verb, att.denied, vocab), EXTRACTORS)


def voice_reader(
    text: str, outlet: str | None, published: str | None, nlp: Language, knowledge: KnowledgeBase
) -> VoiceReader:
    """Reads the voice of the sentence at [start, end) of ``text``, parsing it alone."""

    def read(start: int, end: int, previous: Entity | None) -> Voice:
        parsed = nlp(text[start:end])
        repair_lemmas(parsed, knowledge.english.lemma_repairs)
        sents = list(parsed.sents)
        if not sents:
            return Voice(None, "asserted", EXTRACTORS)
        return voice_of(sents[0], outlet, previous, knowledge, published)

    return read


__all__ = ["EXTRACTORS", "Voice", "main_clause", "voice_of", "voice_reader"]
