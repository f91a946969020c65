"""Articles without a publication date, read end to end: a figure whose period the text
itself closes ("en 2023", "au 1er janvier 2024") is compared across articles on that period,
the flag saying so; an open or missing period, an estimate revised over the year, a named
release of a statistic ("provisoire", "définitif") or only the year a lead names for its
whole report still keep the figures apart. Cases (our own words) in
``tests/crossref/data/undated_periods.json``."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_articles, case_ids, load_cases

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

CASES = load_cases("undated_periods")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_undated_articles(case: dict) -> None:
    articles = case_articles(case, dated=False)
    assert any(a.published is None for a in articles)
    claims = claims_frame(articles)
    _, flags = cross_reference(claims)
    raised = flags[flags["type"].isin(ACCUSATIONS)] if len(flags) else flags
    if case["accusation"] is None:
        assert raised.empty, (case["why"], raised.to_dict("records"))
    else:
        assert len(raised) == 1, (case["why"], flags.to_dict("records"))
        assert case["accusation"] in raised.iloc[0]["explanation"], case["why"]
