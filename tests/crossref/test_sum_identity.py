"""Identity before accusation, on real reading (extraction and context): a list after a total
is checked as its parts only when it is one. Competing estimates, earlier values, poll answers
short of 100 %, rates of subgroups and groups counted among people stay as ``uncertain``
structures and never raise ``sum_mismatch``; splits by place that do not add up still do.
Cases: tests/crossref/data/sum_identity.json (sentences written for the tests)."""

from __future__ import annotations

from datetime import date

import pytest
from crossref_helpers import case_ids, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference, sum_checks
from factcheck.crossref.sum_identity import REASONS
from factcheck.models import Article
from factcheck.pipeline import claims_frame

CASES = load_cases("sum_identity")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_structure_identity(case: dict) -> None:
    article = Article(article_id=case["name"], text=case["text"], published=date(2025, 6, 10))
    claims = claims_frame([article])
    checks = sum_checks(claims)
    got = sorted((row.mode, row.status) for row in checks.itertuples())
    want = sorted((st["mode"], st["status"]) for st in case["structures"])
    assert got == want, checks.to_dict("records")
    for row in checks.itertuples():
        if row.status == "uncertain":
            assert row.explanation.startswith("Structure incertaine"), row.explanation
    _, flags = cross_reference(claims)
    sum_flags = flags[flags.type == "sum_mismatch"]
    assert len(sum_flags) == (1 if case["flagged"] else 0), flags.to_dict("records")


def test_identity_cases_cover_both_outcomes() -> None:
    assert any(c["flagged"] for c in CASES) and any(
        st["status"] == "uncertain" for c in CASES for st in c["structures"])


@pytest.mark.parametrize("reason", REASONS)
def test_every_reason_has_its_explanation(reason: str) -> None:
    text = load_lexicon().say(f"sum_uncertain_{reason}", parts="1", total="2", check="3")
    assert text.startswith("Structure incertaine") and "Non vérifié (3)" in text
