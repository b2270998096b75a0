"""The closed-class words of the surface reader's languages, and the Persian verb morphology.

``packs/<lang>/surface.yaml`` lists each language's articles, clause openers, prepositions, agent
markers and the like; for Persian it also lists the light verbs and reporting verbs by their two
stems, which :func:`conjugate` turns into every form news uses. Entries are folded as the text is
(see :mod:`chronicler.text.folding`), so a pack is written in ordinary spelling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler.knowledge.packdata import known_keys, mark_of, pack_error, read_pack, section, strings
from chronicler.text.folding import key_fold, persian_fold

_GRAMMAR_KEYS = ("articles", "clause_openers", "prepositions", "agent_markers", "passive", "reported_speech",
                 "perfect_infinitive", "negation_needs", "pronouns")
_PERSIAN_KEYS = ("verbs", "same_as", "future_auxiliaries", "detached_prefixes", "detached_suffixes",
                 "participle_followers", "active_predicates", "partitives")


@dataclass(frozen=True)
class Grammar:
    """Closed-class words of one language (``packs/<lang>/surface.yaml``), lower-cased."""

    language: str
    words: dict[str, frozenset[str]]
    morphology: Morphology | None = None  # Persian only

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.words[key]


def load_grammar(language: str, extra_dirs: Sequence[Path] = ()) -> Grammar:
    """The closed classes of ``language`` from ``packs/<lang>/surface.yaml`` and the user's."""
    path, data = read_pack(f"{language}/surface.yaml", extra_dirs)
    persian = _PERSIAN_KEYS if language == "fa" else ()
    known_keys(path, "top level", data, ("version", *_GRAMMAR_KEYS, *persian))
    missing = [k for k in _GRAMMAR_KEYS if k not in data]
    if missing:
        raise pack_error(path, f"missing {', '.join(missing)}", mark_of(data))
    fold = key_fold(language)
    words = {}
    for key in _GRAMMAR_KEYS:
        raw = data[key] or []
        listed = strings(path, key, raw, mark_of(data, key)) if raw else ()
        words[key] = frozenset(fold(w.lower()) for w in listed)
    morphology = load_morphology(path, data) if language == "fa" else None
    return Grammar(language, words, morphology)


_PAST_ENDINGS = ("", "م", "یم", "ند")
_PRESENT_ENDINGS = ("م", "د", "یم", "ند")
_PERFECT_ENDINGS = ("ام", "ایم", "اند")


@dataclass(frozen=True)
class Morphology:
    """The Persian closed classes of ``packs/fa/surface.yaml`` that ``regroup`` needs, folded."""

    forms: dict[str, tuple[str, str]]  # a verb form -> (its infinitive, its morphology)
    past_stems: frozenset[str]
    future_auxiliaries: frozenset[str]
    detached_prefixes: frozenset[str]
    detached_suffixes: frozenset[str]
    participle_followers: frozenset[str]
    active_predicates: frozenset[str]
    partitives: frozenset[str]


def conjugate(past: str, present: str) -> dict[str, str]:
    """Every form of a verb news uses, folded, with its morphology (UD features)."""
    table: dict[str, str] = {}
    for ending in _PAST_ENDINGS:
        table[past + ending] = "Tense=Past"
        table["می" + past + ending] = "Tense=Past|Aspect=Imp"
    table[past + "ه"] = "Tense=Past|VerbForm=Part"
    for ending in _PERFECT_ENDINGS:
        table[past + "ه" + ending] = "Tense=Past|Aspect=Perf"
    for ending in _PRESENT_ENDINGS:
        table["می" + present + ending] = "Tense=Pres|Aspect=Imp"
        table[present + ending] = "Mood=Sub"
        if not present.startswith("ا"):
            table["ب" + present + ending] = "Mood=Sub"
    negated = {_negative(form): morph + "|Polarity=Neg" for form, morph in table.items()
               if not form.startswith("ب") or form[1:] not in table}
    return {**table, **negated}


def _negative(form: str) -> str:
    if form.startswith("ب") and form[1:] and not form.startswith("بر"):
        form = form[1:]
    if form.startswith("آ"):
        return "نیا" + form[1:]
    return "ن" + form


def _words(path: str, data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(persian_fold(w) for w in strings(path, key, data.get(key), mark_of(data, key)))


def load_morphology(path: str, data: dict[str, Any]) -> Morphology:
    """The Persian verb forms and closed classes of a (merged) ``fa/surface.yaml``."""
    verbs = section(path, data, "verbs")
    same_as = section(path, data, "same_as") if "same_as" in data else {}
    forms: dict[str, tuple[str, str]] = {}
    past_stems: set[str] = set()
    for infinitive, stems in verbs.items():
        stem_list = strings(path, f"verbs.{infinitive}", stems, mark_of(verbs, infinitive))
        if len(stem_list) != 2:
            raise pack_error(path, f"verbs.{infinitive}: expected [past stem, present stem], got {stems!r}",
                             mark_of(verbs, infinitive))
        lemma = persian_fold(str(same_as.get(infinitive, infinitive)))
        past, present = (persian_fold(s) for s in stem_list)
        past_stems.add(past)
        for form, morph in conjugate(past, present).items():
            forms.setdefault(form, (lemma, morph))
    return Morphology(forms, frozenset(past_stems), _words(path, data, "future_auxiliaries"),
                      _words(path, data, "detached_prefixes"), _words(path, data, "detached_suffixes"),
                      _words(path, data, "participle_followers"), _words(path, data, "active_predicates"),
                      _words(path, data, "partitives"))

