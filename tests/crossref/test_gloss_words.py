"""A figure opening a parenthesis right after another is described as that one too when it
restates it or is a tally of what it is about
(:func:`factcheck.crossref.glosses.gloss_words`). Cases (our own words) in
``tests/crossref/data/gloss_words.json``."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, frame_from_articles, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.views import prepare_claims

CASES = load_cases("gloss_words")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_gloss_words(case: dict) -> None:
    views = prepare_claims(frame_from_articles(case["articles"]), load_lexicon())
    view = next(v for v in views if v.surface == case["figure"])
    assert set(case["has"]) <= view.words, (case["why"], sorted(view.words))
    assert not set(case["lacks"]) & view.words, (case["why"], sorted(view.words))
