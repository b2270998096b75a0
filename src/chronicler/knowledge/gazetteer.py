"""The gazetteer pack: loading, validation and the name index the places extractor reads.

    packs/gazetteer/places.tsv   places, provinces, countries, regions (built by scripts/build_gazetteer.py)
    packs/gazetteer/stoplist.txt names never matched in running text (ordinary words, personal names)
    packs/gazetteer/cues.yaml    context words: "province", site nouns, person titles, given names

Names and text go through one tokenizer and one normalisation, so a name matches wherever its
tokens appear in that order: case, diacritics, hyphens, transliteration apostrophes and the
Arabic/Persian variants of yeh and kaf do not matter to the key (case is checked separately,
against how the name itself is written).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from chronicler.errors import PackError
from chronicler.knowledge.packdata import first_fault, is_word, load_yaml, mark_of, pack_error
from chronicler.records import Resolution

PACK_DIR = Path(__file__).resolve().parent.parent / "packs" / "gazetteer"
COLUMNS = (
    "key",
    "resolution",
    "geonameid",
    "name",
    "lat",
    "lon",
    "country_code",
    "admin1",
    "population",
    "capital",
    "names",
)
RESOLUTIONS: frozenset[str] = frozenset({"city", "admin1", "country", "region"})
CUE_LISTS = (
    "province_after",
    "province_before",
    "city_after",
    "city_before",
    "site_after",
    "only_with_cue",
    "person_titles",
    "given_names",
)

Script = Literal["latin", "arabic", "other"]

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_APOSTROPHES = "'’‘`ʼʿʾ"
_LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
_TOKEN = re.compile(rf"{_LETTER}+(?:[{_APOSTROPHES}]{_LETTER}+)*")
_ELISION = re.compile(rf"^(?:[cdjlmnst]|qu)[{_APOSTROPHES}](?=[^\W\d_])", re.IGNORECASE)
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$")
# Arabic letters folded to their Persian forms (yeh, kaf), teh marbuta to heh, tatweel dropped.
_ARABIC_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",
        "\u0649": "\u06cc",
        "\u0643": "\u06a9",
        "\u0629": "\u0647",
        "\u0640": None,
        **{a: None for a in _APOSTROPHES},
    }
)


@dataclass(frozen=True)
class Token:
    """A word of text: ``key`` is its normalised form, ``start``/``end`` its offsets in the text."""

    key: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Place:
    """One row of places.tsv."""

    key: str
    resolution: Resolution
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    population: int
    capital: str | None


@dataclass(frozen=True)
class Variant:
    """One written form of a place's name, as indexed: which tokens must be capitalised in text."""

    place: Place
    caps: tuple[bool, ...]
    script: Script
    primary: bool  # the place's own name (or any name of a province, country or region), not an alternate


@dataclass(frozen=True)
class Cues:
    province_after: frozenset[str]
    province_before: frozenset[tuple[str, ...]]
    city_after: frozenset[str]
    city_before: frozenset[tuple[str, ...]]
    site_after: frozenset[str]
    only_with_cue: frozenset[tuple[str, ...]]
    person_titles: frozenset[str]  # case-sensitive
    given_names: frozenset[str]


@dataclass(frozen=True)
class Gazetteer:
    places: tuple[Place, ...]
    index: Mapping[tuple[str, ...], tuple[Variant, ...]]
    max_tokens: int
    stoplist: frozenset[tuple[str, ...]]
    cues: Cues


def normalize(word: str) -> str:
    """The matching key of one word: no case, no diacritics or vowel signs, Persian letter forms."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return stripped.translate(_ARABIC_FOLD).casefold()


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with offsets; French elisions (d', l') and English possessives ('s) are cut off."""
    tokens = []
    for found in _TOKEN.finditer(text):
        start, end = found.span()
        word = found.group()
        elision = _ELISION.match(word)
        if elision and word[elision.end() :][:1].isupper():
            start += elision.end()
        if _POSSESSIVE.search(text[start:end]):
            end -= 2
        word = text[start:end]
        key = normalize(word)
        if key:
            tokens.append(Token(key=key, text=word, start=start, end=end))
    return tokens


