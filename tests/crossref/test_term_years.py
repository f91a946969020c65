"""A term of comparison that names its own year right after its noun ("par rapport aux 1 842
morts de 2023") is that year's figure, whatever year its sentence opens with: it is never
read as the same year's figure revised ("bilan mis à jour"). Cases in our own words in
``tests/crossref/data/term_years.json`` (review 34)."""

from __future__ import annotations

from datetime import date

import pytest
from crossref_helpers import case_ids, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.views import prepare_claims
from factcheck.models import Article
from factcheck.pipeline import claims_frame

CASES = load_cases("term_years")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_a_term_is_dated_by_its_own_year(case: dict) -> None:
    article = Article("t1", case["text"], title="Bilan",
                      published=date.fromisoformat(case["published"]))
    frame = claims_frame([article])
    views = prepare_claims(frame, load_lexicon())
    term = next(v for v in views if v.surface == case["term"])
    if case.get("kind"):
        assert term.kind == case["kind"], term
    if case["year"] is None:
        assert term.period[0] != "explicit" or term.period[1][:4] != "2019", term.period
    else:
        year = case["year"]
        assert term.period == ("explicit", f"{year}-01-01", f"{year}-12-31"), term.period
