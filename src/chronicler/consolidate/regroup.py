"""Reviewers' splits and joins of consolidated events, applied to the groups clustering made.

Judgements name mentions, not events: an event's id follows from its earliest member, so one
keyed by mentions still means the same after re-ingest and re-consolidation. They apply in the
order they were made: a join puts the groups of its two mentions together; a split takes its
mention out of its group, alone. A judgement of a mention no longer stored does nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

GroupAction = Literal["split", "join"]


@dataclass(frozen=True)
class GroupJudgement:
    action: GroupAction
    mention: str
    other: str | None = None  # a join's second mention


def regroup(groups: Sequence[Sequence[str]], judgements: Sequence[GroupJudgement]) -> list[list[str]]:
    """``groups`` of mention ids after ``judgements``, in the order they were made; groups keep
    their order, a split mention comes right after the group it left."""
    slots: list[list[str]] = [list(g) for g in groups]
    where = {m: i for i, g in enumerate(slots) for m in g}
    for j in judgements:
        home = where.get(j.mention)
        if home is None:
            continue
        if j.action == "split":
            if len(slots[home]) > 1:
                slots[home].remove(j.mention)
                slots.insert(home + 1, [j.mention])
                where = {m: i for i, g in enumerate(slots) for m in g}
        elif j.other is not None and where.get(j.other) not in (None, home):
            away = where[j.other]
            slots[home].extend(slots[away])
            slots[away] = []
            where.update((m, home) for m in slots[home])
    return [g for g in slots if g]