def script_of(name: str) -> Script:
    letters = [c for c in name if c.isalpha()]
    if letters and all("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in letters):
        return "arabic"
    if letters and all(c < "\u0250" or "\u1e00" <= c <= "\u1eff" for c in letters):
        return "latin"
    return "other"


def name_key(name: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(name))


def _float(cell: str, low: float, high: float, where: str, path: Path) -> float:
    try:
        value = float(cell)
    except ValueError:
        raise PackError(str(path), f"{where}: {cell!r} is not a number") from None
    if not low <= value <= high:
        raise PackError(str(path), f"{where}: {value} is outside [{low}, {high}]")
    return value


def _int(cell: str, where: str, path: Path) -> int:
    if not cell.isdigit():
        raise PackError(str(path), f"{where}: {cell!r} is not a whole number")
    return int(cell)


def parse_row(cells: list[str], lineno: int, path: Path) -> tuple[Place, tuple[str, ...]]:
    """One places.tsv line: the place and its names. Raises PackError naming the line and field."""
    where = f"line {lineno}"
    if len(cells) != len(COLUMNS):
        raise PackError(
            str(path), f"{where}: {len(cells)} fields, expected {len(COLUMNS)} ({', '.join(COLUMNS)})"
        )
    row = dict(zip(COLUMNS, cells, strict=True))
    for required in ("key", "resolution", "name", "lat", "lon", "names"):
        if not row[required]:
            raise PackError(str(path), f"{where} ({row['key']}): empty {required}")
    resolution = row["resolution"]
    if resolution not in RESOLUTIONS:
        raise PackError(
            str(path), f"{where} ({row['key']}): resolution {resolution!r} not in {sorted(RESOLUTIONS)}"
        )
    country = row["country_code"] or None
    if country is not None and not (len(country) == 2 and country.isupper()):
        raise PackError(str(path), f"{where} ({row['key']}): country_code {country!r} is not ISO alpha-2")
    if resolution != "region" and country is None:
        raise PackError(str(path), f"{where} ({row['key']}): a {resolution} needs a country_code")
    place = Place(
        key=row["key"],
        resolution=resolution,  # type: ignore[arg-type]  # checked against RESOLUTIONS
        geonameid=_int(row["geonameid"], f"{where} geonameid", path) if row["geonameid"] else None,
        name=row["name"],
        lat=_float(row["lat"], -90, 90, f"{where} lat", path),
        lon=_float(row["lon"], -180, 180, f"{where} lon", path),
        country_code=country,
        admin1=row["admin1"] or None,
        population=_int(row["population"] or "0", f"{where} population", path),
        capital=row["capital"] or None,
    )
    return place, tuple(n for n in row["names"].split("|") if n)


def read_places(path: Path) -> Iterator[tuple[Place, tuple[str, ...]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise PackError(str(path), f"cannot read the gazetteer: {error}") from error
    header_seen = False
    for lineno, line in enumerate(lines, start=1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise PackError(str(path), f"line {lineno}: header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        yield parse_row(cells, lineno, path)


def read_stoplist(path: Path) -> frozenset[tuple[str, ...]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise PackError(str(path), f"cannot read the stoplist: {error}") from error
    entries = (line.split("#", 1)[0].strip() for line in lines)
    return frozenset(name_key(entry) for entry in entries if entry)


def read_cues(path: Path) -> Cues:
    data: Any = load_yaml(path, "cannot read the cues")
    if not isinstance(data, dict):
        raise pack_error(str(path), "expected a mapping of list names to word lists", mark_of(data))
    if data.get("version") != 1:
        raise pack_error(str(path), "version: expected 1", mark_of(data, "version"))
    unknown = set(data) - {*CUE_LISTS, "version"}
    if unknown:
        raise pack_error(str(path), f"unknown lists {sorted(unknown)}; known: {', '.join(CUE_LISTS)}",
                         mark_of(data, min(unknown, key=str)))
    lists: dict[str, list[str]] = {}
    for name in CUE_LISTS:
        words = data.get(name)
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise pack_error(str(path), f"{name}: expected a list of words",
                             first_fault(words, is_word, mark_of(data, name)))
        lists[name] = words

    def keys(name: str) -> frozenset[str]:
        return frozenset(normalize(w) for w in lists[name])

    def phrases(name: str) -> frozenset[tuple[str, ...]]:
        return frozenset(name_key(w) for w in lists[name])

    return Cues(
        province_after=keys("province_after"),
        province_before=phrases("province_before"),
        city_after=keys("city_after"),
        city_before=phrases("city_before"),
        site_after=keys("site_after"),
        only_with_cue=phrases("only_with_cue"),
        person_titles=frozenset(lists["person_titles"]),
        given_names=keys("given_names"),
    )


def build_index(
    rows: list[tuple[Place, tuple[str, ...]]], path: Path, sources: Mapping[str, Path] | None = None
) -> dict[tuple[str, ...], tuple[Variant, ...]]:
    """The name index of ``rows``; an error names the file of the row (``sources``, by key) or ``path``."""
    index: defaultdict[tuple[str, ...], dict[tuple[str, tuple[bool, ...]], Variant]] = defaultdict(dict)
    for place, names in rows:
        own = name_key(place.name)
        for name in names:
            tokens = tokenize(name)
            if not tokens:
                where = (sources or {}).get(place.key, path)
                raise PackError(str(where), f"{place.key}: name {name!r} has no letters")
            caps = tuple(t.text[:1].isupper() for t in tokens)
            key = tuple(t.key for t in tokens)
            primary = key == own or place.resolution != "city"
            variant = Variant(place=place, caps=caps, script=script_of(name), primary=primary)
            index[key].setdefault((place.key, caps), variant)
    return {key: tuple(variants.values()) for key, variants in index.items()}


def load_gazetteer(directory: Path = PACK_DIR, extra_dirs: Sequence[Path] = ()) -> Gazetteer:
    """Read and validate a gazetteer pack directory, extended by ``<dir>/gazetteer/places.tsv`` and
    ``stoplist.txt`` of each user directory (a user row replaces the shipped row of its key).
    Raises PackError naming the file and entry."""
    places_path = directory / "places.tsv"
    rows = _unique_rows(places_path, list(read_places(places_path)))
    sources: dict[str, Path] = {}  # the user file of each row a user directory added or replaced
    stoplist = read_stoplist(directory / "stoplist.txt")
    for extra in (Path(d) / "gazetteer" for d in extra_dirs):
        if (extra / "places.tsv").is_file():
            added = _unique_rows(extra / "places.tsv", list(read_places(extra / "places.tsv")))
            replaced = {place.key for place, _ in added}
            rows = [row for row in rows if row[0].key not in replaced] + added
            sources.update((key, extra / "places.tsv") for key in replaced)
        if (extra / "stoplist.txt").is_file():
            stoplist |= read_stoplist(extra / "stoplist.txt")
    known = {place.key for place, _ in rows}
    for place, _ in rows:
        if place.capital is not None and place.capital not in known:
            raise PackError(
                str(sources.get(place.key, places_path)),
                f"{place.key}: capital {place.capital!r} is not a key in the gazetteer",
            )
    index = build_index(rows, places_path, sources)
    return Gazetteer(
        places=tuple(p for p, _ in rows),
        index=index,
        max_tokens=max(map(len, index)),
        stoplist=stoplist,
        cues=read_cues(directory / "cues.yaml"),
    )


def _unique_rows(
    path: Path, rows: list[tuple[Place, tuple[str, ...]]]
) -> list[tuple[Place, tuple[str, ...]]]:
    keys = [place.key for place, _ in rows]
    if len(set(keys)) != len(keys):
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        raise PackError(str(path), f"duplicate keys {duplicates[:5]}")
    return rows
