"""Articles read end to end for code review 38's finding on containers (our own words, in
``tests/crossref/data/cr38_subject_fixes.json``): a mark a metric reaches ("un niveau de")
names no metric of its own, so two metrics of one body on one day are no same source's two
values; one metric at two values still is."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("cr38_subject_fixes")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, ACCUSATIONS)
