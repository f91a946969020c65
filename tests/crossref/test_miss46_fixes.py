"""Articles read end to end for miss46's fixes (our own words, in
``tests/crossref/data/miss46_fixes.json``), each beside a near miss: a total opening its
sentence ("Sur les N ...") owns the figures after its phrase, and a remainder stated with its
figure ("le reste, soit C") makes them the whole; a "dont" list of categories of one split
(offences by nature; women, children and men) is read whole; a share is checked against its
own count and whole; a count taken up by a demonstrative ("Ces N ...") is its antecedent
stated again."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("miss46_fixes")
CHECKED = ACCUSATIONS | {"sum_mismatch", "share_mismatch"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, CHECKED)
