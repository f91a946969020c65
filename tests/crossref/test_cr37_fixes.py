"""Articles read end to end for code review 37's false accusations (our own words, in
``tests/crossref/data/cr37_fixes.json``): digits swapped between two figures are one figure
typed two ways only when the two may report one day; an unknown date is never that day."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("cr37_fixes")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, ACCUSATIONS)
