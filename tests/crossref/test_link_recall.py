"""Pairs of figures that report one fact, linked through a name of their metric
(:mod:`factcheck.crossref.renamed`); and those that must stay apart, with the gate that keeps
them so (:mod:`factcheck.crossref.gates`). Cases from
``tests/crossref/data/link_recall.json``; these links never raise a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    case_ids,
    check_links_case,
    frame_from_articles,
    load_cases,
    ref_id,
)

from factcheck.crossref.engine import cross_reference
from factcheck.crossref.gates import unlinked_gates

CASES = load_cases("link_recall")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_linked_or_kept_apart(case: dict) -> None:
    check_links_case(case)


@pytest.mark.parametrize("case", [c for c in CASES if c["gate"]],
                         ids=case_ids([c for c in CASES if c["gate"]]))
def test_the_gate_that_keeps_a_pair_apart(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, _ = cross_reference(frame)
    a, b, _ = case["links"][0]
    pair = (ref_id(frame, a), ref_id(frame, b))
    assert unlinked_gates(frame, [pair], links)[frozenset(pair)] == case["gate"]


def test_positive_and_negative_cases_both_present() -> None:
    expected = [link[2] for case in CASES for link in case["links"]]
    assert None in expected and {"same", "compatible"} & set(expected)
