"""Places named in text, resolved against the gazetteer pack (no spaCy).

    find_places("Protests spread from Ahvaz to Iran's Kurdistan province.")
      -> [PlaceMatch(21, 26, Location(Ahvaz, city, IR, Khuzestan)),
          PlaceMatch(39, 48, Location(Kurdistan, admin1, IR, Kurdistan))]

How a name is found: the text is split into words; at each word the longest run of words that is a
name in the gazetteer wins. A Latin-script name must be capitalised as it is in the gazetteer
("Bam", not "bam"); names on the pack's stoplist (ordinary words, personal names) are never
matched; Persian-script names count only for places of some size, because many village names are
ordinary Persian words.

Which place a name means, when several share it: a province when the text says "province", a city
when it says "city"; otherwise a country first, then a named region, then an Iranian province,
unless the province's capital bears the same name (Tehran, Kerman), then cities by population, with
Iranian ones weighted up (Iran is chronicler's first domain).

Limits, stated rather than hidden: a person whose surname is a place ("Mohammad Khatami") is
recognised only after a title or a common given name listed in cues.yaml; metonymy ("Tehran said")
is reported as the place; a place inside a longer organisation name is kept unless the next word is
a site or organisation noun from cues.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from chronicler.knowledge.gazetteer import (
    Gazetteer,
    Place,
    Token,
    Variant,
    name_key,
    tokenize,
)
from chronicler.records import Location

# Persian script has no capitals to tell a name from a word, so only towns this size or larger count.
PERSIAN_MIN_POPULATION = 20_000
# A city this large keeps its match before a site noun ("Tehran University", "Mashhad airport").
LARGE_CITY = 100_000
# Iran is the first domain: an Iranian city counts as if it were this many times larger.
IRAN_WEIGHT = 20
# German genitive ("Irans", "Teherans") is tried only for names at least this long.
GENITIVE_MIN_LENGTH = 4

# A dateline ("Teheran/Berlin –", "PARIS (AFP) —", "DUBAI, Oct 4 (Reuters) –", "TEHRAN (IRNA) -")
# names where the report was filed, not where anything happened.
DATELINE = re.compile(
    r"(?m)^[^\W\d][\w'’. -]{0,40}(?:/[^\W\d][\w'’. -]{0,40})*(?:,[^\n,–—()]{1,25})?\s*"
    r"(?:\([^)\n]{1,30}\)\s*)?(?:[–—]|(?<=\s)-)\s"
)


def datelines(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s datelines."""
    return [m.span() for m in DATELINE.finditer(text)]


def in_dateline(spans: list[tuple[int, int]], start: int) -> bool:
    """Whether the offset ``start`` lies in one of the dateline ``spans``."""
    return any(s <= start < e for s, e in spans)


_INNER_GAP = re.compile(r"^[ \t\u00a0\u200c\u200d]*(?:[-\u2010\u2011][ \t\u00a0\u200c\u200d]*)?$")
_SPACE_GAP = re.compile(r"^[ \t\u00a0]{1,3}$")
_TITLE_GAP = re.compile(r"^\.?[ \t\u00a0]{1,3}$")

Prefer = Literal["admin1", "city"] | None


@dataclass(frozen=True)
class PlaceMatch:
    """A place named in text: ``text[start:end]`` is the name as written."""

    start: int
    end: int
    location: Location


def find_places(text: str, gazetteer: Gazetteer) -> list[PlaceMatch]:
    """Every place named in ``text``, in order, non-overlapping, longest names first."""
    tokens = tokenize(text)
    matches: list[PlaceMatch] = []
    i = 0
    while i < len(tokens):
        consumed, match = _match_at(gazetteer, text, tokens, i)
        if match is not None:
            matches.append(match)
        i += max(consumed, 1)
    return matches


def lookup_place(name: str, gazetteer: Gazetteer) -> Location | None:
    """The place an exact name means, with no context: ``lookup_place("Ahwaz")`` is Ahvaz.

    Case and the stoplist are ignored: this is for names already known to be places.
    """
    variants = gazetteer.index.get(name_key(name))
    if not variants:
        return None
    return location_of(_choose(variants, None), name)


