"""A headline given apart and its own body repeating its figure are one report of their fact
(``crossref.facts.report_count``): the fact's ``n_reports``, what the links table says of
it (``crossref.reader_links``) and the timeline's count of reports (``crossref.timeline``)
count one report per article for them, while both claims, and their ids, stay in the fact.
Cases: ``tests/crossref/data/headline_reports.json``."""

from __future__ import annotations

from datetime import date

import pytest
from crossref_helpers import case_ids, load_cases

from factcheck.crossref.facts import build_facts, fact_of_claims, report_count
from factcheck.crossref.reader_links import reader_links
from factcheck.crossref.timeline import one_point_per_fact
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
