"""Articles read end to end for the readings the code review cr40c found made worse (our own
words, in ``tests/crossref/data/fx40c_fixes.json``), each beside a near miss.

A change in points followed by a comparison's object of its own ("de plus que la moyenne",
"par rapport à 2021", "en dix ans") is not the change between the two levels before it; a
count taken up by a demonstrative is dated by the nearest earlier figure of its value."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("fx40c_fixes")
CHECKED = ACCUSATIONS | {"change_mismatch"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, CHECKED)
