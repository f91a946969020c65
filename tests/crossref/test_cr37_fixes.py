"""Articles read end to end for code review 37's false accusations (our own words, in
``tests/crossref/data/cr37_fixes.json``): digits swapped between two figures are one figure
typed two ways only when the two may report one day; an unknown date is never that day."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_articles, case_ids, load_cases

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

CASES = load_cases("cr37_fixes")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    claims = claims_frame(case_articles(case))
    _, flags = cross_reference(claims)
    raised = sorted(t for t in flags["type"] if t in ACCUSATIONS) if len(flags) else []
    assert raised == case["flags"], (case["why"], flags.to_dict("records"))
