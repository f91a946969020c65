"""A store counts a headline and its own body as one report, as one run does
(``crossref.facts.report_count``), also when a later batch adds a report to the fact and the
stored headline is read back from the store. Cases:
``tests/crossref/data/headline_reports.json``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from factcheck.archive import add_to_store, open_store
from factcheck.archive.facts_update import CURRENT_FACTS_SQL
from factcheck.crossref.facts import build_facts
from factcheck.models import Article
from factcheck.pipeline import analyze

CASES = json.loads((Path(__file__).resolve().parents[1] / "crossref" / "data"
                    / "headline_reports.json").read_text(encoding="utf-8"))


def _articles(case: dict) -> list[Article]:
    return [Article(a["id"], a["text"], title=a.get("title"), source="Le Journal test",
                    published=date(2026, 3, 2)) for a in case["articles"]]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_stored_reports_are_those_of_one_run(tmp_path, case: dict) -> None:
    articles = _articles(case)
    for article in articles:  # one batch an article: a later one meets the stored headline
        add_to_store(tmp_path, [article])
    analysis = analyze(articles, reference=None)
    facts = build_facts(analysis.claims, analysis.links)
    with open_store(tmp_path) as con:
        stored = con.execute(CURRENT_FACTS_SQL).df()
    assert {f: (tuple(ids), n) for f, ids, n in zip(
        stored["fact_id"], stored["claim_ids"], stored["n_reports"], strict=True)} == \
        {f: (tuple(ids), n) for f, ids, n in zip(
            facts["fact_id"], facts["claim_ids"], facts["n_reports"], strict=True)}, case["why"]
    assert case["n_reports"] in set(stored["n_reports"])
