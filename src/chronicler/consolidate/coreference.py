"""Which mentions state the same real-world event: a blocked, ordered, greedy clustering.

Mentions are taken in one canonical order (publication date, near-duplicate group, document,
offset, id), so the result never depends on the order they were given in, and documents
published later only ever join or add clusters: ingesting them later gives the grouping a
single run gives.

Each mention is compared with the *clusters* it could belong to, never with every mention:
candidates come from an index keyed by event type and one of document group, figure, month
or year of the event, or (for undated mentions) place and actor. A candidate must be
compatible on every count and bring enough evidence; the best-scoring one (the earliest on a
tie) takes the mention, otherwise it starts a cluster of its own.

Compatible: same type; both realis (asserted, negated, hedged) or both irrealis (future,
hypothetical); time spans overlapping at the precision stated (a few days' slack between two
day dates, since reports of one event straddle midnight and time zones); one country; places
where a city differs only if the cluster is not already a several-city event; actors that
share a name, or (for material events) do not belong to disjoint known sectors; verbal events
by speakers of different names never merge.

Evidence, in points: same document group 3, a shared figure 3, overlapping months or days 2,
overlapping years 1, a shared city or province 1, a shared actor or recipient name 1 each, a
mode the cluster has 1. Against: a mode the cluster lacks -4 (the type is what must match, so a
different form is allowed, but only on strong evidence: arson and shootings in one month are
different events), a city on one side and only the country on the other -1. Two points join;
verbal events from different documents also need the speaker (or a figure).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from chronicler.consolidate.features import DAY, MONTH, YEAR, Features, Span, months, years

MODE_CLASH = -4  # a mode the cluster lacks (see the module doc)
PLACE_LEVEL = -1  # a city against only the country
JOIN = 2  # evidence points a mention needs to join a cluster
DAY_SLACK = 3  # days between two day-precision dates of one event
CANDIDATES_PER_KEY = 128  # the most recent clusters read from one index key; bounds the work

Key = tuple[str, str, object]


class Cluster:
    """The running summary of one cluster: unions of what its members state, and time hulls."""

    __slots__ = (
        "actor_sectors",
        "actors",
        "countries",
        "event",
        "figures",
        "hulls",
        "index",
        "keys",
        "members",
        "modes",
        "places",
        "realis",
        "recipient_sectors",
        "recipients",
        "reps",
    )

    def __init__(self, index: int, first: Features) -> None:
        self.index = index
        self.event = first.event
        self.realis = first.realis
        self.members: list[Features] = []
        self.modes: set[str] = set()
        self.reps: set[str] = set()
        self.figures: set[tuple[str, int | None, int | None]] = set()
        self.hulls: list[tuple[int, int] | None] = [None, None, None]
        self.countries: set[str] = set()
        self.places: set[tuple[str, str | None, bool]] = set()
        self.actors: set[str] = set()
        self.actor_sectors: set[str] = set()
        self.recipients: set[str] = set()
        self.recipient_sectors: set[str] = set()
        self.keys: set[Key] = set()

    def add(self, f: Features) -> None:
        self.members.append(f)
        self.reps.add(f.rep)
        if f.mode:
            self.modes.add(f.mode)
        self.figures |= f.figures
        if f.span is not None:
            hull = self.hulls[f.span[2]]
            self.hulls[f.span[2]] = (
                (f.span[0], f.span[1]) if hull is None else (min(hull[0], f.span[0]), max(hull[1], f.span[1]))
            )
        if f.country:
            self.countries.add(f.country)
        self.places |= {(p.key, p.admin1, p.is_admin1) for p in f.places}
        self.actors |= f.actors
        self.actor_sectors |= f.actor_sectors
        self.recipients |= f.recipients
        self.recipient_sectors |= f.recipient_sectors

    def finest(self) -> int | None:
        return next((p for p in (DAY, MONTH, YEAR) if self.hulls[p] is not None), None)


def _time(c: Cluster, span: Span | None) -> int | None:
    """Evidence points from time, or None when the spans cannot be one event's."""
    p = c.finest()
    if span is None or p is None:
        return 0
    hull = c.hulls[p]
    assert hull is not None
    slack = DAY_SLACK if p == DAY and span[2] == DAY else 0
    if span[0] > hull[1] + slack or span[1] < hull[0] - slack:
        return None
    return 2 if min(p, span[2]) >= MONTH else 1


def _mode(c: Cluster, mode: str | None) -> int | None:
    """Two forms of one type (arson and shooting, both ASSAULT) count against being one event."""
    if mode is None or not c.modes:
        return 0
    return 1 if mode in c.modes else MODE_CLASH


def _place(c: Cluster, f: Features) -> int | None:
    if c.countries and f.country and f.country not in c.countries:
        return None
    if not c.places or not f.places:
        # a city on one side and only the country on the other: a local event may be part of
        # the national one, or a separate one, so it costs a point of evidence
        if (c.places and f.country) or (f.places and c.countries):
            return PLACE_LEVEL
        return 0
    mine = {p.key for p in f.places}
    if mine & {p[0] for p in c.places}:
        return 1
    # a province and a city in it are one place at different precision
    theirs_admin1 = {p[1] for p in c.places if p[1]}
    if any(p.admin1 in theirs_admin1 for p in f.places if p.is_admin1) or any(
        a1 in {p.admin1 for p in f.places} for _, a1, is_a1 in c.places if is_a1
    ):
        return 1
    cities = {p[0] for p in c.places if not p[2]}
    if len(cities) > 1 or len(mine) > 1:
        return 0  # an event already spread over several cities may reach one more
    return None


