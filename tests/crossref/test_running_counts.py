"""Running counts since a day, and a day's count against a stretch's total (issue 12, "Events
and periods"), read end to end: a later report of one body giving a lower count since the
same day, the same place, is a ``cumulative_decrease``; a correction, a narrower scope,
another start, another or no body, an undated report, a sub-period are not. A day's count and
the total of several days ("sur les quatre jours") are never one series. Cases (our own
words) in ``tests/crossref/data/running_counts.json``: ``flags`` the accusations expected,
``apart`` the pairs of figures never linked as an evolution or a contradiction."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_articles, case_ids, load_cases

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

CASES = load_cases("running_counts")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_running_count(case: dict) -> None:
    claims = claims_frame(case_articles(case, dated=False))
    assert len(claims), "the figures must be read"
    links, flags = cross_reference(claims)
    raised = sorted(flags[flags["type"].isin(ACCUSATIONS)]["type"]) if len(flags) else []
    assert raised == sorted(case["flags"]), (case["why"], flags.to_dict("records"))
    ids = {(a, s): c for a, s, c in zip(claims["article_id"], claims["surface"],
                                        claims["claim_id"], strict=True)}
    for a, sa, b, sb in case["apart"]:
        pair = {ids[(a, sa)], ids[(b, sb)]}
        linked = links[[{x, y} == pair for x, y in zip(links["claim_a"], links["claim_b"],
                                                        strict=True)]] if len(links) else links
        assert not len(linked) or not linked["relation"].isin(
            ["evolution", "contradiction"]).any(), (case["why"], linked.to_dict("records"))


def test_running_counts_have_flags_and_near_misses() -> None:
    assert any(c["flags"] for c in CASES) and sum(not c["flags"] for c in CASES) >= 10
