"""Rule `share_mismatch`: cases from tests/crossref/data/rules/share_mismatch.json."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, rule_cases

CASES = rule_cases("share_mismatch")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_share_mismatch(case: dict) -> None:
    check_rule_case("share_mismatch", case)


def test_share_mismatch_has_positive_and_negative_cases() -> None:
    assert any(c["flags"] for c in CASES) and any(not c["flags"] for c in CASES)
