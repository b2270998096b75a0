"""The actors knowledge base: ``packs/actors.yaml``, ``packs/<domain>/actors.yaml`` and user packs.

Each file holds ``actors:``, a list of entries (id, name, aliases, kind, sector, country, and for
offices the holders with their dates). This module reads the files, checks every entry and
builds the lookup tables the matcher in :mod:`chronicler.extract.facts.actors` uses. Any fault is a
:class:`PackError` that names the file, the line and the entry.

Aliases are matched token by token. Case rules follow the way names are written: a word in
capitals ("IRGC", "UN") must match exactly, a capitalised word must start with a capital
("Amnesty", "Guards"), a lower-case word matches in any case ("protesters", "riot police").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler.errors import PackError
from chronicler.isodates import iso_bounds
from chronicler.knowledge.packdata import PackLoader, first_fault, is_word, load_yaml, mark_of, pack_error

PACK_DIR = Path(__file__).resolve().parent.parent / "packs"
FILENAME = "actors.yaml"

KINDS = frozenset({"state_body", "office", "armed_group", "party", "opposition_group", "ngo", "igo", "media",
                   "role", "person", "country"})
# PLOVER sectors (with the CAMEO codes news about Iran needs: labour, education, business).
SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PRM", "SPY", "REB", "OPP", "PTY", "CVL", "JRN",
                     "REL", "SOC", "IGO", "NGO", "MED", "LAB", "EDU", "BUS", "HLH", "CRM", "REF", "ELI"})
REQUIRED = ("id", "name", "kind", "sector")
OPTIONAL = ("aliases", "country", "offices", "demonyms", "exclude_next", "wikidata")
OFFICE_KEYS = frozenset({"title", "holder", "start", "end"})
ARTICLES = frozenset({"the", "a", "an"})

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
# ZWNJ is a separator: Persian writes the same compound with it, with a space, or joined.
_TOKEN = re.compile(r"[\w\u064b-\u065f\u0670]+|[^\w\s\u200c]")
# One character in, one character out, so offsets in the normalised text are offsets in the original.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                       "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u00a0": " "})


class _Loader(PackLoader):
    """YAML without timestamps: office dates stay text, so a bad one is reported with its entry."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in PackLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Token:
    text: str  # as written
    norm: str  # folded: lower case, one apostrophe, Persian letters
    start: int
    end: int


@dataclass(frozen=True)
class Office:
    title: str
    holder: str  # id of a person entry
    start: str  # ISO 8601, possibly reduced
    end: str | None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    sector: str | None  # None only for member nouns ("members", "officers"): they take their body's
    country: str | None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    demonyms: tuple[str, ...] = ()
    exclude_next: frozenset[str] = frozenset()
    wikidata: str | None = None  # the Wikidata item ("Q794"), as PLOVER identifies actors
    source: str = ""
    line: int | None = None  # of the entry in ``source``

    @property
    def written_at(self) -> str:
        """``<file>:<line>`` of the entry, for errors."""
        return f"{self.source}:{self.line}" if self.line else self.source


@dataclass(frozen=True)
class Alias:
    """One way of writing an actor's name, split into tokens as the matcher sees them."""

    actor_id: str
    words: tuple[str, ...]  # as written in the pack
    article: bool  # the pack wrote "the Guards": the article is context, not part of the name


@dataclass(frozen=True)
class ActorIndex:
    actors: Mapping[str, Actor]
    aliases: Mapping[tuple[str, ...], tuple[Alias, ...]]  # folded words -> candidates
    demonyms: Mapping[tuple[str, ...], tuple[str, str]]  # folded words -> (country code, actor id)
    longest: int

    def holder_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id


