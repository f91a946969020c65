"""A body figure restates its headline only when it can name the headline's thing: one of
its metric family, one read in none with no other outcome or subject, or a share read in the
family of the population it is taken of ("78 % des navettes"). A headline figure is one
error apart from another of the same value: each raises its own contradiction (our own words,
in ``tests/crossref/data/headline_restatement.json``)."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("headline_restatement")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, ACCUSATIONS)
