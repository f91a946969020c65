"""Rule `sources_disagree`: cases from tests/crossref/data/rules/sources_disagree.json."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, rule_cases

CASES = rule_cases("sources_disagree")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_sources_disagree(case: dict) -> None:
    check_rule_case("sources_disagree", case)


def test_sources_disagree_has_positive_and_negative_cases() -> None:
    assert any(c["flags"] for c in CASES) and any(not c["flags"] for c in CASES)
