"""Claims side by side: who said which figure when, revisions, views and disagreement.

Every figure a member mention states becomes one ``Claim`` with its provenance (mention,
document, outlet, publication date, claimant). Nothing is averaged away: the views below
(ACLED's conservative count, UCDP's low/best/high) are computed from the claims on demand.

A claimant is who the sentence says asserts the figure; a figure in the outlet's own voice is
claimed by the outlet. One claimant's claims of one kind, in published order, are *revisions*:
the latest replaces the earlier ones ("208" then "304" from one source is a revision, not a
disagreement).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from chronicler.records import Claim, Count, DocumentFacts, Entity, EventMention, Sources
from chronicler.text.safe import clean_name

# Vague quantifiers read at their smallest plausible value, as ACLED codes "dozens" as 12 and
# "hundreds" as 100 when no number is given. A closed grammatical class, so it stays in code.
_VAGUE_FLOOR = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "tens of thousands": 10000}
_ABOUT = 0.1  # "about 1,500" is read as 1,500 give or take a tenth
_LATE = "\uffff"  # sorts an unknown publication date after every known one


def claims_of(mention: EventMention, facts: DocumentFacts | None) -> tuple[Claim, ...]:
    """One claim per count of the mention, with the document's outlet and publication date."""
    outlet = clean_name((facts.outlet if facts else None) or mention.outlet)
    published = facts.published if facts else None
    claimant = safely_named(mention.claimed_by) if mention.claimed_by else None
    return tuple(
        Claim(
            kind=c.kind,
            low=c.low,
            high=c.high,
            qualifier=c.qualifier,
            text=c.text,
            claimed_by=claimant,
            outlet=outlet,
            doc_id=mention.doc_id,
            mention_id=mention.id,
            published=published,
        )
        for c in mention.counts
    )


def safely_named(entity: Entity) -> Entity:
    """The entity with a name fit to show: no controls, no bidi characters (``clean_name``).
    The mention's own JSON keeps the name as its sentence writes it."""
    name = clean_name(entity.entity_text) or entity.entity_text
    return entity if name == entity.entity_text else replace(entity, entity_text=name)


def entity_key(entity: Entity) -> str:
    """An entity's identity: its knowledge-base id, else its normalised name."""
    if entity.identifier_id:
        return entity.identifier_id
    return " ".join((entity.identifier_text or entity.entity_text).lower().split())


def claimant_key(claim: Claim) -> str:
    """Who stands behind a figure: the named claimant, else the outlet in its own voice."""
    if claim.claimed_by is not None:
        return entity_key(claim.claimed_by)
    return f"outlet:{claim.outlet or claim.doc_id}"


def _in_order(claim: Claim) -> tuple[str, str, str]:
    return (claim.published or _LATE, claim.doc_id, claim.mention_id)


def claim_groups(claims: Iterable[Claim]) -> dict[tuple[str, str], tuple[Claim, ...]]:
    """Claims by (kind, claimant), each group in published order: its revisions, oldest first."""
    groups: defaultdict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.kind, claimant_key(claim))].append(claim)
    return {key: tuple(sorted(group, key=_in_order)) for key, group in sorted(groups.items())}


def latest_claims(claims: Iterable[Claim], kind: str) -> tuple[Claim, ...]:
    """Each claimant's latest figure of ``kind``; earlier ones are replaced by the revision.

    Several claims of one claimant on the latest publication date (one article giving two
    figures, or reposts of it) are all kept.
    """
    out: list[Claim] = []
    for (group_kind, _), group in claim_groups(claims).items():
        if group_kind != kind:
            continue
        last = group[-1].published
        out.extend(c for c in group if c.published == last)
    return tuple(out)


def interval(claim: Claim) -> tuple[float, float]:
    """The values a claim allows: "at least 208" is [208, inf), "up to 96" is [0, 96]."""
    low, high, q = claim.low, claim.high, claim.qualifier
    if q == "exact" and low is not None:
        return (low, low)
    if q == "about" and low is not None:
        return (low * (1 - _ABOUT), low * (1 + _ABOUT))
    if q in ("at_least", "more_than") and low is not None:
        return (low + (1 if q == "more_than" else 0), math.inf)
    if q in ("at_most", "less_than") and high is not None:
        return (0, high - (1 if q == "less_than" else 0))
    if q == "range":
        return (low if low is not None else 0, high if high is not None else math.inf)
    return (0, math.inf)  # a vague figure rules nothing out


def floor_of(claim: Claim | Count) -> int | None:
    """The least a figure asserts: its lower bound, a vague word's floor; None for "up to"."""
    if claim.qualifier == "vague":
        return _VAGUE_FLOOR.get(claim.text.lower().strip())
    if claim.qualifier in ("at_most", "less_than"):
        return None
    return claim.low


def _point(claim: Claim) -> int | None:
    """A single figure for a claim: its stated number; a range's middle; "up to" its ceiling."""
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        return (claim.low + claim.high) // 2
    if claim.qualifier in ("at_most", "less_than"):
        return claim.high
    return floor_of(claim)


