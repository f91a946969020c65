"""Articles read end to end for time39's readings (our own words, in
``tests/crossref/data/time39_fixes.json``), each beside a near miss: a fire's area counted
"depuis son départ mardi" is a running total since the fire's start, so its fall from one
report to the next is a ``cumulative_decrease`` (not when it grows); "cette année" after a
verb of expectation is the whole year, so one sentence copied a day apart with millions for
milliards is one period's ``scale_slip`` (not for two bodies)."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("time39_fixes")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, ACCUSATIONS)
