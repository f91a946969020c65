"""Rule `change_mismatch`: cases from tests/crossref/data/rules/change_mismatch.json."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, rule_cases

CASES = rule_cases("change_mismatch")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_change_mismatch(case: dict) -> None:
    check_rule_case("change_mismatch", case)


def test_change_mismatch_has_positive_and_negative_cases() -> None:
    assert any(c["flags"] for c in CASES) and any(not c["flags"] for c in CASES)