def acled_conservative(claims: Iterable[Claim], kind: str) -> int | None:
    """ACLED's rule: where reports differ, the most conservative (lowest) figure.

    Over each claimant's latest figure of ``kind``: the lower bound a claim asserts ("at least
    304" and "about 300" assert 304 and 300, "dozens" 12), the smallest of them. "Up to 96"
    asserts no lower bound and is used only when no claim gives one. None with no figure.
    """
    return lowest(latest_claims(claims, kind))


def lowest(figures: Iterable[Claim | Count]) -> int | None:
    """The most conservative of some figures of one kind: the smallest lower bound any asserts;
    with none ("up to 96" only), the smallest ceiling; None with no figure."""
    figures = tuple(figures)
    floors = [f for f in map(floor_of, figures) if f is not None]
    if floors:
        return min(floors)
    ceilings = [c.high for c in figures if c.high is not None]
    return min(ceilings) if ceilings else None


def ucdp_estimates(claims: Iterable[Claim], kind: str) -> tuple[int | None, int | None, int | None]:
    """UCDP-style (low, best, high) over each claimant's latest figure of ``kind``.

    low is the smallest lower bound, high the largest figure any claim states (a range's top,
    "up to" its ceiling, otherwise the number itself). UCDP's best is the estimate its coders
    find most reliable; with no coder we take the median of the claimants' single figures
    (the lower median on an even count, so best is always a figure somebody reported),
    kept within [low, high].
    """
    latest = latest_claims(claims, kind)
    floors = [f for f in map(floor_of, latest) if f is not None]
    tops = [t for c in latest for t in (c.high, floor_of(c)) if t is not None]
    points = sorted(p for p in map(_point, latest) if p is not None)
    low = min(floors) if floors else None
    high = max(tops) if tops else None
    if not points:
        return (low, None, high)
    best = points[(len(points) - 1) // 2]
    if low is not None:
        best = max(best, low)
    if high is not None:
        best = min(best, high)
    return (low, best, high)


def figures_conflict(claims: Iterable[Claim]) -> bool:
    """True when some kind's latest claims cannot all be true: their intervals share no value.

    Intervals on a line that meet pairwise all meet (Helly), so comparing the largest lower
    bound with the smallest upper bound decides it.
    """
    claims = tuple(claims)
    for kind in sorted({c.kind for c in claims}):
        spans = [interval(c) for c in latest_claims(claims, kind)]
        if spans and max(s[0] for s in spans) > min(s[1] for s in spans):
            return True
    return False


def disagreement(claims: Iterable[Claim], modalities: Collection[str] = ()) -> bool:
    """Claims of one kind that cannot all be true, or an asserted mention meeting a negated one."""
    denied = "negated" in modalities
    affirmed = bool({"asserted", "hedged"} & set(modalities))
    return (denied and affirmed) or figures_conflict(claims)


def sources(doc_ids: Iterable[str], documents: Mapping[str, DocumentFacts]) -> Sources:
    """Outlets and independent sources, counting each near-duplicate group once.

    Each document stands for its group's representative; ``independent`` counts distinct
    independence keys over the representatives (a representative without one counts alone).
    Affiliations are those of every carrying document, sorted and distinct.
    """
    reps: set[str] = set()
    affiliations: set[str] = set()
    for doc_id in doc_ids:
        facts = documents.get(doc_id)
        reps.add(representative(doc_id, facts))
        if facts is not None and facts.affiliation:
            affiliations.add(facts.affiliation)
    outlets: set[str] = set()
    keys: set[str] = set()
    for rep in sorted(reps):
        facts = documents.get(rep)
        outlet = facts.outlet if facts else None
        if outlet:
            outlets.add(outlet)
        key = facts.independence_key if facts else None
        keys.add(f"key:{key}" if key else f"doc:{outlet or rep}")
    return Sources(tuple(sorted(outlets)), len(keys), tuple(sorted(affiliations)))


def representative(doc_id: str, facts: DocumentFacts | None) -> str:
    """The doc id that stands for a document's near-duplicate group (itself when none is given)."""
    return (facts.representative if facts else "") or doc_id


def claimant_name(claim: Claim) -> str:
    """The claimant as a reader knows it: the canonical name, else as written; for a figure in
    the outlet's own voice, the outlet."""
    if claim.claimed_by is not None:
        return claim.claimed_by.identifier_text or claim.claimed_by.entity_text
    return f"{claim.outlet or claim.doc_id} (own voice)"


def revisions(group: Sequence[Claim]) -> list[str]:
    """The figures of one claimant in published order, a figure repeated by reposts or later
    articles shown once until the claimant changes it: "208 -> 304", not "208 -> 208 -> 304"."""
    out: list[str] = []
    for claim in group:
        if not out or out[-1] != claim.text:
            out.append(claim.text)
    return out


def group_table(claims: Sequence[Claim]) -> list[dict[str, object]]:
    """The claims table of ``chronicler claims``: one row per (kind, claimant), revisions in order."""
    rows: list[dict[str, object]] = []
    for (kind, key), group in claim_groups(claims).items():
        rows.append(
            {
                "kind": kind,
                "claimant": claimant_name(group[-1]),
                "claimant_key": key,
                "figures": revisions(group),
                "first": group[0].published,
                "latest": group[-1].published,
                "outlets": sorted({c.outlet for c in group if c.outlet}),
            }
        )
    return rows
