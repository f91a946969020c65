"""Two bodies' counts set against each other across two sentences that follow each other
(``crossref/answers.py``, our own words in ``tests/crossref/data/answers.json``): "Selon la
préfecture, 4 200 personnes. Les organisateurs, eux, en revendiquent 11 000." ties the two
counts as one sentence would, and draws a low ``sources_disagree``; beside each case a near
miss: a sentence between, another place, a marker of a body with no count, an unnamed first
count, ten times apart."""

from __future__ import annotations

import pytest
from crossref_helpers import ACCUSATIONS, case_ids, check_flag_case, load_cases

CASES = load_cases("answers")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_flags(case: dict) -> None:
    check_flag_case(case, ACCUSATIONS)
