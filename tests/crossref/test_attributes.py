"""An age given again after one name across one story (:mod:`factcheck.crossref.attributes`):
linked ``same``; two names or two ages are left alone, and the capital opening a sentence is
no name. Cases from ``tests/crossref/data/attributes.json``; none raises a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    accepted,
    case_ids,
    frame_from_articles,
    load_cases,
    ref_id,
    relation_of,
)

from factcheck.crossref.engine import cross_reference

CASES = load_cases("attributes")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_age_restated_or_left_alone(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    for a, b, expected in case["links"]:
        got = relation_of(links, ref_id(frame, a), ref_id(frame, b))
        if expected is None:
            assert got is None, (case["why"], got)
        else:
            assert got in accepted(expected), (case["why"], links.to_dict("records"))
    assert flags.empty, flags.to_dict("records")


def test_both_kinds_of_cases_present() -> None:
    relations = [link[2] for case in CASES for link in case["links"]]
    assert None in relations and "same" in relations
