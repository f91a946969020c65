"""Which figures of one block meet outside the period chain (:mod:`factcheck.crossref.pairs`):
one value stated twice, by one article or by two, meets its restatement whatever periods of
other stories the block holds between them; a rounded figure that merely covers a finer one,
and two values of a series, are left to the chain. Cases from
``tests/crossref/data/block_meetings.json``; these links never raise a flag."""

from __future__ import annotations

import pytest
from crossref_helpers import (
    case_ids,
    check_gate_case,
    check_links_case,
    frame_from_articles,
    load_cases,
)

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.pairs import candidate_pairs
from factcheck.crossref.views import prepare_claims

CASES = load_cases("block_meetings")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_restatement_linked_or_kept_apart(case: dict) -> None:
    check_links_case(case)


@pytest.mark.parametrize("case", [c for c in CASES if c["gate"]],
                         ids=case_ids([c for c in CASES if c["gate"]]))
def test_the_gate_that_keeps_a_pair_apart(case: dict) -> None:
    check_gate_case(case)


def _met(texts_and_values: list[tuple[str, str, str, float]]) -> set[frozenset[str]]:
    """The pairs of surfaces :func:`candidate_pairs` puts side by side, for figures given as
    (article, published, surface, value) of one block (hectares burnt)."""
    articles: dict[str, dict] = {}
    for article, published, surface, value in texts_and_values:
        a = articles.setdefault(article, {"id": article, "published": published,
                                          "text": "", "claims": []})
        a["text"] += f"Le feu a parcouru {surface}. "
        a["claims"].append({"surface": surface, "kind": "quantity", "unit": "ha",
                            "value": value, "subject": "hectare"})
    views = prepare_claims(frame_from_articles(list(articles.values())), load_lexicon())
    by_id = {v.claim_id: f"{v.article_id}:{v.surface}" for v in views}
    return {frozenset((by_id[a.claim_id], by_id[b.claim_id]))
            for a, b in candidate_pairs(views) if a.claim_id != b.claim_id}


def test_one_value_of_one_article_meets_across_other_periods() -> None:
    met = _met([("a", "2025-07-01", "1 200 hectares", 1200),
                ("b", "2025-07-03", "80 hectares", 80), ("c", "2025-07-05", "60 hectares", 60),
                ("d", "2025-07-07", "45 hectares", 45)])
    assert frozenset(("a:1 200 hectares", "d:45 hectares")) not in met  # the chain alone
    met = _met([("a", "2025-07-01", "1 200 hectares", 1200),
                ("b", "2025-07-03", "80 hectares", 80), ("c", "2025-07-05", "60 hectares", 60),
                ("a2", "2025-07-07", "mille deux cents hectares", 1200)])
    assert frozenset(("a:1 200 hectares", "a2:mille deux cents hectares")) in met


def test_two_values_of_one_series_are_left_to_the_chain() -> None:
    met = _met([("a", "2025-07-01", "1 200 hectares", 1200),
                ("b", "2025-07-03", "80 hectares", 80), ("c", "2025-07-05", "60 hectares", 60),
                ("a2", "2025-07-07", "1 900 hectares", 1900)])
    assert frozenset(("a:1 200 hectares", "a2:1 900 hectares")) not in met


class _CountedView:
    """A figure of one series whose article is read through a counter."""

    reads = 0

    def __init__(self, i: int, article: str, value: float) -> None:
        self.claim_id, self._article, self.value = f"c{i:05d}", article, value
        self.lo = self.hi = value
        self.exact, self.approx, self.period_sort = True, "none", "2025"

    @property
    def article_id(self) -> str:
        _CountedView.reads += 1
        return self._article


def test_value_neighbours_cost_stays_linear_in_one_article_figures() -> None:
    """A data-heavy article (results by town) puts thousands of figures of one series next to
    each other by value: each figure still finds its neighbours of other articles at once,
    the scan skipping its own article's run instead of walking it (quadratic before)."""
    from factcheck.crossref.pairs import _by_value

    n = 3000
    views = [_CountedView(i, "results", float(i + 1)) for i in range(n)]
    views.append(_CountedView(n, "brief", float(n)))  # restates the article's largest figure
    _CountedView.reads = 0
    met = {(a.claim_id, b.claim_id) for a, b in _by_value({"2025": views})}
    assert met == {(f"c{n - 1:05d}", f"c{n:05d}")}
    assert _CountedView.reads < 20 * n
