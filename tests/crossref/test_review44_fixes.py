"""Articles read end to end for the fixes of review44's cross-referencing misses (our own
words, in ``tests/crossref/data/review44_fixes.json``), each beside a near miss: after
"dont", counts of categories that split one population one way (detainees by legal status,
road deaths by how the victims travelled) are parts of the count of that population, and
more than it is a ``sum_mismatch``; categories of two ways of splitting it (status and age,
mode and sex) may overlap and are never added up. One doer named at two lengths ("le grand
port maritime de X" / "le port de X") is one (a scale slip between them is raised), two
ports are two. A headline repeated as the text's first line is read as the headline: a body
giving another toll of its year contradicts it (not one giving the same toll, nor a first
line that is not the headline)."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("review44_fixes")
CHECKED = ACCUSATIONS | {"sum_mismatch"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, CHECKED)
