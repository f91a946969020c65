"""Parts and totals inside an article, from tests/crossref/data/sums.json: exhaustive
enumerations and per-region totals must add up; "dont", "notamment", "la plupart" are partial
and never flagged for summing to less; "le reste" must not be negative; "soit" restates."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, claim_id_of, frame_from_articles, load_cases

from factcheck.crossref.engine import SUM_COLUMNS, cross_reference, sum_checks

CASES = load_cases("sums")


def _id(frame, article_id: str, ref: str | list) -> str:
    surface, occurrence = (ref, 0) if isinstance(ref, str) else ref
    return claim_id_of(frame, article_id, surface, occurrence)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_structures(case: dict) -> None:
    article = case["article"]
    frame = frame_from_articles([article])
    checks = sum_checks(frame)
    assert tuple(checks.columns) == SUM_COLUMNS
    got = {(row.total_id, tuple(row.part_ids), row.mode, row.status)
           for row in checks.itertuples()}
    want = {(_id(frame, article["id"], st["total"]),
             tuple(_id(frame, article["id"], p) for p in st["parts"]), st["mode"], st["status"])
            for st in case["structures"]}
    assert got == want, checks.to_dict("records")
    if "explanation" in case:
        assert checks.iloc[0]["explanation"] == case["explanation"]
    _, flags = cross_reference(frame)
    sum_flags = flags[flags.type == "sum_mismatch"]
    assert len(sum_flags) == (1 if case["flagged"] else 0), flags.to_dict("records")
    # Other flags the case expects, each (type, surface, surface): none unless listed.
    others = {(t, frozenset((_id(frame, article["id"], a), _id(frame, article["id"], b))))
              for t, a, b in case.get("other_flags", [])}
    raised = {(f.type, frozenset(f.claim_ids)) for f in flags.itertuples()
              if f.type != "sum_mismatch"}
    assert raised == others, flags.to_dict("records")
