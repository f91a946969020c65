"""Articles read end to end (figures, context, cross-referencing) where no accusation may
come: two spenders each with their own amount, a running count named after an event still to
come, a budget for the coming year revised. Cases (our own words) in
``tests/crossref/data/no_flag_texts.json``, from a review of the rules that dated figures by
an event's year and named a metric by its verb."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_articles, case_ids, load_cases

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

CASES = load_cases("no_flag_texts")
#: Accusations, and parts said not to make their total (a duration or one rate at two times
#: read as a whole and its parts).
CHECKED = ACCUSATIONS | {"sum_mismatch"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_no_accusation(case: dict) -> None:
    articles = case_articles(case)
    claims = claims_frame(articles)
    assert len(claims), "the figures must be read"
    _, flags = cross_reference(claims)
    raised = flags[flags["type"].isin(CHECKED)] if len(flags) else flags
    assert raised.empty, (case["why"], raised.to_dict("records"))
