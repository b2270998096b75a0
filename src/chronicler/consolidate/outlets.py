"""The outlets registry: ``packs/outlets.yaml`` plus an ``outlets.yaml`` in each user pack directory.

It answers two questions about a document's publisher, given what the document carries (its
``outlet`` field, a domain, a URL or a name, and its URL): *which outlet is it* (:meth:`lookup`)
and *with which other outlets is it not independent* (:meth:`independence_key`). Independent
corroboration is the number of distinct keys: outlets of one affiliation share a key, and any
other outlet, known or not, is keyed by its own domain.

Faults in a pack are :class:`PackError`\\ s naming the file, the line and the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from chronicler.errors import PackError
from chronicler.knowledge.packdata import Mark, PackLoader, load_yaml, mark_of, pack_error

PACK_DIR = Path(__file__).resolve().parent.parent / "packs"
FILENAME = "outlets.yaml"

TYPES = frozenset(
    {
        "wire",
        "international_news",
        "regional_news",
        "ngo",
        "state_media",
        "opposition_affiliated",
        "blog",
        "other",
    }
)
# Affiliations that link an outlet to nothing else: such an outlet counts on its own.
UNLINKED = frozenset({"independent", "unknown"})
REQUIRED = ("domain", "name", "type", "affiliation")
OPTIONAL = ("country", "aliases")
# Host prefixes that name a rendering of a site, not another site.
_VARIANT_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
# A host: dot-separated labels ending in a top-level domain of letters (or punycode).
_HOST = re.compile(r"^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)$")
_NAME_SEP = re.compile(r"[\W_]+")


class _Loader(PackLoader):
    """YAML without implicit booleans and dates: Norway's ``NO`` stays a country code."""


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in PackLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Affiliation:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Outlet:
    domain: str  # normal form; may end in one path segment ("bbc.com/persian")
    name: str
    type: str
    affiliation: str
    country: str | None
    aliases: tuple[str, ...]


# ---------------------------------------------------------------- normalisation


def split_address(text: str) -> tuple[str, str | None] | None:
    """``(host, first path segment)`` of a domain or URL, or None when ``text`` is not one.

    The host is lower case, without scheme, user, port or a "www."/"m."/"amp." prefix.
    """
    value = text.strip().lower()
    if not value or any(c.isspace() for c in value):
        return None
    value = _SCHEME.sub("", value, count=1)
    host, _, rest = value.partition("/")
    host = host.rpartition("@")[2].split(":")[0].rstrip(".")
    for cut in "?#":
        host = host.split(cut)[0]
    changed = True
    while changed:
        changed = False
        for prefix in _VARIANT_PREFIXES:
            if host.startswith(prefix) and "." in host[len(prefix) :]:
                host, changed = host[len(prefix) :], True
    if not _HOST.match(host):
        return None
    segment = re.split(r"[/?#]", rest, maxsplit=1)[0] if rest else ""
    return host, segment or None


def normalise_host(text: str) -> str | None:
    """The host of a domain or URL in normal form ("https://www.Reuters.com/x" -> "reuters.com")."""
    parts = split_address(text)
    return parts[0] if parts else None


def name_key(text: str) -> str:
    """A name compared without case, punctuation or a leading "the" ("The Al-Monitor" -> "al monitor")."""
    words = _NAME_SEP.sub(" ", text.casefold()).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _candidates(host: str, segment: str | None) -> Iterator[str]:
    """Registered forms to try, most specific first: each parent host, with and without the segment."""
    labels = host.split(".")
    for i in range(len(labels) - 1):
        parent = ".".join(labels[i:])
        if segment:
            yield f"{parent}/{segment}"
        yield parent


# ---------------------------------------------------------------- the registry


