"""Actors named in text: the knowledge base first, then generic role nouns.

``find_actors`` scans the text for the longest alias at each token (see ``actor_pack`` for the
case rules), then joins what news language writes as one name:

- a country or a nationality before a role noun or an office: "Iranian authorities",
  "Iran's judiciary", "les autorités iraniennes", "Germany's foreign minister" (another
  country's office, so no identifier);
- an organisation before a member noun: "Interior Ministry officials", "IRGC commander";
- a title or honorific before a known person: "President Hassan Rouhani", "Ayatollah Khamenei".

An office ("the president", "the Supreme Leader") resolves to its holder on the event's date
when one is given. Names the base does not know are left to the caller's NER fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from chronicler.isodates import iso_bounds
from chronicler.knowledge.actors import (
    ARTICLES,
    Actor,
    ActorIndex,
    Token,
    case_ok,
    tokenize,
)
from chronicler.records import Entity

__all__ = ["ActorIndex", "ActorMatch", "find_actors", "lookup_actor", "resolve_office"]

EXTRACTOR = "actors.kb.v1"

# Closed classes of grammar, not knowledge: words that stand before a name or an office.
HONORIFICS = frozenset({"ayatollah", "ajatollah", "hojatoleslam", "hojjatoleslam", "hojatolislam", "grand",
                        "sheikh", "mullah", "imam", "molavi", "mawlawi", "mr", "mrs", "ms", "dr", "general",
                        "gen", "brigadier", "major", "commander", "آیت", "الله", "حجت", "الاسلام"})
# Before an office they name someone other than the present holder.
NOT_HOLDER = frozenset({"former", "late", "ex", "outgoing", "previous", "deputy", "vice", "acting",
                        "incoming", "ancien", "ehemalige", "ehemaliger", "ehemaligen", "stellvertretende",
                        "stellvertretender", "stellvertretenden"})
# "President of the United States", "Außenminister der EU", "président de la République".
OF = frozenset({"of", "de", "du", "des", "d", "der", "von"})
OF_ARTICLES = frozenset({"the", "la", "le", "les", "l", "'", "die", "das"})
INDEFINITE = frozenset({"a", "an", "un", "une", "ein", "eine", "einen", "einem", "einer"})
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "«", "»", "(", "[", "—", "–"})
ORGANISATIONS = frozenset({"state_body", "armed_group", "party", "opposition_group", "ngo", "igo", "media"})
POSSESSIVE = (("'", "s"), ("'",))


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    entity: Entity
    kind: str


@dataclass(frozen=True)
class _Hit:
    first: int  # token indexes, end exclusive
    last: int
    actor: Actor
    code: str | None = None  # the country a prefix gave
    generic: bool = False  # no identifier: a role noun, another country's office, a former holder


def find_actors(text: str, when: str | None, index: ActorIndex) -> list[ActorMatch]:
    """Every actor the knowledge base recognises in ``text``, in text order, without overlaps."""
    tokens = tokenize(text)
    hits = _guard(_join(_scan(tokens, index), tokens, index), tokens, text)
    return [_match(h, tokens, text, index, when) for h in hits]


def lookup_actor(name: str, index: ActorIndex) -> Entity | None:
    """The entity for a name or alias written on its own ("Amnesty", "the rights group Amnesty")."""
    text = name.strip()
    tokens = tokenize(text)
    skip = 0
    while skip < len(tokens) and tokens[skip].norm in ARTICLES:
        skip += 1
    matches = find_actors(text, None, index)
    if not tokens or not matches or matches[-1].end != tokens[-1].end:
        return None
    if len(matches) == 1 and matches[0].start == tokens[skip].start:
        return replace(matches[0].entity, entity_text=text)
    # An appositive: a role noun before the name ("the rights group Amnesty") names the same actor.
    if len(matches) == 2 and matches[0].kind == "role" and matches[0].start == tokens[skip].start:
        between = text[matches[0].end : matches[1].start]
        if not between.strip() and matches[1].entity.identifier_id:
            return replace(matches[1].entity, entity_text=text)
    return None


def resolve_office(actor_id: str, when: str, index: ActorIndex) -> str | None:
    """The name of whoever held the office ``actor_id`` at ``when`` (ISO, possibly reduced)."""
    holder = _holder(index, actor_id, when)
    return index.actors[holder].name if holder else None


def _holder(index: ActorIndex, actor_id: str, when: str) -> str | None:
    actor, bounds = index.actors.get(actor_id), iso_bounds(when)
    if actor is None or bounds is None:
        return None
    lo, hi = bounds
    terms = []
    for office in actor.offices:
        start = iso_bounds(office.start)
        end = iso_bounds(office.end) if office.end else None
        if start and start[0] <= hi and lo <= (end[1] if end else date.max):
            terms.append((start[0], office.holder))
    if lo == hi and terms:
        return max(terms)[1]  # on the day of a handover the incoming holder speaks for the office
    holders = {holder for _, holder in terms}
    return holders.pop() if len(holders) == 1 else None  # a month or year spanning two terms is unknown


# ---------------------------------------------------------------- scanning


def _scan(tokens: list[Token], index: ActorIndex) -> list[_Hit]:
    hits, i = [], 0
    while i < len(tokens):
        hit = _longest_at(tokens, i, index)
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i = hit.last
    return hits


def _longest_at(tokens: list[Token], i: int, index: ActorIndex) -> _Hit | None:
    for size in range(min(index.longest, len(tokens) - i), 0, -1):
        words = tokens[i : i + size]
        for alias in index.aliases.get(tuple(t.norm for t in words), ()):
            if not all(case_ok(p, t.text) for p, t in zip(alias.words, words, strict=True)):
                continue
            if alias.article and i > 0 and tokens[i - 1].norm not in ARTICLES:
                continue
            actor = index.actors[alias.actor_id]
            if i + size < len(tokens) and tokens[i + size].norm in actor.exclude_next:
                continue
            return _Hit(i, i + size, actor, generic=actor.kind == "role")
    return None


# ---------------------------------------------------------------- joining what is one name


def _gap(tokens: list[Token], left: int, right: int) -> tuple[str, ...]:
    return tuple(t.norm for t in tokens[left:right])


def _join(hits: list[_Hit], tokens: list[Token], index: ActorIndex) -> list[_Hit]:
    out: list[_Hit] = []
    for hit in hits:
        if out and hit.first < out[-1].last:
            continue  # its words went into the previous name (a nationality after a noun)
        if hit.actor.kind == "person":
            hit = _honorifics(hit, tokens, out)
        prev = out[-1] if out else None
        joined = _with_previous(prev, hit, tokens) if prev else None
        if joined is not None:
            out.pop()
            hit = joined
        elif hit.actor.kind != "person":
            hit = _with_demonym(hit, tokens, index, out)
        out.append(hit)
    return out


def _honorifics(hit: _Hit, tokens: list[Token], out: list[_Hit]) -> _Hit:
    floor = out[-1].last if out else 0
    first = hit.first
    while first - 1 >= floor and (tokens[first - 1].norm in HONORIFICS
                                  or (tokens[first - 1].norm == "." and first - 2 >= floor
                                      and tokens[first - 2].norm in HONORIFICS)):
        first -= 1
    return replace(hit, first=first)


def _with_previous(prev: _Hit, hit: _Hit, tokens: list[Token]) -> _Hit | None:
    gap = _gap(tokens, prev.last, hit.first)
    kind, before = hit.actor.kind, prev.actor.kind
    if before == "country" and kind != "person" and (gap == () or gap in POSSESSIVE):
        return _under_country(hit, prev.first, prev.actor.country)
    if before in ORGANISATIONS and kind in {"role", "office"} and gap in ((), *POSSESSIVE):
        return replace(prev, last=hit.last)  # "Interior Ministry officials", "NCRI president": the body acted
    if (before == "role" and kind in ORGANISATIONS and prev.actor.sector in {None, hit.actor.sector}
            and gap[:1] and gap[0] in OF and set(gap[1:]) <= OF_ARTICLES):
        return replace(hit, first=prev.first)  # "members of the Basij", "officials of the judiciary"
    if before in {"office", "role"} and kind == "person" and gap == ():
        return replace(hit, first=prev.first)  # "President Hassan Rouhani"
    return None


def _under_country(hit: _Hit, first: int, code: str | None) -> _Hit | None:
    """``hit`` preceded by a country or nationality: the same actor, a role noun of that
    country, or another country's office; None where the two stay apart."""
    if hit.actor.kind == "role":
        return replace(hit, first=first, code=code)
    if hit.actor.country == code:
        return replace(hit, first=first)
    if hit.actor.kind in {"office", "state_body"}:
        return replace(hit, first=first, code=code, generic=True)
    return None


