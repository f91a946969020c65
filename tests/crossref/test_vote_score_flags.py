"""One contender's score of one round given two ways by two outlets is still one figure and
flagged: whose score it is (the figure's doer, factcheck.context._vote_scores.contender_of)
keeps two contenders apart, never one contender from itself. Cases (our own words) in
``tests/crossref/data/vote_score_flags.json``; the scores that must not be one figure are in
``no_flag_texts.json``."""

from __future__ import annotations

import pytest
from crossref_helpers import case_articles, case_ids, load_cases

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

CASES = load_cases("vote_score_flags")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_one_contender_two_scores_flagged(case: dict) -> None:
    claims = claims_frame(case_articles(case))
    _, flags = cross_reference(claims)
    kinds = set(flags["type"]) if len(flags) else set()
    assert "contradiction" in kinds, (case["why"], flags.to_dict("records") if len(flags) else [])
