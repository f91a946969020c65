"""One figure stated again in other words (:mod:`factcheck.crossref.repeats` and the unit
multiples of ``crossref.toml``): the cases of ``tests/crossref/data/restatements.json`` say
which pairs are linked ``same`` / ``compatible`` and which stay apart (``null``). These links
never raise a flag."""

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

CASES = load_cases("restatements")



@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_restatement_cases(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    for a, b, expected in case["links"]:
        ida = ref_id(frame, a)
        idb = ref_id(frame, b)
        got = relation_of(links, ida, idb)
        if expected is None:
            assert got is None or got == "different_scope", (case["why"], got)
        else:
            assert got in accepted(expected), (case["why"], links.to_dict("records"))
    assert flags.empty, flags.to_dict("records")


def test_positive_and_negative_cases_both_present() -> None:
    expected = [link[2] for case in CASES for link in case["links"]]
    assert None in expected and {"same", "compatible"} & set(expected)