def _match_at(gazetteer: Gazetteer, text: str, tokens: list[Token], i: int) -> tuple[int, PlaceMatch | None]:
    """Try the longest name starting at token ``i``: (tokens consumed, match or None)."""
    longest = min(gazetteer.max_tokens, len(tokens) - i)
    for length in range(longest, 0, -1):
        span = tokens[i : i + length]
        if length > 1 and not _joined(text, span[-2], span[-1]):
            continue
        variants = _usable(gazetteer.index.get(tuple(t.key for t in span), ()), span)
        if not variants:
            continue
        if tuple(t.key for t in span) in gazetteer.stoplist:
            return length, None
        place = _resolve(gazetteer, text, tokens, i, length, variants)
        if place is None:
            return length, None
        start, end = span[0].start, span[-1].end
        if all(len(t.text) == 1 for t in span) and text[end : end + 1] == ".":
            end += 1  # the last dot of an abbreviation: "U.S."
        return length, PlaceMatch(start, end, location_of(place, text[start:end]))
    return 1, _genitive(gazetteer, text, tokens[i])


def _joined(text: str, left: Token, right: Token) -> bool:
    """Two words that may belong to one name: only spaces or a hyphen between, or a dot in "U.S"."""
    gap = text[left.end : right.start]
    return bool(_INNER_GAP.match(gap)) or (gap == "." and len(left.text) == 1 and len(right.text) == 1)


def _usable(variants: tuple[Variant, ...], span: list[Token]) -> tuple[Variant, ...]:
    """The variants this text may mean: capitalised where the name is, scripts and sizes that are safe."""
    kept = []
    for variant in variants:
        if variant.script == "latin":
            if not all(t.text[:1].isupper() for t, cap in zip(span, variant.caps, strict=True) if cap):
                continue
            if len(span) == 1 and len(span[0].key) < 3 and variant.place.resolution != "country":
                continue
        elif variant.script == "arabic":
            place = variant.place
            if place.resolution == "city" and place.population < PERSIAN_MIN_POPULATION:
                continue
        kept.append(variant)
    return tuple(kept)


def _resolve(
    gazetteer: Gazetteer, text: str, tokens: list[Token], i: int, length: int, variants: tuple[Variant, ...]
) -> Place | None:
    """The place these words name in this context, or None when the context says they are not one."""
    cues = gazetteer.cues
    before = _words_before(text, tokens, i, 2)
    after = tokens[i + length] if i + length < len(tokens) else None
    after_key = (
        after.key if after and _SPACE_GAP.match(text[tokens[i + length - 1].end : after.start]) else None
    )
    prefer: Prefer = None
    if after_key in cues.province_after or any(before[-n:] in cues.province_before for n in (1, 2)):
        prefer = "admin1"
    elif after_key in cues.city_after or any(before[-n:] in cues.city_before for n in (1, 2)):
        prefer = "city"
    if prefer is None and tuple(t.key for t in tokens[i : i + length]) in cues.only_with_cue:
        return None
    place = _choose(variants, prefer)
    if prefer is None and after_key in cues.site_after and not _survives_site(place):
        return None
    if place.resolution != "country" and _is_person(gazetteer, text, tokens, i, length):
        return None
    return place


def _words_before(text: str, tokens: list[Token], i: int, count: int) -> tuple[str, ...]:
    """Keys of up to ``count`` words right before token ``i``, separated by spaces only."""
    words: list[str] = []
    j = i
    while j > 0 and len(words) < count and _SPACE_GAP.match(text[tokens[j - 1].end : tokens[j].start]):
        words.insert(0, tokens[j - 1].key)
        j -= 1
    return tuple(words)


def _survives_site(place: Place) -> bool:
    return place.resolution == "country" or (place.resolution == "city" and place.population >= LARGE_CITY)


