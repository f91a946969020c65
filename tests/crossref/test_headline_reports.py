"""A headline given apart and its own body repeating its figure are one report of their fact
(``crossref.facts.report_count``): the fact's ``n_reports``, what the links table says of
it (``crossref.reader_links``) and the timeline's count of reports (``crossref.timeline``)
count one report per article for them, while both claims, and their ids, stay in the fact;
the timeline shows them as one point. Cases: ``tests/crossref/data/headline_reports.json``,
``tests/crossref/data/timeline_reports.json``."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from crossref_helpers import case_ids, load_cases

from factcheck.crossref.facts import build_facts, fact_of_claims, report_count
from factcheck.crossref.headlines import title_ids
from factcheck.crossref.reader_links import reader_links
from factcheck.crossref.timeline import (
    metrics_table,
    one_point_per_fact,
    one_point_per_report,
    timeline_frame,
)
from factcheck.models import Article
from factcheck.pipeline import analyze

CASES = load_cases("headline_reports")


def _run(case: dict):
    articles = [Article(a["id"], a["text"], title=a.get("title"), source="Le Journal test",
                        published=date(2026, 3, 2)) for a in case["articles"]]
    result = analyze(articles, reference=None)
    pairs = result.links[result.links["relation"] != "fact"]
    facts = build_facts(result.claims, pairs)
    article, surface = case["figure"]
    claims = result.claims
    claim = claims[(claims["article_id"] == article) & (claims["part"] == "body")
                   & (claims["surface"] == surface)]
    assert len(claim) == 1, case["name"]
    fact_id = fact_of_claims(facts)[str(claim["claim_id"].iloc[0])]
    return result, pairs, facts, facts.set_index("fact_id").loc[fact_id]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_a_headline_and_its_body_make_one_report(case: dict) -> None:
    result, pairs, facts, fact = _run(case)
    assert len(fact["claim_ids"]) == case["claims"], case["why"]
    assert fact["n_reports"] == case["n_reports"], case["why"]
    assert fact["n_articles"] == case["n_articles"], case["why"]
    # The links table says as much of every figure of the fact.
    table = reader_links(pairs, facts, result.claims)
    said = table[(table["relation"] == "fact") & (table["fact_a"] == fact.name)]
    assert len(said) == case["claims"]
    alone = case["n_reports"] == 1
    assert all(("seul rapport" in text) == alone for text in said["explanation"]), case["why"]
    # The timeline's point of the fact counts its reports so.
    frame = result.claims.loc[result.claims["claim_id"].isin(fact["claim_ids"]),
                              ["claim_id"]].assign(date=0)
    reports = dict(zip(facts["fact_id"], facts["n_reports"], strict=True))
    shown = one_point_per_fact(frame, fact_of_claims(facts), reports)
    assert shown["n_reports"].tolist() == [case["n_reports"]]


def test_every_report_counts_without_headlines() -> None:
    """No claim id among the titles: every figure is a report."""
    _, _, _, fact = _run(next(c for c in CASES if c["name"] == "no_headline_two_reports"))
    assert fact["n_reports"] == len(fact["claim_ids"])
    assert report_count([], frozenset({"x"})) == 0


POINT_CASES = load_cases("timeline_reports")


@pytest.mark.parametrize("case", POINT_CASES, ids=case_ids(POINT_CASES))
def test_the_timeline_shows_one_point_per_report(case: dict) -> None:
    """All figures of the timeline (``crossref.timeline.one_point_per_report``, before the
    per-fact mode): a headline and its own body's figure of one fact are one point, the
    body's, the headline's figure noted. Cases: ``tests/crossref/data/timeline_reports.json``."""
    result, _, facts, _ = _run(case)
    claims = result.claims
    article, surface = case["figure"]
    body = claims[(claims["article_id"] == article) & (claims["part"] == "body")
                  & (claims["surface"] == surface)].iloc[0]
    metric = next(m for m in metrics_table(claims)["metric_id"]
                  if str(body["claim_id"]) in set(timeline_frame(claims, m)["claim_id"]))
    frame = one_point_per_report(timeline_frame(claims, metric), fact_of_claims(facts),
                                 title_ids(claims))
    shown = sorted(map(list, zip(frame["article_id"], frame["surface"], frame["headline"],
                                 strict=True)))
    assert shown == case["points"], case["why"]


def _row(claim: str, article: str, surface: str) -> dict:
    return {"claim_id": claim, "article_id": article, "surface": surface}


def test_a_headline_folds_only_into_its_own_article() -> None:
    """The body's figure of the fact must be the headline's own article's: another article's
    copy leaves the headline its point; a headline of no fact stays too."""
    frame = pd.DataFrame([_row("t1", "a1", "300"), _row("b2", "a2", "300"),
                          _row("t3", "a3", "12"), _row("b3", "a3", "12 morts")])
    fact_of = {"t1": "F", "b2": "F", "b3": "G"}
    shown = one_point_per_report(frame, fact_of, frozenset({"t1", "t3"}))
    assert shown[["claim_id", "headline"]].values.tolist() == [
        ["t1", ""], ["b2", ""], ["t3", ""], ["b3", ""]]
    shown = one_point_per_report(frame, {**fact_of, "t3": "G"}, frozenset({"t1", "t3"}))
    assert shown[["claim_id", "headline"]].values.tolist() == [
        ["t1", ""], ["b2", ""], ["b3", "12"]]


def test_an_empty_timeline_stays_empty() -> None:
    frame = pd.DataFrame(columns=["claim_id", "article_id", "surface"])
    shown = one_point_per_report(frame, {}, frozenset())
    assert shown.empty and "headline" in shown.columns
