"""Articles read end to end for miss45's fixes (our own words, in
``tests/crossref/data/miss45_fixes.json``), each beside a near miss: the verb "cumuler"
("cumule", "cumulait") reads a running total, which cannot shrink from one report to the next
(two films are two totals)."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("miss45_fixes")
CHECKED = ACCUSATIONS | {"cumulative_decrease", "change_mismatch"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, CHECKED)
