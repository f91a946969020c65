"""Pairs of figures that report one fact, linked through a name of their metric
(:mod:`factcheck.crossref.renamed`); and those that must stay apart, with the gate that keeps
them so (:mod:`factcheck.crossref.gates`). Cases from
``tests/crossref/data/link_recall.json``; these links never raise a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    case_ids,
    check_gate_case,
    check_links_case,
    load_cases,
)

CASES = load_cases("link_recall")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_linked_or_kept_apart(case: dict) -> None:
    check_links_case(case)


@pytest.mark.parametrize("case", [c for c in CASES if c["gate"]],
                         ids=case_ids([c for c in CASES if c["gate"]]))
def test_the_gate_that_keeps_a_pair_apart(case: dict) -> None:
    check_gate_case(case)


def test_positive_and_negative_cases_both_present() -> None:
    expected = [link[2] for case in CASES for link in case["links"]]
    assert None in expected and {"same", "compatible"} & set(expected)
