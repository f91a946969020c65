"""Articles read end to end for the fixes of review45's false flags (our own words, in
``tests/crossref/data/review45_fixes.json``), each beside a near miss or a planted error.

A headline is set against the body figure that restates it: a headline with no place is not
about the region a body figure names (unless its article's lead is placed there), a body
holding the headline's value under another wording keeps it consistent, and a title repeated
as the text's first line raises one flag for one error. After a figure in a complement and an
incise ("lors de neuf interventions, a précisé la préfecture, dont ..."), "dont" takes up the
clause's head count; a group of people is no part of a count of acts or nights; a bare part
followed by a time frame ("dans la seule nuit de samedi") is no count of nights."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("review45_fixes")
CHECKED = ACCUSATIONS | {"sum_mismatch"}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, CHECKED)
