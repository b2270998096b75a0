"""The English dependency reader's closed classes (``packs/en/*.yaml``), validated, with the
patterns built from them.

Four files group the word lists by what they decide::

    en/events.yaml        whether a trigger states an event, and its modality and mode
    en/participants.yaml  who took part in it and who claims it
    en/time.yaml          which time it takes (clause dates, anniversary leads)
    en/places.yaml        where it happened

A user directory extends any list with a file of the same name (``<dir>/en/events.yaml``); a key
no reader reads, or a list that is not one of words, is refused with the file, line and key named.
Words are lower-cased. The regular expressions keep their structure here and take their word
alternatives from the lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chronicler.knowledge.packdata import (
    alternation,
    int_map,
    known_keys,
    mark_of,
    pack_error,
    read_pack,
    strings,
    word_map,
)

# A capitalised word of a name: "Iran", "O'Brien", "U.S.".
CAPITALISED = r"[A-Z][\w'’.-]*"

# The keys of each file. Those of _SETS are fields of EnglishWords as they are; the others build
# a pattern or a field of another shape (see _build).
_FILES: dict[str, tuple[str, ...]] = {
    "events": (
        "frame_preps", "frame_nouns", "reason_nouns", "reason_preps", "request_heads", "naming_verbs",
        "occurrence_verbs", "charge_words", "charge_preps", "own_charge_preps", "own_place_preps",
        "relative_pronouns", "round_numbers", "definite", "conditional_marks", "question_words",
        "habit_quantities", "habit_units", "habit_recent", "plan_verbs", "plan_nouns", "appeal_verbs",
        "future_auxiliaries", "custody_nouns", "victim_words", "protest_words", "slogan_words",
        "lemma_repairs",
    ),
    "participants": (
        "pronouns", "determiners", "articles", "quantity_nouns", "means_nouns", "dispatch_verbs",
        "noun_actor_preps", "noun_recipient_preps", "verb_recipient_preps", "means_target_preps",
        "joining_verbs", "news_nouns", "figure_verbs", "figure_preps", "figure_objects", "citing_words",
        "speaker_pronouns",
        "role_nouns", "generic_org_nouns", "org_nouns", "info_nouns", "authorless_nouns", "source_preps",
        "medium_preps", "publication_words", "pointing_determiners", "name_links", "acronym_links",
    ),
    "time": (
        "shift_adverbs", "bound_preps", "short_offset_units", "anniversary_numbers", "anniversary_links",
        "ordinals", "risk_words",
    ),
    "places": ("locative_preps", "locative_nouns", "place_quantifiers"),
}  # fmt: skip
_NOT_SETS = frozenset({
    "question_words", "habit_quantities", "habit_units", "habit_recent", "protest_words", "name_links",
    "acronym_links", "short_offset_units", "anniversary_numbers", "anniversary_links", "ordinals",
    "lemma_repairs",
})  # fmt: skip
_SETS = tuple(k for keys in _FILES.values() for k in keys if k not in _NOT_SETS)


@dataclass(frozen=True)
class EnglishWords:
    """The closed classes of English news syntax (``packs/en/*.yaml``), lower-cased.

    Each field is the list of the same name in its file, where a comment says what it is for;
    the patterns say which lists they are built from.
    """

    # en/events.yaml: triggers and references
    frame_preps: frozenset[str]
    frame_nouns: frozenset[str]
    reason_nouns: frozenset[str]
    reason_preps: frozenset[str]
    request_heads: frozenset[str]
    naming_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    charge_words: frozenset[str]
    charge_preps: frozenset[str]
    own_charge_preps: frozenset[str]
    own_place_preps: frozenset[str]
    relative_pronouns: frozenset[str]
    round_numbers: frozenset[str]
    definite: frozenset[str]
    conditional_marks: frozenset[str]
    question_words: tuple[tuple[str, ...], ...]  # each a sequence of words: ("how", "many")
    duration: re.Pattern[str]  # habit_quantities, habit_units, habit_recent: "for four decades"
    # en/events.yaml: modality, mode and recipients
    plan_verbs: frozenset[str]
    plan_nouns: frozenset[str]
    appeal_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    custody_nouns: frozenset[str]
    victim_words: frozenset[str]
    slogan_words: frozenset[str]
    protest_words: tuple[str, ...]  # found anywhere in the lower-cased text
    lemma_repairs: dict[str, str]  # written form -> lemma, where the model's lemmatiser errs
    # en/participants.yaml
    pronouns: frozenset[str]
    determiners: frozenset[str]
    articles: frozenset[str]
    quantity_nouns: frozenset[str]
    means_nouns: frozenset[str]
    dispatch_verbs: frozenset[str]
    noun_actor_preps: frozenset[str]
    noun_recipient_preps: frozenset[str]
    verb_recipient_preps: frozenset[str]
    means_target_preps: frozenset[str]
    joining_verbs: frozenset[str]
    news_nouns: frozenset[str]
    figure_verbs: frozenset[str]
    figure_preps: frozenset[str]
    figure_objects: frozenset[str]
    citing_words: frozenset[str]
    speaker_pronouns: frozenset[str]
    role_nouns: frozenset[str]
    generic_org_nouns: frozenset[str]
    org_nouns: frozenset[str]
    info_nouns: frozenset[str]
    authorless_nouns: frozenset[str]
    source_preps: frozenset[str]
    medium_preps: frozenset[str]
    publication_words: frozenset[str]
    pointing_determiners: frozenset[str]
    org_name: re.Pattern[str]  # name_links: "Coordinating Council of Teachers"
    acronym: re.Pattern[str]  # name_links, acronym_links: "Iran Justice Observatory (IJO)"
    # en/time.yaml
    shift_adverbs: frozenset[str]
    bound_preps: frozenset[str]
    short_offset: re.Pattern[str]  # short_offset_units: "days after"
    risk_words: frozenset[str]
    anniversary: re.Pattern[str]  # anniversary_numbers, anniversary_links, ordinals
    ordinals: dict[str, int]
    # en/places.yaml
    locative_preps: frozenset[str]
    locative_nouns: frozenset[str]
    place_quantifiers: frozenset[str]


def load_english_words(extra_dirs: Sequence[Path] = ()) -> EnglishWords:
    """The word lists of ``packs/en/*.yaml`` extended by ``<dir>/en/*.yaml`` of each user directory."""
    lists: dict[str, tuple[str, ...]] = {}
    ordinals: dict[str, int] = {}
    repairs: dict[str, str] = {}
    for name, keys in _FILES.items():
        path, data = read_pack(f"en/{name}.yaml", extra_dirs)
        known_keys(path, "top level", data, ("version", *keys))
        missing = [k for k in keys if k not in data]
        if missing:
            raise pack_error(path, f"missing {', '.join(missing)}", mark_of(data))
        for key in keys:
            at = mark_of(data, key)
            if key == "ordinals":
                ordinals = int_map(path, key, data[key], 1, 1000, at)
            elif key == "lemma_repairs":
                repairs = word_map(path, key, data[key], at)
            else:
                lists[key] = tuple(w.lower() for w in strings(path, key, data[key], at))
    return _build(lists, ordinals, repairs)


def _build(
    lists: dict[str, tuple[str, ...]], ordinals: dict[str, int], repairs: dict[str, str]
) -> EnglishWords:
    quantities, units = alternation(lists["habit_quantities"]), alternation(lists["habit_units"])
    recent = alternation(lists["habit_recent"])
    duration = (rf"\bfor (?:(?:{quantities}|\d+) )?(?:{units})\b"
                rf"|\bover the (?:{recent}) (?:\w+ )?(?:{units})\b")
    links = alternation(lists["name_links"])
    acronym_link = rf"(?:\s+(?:{alternation(lists['name_links'] + lists['acronym_links'])})\s+|\s+)"
    numbers, after = alternation(lists["anniversary_numbers"]), alternation(lists["anniversary_links"])
    anniversary = (rf"\b(?:(?P<n>{numbers}|\d{{1,2}}) years? (?:{after})"
                   rf"|(?P<ord>{alternation(ordinals)}|\d{{1,2}}(?:st|nd|rd|th)) anniversary of)\b")
    return EnglishWords(
        **{key: frozenset(lists[key]) for key in _SETS},
        question_words=tuple(tuple(q.split()) for q in lists["question_words"]),
        duration=re.compile(duration, re.IGNORECASE),
        protest_words=lists["protest_words"],
        lemma_repairs=repairs,
        org_name=re.compile(rf"{CAPITALISED}(?:(?: +(?:{links}) +| +){CAPITALISED})*"),
        acronym=re.compile(
            rf"\b({CAPITALISED}(?:{acronym_link}{CAPITALISED}){{1,8}})\s*\(\s*([A-Z][A-Za-z]{{1,9}})\s*\)"
        ),
        short_offset=re.compile(rf"\b(?:{alternation(lists['short_offset_units'])})\b", re.IGNORECASE),
        anniversary=re.compile(anniversary, re.IGNORECASE),
        ordinals=ordinals,
    )
