"""Which of a French, German or Persian sentence's dates, places and counts belong to which trigger."""

from __future__ import annotations

from chronicler.extract.assemble import COUNT_EVENT
from chronicler.extract.facts.times import DateMatch
from chronicler.extract.findings import Participant
from chronicler.extract.surface.actors import word_index
from chronicler.extract.surface.words import Hit, Sentence
from chronicler.records import Count, Location


def date_for(sent: Sentence, hit: Hit, hits: list[Hit], dates: list[DateMatch], verb: int | None
             ) -> DateMatch | None:
    """The date in the trigger's clause, else the nearest one no other trigger's clause holds."""
    lo, hi = sent.clause(hit.head)
    others = [sent.clause(h.head) for h in hits if h is not hit and sent.clause(h.head) != (lo, hi)]
    usable = [d for d in dates if (verb is None or abs(word_index(sent, d.start) - verb) > 2)
              and not any(a <= word_index(sent, d.start) < b for a, b in others)]
    own = [d for d in usable if lo <= word_index(sent, d.start) < hi]
    pool = own or usable
    centre = sent.words[hit.head].start
    return min(pool, key=lambda d: abs(d.start - centre)) if pool else None


def counts_for(
    hit: Hit, sent: Sentence, hits: list[Hit], counts: list[tuple[int, Count]]
) -> tuple[Count, ...]:
    """Each figure goes to the event it measures: by kind, else to the nearest trigger."""
    mine = []
    for start, count in counts:
        wanted = COUNT_EVENT.get(count.kind)
        owners = [h for h in hits if h.event == wanted] if wanted else []
        if not owners:
            at = word_index(sent, start)
            owners = sorted(hits, key=lambda h: (not sent.clause(h.head)[0] <= at < sent.clause(h.head)[1],
                                                 abs(sent.words[h.head].start - start)))[:1]
        if owners and owners[0] is hit:
            mine.append(count)
    return tuple(mine)


def places_for(sent: Sentence, hit: Hit, sent_places: list[tuple[int, int, Location]],
               taken: list[tuple[int, int]], claimant: Participant | None, datelines: list[tuple[int, int]]
               ) -> list[Location]:
    """Places of the event: those of its own clause first, a country after the cities it frames;
    never inside a name of an actor or claimant, from the claimant to the end of its clause or of
    the apposition after it ("une ONG basée à Paris"), nor in a dateline."""
    lo, hi = sent.clause(hit.head)
    banned = [*taken, *datelines]
    if claimant is not None and sent.start <= claimant.start < sent.end:
        c_lo, c_hi = sent.clause(word_index(sent, claimant.start))
        end = sent.clause(c_hi + 1)[1] if c_hi + 1 < len(sent.words) and not lo <= c_hi + 1 < hi else c_hi
        if not c_lo <= hit.head < c_hi:
            banned.append((claimant.start, sent.words[max(c_lo, end - 1)].end))
    kept = [(s, loc) for s, e, loc in sent_places if not any(a <= s and e <= b for a, b in banned)]
    own = [loc for s, loc in kept if lo <= word_index(sent, s) < hi]
    ordered = own + [loc for s, loc in kept if not lo <= word_index(sent, s) < hi]
    # "in several cities of Iran, among them Ahvaz": the cities say where, the country only frames them.
    inner = {loc.country_code for loc in ordered if loc.resolution != "country"}
    framing = [loc for loc in ordered if loc.resolution == "country" and loc.country_code in inner]
    return [loc for loc in ordered if loc not in framing] + framing
