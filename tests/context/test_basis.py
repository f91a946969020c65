"""The basis of a rate or a change ("sur un an", "par rapport à 2019"): cases in
``tests/context/data/context_basis.toml``."""

from __future__ import annotations

import pytest
from test_context_rules import context_of, load_cases


@pytest.mark.parametrize("case", load_cases("basis"))
def test_basis(case: dict) -> None:
    expected = None if case["basis"] == "__none__" else case["basis"]
    assert context_of(case).basis == expected
