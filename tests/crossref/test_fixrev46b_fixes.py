"""Articles read end to end for review46's planted misses (our own words, in
``tests/crossref/data/fixrev46b_fixes.json``), each beside a near miss.

A change in points after two levels in percent is checked against their difference; a
yearless date told in the past right before the publication is that year's; a total since an
appeal's launch cannot fall from one report to the next when both sentences name the same
thing (another appeal of the same body is another total)."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("fixrev46b_fixes")
CHECKED = ACCUSATIONS | {"change_mismatch", "weekday_mismatch", "cumulative_decrease"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, CHECKED)
