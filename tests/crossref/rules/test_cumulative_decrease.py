"""Rule `cumulative_decrease`: cases from tests/crossref/data/rules/cumulative_decrease.json."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, rule_cases

CASES = rule_cases("cumulative_decrease")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_cumulative_decrease(case: dict) -> None:
    check_rule_case("cumulative_decrease", case)


def test_cumulative_decrease_has_positive_and_negative_cases() -> None:
    assert any(c["flags"] for c in CASES) and any(not c["flags"] for c in CASES)
