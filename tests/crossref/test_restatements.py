"""One figure stated again in other words (:mod:`factcheck.crossref.repeats` and the unit
multiples of ``crossref.toml``): the cases of ``tests/crossref/data/restatements.json`` say
which pairs are linked ``same`` / ``compatible`` and which stay apart (``null``). These links
never raise a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import accepted, case_ids, claim_id_of, frame_from_articles, load_cases

from factcheck.crossref.engine import cross_reference

CASES = load_cases("restatements")


def _relation(links, a: str, b: str) -> str | None:
    rows = links[((links.claim_a == a) & (links.claim_b == b))
                 | ((links.claim_a == b) & (links.claim_b == a))]
    return None if rows.empty else str(rows.iloc[0]["relation"])


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_restatement_cases(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    for a, b, expected in case["links"]:
        ida = claim_id_of(frame, a[0], a[1], a[2] if len(a) > 2 else 0)
        idb = claim_id_of(frame, b[0], b[1], b[2] if len(b) > 2 else 0)
        got = _relation(links, ida, idb)
        if expected is None:
            assert got is None or got == "different_scope", (case["why"], got)
        else:
            assert got in accepted(expected), (case["why"], links.to_dict("records"))
    assert flags.empty, flags.to_dict("records")


def test_positive_and_negative_cases_both_present() -> None:
    expected = [link[2] for case in CASES for link in case["links"]]
    assert None in expected and {"same", "compatible"} & set(expected)