class OutletRegistry:
    """Outlets by domain and by name, and the affiliations they belong to."""

    def __init__(self, outlets: Sequence[Outlet], affiliations: Mapping[str, Affiliation]) -> None:
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        self.affiliations: Mapping[str, Affiliation] = dict(affiliations)
        self._domains: dict[str, Outlet] = {}
        self._names: dict[str, Outlet] = {}
        # Later outlets (user packs) win over earlier ones; a primary domain wins over an alias.
        for outlet in self.outlets:
            for alias in outlet.aliases:
                if split_address(alias):
                    self._domains[_registered(alias)] = outlet
                else:
                    self._names[name_key(alias)] = outlet
            self._names[name_key(outlet.name)] = outlet
        for outlet in self.outlets:
            self._domains[outlet.domain] = outlet

    def __len__(self) -> int:
        return len(self.outlets)

    def lookup(self, outlet: str | None, url: str | None = None) -> Outlet | None:
        """The registered outlet a document's ``outlet`` field (domain, URL or name) or URL names."""
        for text in (outlet, url):
            if not text or not text.strip():
                continue
            parts = split_address(text)
            found = self._by_address(*parts) if parts else self._names.get(name_key(text))
            if found is not None:
                return found
        return None

    def independence_key(self, outlet: str | None, url: str | None = None) -> str | None:
        """What two documents share when their outlets are not independent of each other.

        The affiliation id of a known affiliated outlet; else the registered host of a known outlet,
        the host of an unknown one, or its normalised name when no host is given; None for nothing.
        """
        found = self.lookup(outlet, url)
        if found is not None:
            if found.affiliation not in UNLINKED:
                return found.affiliation
            return found.domain.split("/")[0]
        for text in (outlet, url):
            host = normalise_host(text) if text else None
            if host:
                return host
        if outlet and name_key(outlet):
            return name_key(outlet)
        return None

    def _by_address(self, host: str, segment: str | None) -> Outlet | None:
        for key in _candidates(host, segment):
            if key in self._domains:
                return self._domains[key]
        return None


def _registered(text: str) -> str:
    host, segment = split_address(text) or (text, None)
    return f"{host}/{segment}" if segment else host


# ---------------------------------------------------------------- loading and validation


@dataclass(frozen=True)
class _Pack:
    path: str
    affiliations: dict[str, Affiliation]
    entries: list[tuple[int, int, dict[str, Any]]]  # index, line, raw entry


def _read(path: Path) -> _Pack:
    where = str(path)
    data = load_yaml(path, "cannot be read as YAML", _Loader)
    if not isinstance(data, dict) or data.get("version") != 1:
        raise pack_error(where, "expected a mapping with 'version: 1', 'affiliations' and 'outlets'",
                         mark_of(data, "version"))
    unknown = set(data) - {"version", "affiliations", "outlets"}
    if unknown:
        allowed = "version, affiliations, outlets"
        raise pack_error(where, f"unknown top-level key(s) {sorted(unknown)}; allowed: {allowed}",
                         mark_of(data, min(unknown, key=str)))
    outlets = data.get("outlets") or []
    if not isinstance(outlets, list):
        raise pack_error(where, "outlets: expected a list of entries", mark_of(data, "outlets"))
    entries = [(i, _line(mark_of(outlets, i)), entry) for i, entry in enumerate(outlets)]
    affiliations = _affiliations(where, data.get("affiliations") or {}, mark_of(data, "affiliations"))
    return _Pack(where, affiliations, entries)


def _line(at: Mark | None) -> int:
    return at.line if at else 0


def _affiliations(path: str, raw: Any, at: Mark | None) -> dict[str, Affiliation]:
    if not isinstance(raw, dict):
        raise pack_error(path, "affiliations: expected a mapping of id -> {name, description}", at)
    out: dict[str, Affiliation] = {}
    for ident, body in raw.items():
        where = f"affiliations.{ident}"
        here = mark_of(raw, ident)
        if not isinstance(ident, str) or not _ID.match(ident):
            raise pack_error(path, f"{where}: an affiliation id is kebab-case (lower-case words and '-')",
                             here)
        if not isinstance(body, dict) or set(body) != {"name", "description"}:
            raise pack_error(path, f"{where}: expected exactly the keys 'name' and 'description'", here)
        if not all(isinstance(body[k], str) and body[k].strip() for k in ("name", "description")):
            raise pack_error(path, f"{where}: 'name' and 'description' must be non-empty text", here)
        out[ident] = Affiliation(ident, body["name"].strip(), " ".join(body["description"].split()))
    return out


