"""The part of a prison term a judgement gives after "dont" ("quatre ans de prison dont deux
ferme"): read as a length of time in the whole's unit (:mod:`factcheck.extract._parts`), a
term of its own for the cross-referencing (:func:`factcheck.crossref.sum_roles.with_roles`),
told apart from the suspended part by ``[scope.qualifiers.peine]``. Articles read end to end;
cases (our own words) in ``tests/crossref/data/prison_terms.json``."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    ACCUSATIONS,
    accepted,
    case_articles,
    case_ids,
    load_cases,
    ref_id,
    relation_of,
)

from factcheck.crossref.engine import cross_reference
from factcheck.pipeline import claims_frame

CASES = load_cases("prison_terms")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_terms_linked_or_kept_apart(case: dict) -> None:
    claims = claims_frame(case_articles(case))
    links, flags = cross_reference(claims)
    for a, b, expected in case["links"]:
        got = relation_of(links, ref_id(claims, a), ref_id(claims, b))
        if expected is None:
            assert got in (None, "different_scope"), (case["why"], got)
        else:
            assert got in accepted(expected), (case["why"], links.to_dict("records"))
    raised = flags[flags["type"].isin(ACCUSATIONS)] if len(flags) else flags
    assert raised.empty, (case["why"], raised.to_dict("records"))
