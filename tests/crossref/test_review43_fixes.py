"""Articles read end to end for the fixes of review43's cross-referencing misses (our own
words, in ``tests/crossref/data/review43_fixes.json`` and ``review43_links.json``), each
beside a near miss: one event's death toll falling between two reports of one body, neither
saying it was revised, is a ``cumulative_decrease`` (not when the text says it was revised,
when it rises, for the missing, for two bodies, for reports weeks apart); one figure whose
digits are swapped between two outlets is no evolution (two written years are); two named
holders' scores are two figures, not one at two dates."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    ACCUSATIONS,
    case_articles,
    case_ids,
    check_flag_case,
    claim_id_of,
    load_cases,
)

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

CASES = load_cases("review43_fixes")
LINKS = load_cases("review43_links")
CHECKED = ACCUSATIONS | {"cumulative_decrease"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, CHECKED)


@pytest.mark.parametrize("case", LINKS, ids=case_ids(LINKS))
def test_link(case: dict) -> None:
    claims = claims_frame(case_articles(case))
    links, _ = cross_reference(claims)
    a, b = (claim_id_of(claims, article, s) for article, s in case["figures"])
    found = {r for x, y, r in zip(links["claim_a"], links["claim_b"], links["relation"],
                                  strict=True) if {x, y} == {a, b}}
    assert found == ({case["relation"]} if case["relation"] else set()), case["why"]