def _where(index: int, entry: Any) -> str:
    label = entry.get("domain", "no domain") if isinstance(entry, dict) else "not a mapping"
    return f"outlets[{index}] ({label})"


def parse_entry(
    path: str, index: int, line: int, entry: Any, affiliations: Mapping[str, Affiliation]
) -> Outlet:
    """One checked outlet, written at ``line`` (0: unknown); ``affiliations`` are those declared so far
    (built-in and user)."""
    where = _where(index, entry)

    def fail(reason: str) -> PackError:
        return PackError(path, f"{where}: {reason}", line or None)

    if not isinstance(entry, dict):
        raise fail("expected a mapping with " + ", ".join(REQUIRED))
    for key in REQUIRED:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise fail(f"missing or empty '{key}'")
    unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise fail(f"unknown key(s) {sorted(unknown)}; allowed: {', '.join(REQUIRED + OPTIONAL)}")
    domain = entry["domain"].strip()
    if split_address(domain) is None or _registered(domain) != domain:
        normal = _registered(domain) if split_address(domain) else None
        hint = f"; write {normal!r}" if normal else ""
        raise fail(f"domain {domain!r} is not a host in normal form (lower case, no scheme or 'www.'){hint}")
    if entry["type"] not in TYPES:
        raise fail(f"unknown type {entry['type']!r}; use one of {sorted(TYPES)}")
    if entry["affiliation"] not in affiliations:
        raise fail(f"affiliation {entry['affiliation']!r} is not declared under 'affiliations'")
    country = entry.get("country")
    if country is not None and not (isinstance(country, str) and _COUNTRY.match(country)):
        raise fail(f"country must be an ISO 3166-1 alpha-2 code such as 'IR' or null, got {country!r}")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail("'aliases' must be a list of non-empty names or domains")
    return Outlet(
        domain,
        entry["name"].strip(),
        entry["type"],
        entry["affiliation"],
        country,
        tuple(a.strip() for a in aliases),
    )


def _check_unique(path: str, outlets: Sequence[tuple[str, int, Outlet]]) -> None:
    """No domain and no name twice in one file (across entries, aliases included)."""
    domains: dict[str, str] = {}
    names: dict[str, str] = {}
    for where, line, outlet in outlets:
        keys = [("domain", outlet.domain, domains)]
        keys.append(("name", name_key(outlet.name), names))
        for alias in outlet.aliases:
            if split_address(alias):
                keys.append(("domain", _registered(alias), domains))
            else:
                keys.append(("name", name_key(alias), names))
        seen_here: set[tuple[str, str]] = set()
        for kind, key, table in keys:
            if (kind, key) in seen_here:
                continue
            seen_here.add((kind, key))
            if key in table:
                raise PackError(path, f"{where}: duplicate {kind} {key!r}, already used by {table[key]}",
                                line or None)
            table[key] = where + (f", line {line}" if line else "")


def pack_files(dirs: Sequence[Path]) -> list[Path]:
    return [d / FILENAME for d in dirs if (d / FILENAME).is_file()]


@cache
def _load(dirs: tuple[Path, ...]) -> OutletRegistry:
    packs = [_read(path) for path in pack_files(dirs)]
    affiliations: dict[str, Affiliation] = {}
    for pack in packs:
        affiliations.update(pack.affiliations)
    merged: dict[str, Outlet] = {}
    for pack in packs:
        parsed = [
            (_where(i, entry), line, parse_entry(pack.path, i, line, entry, affiliations))
            for i, line, entry in pack.entries
        ]
        _check_unique(pack.path, parsed)
        for _, _, outlet in parsed:
            merged.pop(outlet.domain, None)  # a replacement goes last, so it wins the name index too
            merged[outlet.domain] = outlet
    return OutletRegistry(list(merged.values()), affiliations)


def load_outlets(extra_dirs: Sequence[Path] = ()) -> OutletRegistry:
    """The built-in outlets plus those of ``extra_dirs`` (loaded once per tuple of directories)."""
    for d in extra_dirs:
        if not Path(d).is_dir():
            raise PackError(str(d), f"not a directory; a pack directory may hold {FILENAME}")
    return _load((PACK_DIR, *(Path(d).resolve() for d in extra_dirs)))