def fold(text: str) -> str:
    """Lower case without changing the length, so that offsets survive."""
    text = text.translate(_FOLD)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def tokenize(text: str) -> list[Token]:
    folded = fold(text)
    return [Token(text[m.start() : m.end()], m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


def case_ok(pattern: str, written: str) -> bool:
    """Whether ``written`` is a form of the pack word ``pattern`` (already equal when folded)."""
    cased = [c for c in pattern if c.isupper() or c.islower()]
    if not cased or not any(c.isupper() for c in pattern):
        return True
    if any(c.isupper() for c in pattern[1:]) or len(cased) == 1:
        return written == pattern  # acronyms, "NetBlocks", single capitals
    return written[:1].isupper()


# ---------------------------------------------------------------- loading and validation


def _entries(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    data = load_yaml(path, "cannot read the actors pack", _Loader)
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise pack_error(str(path), "expected a mapping with an 'actors' list at the top",
                         mark_of(data, "actors"))
    for i, entry in enumerate(data["actors"], 1):
        if not isinstance(entry, dict):
            raise pack_error(str(path), f"entry #{i}: expected a mapping with id, name, kind, sector",
                             mark_of(data["actors"], i - 1))
        yield i, entry


def _strings(path: Path, where: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        at = first_fault(value, is_word, mark_of(entry, key))
        raise pack_error(str(path), f"{where}: '{key}' must be a list of non-empty strings", at)
    return tuple(v.strip() for v in value)


def _office(path: Path, where: str, raw: Any, entry: dict[str, Any]) -> Office:
    at = mark_of(raw) or mark_of(entry, "offices")
    if not isinstance(raw, dict) or not {"title", "holder", "start"} <= raw.keys() <= OFFICE_KEYS:
        raise pack_error(str(path), f"{where}: an office has title, holder, start and optional end", at)
    start, end = str(raw["start"]), (None if raw.get("end") is None else str(raw["end"]))
    for value in (start, end):
        if value is not None and iso_bounds(value) is None:
            raise pack_error(str(path), f"{where}: office date {value!r} is not ISO 8601 (YYYY[-MM[-DD]])",
                             at)
    return Office(str(raw["title"]), str(raw["holder"]), start, end)


def parse_entry(path: Path, index: int, entry: dict[str, Any]) -> Actor:
    where = f"entry #{index} ({entry.get('id', 'no id')!r})"

    def fail(reason: str, key: str | None = None) -> PackError:
        """The error at the line of ``entry[key]``, or of the entry."""
        return pack_error(str(path), f"{where}: {reason}", mark_of(entry, key))

    for key in REQUIRED:
        if key not in entry:
            raise fail(f"missing key '{key}'")
    unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        allowed = ", ".join(REQUIRED + OPTIONAL)
        raise fail(f"unknown key(s) {sorted(unknown)}; allowed: {allowed}", min(unknown, key=str))
    ident, kind, sector, country = entry["id"], entry["kind"], entry["sector"], entry.get("country")
    if not isinstance(ident, str) or not _ID.match(ident):
        raise fail("id must be kebab-case (lower-case words joined by '-')", "id")
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r}; use one of {sorted(KINDS)}", "kind")
    if sector not in SECTORS and not (kind == "role" and sector is None):
        raise fail(f"unknown sector {sector!r}; use one of {sorted(SECTORS)}", "sector")
    if kind == "role" and country is not None:
        raise fail("a generic role noun has no country", "country")
    if kind != "role" and not (isinstance(country, str) and _COUNTRY.match(country)):
        raise fail(f"country must be ISO 3166-1 alpha-3, IGO or NGO: {country!r}", "country")
    wikidata = entry.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and _QID.match(wikidata)):
        raise fail(f"wikidata must be a Wikidata item id such as Q794, not {wikidata!r}", "wikidata")
    offices = entry.get("offices") or []
    if not isinstance(offices, list) or (offices and kind != "office"):
        raise fail("'offices' is a list, and only for kind 'office'", "offices")
    at = mark_of(entry)
    return Actor(
        id=ident, name=str(entry["name"]).strip(), kind=kind, sector=sector, country=country,
        aliases=_strings(path, where, entry, "aliases"),
        offices=tuple(_office(path, where, o, entry) for o in offices),
        demonyms=_strings(path, where, entry, "demonyms"),
        exclude_next=frozenset(fold(w) for w in _strings(path, where, entry, "exclude_next")),
        wikidata=wikidata,
        source=str(path),
        line=at.line if at else None,
    )


def _alias(actor: Actor, text: str) -> tuple[tuple[str, ...], Alias]:
    toks = tokenize(text)
    article = len(toks) > 1 and toks[0].norm in ARTICLES
    if article:
        toks = toks[1:]
    return tuple(t.norm for t in toks), Alias(actor.id, tuple(t.text for t in toks), article)


def build_index(actors: Sequence[Actor]) -> ActorIndex:
    by_id: dict[str, Actor] = {}
    table: dict[tuple[str, ...], list[Alias]] = {}
    owner: dict[tuple[str, ...], str] = {}
    demonyms: dict[tuple[str, ...], tuple[str, str]] = {}
    for actor in actors:
        if actor.id in by_id:
            where = by_id[actor.id].written_at
            raise PackError(actor.source, f"entry {actor.id!r}: duplicate id (also in {where})", actor.line)
        by_id[actor.id] = actor
        for text in (actor.name, *actor.aliases):
            key, alias = _alias(actor, text)
            if not key:
                raise PackError(actor.source, f"entry {actor.id!r}: alias {text!r} has no words", actor.line)
            if owner.setdefault(key, actor.id) != actor.id:
                other = by_id[owner[key]]
                raise PackError(actor.source, f"entry {actor.id!r}: duplicate alias {text!r}, already an "
                                              f"alias of {other.id!r} ({other.written_at})", actor.line)
            if alias not in table.setdefault(key, []):
                table[key].append(alias)
        for text in actor.demonyms:
            key = tuple(t.norm for t in tokenize(text))
            if key in demonyms and demonyms[key][1] != actor.id:
                raise PackError(actor.source, f"entry {actor.id!r}: duplicate demonym {text!r}", actor.line)
            demonyms[key] = (actor.country or "", actor.id)
    for actor in actors:
        for office in actor.offices:
            holder = by_id.get(office.holder)
            if holder is None or holder.kind != "person":
                raise PackError(actor.source, f"entry {actor.id!r}: office holder {office.holder!r} is not "
                                              "the id of a person entry", actor.line)
    longest = max((len(k) for k in table), default=1)
    return ActorIndex(by_id, {k: tuple(v) for k, v in table.items()}, demonyms, longest)


def pack_files(dirs: Sequence[Path]) -> list[Path]:
    """``actors.yaml`` in each directory and in its domain sub-directories, in a stable order."""
    files: list[Path] = []
    for d in dirs:
        if (d / FILENAME).is_file():
            files.append(d / FILENAME)
        files.extend(sorted(p for p in d.glob(f"*/{FILENAME}") if p.is_file()))
    return files


def load_actors(extra_dirs: Sequence[Path] = ()) -> ActorIndex:
    """The actors of the built-in packs plus those of ``extra_dirs``."""
    for d in extra_dirs:
        if not Path(d).is_dir():
            raise PackError(str(d), "not a directory; a pack directory holds actors.yaml")
    dirs = (PACK_DIR, *(Path(d).resolve() for d in extra_dirs))
    actors = [parse_entry(path, i, entry) for path in pack_files(dirs) for i, entry in _entries(path)]
    return build_index(actors)
