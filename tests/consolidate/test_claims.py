"""Claims side by side: provenance, revisions, the ACLED and UCDP views, disagreement, sources."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chronicler.consolidate.claims import (
    acled_conservative,
    claim_groups,
    claims_of,
    disagreement,
    figures_conflict,
    group_table,
    latest_claims,
    sources,
    ucdp_estimates,
)
from chronicler.records import Claim, Count, DocumentFacts, Entity, EventMention

Maker = Callable[..., EventMention]
Cnt = Callable[..., Count]
Doc = Callable[..., DocumentFacts]

AMNESTY = Entity("Amnesty International", "amnesty-international", "Amnesty International", "NGO", "SOC")
UN = Entity("the UN", "un", "United Nations", "IGO", None)
OFFICIALS = Entity("officials", None, None, "IRN", "GOV")


def claim(
    text: str,
    low: int | None,
    high: int | None = None,
    qualifier: str = "exact",
    by: Entity | None = None,
    published: str | None = "2021-03-10",
    kind: str = "dead",
    doc: str = "a",
) -> Claim:
    return Claim(kind, low, high, qualifier, text, by, f"{doc}.example", doc, f"{doc}-{text}", published)  # type: ignore[arg-type]


def test_one_claim_per_count_with_provenance(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mention = m("a1", "a", "ASSAULT", counts=(cnt("dead", 12), cnt("injured", 40)), claimed_by="Amnesty")
    claims = claims_of(mention, doc("a", "2021-03-03", outlet="wire.example"))
    assert [(c.kind, c.low, c.outlet, c.doc_id, c.mention_id, c.published) for c in claims] == [
        ("dead", 12, "wire.example", "a", "a1", "2021-03-03"),
        ("injured", 40, "wire.example", "a", "a1", "2021-03-03"),
    ]
    assert claims[0].claimed_by == mention.claimed_by
    assert claims[0].to_json()["claimed_by"]["identifier_id"] == "amnesty-international"


def test_groups_by_kind_and_claimant_with_revisions_in_order() -> None:
    claims = [
        claim("304", 304, by=AMNESTY, published="2019-12-16"),
        claim("1,500", 1500, by=OFFICIALS, published="2019-12-23"),
        claim("208", 208, qualifier="at_least", by=AMNESTY, published="2019-11-29"),
        claim("7,000", 7000, kind="arrested", by=AMNESTY, published="2019-12-16"),
    ]
    groups = claim_groups(claims)
    assert [c.text for c in groups[("dead", "amnesty-international")]] == ["208", "304"]
    assert list(groups) == [
        ("arrested", "amnesty-international"),
        ("dead", "amnesty-international"),
        ("dead", "officials"),
    ]
    assert [c.text for c in latest_claims(claims, "dead")] == ["304", "1,500"]


def test_own_voice_figures_are_claimed_by_the_outlet() -> None:
    groups = claim_groups([claim("12", 12, doc="a"), claim("15", 15, doc="b")])
    assert list(groups) == [("dead", "outlet:a.example"), ("dead", "outlet:b.example")]


def test_the_table_names_claimants_as_written_and_shows_each_revision_once() -> None:
    claims = [
        claim("208", 208, qualifier="at_least", by=AMNESTY, published="2019-11-29", doc="a"),
        claim("208", 208, qualifier="at_least", by=AMNESTY, published="2019-11-29", doc="repost"),
        claim("208", 208, qualifier="at_least", by=AMNESTY, published="2019-12-02", doc="later"),
        claim("304", 304, by=AMNESTY, published="2019-12-16", doc="b"),
        claim("12", 12, doc="c"),
    ]
    rows = {row["claimant"]: row for row in group_table(claims)}
    assert set(rows) == {"Amnesty International", "c.example (own voice)"}
    amnesty = rows["Amnesty International"]
    assert amnesty["figures"] == ["208", "304"]
    assert (amnesty["first"], amnesty["latest"]) == ("2019-11-29", "2019-12-16")
    assert amnesty["outlets"] == ["a.example", "b.example", "later.example", "repost.example"]
    assert amnesty["claimant_key"] == "amnesty-international"


CASES = [
    # (claims, disagree) -- one claimant unless `by` says otherwise
    ([claim("at least 208", 208, qualifier="at_least", by=UN), claim("304", 304, by=AMNESTY)], False),
    ([claim("304", 304, by=AMNESTY), claim("1,500", 1500, by=OFFICIALS)], True),
    ([claim("208", 208, by=AMNESTY, published="2019-11-29"), claim("304", 304, by=AMNESTY)], False),
    ([claim("up to 96", None, 96, "at_most", by=UN), claim("66", 66, by=AMNESTY)], False),
    (
        [
            claim("up to 96", None, 96, "at_most", by=UN),
            claim("more than 100", 100, None, "more_than", by=AMNESTY),
        ],
        True,
    ),
    ([claim("2,800 to 3,800", 2800, 3800, "range", by=UN), claim("30,000", 30000, by=OFFICIALS)], True),
    ([claim("2,800 to 3,800", 2800, 3800, "range", by=UN), claim("about 3,000", 3000, None, "about")], False),
    ([claim("about 1,500", 1500, None, "about", by=UN), claim("1,450", 1450, by=AMNESTY)], False),
    ([claim("hundreds", None, None, "vague", by=UN), claim("1,500", 1500, by=AMNESTY)], False),
    ([claim("12", 12, by=UN), claim("300", 300, kind="injured", by=AMNESTY)], False),
    ([claim("12", 12, by=UN), claim("12", 12, by=AMNESTY)], False),
]


@pytest.mark.parametrize(("claims", "expected"), CASES)
def test_figures_that_cannot_all_be_true(claims: list[Claim], expected: bool) -> None:
    assert figures_conflict(claims) is expected
    assert disagreement(claims, {"asserted"}) is expected


@pytest.mark.parametrize(
    ("modalities", "expected"),
    [
        ({"asserted"}, False),
        ({"asserted", "negated"}, True),
        ({"hedged", "negated"}, True),
        ({"negated"}, False),
    ],
)
def test_assertion_meeting_denial(modalities: set[str], expected: bool) -> None:
    assert disagreement([], modalities) is expected


VIEWS = [
    # (claims, acled, (low, best, high))
    (
        [claim("304", 304, by=AMNESTY), claim("1,500", 1500, by=OFFICIALS), claim("208", 208, by=UN)],
        208,
        (208, 304, 1500),
    ),
    (
        [
            claim("at least 304", 304, None, "at_least", by=AMNESTY),
            claim("about 1,500", 1500, None, "about", by=UN),
        ],
        304,
        (304, 304, 1500),
    ),
    ([claim("up to 96", None, 96, "at_most", by=UN), claim("66", 66, by=AMNESTY)], 66, (66, 66, 96)),
    ([claim("up to 96", None, 96, "at_most", by=UN)], 96, (None, 96, 96)),
    ([claim("2,800 to 3,800", 2800, 3800, "range", by=UN)], 2800, (2800, 3300, 3800)),
    ([claim("dozens", None, None, "vague", by=UN)], 12, (12, 12, 12)),
    (
        [claim("208", 208, by=AMNESTY, published="2019-11-29"), claim("304", 304, by=AMNESTY)],
        304,
        (304, 304, 304),
    ),
    ([], None, (None, None, None)),
]


@pytest.mark.parametrize(("claims", "acled", "ucdp"), VIEWS)
def test_views(claims: list[Claim], acled: int | None, ucdp: tuple[int | None, ...]) -> None:
    assert acled_conservative(claims, "dead") == acled
    assert ucdp_estimates(claims, "dead") == ucdp


def test_views_read_one_kind() -> None:
    claims = [claim("12", 12, by=UN), claim("300", 300, kind="arrested", by=UN)]
    assert acled_conservative(claims, "arrested") == 300
    assert ucdp_estimates(claims, "injured") == (None, None, None)


def test_sources_count_near_duplicates_and_owners_once() -> None:
    documents = {
        "a": DocumentFacts("a", "2021-03-03", "wire.example", "a", "wire", None, "agency"),
        "b": DocumentFacts("b", "2021-03-03", "repost.example", "a", "repost", "state", "news"),
        "c": DocumentFacts("c", "2021-03-04", "paper.example", "c", "group-x", "state", "news"),
        "d": DocumentFacts("d", "2021-03-04", "tv.example", "d", "group-x", "state", "tv"),
        "e": DocumentFacts("e", "2021-03-05", "blog.example", "e", None, None, None),
    }
    result = sources(["b", "a", "c", "d", "e"], documents)
    assert result.outlets == ("blog.example", "paper.example", "tv.example", "wire.example")
    assert result.independent == 3  # wire (with its repost), group-x, the blog
    assert result.affiliations == ("state",)
    assert result.to_json() == {"outlets": list(result.outlets), "independent": 3, "affiliations": ["state"]}


def test_a_document_without_facts_stands_for_itself() -> None:
    assert sources(["x", "y"], {}).independent == 2
