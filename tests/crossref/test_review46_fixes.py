"""Articles read end to end for the fixes of review46's findings (our own words, in
``tests/crossref/data/review46_links.json``), each beside a near miss: two terms of "contre"
each with its own source and no time of its own are two sources at one time, not one series
at two dates."""

from __future__ import annotations

import pytest
from crossref_helpers import case_articles, case_ids, claim_id_of, load_cases

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

LINKS = load_cases("review46_links")


@pytest.mark.parametrize("case", LINKS, ids=case_ids(LINKS))
def test_link_between_two_figures(case: dict) -> None:
    claims = claims_frame(case_articles(case))
    links, _ = cross_reference(claims)
    articles = [a["id"] for a in case["articles"]]
    a, b = (claim_id_of(claims, articles[min(n, len(articles) - 1)], s)
            for n, s in enumerate(case["figures"]))
    found = {frozenset((x, y)): r for x, y, r
             in zip(links["claim_a"], links["claim_b"], links["relation"], strict=True)
             if isinstance(y, str) and y}
    assert found.get(frozenset((a, b))) == case["relation"], (case["why"], found)