def _with_demonym(hit: _Hit, tokens: list[Token], index: ActorIndex, out: list[_Hit]) -> _Hit:
    floor = out[-1].last if out else 0
    for size in (3, 2, 1):
        start = hit.first - size
        if start >= floor and (found := index.demonyms.get(_gap(tokens, start, hit.first))):
            joined = _under_country(hit, start, found[0])
            if joined is not None:
                return joined
    # French and Persian put the adjective after the noun: "les autorités iraniennes".
    for size in (3, 2, 1):
        end = hit.last + size
        found = index.demonyms.get(_gap(tokens, hit.last, end)) if end <= len(tokens) else None
        if found and not tokens[hit.last].text[:1].isupper():
            joined = _under_country(hit, hit.first, found[0])
            if joined is not None:
                return replace(joined, last=end)
    return hit


# ---------------------------------------------------------------- guards


def _is_name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def _sentence_initial(tokens: list[Token], i: int, text: str) -> bool:
    """Whether token i opens a sentence or a paragraph, where any word is capitalised."""
    if i == 0 or tokens[i - 1].norm in SENTENCE_OPENERS:
        return True
    return "\n" in text[tokens[i - 1].end : tokens[i].start]


def _guard(hits: list[_Hit], tokens: list[Token], text: str) -> list[_Hit]:
    """Drop what is part of a longer name the base does not know; mark former office-holders."""
    out: list[_Hit] = []
    covered = {i for h in hits for i in range(h.first, h.last)}
    skip_next = False
    for n, hit in enumerate(hits):
        if skip_next:
            skip_next = False
            continue
        before = hit.first - 1
        if (hit.actor.kind == "person" and before >= 0 and before not in covered
                and _is_name_word(tokens[before]) and not _sentence_initial(tokens, before, text)):
            continue  # "Ahmad Khatami" is not Mohammad Khatami
        if hit.actor.kind == "office":
            nxt = hits[n + 1] if n + 1 < len(hits) else None
            kept = _office_guard(hit, tokens, covered, nxt)
            if kept is None:
                continue
            if nxt is not None and kept.last >= nxt.last:
                skip_next = True
            hit = kept
        out.append(hit)
    return out


