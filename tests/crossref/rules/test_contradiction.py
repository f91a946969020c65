"""Rule `contradiction`: cases from tests/crossref/data/rules/contradiction.json."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, rule_cases

CASES = rule_cases("contradiction")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_contradiction(case: dict) -> None:
    check_rule_case("contradiction", case)


def test_contradiction_has_positive_and_negative_cases() -> None:
    assert any(c["flags"] for c in CASES) and any(not c["flags"] for c in CASES)
