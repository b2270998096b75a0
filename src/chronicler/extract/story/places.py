"""Where an event happened: the places a sentence names for it, and the story's home.

A place counts when the sentence names it as where ("in Tehran", "outside Zahedan"), not as a
name, an origin or a target, nor inside another verb's clause. An unplaced event is in the story's
town when the story has one, else in the country most of its places are in, unless the sentence
spreads it over many places.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from chronicler.extract.facts.places import PlaceMatch, country_location, find_places, in_dateline
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.gazetteer import Gazetteer
from chronicler.knowledge.triggers import Cues
from chronicler.records import Location


def home_place(
    text: str, lines: list[tuple[int, int]], gazetteer: Gazetteer
) -> tuple[Location | None, Location | None]:
    """The story's country and, when it has one, its dominant city.

    A report about one town names it again and again ("in Mahshahr", "the Mahshahr marshes"); an
    event there that a sentence does not place is in that town. A city is dominant when it has at
    least two mentions and more than half of all city mentions.
    """
    matches = [m for m in find_places(text, gazetteer) if not in_dateline(lines, m.start)]
    cities = Counter(
        m.location.geonameid for m in matches if m.location.resolution == "city" and m.location.geonameid
    )
    country = _home_country(matches, gazetteer)
    if cities and country is not None:
        top, n = cities.most_common(1)[0]
        if n >= 2 and n * 2 > sum(cities.values()):
            city = next(m.location for m in matches if m.location.geonameid == top)
            if city.country_code == country.country_code:
                return country, city
    return country, None


def _home_country(matches: list[PlaceMatch], gazetteer: Gazetteer) -> Location | None:
    """The country most places of the text are in, as a country-level place."""
    codes = Counter(m.location.country_code for m in matches if m.location.country_code)
    if not codes:
        return None
    code = codes.most_common(1)[0][0]
    for match in matches:
        if match.location.country_code == code and match.location.resolution == "country":
            return match.location
    return country_location(code, gazetteer)


def wide(sent: Span, cues: Cues, vocab: EnglishWords) -> bool:
    """Whether the sentence spreads its events over a country or many places: "nationwide",
    "in 21 cities", "at dozens of universities", "in several towns"."""
    text = sent.text.lower()
    return any(phrase in text for phrase in cues.wide_area) or any(
        tok.lower_ in cues.place_plurals and _counted(tok, vocab) for tok in sent
    )


def _counted(noun: Token, vocab: EnglishWords) -> bool:
    """ "21 cities", "several towns", "dozens of universities": a plural with a quantity."""
    if any(c.dep_ in {"nummod", "quantmod"} or c.lower_ in vocab.place_quantifiers for c in noun.children):
        return True
    return noun.head.lower_ == "of" and noun.head.head.lower_ in vocab.quantity_nouns


def place_for(
    sent: Span,
    sent_places: list[PlaceMatch],
    taken: list[tuple[int, int]],
    trigger: Token,
    vocab: EnglishWords,
) -> list[Location]:
    """Places of the event: named as where it happened, not inside a name or as a modifier.

    "in Tehran", "outside Zahedan", "across Iran" say where; "the US drone strike", "Germany's
    minister", "sanctions on Iran", "the war with Iraq" and "Tehran said" name a place in another
    role (origin, owner, target, partner, speaker).
    """
    out = []
    for match in sent_places:
        if any(s <= match.start and match.end <= e for s, e in taken):
            continue
        span = sent.doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None and (not _locative(span.root, vocab) or _in_other_clause(span.root, trigger)):
            continue
        out.append(match.location)
    return out


def _in_other_clause(place: Token, trigger: Token) -> bool:
    """Whether the place belongs to another verb's clause: "a man convicted of blocking a street
    *in Tehran*", "the mother of a boy killed *in Shahriar*" do not place the hanging or the arrest."""
    mine = {trigger.i, *(t.i for t in trigger.ancestors)}
    tok = place
    while tok.head.i != tok.i and tok.i not in mine:
        tok = tok.head
        if tok.i in mine:
            return False
        if tok.pos_ == "VERB":
            return True
    return False


def _locative(tok: Token, vocab: EnglishWords) -> bool:
    while tok.dep_ in {"compound", "conj", "appos"} and tok.head.i != tok.i and (
        tok.head.pos_ == "PROPN" or tok.dep_ == "compound"
    ):
        tok = tok.head  # "in Qazvin province", "at the Tehran bazaar": where the thing it names is
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "in Tehran, Shiraz and Mashhad"
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    while prep.dep_ == "prep" and prep.head.dep_ == "prep":
        prep = prep.head  # "west of Tehran" hangs on "of"
    return prep.lower_ in vocab.locative_preps or (
        prep.lower_ == "of" and prep.head.lemma_.lower() in vocab.locative_nouns
    )
