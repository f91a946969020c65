"""Rule `sum_mismatch`: cases from tests/crossref/data/rules/sum_mismatch.json (parts that do
not make their total; a duration, or one rate at two times, is no whole split in parts)."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, rule_cases

CASES = rule_cases("sum_mismatch")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_sum_mismatch(case: dict) -> None:
    check_rule_case("sum_mismatch", case)


def test_sum_mismatch_has_positive_and_negative_cases() -> None:
    assert any(c["flags"] for c in CASES) and any(not c["flags"] for c in CASES)
