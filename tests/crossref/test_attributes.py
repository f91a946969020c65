"""An age given again after one name across one story (:mod:`factcheck.crossref.attributes`):
linked ``same``; two names or two ages are left alone, and the capital opening a sentence is
no name. Cases from ``tests/crossref/data/attributes.json``; none raises a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    case_ids,
    check_links_case,
    load_cases,
)

CASES = load_cases("attributes")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_age_restated_or_left_alone(case: dict) -> None:
    check_links_case(case, apart=(None,))


def test_both_kinds_of_cases_present() -> None:
    relations = [link[2] for case in CASES for link in case["links"]]
    assert None in relations and "same" in relations
