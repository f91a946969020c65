"""A date a since-cue introduces ("depuis l'attentat du 14 juillet 2016", "à partir du 1er
février 2024") starts a span: cross-referencing reads the figure's period open, to the
publication (``crossref/since_starts.py``); not a date without such a cue, a source's
"d'après", a figure inside the phrase, or one of a relative clause or bracket right after the
date. Cases in our own words in ``tests/crossref/data/since_starts.json``."""

from __future__ import annotations

from datetime import date

import pytest
from crossref_helpers import case_ids, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.views import prepare_claims
from factcheck.models import Article
from factcheck.pipeline import claims_frame

CASES = load_cases("since_starts")
PUBLISHED = "2024-06-01"


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_a_since_cue_opens_the_period(case: dict) -> None:
    article = Article("s1", case["text"], title="Bilan", published=date.fromisoformat(PUBLISHED))
    views = prepare_claims(claims_frame([article]), load_lexicon())
    figure = next(v for v in views if v.surface == case["figure"])
    kind, start, end = figure.period
    assert kind == "explicit" and start, (case["why"], figure.period)
    if case["since"]:
        assert end == PUBLISHED and start < end, (case["why"], figure.period)
    else:
        assert end != PUBLISHED, (case["why"], figure.period)
