"""Two events of one kind are two stories: two articles whose figures are placed at two
listed places, neither naming the other's, sharing no distinctive figure, are kept apart
whatever words they share (``crossref/story_places.py``). Cases (our own words) in
``tests/crossref/data/story_places.json``: two quakes in two countries, two shellings in
two countries, two coach crashes near two French towns apart; a capital and its country, a
continent and a country of it, one distinctive figure, an unplaced article, France and a
French town, a town and its territory, a town and its country, a town and its department
not apart."""

from __future__ import annotations

import pytest
from crossref_helpers import case_articles, case_ids, load_cases

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.matching import same_story
from factcheck.crossref.story_places import ArticleWhere, places_apart
from factcheck.crossref.views import prepare_claims
from factcheck.pipeline import claims_frame

CASES = load_cases("story_places")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_places_apart(case: dict) -> None:
    claims = claims_frame(case_articles(case))
    first, second = (a["id"] for a in case["articles"])
    views = prepare_claims(claims, load_lexicon())
    where = {v.article_id: v.where for v in views}
    assert first in where and second in where, "both articles' figures must be read"
    assert places_apart(where[first], where[second]) is case["apart"], (
        case["why"], where[first], where[second])


@pytest.mark.parametrize("case", [c for c in CASES if c["apart"]],
                         ids=case_ids([c for c in CASES if c["apart"]]))
def test_apart_articles_not_linked(case: dict) -> None:
    """Figures of two articles placed apart are never compared: no link between them."""
    claims = claims_frame(case_articles(case))
    links, _ = cross_reference(claims)
    article = dict(zip(claims["claim_id"], claims["article_id"], strict=True))
    across = links[links["claim_b"].astype(str).isin(article)] if len(links) else links
    across = across[[article[a] != article[b] for a, b in
                     zip(across["claim_a"], across["claim_b"], strict=True)]]
    assert across.empty, (case["why"], across.to_dict("records"))


def test_same_story_asks_places_first() -> None:
    """Two figures of articles placed apart are two stories even when their articles are
    mates by words; one article is always one story."""
    lexicon = load_lexicon()
    claims = claims_frame(case_articles(CASES[0]))
    views = prepare_claims(claims, lexicon)
    a = next(v for v in views if v.article_id == "q1")
    b = next(v for v in views if v.article_id == "q2")
    assert not same_story(a, b, lexicon)
    assert same_story(a, a, lexicon)


def test_unknown_never_apart() -> None:
    placed = ArticleWhere(frozenset({"japon"}), frozenset({"japon"}), frozenset(),
                          frozenset({("japon", "japon", "")}))
    assert not places_apart(placed, None)
    assert not places_apart(None, placed)
