"""The PLOVER trigger lexicon and the news-language cues, loaded from packs and validated.

Both are data (``packs/plover.yaml``, ``packs/cues.yaml``); this module only reads and checks
them, failing with a :class:`PackError` that names the file, the line and the entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from chronicler.errors import PackError
from chronicler.knowledge.packdata import (
    Mark,
    first_fault,
    known_keys,
    load_yaml,
    mark_of,
    pack_error,
    read_pack,
    section,
    strings,
)
from chronicler.text.folding import key_fold

PACK_DIR = Path(__file__).resolve().parent.parent / "packs"
POS_TAGS = {"VERB", "NOUN", "ADJ", "PROPN"}


@dataclass(frozen=True)
class Trigger:
    event: str
    mode: str | None
    lemma: str | None = None
    pos: frozenset[str] = frozenset()
    phrase: tuple[str, ...] = ()
    with_: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    head: frozenset[str] = frozenset()
    complement: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    forms: tuple[str, ...] = ()  # written forms the candidate filter must also find ("fled")

    @property
    def first_lemma(self) -> str:
        return self.phrase[0] if self.phrase else (self.lemma or "")


@dataclass(frozen=True)
class Lexicon:
    groups: dict[str, str]  # event type -> "material" | "verbal"
    modes: dict[str, frozenset[str]]
    triggers: tuple[Trigger, ...]
    # Verb forms that do not begin with their lemma's stem ("fled" of "flee"): packs/en/inflections.yaml.
    inflections: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def by_lemma(self) -> dict[str, list[Trigger]]:
        table: dict[str, list[Trigger]] = {}
        for trig in self.triggers:
            table.setdefault(trig.first_lemma, []).append(trig)
        return table

    @cached_property
    def stem_pattern(self) -> re.Pattern[str]:
        """A cheap regex that finds every paragraph where some trigger could be."""
        stems = sorted(
            {s for t in self.triggers for s in _stems(t.first_lemma, self.inflections)}, key=len, reverse=True
        )
        return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + ")", re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    speech_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    attribution_preps: tuple[str, ...]
    negation: frozenset[str]
    hedges: frozenset[str]
    hedge_verbs: frozenset[str]
    modal_hypothetical: frozenset[str]
    future_markers: frozenset[str]
    conditional: frozenset[str]
    historical_markers: tuple[str, ...]
    historical_after_days: int
    wide_area: tuple[str, ...] = ()
    place_plurals: frozenset[str] = frozenset()


def _stems(lemma: str, inflections: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """What every written form of ``lemma`` begins with: its stem, its irregular forms, the "-ing"
    form of a short verb that drops its final "e" ("fire" -> "firing"), and the "-i" before "-es"
    and "-ed" of one that ends in a consonant and "y" ("rally" -> "rallies")."""
    stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma
    forms = [stem]
    if lemma.endswith("e") and not lemma.endswith(("ee", "ie", "oe", "ye")) and len(lemma) > 2:
        forms.append(lemma[:-1] + "ing")
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.append(lemma[:-1] + "i")  # "rally" -> "rallies", "rallied"; "deny" -> "denied"
    forms.extend(inflections.get(lemma, ()))
    return tuple(dict.fromkeys(f for f in forms if f == stem or not f.startswith(stem)))


def load_inflections(extra_dirs: Sequence[Path] = ()) -> dict[str, tuple[str, ...]]:
    """English verb forms by lemma, from ``packs/en/inflections.yaml`` and the user's."""
    path, data = read_pack("en/inflections.yaml", extra_dirs)
    known_keys(path, "top level", data, ("version", "forms"))
    table = section(path, data, "forms")
    return {
        str(lemma).lower(): strings(path, f"forms.{lemma}", forms, mark_of(table, lemma))
        for lemma, forms in table.items()
    }


def _load_yaml(path: Path) -> dict[str, Any]:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise pack_error(str(path), "must hold a mapping at the top level", mark_of(data))
    return data


