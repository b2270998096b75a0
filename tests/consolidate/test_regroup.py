"""Reviewers' splits and joins applied to groups of mentions (consolidate/regroup.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chronicler.consolidate.regroup import GroupJudgement, regroup

GROUPS = [["a", "b", "c"], ["d"], ["e", "f"]]


def test_a_split_takes_the_mention_out_alone() -> None:
    assert regroup(GROUPS, [GroupJudgement("split", "b")]) == [["a", "c"], ["b"], ["d"], ["e", "f"]]
    assert regroup(GROUPS, [GroupJudgement("split", "d")]) == GROUPS  # alone already


def test_a_join_puts_two_groups_together() -> None:
    assert regroup(GROUPS, [GroupJudgement("join", "a", "f")]) == [["a", "b", "c", "e", "f"], ["d"]]
    assert regroup(GROUPS, [GroupJudgement("join", "a", "b")]) == GROUPS  # together already


def test_judgements_apply_in_order_and_of_mentions_gone_do_nothing() -> None:
    joined_then_split = [GroupJudgement("join", "d", "e"), GroupJudgement("split", "d")]
    assert regroup(GROUPS, joined_then_split) == [["a", "b", "c"], ["e", "f"], ["d"]]
    assert regroup(GROUPS, [GroupJudgement("split", "zz"), GroupJudgement("join", "a", "zz")]) == GROUPS


mention_ids = st.sampled_from(list("abcdef"))


@given(st.lists(st.builds(GroupJudgement, st.sampled_from(["split", "join"]), mention_ids, mention_ids)))
def test_every_mention_stays_in_exactly_one_group(judgements: list[GroupJudgement]) -> None:
    found = regroup(GROUPS, judgements)
    assert sorted(m for g in found for m in g) == list("abcdef") and all(found)
    last = {j.mention: j for j in judgements}
    for mention, j in last.items():
        if j.action == "split" and not any(k.other == mention or (k.mention == mention and k.action == "join")
                                           for k in judgements[judgements.index(j) + 1 :]):  # fmt: skip
            assert [mention] in found