def _party(
    names: set[str], sectors: set[str], f_names: frozenset[str], f_sectors: frozenset[str], by_name: bool
) -> int | None:
    """Actors (or recipients) agree on a shared name; they clash on disjoint known sectors.

    With ``by_name`` (the speakers of verbal events) different names already clash.
    """
    if names & f_names:
        return 1
    if not names or not f_names:
        return 0
    if by_name or (sectors and f_sectors and not sectors & f_sectors):
        return None
    return 0


def score(c: Cluster, f: Features) -> int | None:
    """Evidence that ``f`` states ``c``'s event, or None when it cannot."""
    if c.event != f.event or c.realis != f.realis:
        return None
    parts = (
        _mode(c, f.mode),
        _time(c, f.span),
        _place(c, f),
        _party(c.actors, c.actor_sectors, f.actors, f.actor_sectors, f.verbal),
        _party(c.recipients, c.recipient_sectors, f.recipients, f.recipient_sectors, False),
    )
    if any(p is None for p in parts):
        return None
    same_doc = f.rep in c.reps
    shared_figure = bool(c.figures & f.figures)
    points = sum(p for p in parts if p is not None) + 3 * same_doc + 3 * shared_figure
    if f.verbal and not same_doc and not shared_figure and not (c.actors & f.actors):
        return None
    return points


def index_keys(f: Features) -> list[Key]:
    """The keys a cluster holding ``f`` is filed under."""
    keys: list[Key] = [(f.event, "rep", f.rep)]
    keys += [(f.event, "fig", fig) for fig in sorted(f.figures, key=str)]
    if f.span is not None:
        keys += [(f.event, "year", y) for y in years(f.span)]
        if f.span[2] == YEAR:
            keys += [(f.event, "yearonly", y) for y in years(f.span)]
        else:
            keys += [(f.event, "month", m) for m in months(f.span)]
    keys += [(f.event, "place", p.key) for p in sorted(f.places, key=lambda p: p.key)]
    keys += [(f.event, "actor", a) for a in sorted(f.actors)]
    return keys


def lookup_keys(f: Features) -> list[Key]:
    """The keys under which clusters that ``f`` might join are found."""
    keys: list[Key] = [(f.event, "rep", f.rep)]
    keys += [(f.event, "fig", fig) for fig in sorted(f.figures, key=str)]
    if f.span is None:
        keys += [(f.event, "place", p.key) for p in sorted(f.places, key=lambda p: p.key)]
        keys += [(f.event, "actor", a) for a in sorted(f.actors)]
    elif f.span[2] == YEAR:
        keys += [(f.event, "year", y) for y in years(f.span)]
    else:
        wide = (f.span[0] - DAY_SLACK, f.span[1] + DAY_SLACK, f.span[2])
        keys += [(f.event, "month", m) for m in months(wide)]
        keys += [(f.event, "yearonly", y) for y in years(f.span)]
    return keys


class Clustering:
    """Clusters and their index; ``assign`` files one mention (in canonical order)."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.index: defaultdict[Key, list[int]] = defaultdict(list)

    def _file(self, c: Cluster, f: Features) -> None:
        c.add(f)
        for key in index_keys(f):
            if key not in c.keys:
                c.keys.add(key)
                self.index[key].append(c.index)

    def new(self, f: Features) -> Cluster:
        c = Cluster(len(self.clusters), f)
        self.clusters.append(c)
        self._file(c, f)
        return c

    def add(self, c: Cluster, f: Features) -> None:
        self._file(c, f)

    def assign(self, f: Features) -> Cluster:
        candidates: set[int] = set()
        for key in lookup_keys(f):
            candidates.update(self.index.get(key, ())[-CANDIDATES_PER_KEY:])
        best: tuple[int, int] | None = None
        for i in sorted(candidates):
            points = score(self.clusters[i], f)
            if points is not None and points >= JOIN and (best is None or points > best[0]):
                best = (points, i)
        if best is None:
            return self.new(f)
        chosen = self.clusters[best[1]]
        self.add(chosen, f)
        return chosen


def cluster(features: Iterable[Features], seeded: Sequence[Sequence[Features]] = ()) -> list[Cluster]:
    """Cluster ``features`` on top of ``seeded`` groups, which are kept as they are.

    Seeded members are filed in the canonical order, as a single run would have filed them,
    so the index (and with it every later decision) is the one a single run builds.
    """
    state = Clustering()
    group_of = {f.id: n for n, group in enumerate(seeded) for f in group}
    made: dict[int, Cluster] = {}
    for f in sorted((f for group in seeded for f in group), key=lambda f: f.order):
        n = group_of[f.id]
        if n in made:
            state.add(made[n], f)
        else:
            made[n] = state.new(f)
    for f in sorted(features, key=lambda f: f.order):
        state.assign(f)
    return state.clusters
