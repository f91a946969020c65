"""Rule `scale_slip`: cases from tests/crossref/data/rules/scale_slip.json."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, check_rule_case, rule_cases

CASES = rule_cases("scale_slip")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_scale_slip(case: dict) -> None:
    check_rule_case("scale_slip", case)


def test_scale_slip_has_positive_and_negative_cases() -> None:
    assert any(c["flags"] for c in CASES) and any(not c["flags"] for c in CASES)