def _strings(path: Path, where: str, value: Any, at: Mark | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        at = first_fault(value, lambda v: isinstance(v, str), at)
        raise pack_error(str(path), f"{where}: expected a list of strings, got {value!r}", at)
    return frozenset(value)


def _trigger(path: Path, index: int, raw: Any, modes: dict[str, frozenset[str]], at: Mark | None) -> Trigger:
    """The ``index``-th trigger of ``path``, written at ``at``."""
    where = f"triggers[{index}]"

    def fail(reason: str, key: str | None = None) -> PackError:
        return pack_error(str(path), f"{where}: {reason}", mark_of(raw, key) if key else at)

    def words(key: str) -> frozenset[str]:
        return _strings(path, f"{where}.{key}", raw.get(key), mark_of(raw, key))

    if not isinstance(raw, dict):
        raise fail("expected a mapping")
    unknown = set(raw) - {
        "lemma",
        "pos",
        "phrase",
        "event",
        "mode",
        "with",
        "without",
        "object",
        "head",
        "complement",
        "subject",
        "forms",
    }
    if unknown:
        raise fail(f"unknown key(s) {sorted(unknown)}", min(unknown, key=str))
    event = raw.get("event")
    if event not in modes:
        raise fail(f"event {event!r} is not a PLOVER type", "event")
    mode = raw.get("mode")
    if mode is not None and mode not in modes[event]:
        raise fail(f"mode {mode!r} is not a mode of {event}", "mode")
    lemma, phrase = raw.get("lemma"), raw.get("phrase")
    if (lemma is None) == (phrase is None):
        raise fail("give exactly one of lemma or phrase")
    pos = words("pos")
    if lemma is not None and not pos:
        raise fail("a lemma trigger needs pos")
    if pos - POS_TAGS:
        raise fail(f"unknown pos {sorted(pos - POS_TAGS)}", "pos")
    return Trigger(
        event=event,
        mode=mode,
        lemma=lemma,
        pos=pos,
        phrase=tuple(phrase or ()),
        with_=words("with"),
        without=words("without"),
        object=words("object"),
        head=words("head"),
        complement=words("complement"),
        subject=words("subject"),
        forms=tuple(sorted(words("forms"))),
    )


def _read_lexicon(path: Path, modes: dict[str, frozenset[str]], groups: dict[str, str]) -> list[Trigger]:
    data = _load_yaml(path)
    known_keys(str(path), "top level", data, ("version", "types", "triggers"))
    types = data.get("types") or {}
    for name, spec in types.items():
        if not isinstance(spec, dict) or spec.get("group") not in {"material", "verbal"}:
            raise pack_error(str(path), f"types.{name}: needs group material or verbal", mark_of(types, name))
        groups[name] = spec["group"]
        listed = _strings(path, f"types.{name}.modes", spec.get("modes"), mark_of(spec, "modes"))
        modes[name] = modes.get(name, frozenset()) | listed
    raw_triggers = data.get("triggers") or []
    if not isinstance(raw_triggers, list):
        raise pack_error(str(path), "triggers: expected a list", mark_of(data, "triggers"))
    return [_trigger(path, i, raw, modes, mark_of(raw_triggers, i)) for i, raw in enumerate(raw_triggers)]


def _folded(trig: Trigger, fold: Callable[[str], str]) -> Trigger:
    def words(values: frozenset[str]) -> frozenset[str]:
        return frozenset(fold(v) for v in values)

    return replace(
        trig,
        lemma=fold(trig.lemma) if trig.lemma else None,
        phrase=tuple(fold(p) for p in trig.phrase),
        with_=words(trig.with_),
        without=words(trig.without),
        object=words(trig.object),
        head=words(trig.head),
        complement=words(trig.complement),
        subject=words(trig.subject),
    )


def _language_dirs(extra_dirs: Sequence[Path], language: str) -> list[Path]:
    """Where a language's packs live: ``packs/<lang>/`` (English: ``packs/``), then the user's."""
    if language == "en":
        return [PACK_DIR, *(Path(d) for d in extra_dirs)]
    return [PACK_DIR / language, *(Path(d) / language for d in extra_dirs)]


def load_lexicon(extra_dirs: Sequence[Path] = (), language: str = "en") -> Lexicon:
    """The trigger lexicon of ``language``; the PLOVER types always come from ``packs/plover.yaml``.

    English also reads the derived trigger packs ``packs/en/*_triggers.yaml`` (no types of their own)."""
    modes: dict[str, frozenset[str]] = {}
    groups: dict[str, str] = {}
    triggers = _read_lexicon(PACK_DIR / "plover.yaml", modes, groups)
    if len(groups) != 16:
        raise PackError(str(PACK_DIR / "plover.yaml"), f"expected the 16 PLOVER types, found {len(groups)}")
    if language == "en":
        # Derived English packs (packs/en/*_triggers.yaml, e.g. from the CAMEO dictionary) come first:
        # a hand-written entry of plover.yaml, later, wins for a lemma both have.
        derived = [
            t
            for path in sorted((PACK_DIR / "en").glob("*_triggers.yaml"))
            for t in _read_lexicon(path, modes, groups)
        ]
        triggers = derived + triggers
    dirs = _language_dirs(extra_dirs, language)
    if language != "en":
        triggers = []  # another language's triggers are its own, never the English lemmas
        if not (dirs[0] / "plover.yaml").exists():
            raise PackError(str(dirs[0] / "plover.yaml"), f"no trigger lexicon for language {language!r}")
    for directory in dirs[1:] if language == "en" else dirs:
        path = directory / "plover.yaml"
        if path.exists():
            triggers.extend(_read_lexicon(path, modes, groups))
    if language == "fa":
        triggers = [_folded(t, key_fold(language)) for t in triggers]
    inflections = load_inflections(extra_dirs) if language == "en" else {}
    for trig in triggers:
        if trig.forms:
            inflections[trig.first_lemma] = (*inflections.get(trig.first_lemma, ()), *trig.forms)
    return Lexicon(groups=groups, modes=modes, triggers=tuple(triggers), inflections=inflections)


def load_cues(extra_dirs: Sequence[Path] = (), language: str = "en") -> Cues:
    paths = [d / "cues.yaml" for d in _language_dirs(extra_dirs, language)]
    fold = key_fold(language)
    merged: dict[str, Any] = {}
    for path in paths:
        if not path.exists():
            continue
        data = _load_yaml(path)
        for key, value in data.items():
            if key == "version":
                continue
            if key not in Cues.__dataclass_fields__:
                raise pack_error(str(path), f"unknown cue list {key!r}", mark_of(data, key))
            if isinstance(value, list) and key != "historical_markers":  # those are read off the raw text
                value = [fold(v) if isinstance(v, str) else v for v in value]
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            else:
                merged[key] = value
    try:
        return Cues(
            speech_verbs=frozenset(merged["speech_verbs"]),
            denial_verbs=frozenset(merged["denial_verbs"]),
            attribution_preps=tuple(merged["attribution_preps"]),
            negation=frozenset(merged["negation"]),
            hedges=frozenset(merged["hedges"]),
            hedge_verbs=frozenset(merged["hedge_verbs"]),
            modal_hypothetical=frozenset(merged["modal_hypothetical"]),
            future_markers=frozenset(merged["future_markers"]),
            conditional=frozenset(merged["conditional"]),
            historical_markers=tuple(merged["historical_markers"]),
            historical_after_days=int(merged["historical_after_days"]),
            wide_area=tuple(merged.get("wide_area", ())),
            place_plurals=frozenset(merged.get("place_plurals", ())),
        )
    except KeyError as exc:
        raise PackError(str(paths[0]), f"missing cue list {exc.args[0]!r}") from exc