def _is_person(gazetteer: Gazetteer, text: str, tokens: list[Token], i: int, length: int) -> bool:
    """A title or given name right before ("President Rouhani"), or a given name that goes on as a name."""
    cues = gazetteer.cues
    if i > 0:
        prev = tokens[i - 1]
        gap = text[prev.end : tokens[i].start]
        if prev.text in cues.person_titles and _TITLE_GAP.match(gap):
            return True
        if prev.key in cues.given_names and prev.text[:1].isupper() and _SPACE_GAP.match(gap):
            return True
    end = i + length
    if length == 1 and end < len(tokens) and _small_town(gazetteer, tokens[i]):
        # A town too small to be news by its name alone, run into a capitalised word, is a
        # person's name ("Nikki Haley") more often than a place ("Nikki", Benin).
        nxt = tokens[end]
        if nxt.text[:1].isupper() and _SPACE_GAP.match(text[tokens[i].end : nxt.start]):
            return nxt.key not in cues.province_after | cues.city_after
    if length == 1 and tokens[i].key in cues.given_names and end < len(tokens):
        nxt = tokens[end]
        if nxt.text[:1].isupper() and _SPACE_GAP.match(text[tokens[i].end : nxt.start]):
            return nxt.key not in cues.province_after | cues.city_after
    return False


def _small_town(gazetteer: Gazetteer, token: Token) -> bool:
    """Whether every place this word names is a town under ``LARGE_CITY`` (no country, province or
    large city shares the name)."""
    places = [v.place for v in gazetteer.index.get((token.key,), ())]
    return bool(places) and all(p.resolution == "city" and p.population < LARGE_CITY for p in places)


def _genitive(gazetteer: Gazetteer, text: str, token: Token) -> PlaceMatch | None:
    """German genitive of a country or large city: "Irans", "Teherans" (the "s" is left out of the match)."""
    if not (token.text[:1].isupper() and token.key.endswith("s") and len(token.key) > GENITIVE_MIN_LENGTH):
        return None
    stem = Token(key=token.key[:-1], text=token.text[:-1], start=token.start, end=token.end - 1)
    variants = _usable(gazetteer.index.get((stem.key,), ()), [stem])
    variants = tuple(v for v in variants if v.script == "latin")
    if not variants or (stem.key,) in gazetteer.stoplist:
        return None
    place = _choose(variants, None)
    if not _survives_site(place):
        return None
    return PlaceMatch(stem.start, stem.end, location_of(place, text[stem.start : stem.end]))


def _choose(variants: tuple[Variant, ...], prefer: Prefer) -> Place:
    """The place a name means among those that share it (see the module docstring)."""
    places = {v.place.key: v.place for v in variants}
    pool = [p for p in places.values() if p.resolution == prefer] or list(places.values())
    if len({p.country_code for p in pool}) > 1:
        # Across countries a place's own name beats another's alternate: "Alexandria" is in Egypt,
        # whatever alternate names GeoNames lists for Mashhad.
        primary = {v.place.key for v in variants if v.primary}
        pool = [p for p in pool if p.key in primary] or pool
    best = max(pool, key=_rank)
    if best.resolution == "admin1" and prefer != "admin1" and best.capital in places:
        return places[best.capital]
    return best


def _rank(place: Place) -> tuple[int, int, int]:
    tier = {"country": 4, "region": 3, "admin1": 2, "city": 1}[place.resolution]
    weight = IRAN_WEIGHT if place.country_code == "IR" else 1
    return tier, place.population * weight, -(place.geonameid or 0)


def country_location(code: str, gazetteer: Gazetteer) -> Location | None:
    """The country-level place for an ISO alpha-2 code: ``country_location("IR")`` is Iran."""
    for place in gazetteer.places:
        if place.resolution == "country" and place.country_code == code.upper():
            return location_of(place, place.name)
    return None


def location_of(place: Place, written: str) -> Location:
    """A gazetteer place as the record's location, with the name as the text wrote it."""
    return Location(
        extracted_place=written,
        resolved_place=place.name,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1 if place.resolution in ("city", "admin1") else None,
        country_code=place.country_code,
        resolution=place.resolution,
    )
