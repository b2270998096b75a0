"""Which mentions state the same real-world event: a blocked, ordered, greedy clustering.

Mentions are taken in one canonical order (publication date, near-duplicate group, document,
dated before undated, offset, id), so the result never depends on the order they were given
in, and documents published later only ever join or add clusters: ingesting them later gives
the grouping a single run gives. Within a document the dated mentions go first, so that an
undated one ("the crackdown") follows the event its dated neighbours chose.

Each mention is compared with the *clusters* it could belong to, never with every mention:
candidates come from an index keyed by event type and one of document group, figure, month
or year of the event, or (for undated mentions) place and actor; and by sentence, for the
statements below. A candidate must be compatible on every count and bring enough evidence;
the best-scoring one (the earliest on a tie) takes the mention, otherwise it starts a cluster
of its own.

Compatible: same type; both realis (asserted, negated, hedged, and a hypothetical toll for a
time already past: "up to 96 may have died") or both irrealis (future, hypothetical); time
spans overlapping at the precision stated (a few days' slack between two day dates, since
reports of one event straddle midnight and time zones); an undated mention lies before its
publication, and as news within the year before it; one country; places where a city differs
only if both sides name several cities (two accounts of one wave; a single town is a local
event of its own); a toll of dead or injured never joins a destruction of property, nor the
reverse; actors that share a name, or (for material events) do not belong to disjoint known
sectors, where a subject with no one acted on may be the victims that others name as the
recipients ("people died"); verbal events by speakers of different names never merge.

One statement: two types stated in one sentence are one event when one speaker says both
("praised ... and called on ...") or when an action to come is announced, threatened or
called for in the sentence that states it (``one_statement``).

Evidence, in points: same document group 3, a shared figure of ten or more 3 (small numbers
recur by chance), overlapping months or days 2, overlapping years 1, a shared city or province
1, a shared actor or recipient name 1 each, a mode the cluster has 1. Against: a mode the
cluster lacks -4 (the type is what must match, so a different form is allowed, but only on
strong evidence: arson and shootings in one month are different events), a city on one side
and only the country on the other -1. Two points join; verbal events from different documents
also need the speaker (or a figure).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from chronicler.consolidate.features import DAY, MONTH, YEAR, Features, months, years

MODE_CLASH = -4  # a mode the cluster lacks (see the module doc)
PLACE_LEVEL = -1  # a city against only the country
JOIN = 2  # evidence points a mention needs to join a cluster
TELLING_FIGURE = 10  # the smallest figure whose recurrence tells that two reports are one event
STATEMENT = 5  # a second type stated in the same sentence as one event (see one_statement)
DAY_SLACK = 3  # days between two day-precision dates of one event
CANDIDATES_PER_KEY = 128  # the most recent clusters read from one index key; bounds the work

Key = tuple[str, str, object]


class Cluster:
    """The running summary of one cluster: unions of what its members state, and time hulls."""

    __slots__ = (
        "actor_sectors",
        "actors",
        "bound",
        "countries",
        "event",
        "events",
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
        "sentences",
        "targets",
    )

    def __init__(self, index: int, first: Features) -> None:
        self.index = index
        self.event = first.event
        self.events = {first.event}
        self.realis = {first.event: first.realis}  # per type: a statement joins two
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
        self.targets: set[str] = set()
        self.bound: tuple[int, int] | None = None  # where its undated members' event may lie
        self.sentences: dict[tuple[str, int], list[Features]] = {}  # statement members only

    def add(self, f: Features) -> None:
        self.members.append(f)
        self.events.add(f.event)
        self.realis.setdefault(f.event, f.realis)
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
        if f.target:
            self.targets.add(f.target)
        if f.bound is not None:
            b = self.bound
            self.bound = f.bound if b is None else (max(b[0], f.bound[0]), min(b[1], f.bound[1]))
        if stated(f):
            self.sentences.setdefault(f.sentence, []).append(f)

    def finest(self) -> int | None:
        return next((p for p in (DAY, MONTH, YEAR) if self.hulls[p] is not None), None)


def _within(hull: tuple[int, int] | None, bound: tuple[int, int] | None) -> bool:
    """Whether days ``hull`` can lie in ``bound`` (either unknown: they can)."""
    return hull is None or bound is None or (hull[0] <= bound[1] and hull[1] >= bound[0])


def _time(c: Cluster, f: Features) -> int | None:
    """Evidence points from time, or None when the spans cannot be one event's."""
    span = f.span
    p = c.finest()
    if not (
        _within(c.hulls[p] if p is not None else None, f.bound)
        and _within((span[0], span[1]) if span else None, c.bound)
        and _within(c.bound, f.bound)
    ):
        return None
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
    if len(cities) > 1 and len(mine) > 1:
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


def _actors(c: Cluster, f: Features) -> int | None:
    """Actors as ``_party`` has them, but the subject of a sentence that counts people and has
    no one acted on may be the victims ("dozens died", "hundreds were detained"), whom other
    reports name as the recipients: that is no clash."""
    points = _party(c.actors, c.actor_sectors, f.actors, f.actor_sectors, f.verbal)
    if points is None and f.counts_people and not f.recipients and f.actor_sectors & c.recipient_sectors:
        return 0
    return points


def stated(f: Features) -> bool:
    """A mention that may be one statement with another type in its sentence."""
    return f.verbal or not f.realis


def one_statement(a: Features, b: Features) -> bool:
    """Two types stated in one sentence that are one event: what one speaker says in one breath
    ("praised the units and called on the young to join them"), and an action announced,
    threatened or called for together with the announcement ("warned that teachers will
    strike", "plans a rally and called on parents to join")."""
    if a.sentence != b.sentence or a.event == b.event:
        return False
    if a.verbal and b.verbal:
        return bool(a.actors & b.actors)
    material = b if a.verbal else a
    return a.verbal != b.verbal and not material.realis


def _telling(figure: tuple[str, int | None, int | None]) -> bool:
    """A figure two reports share by more than chance: small numbers ("seven hanged", "two
    wounded") recur across unrelated events."""
    return max(figure[1] or 0, figure[2] or 0) >= TELLING_FIGURE


def score(c: Cluster, f: Features) -> int | None:
    """Evidence that ``f`` states ``c``'s event, or None when it cannot."""
    if f.event not in c.events:
        linked = any(one_statement(m, f) for m in c.sentences.get(f.sentence, ()))
        return STATEMENT if linked else None
    if c.realis[f.event] != f.realis:
        return None
    if f.target and c.targets and f.target not in c.targets:
        return None  # a toll of dead and a destruction of property are different acts
    parts = (
        _mode(c, f.mode),
        _time(c, f),
        _place(c, f),
        _actors(c, f),
        _party(c.recipients, c.recipient_sectors, f.recipients, f.recipient_sectors, False),
    )
    if any(p is None for p in parts):
        return None
    same_doc = f.rep in c.reps
    shared_figure = any(_telling(fig) for fig in c.figures & f.figures)
    points = sum(p for p in parts if p is not None) + 3 * same_doc + 3 * shared_figure
    if f.verbal and not same_doc and not shared_figure and not (c.actors & f.actors):
        return None
    return points


def index_keys(f: Features) -> list[Key]:
    """The keys a cluster holding ``f`` is filed under."""
    keys: list[Key] = [(f.event, "rep", f.rep)]
    keys += [("", "sentence", f.sentence)] if stated(f) else []
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
    keys += [("", "sentence", f.sentence)] if stated(f) else []
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
