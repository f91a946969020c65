"""Figures of one story met whatever the periods between them (:mod:`factcheck.crossref.pairs`):
a block holds a metric over the whole corpus, so another story's periods fall between two
reports of one figure. Cases from ``tests/crossref/data/story_pairs.json``; the links made
this way are ``same`` or ``compatible`` and raise no flag."""

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

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.gates import unlinked_gates
from factcheck.crossref.pairs import RESTATED_RATIO, _restating
from factcheck.crossref.views import prepare_claims

CASES = load_cases("story_pairs")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_one_story_restated_or_kept_apart(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    for a, b, expected in case["links"]:
        got = relation_of(links, ref_id(frame, a), ref_id(frame, b))
        if expected is None:
            assert got in (None, "different_scope"), (case["why"], got)
        else:
            assert got in accepted(expected), (case["why"], links.to_dict("records"))
    assert flags.empty, flags.to_dict("records")


@pytest.mark.parametrize("case", [c for c in CASES if c["gate"]],
                         ids=case_ids([c for c in CASES if c["gate"]]))
def test_the_gate_of_a_pair_kept_apart(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, _ = cross_reference(frame)
    a, b, _ = case["links"][0]
    pair = (ref_id(frame, a), ref_id(frame, b))
    assert unlinked_gates(frame, [pair], links)[frozenset(pair)] == case["gate"]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_restating_pairs_need_one_article_of_their_own(case: dict) -> None:
    """Only pairs with a figure of the article at hand come out, within the size ratio."""
    views = prepare_claims(frame_from_articles(case["articles"]), load_lexicon())
    own = sum(1 for v in views if v.article_id == views[0].article_id)
    for a, b in _restating(views, own):
        assert views.index(a) < own or views.index(b) < own
        sizes = sorted(abs(v.lo) for v in (a, b))
        assert sizes[1] <= sizes[0] * RESTATED_RATIO
