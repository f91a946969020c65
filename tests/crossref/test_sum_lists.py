"""Sums of lists without a cue word, read end to end (figures, context, structures): a next
sentence taking up the total by a pronoun, brackets after labels or after the total, and a
total that counts the entries of its list (crossref/sum_lists.py). Cases in our own words in
``tests/crossref/data/sum_lists.json``, with the near-misses that must stay no sum or never
accuse (rates of groups, earlier years, ranges, peers, another clause's figure)."""

from __future__ import annotations

from datetime import date

import pytest
from crossref_helpers import case_ids, load_cases

from factcheck.crossref.engine import cross_reference, sum_checks
from factcheck.models import Article
from factcheck.pipeline import claims_frame

CASES = load_cases("sum_lists")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_sum_lists(case: dict) -> None:
    claims = claims_frame([Article("s", case["text"], title="", published=date(2026, 3, 2))])
    surface = dict(zip(claims["claim_id"], claims["surface"], strict=True))
    got = {(surface[row.total_id], tuple(surface[p] for p in row.part_ids), row.mode, row.status)
           for row in sum_checks(claims).itertuples()}
    want = {(st["total"], tuple(st["parts"]), st["mode"], st["status"]) for st in case["sums"]}
    assert got == want, case["why"]
    _, flags = cross_reference(claims)
    mismatches = flags[flags["type"] == "sum_mismatch"] if len(flags) else flags
    assert len(mismatches) == (1 if case["flagged"] else 0), case["why"]
