"""One figure stated again in other words (:mod:`factcheck.crossref.repeats` and the unit
multiples of ``crossref.toml``): the cases of ``tests/crossref/data/restatements.json`` say
which pairs are linked ``same`` / ``compatible`` and which stay apart (``null``). These links
never raise a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    case_ids,
    check_links_case,
    load_cases,
)

CASES = load_cases("restatements")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_restatement_cases(case: dict) -> None:
    check_links_case(case)


def test_positive_and_negative_cases_both_present() -> None:
    expected = [link[2] for case in CASES for link in case["links"]]
    assert None in expected and {"same", "compatible"} & set(expected)
