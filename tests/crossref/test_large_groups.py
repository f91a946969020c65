"""A group of figures too large to compare pairwise (pairs.MAX_GROUP) is compared by value
neighbours across articles, yet the figures of one article all still meet: a police and a
union count of one march must not drift apart because other articles filled the group.
Cases from tests/crossref/data/large_groups.json (the group limit lowered to keep them small)."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, load_cases

from factcheck.crossref import pairs

CASES = load_cases("large_groups")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_pairs_of_one_article_meet_in_a_large_group(case: dict, monkeypatch) -> None:
    monkeypatch.setattr(pairs, "MAX_GROUP", case["max_group"])
    check_rule_case("sources_disagree", case)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_group_is_over_the_limit(case: dict) -> None:
    # the case only tests the fallback if its figures outnumber the lowered limit
    assert sum(len(a["claims"]) for a in case["articles"]) > case["max_group"]
