"""Rule `same_source`: cases from tests/crossref/data/rules/same_source.json."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, rule_cases

CASES = rule_cases("same_source")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_same_source(case: dict) -> None:
    check_rule_case("same_source", case)


def test_same_source_has_positive_and_negative_cases() -> None:
    assert any(c["flags"] for c in CASES) and any(not c["flags"] for c in CASES)