def _office_guard(hit: _Hit, tokens: list[Token], covered: set[int], nxt: _Hit | None) -> _Hit | None:
    after = hit.last
    if after < len(tokens) and after not in covered and _is_name_word(tokens[after]):
        return None  # "President Donald Trump": a title of someone the base does not know
    if after < len(tokens) and tokens[after].norm in OF:
        target = after + 1
        while target < len(tokens) and tokens[target].norm in OF_ARTICLES:
            target += 1
        if nxt is None or nxt.first != target or nxt.actor.country != hit.actor.country:
            return None  # "president of the bar association", "President of the United States"
        hit = replace(hit, last=nxt.last)
    mod = hit.first - 1
    if mod >= 0 and tokens[mod].norm in INDEFINITE:
        return replace(hit, generic=True, code=hit.code or hit.actor.country)  # "a Guards commander"
    if mod >= 0 and tokens[mod].norm == "-" and mod > 0:
        mod -= 1
    if mod >= 0 and tokens[mod].norm in NOT_HOLDER and mod not in covered:
        return replace(hit, first=mod, generic=True, code=hit.code or hit.actor.country)
    return hit


# ---------------------------------------------------------------- records


def _match(hit: _Hit, tokens: list[Token], text: str, index: ActorIndex, when: str | None) -> ActorMatch:
    start, end = tokens[hit.first].start, tokens[hit.last - 1].end
    written, actor = text[start:end], hit.actor
    if hit.generic:
        entity = Entity(written, None, None, hit.code, actor.sector)
    elif actor.kind == "office" and when and (holder := _holder(index, actor.id, when)):
        entity = Entity(written, holder, index.actors[holder].name, actor.country, actor.sector)
    else:
        entity = Entity(written, actor.id, actor.name, actor.country, actor.sector)
    return ActorMatch(start, end, entity, actor.kind)

