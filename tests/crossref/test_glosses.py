"""A figure glossed in the parenthesis right after it (:mod:`factcheck.crossref.glosses`):
linked ``same`` or ``compatible`` when the parenthesis restates it or converts an amount into
another currency (cases marked ``converted``), left alone when it breaks it down or follows
another number. Cases from ``tests/crossref/data/glosses.json``; none raises a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    case_ids,
    check_links_case,
    frame_from_articles,
    load_cases,
    ref_id,
)

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.glosses import converted_pairs, glossed_pairs
from factcheck.crossref.views import prepare_claims

CASES = load_cases("glosses")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_glossed_or_left_alone(case: dict) -> None:
    check_links_case(case)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_glossed_pairs_are_the_expected_ones(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    views = prepare_claims(frame, load_lexicon())
    pairs = converted_pairs if case.get("converted") else glossed_pairs
    found = {frozenset((a.claim_id, b.claim_id)) for a, b in pairs(views)}
    expected = {frozenset((ref_id(frame, a), ref_id(frame, b)))
                for a, b, relation in case["links"] if relation is not None}
    assert found == expected, case["why"]


def test_both_kinds_of_cases_present() -> None:
    relations = [link[2] for case in CASES for link in case["links"]]
    assert None in relations and "compatible" in relations
