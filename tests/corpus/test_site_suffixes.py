"""A site's name cut from the end of a title (``factcheck.corpus.titles``): the rule on the
cases of ``tests/corpus/data/site_suffixes.json``, then where titles are read (an HTML page's
``<title>``, a table's ``title`` column), so that a page's headline is read once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.claim_rows import extract_claims, headline_article
from factcheck.corpus.reader import articles_from_upload
from factcheck.corpus.titles import site_suffix_rule, strip_site_suffix

CASES = json.loads((Path(__file__).parent / "data" / "site_suffixes.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_site_suffix(case: dict) -> None:
    assert strip_site_suffix(case["title"], case["sites"], case["headline"]) == case["expected"]


def test_the_rule_is_data() -> None:
    rule = site_suffix_rule("fr")
    assert "-" in rule.separators and "|" in rule.name_separators
    assert "-" not in rule.name_separators  # a dash alone never marks a site
    assert site_suffix_rule("xx") == rule  # a language without data reads French's


PAGE = ("<html lang='fr'><head><title>{title}</title>{meta}</head><body><h1>{h1}</h1>"
        "<p>Le feu a détruit 300 hectares de garrigue près de Vidauban, selon les pompiers.</p>"
        "</body></html>")


@pytest.mark.parametrize(("title", "meta", "h1", "expected"), [
    ("Incendie : 300 hectares brûlés - Le Courrier du Sud", "", "Incendie : 300 hectares brûlés",
     "Incendie : 300 hectares brûlés"),
    ("Incendie : 300 hectares brûlés - Le Courrier du Sud",
     "<meta property='og:site_name' content='Le Courrier du Sud'>", "Le feu dans le Var",
     "Incendie : 300 hectares brûlés"),
    ("Lyon - Marseille : 2-1", "", "Lyon - Marseille : 2-1", "Lyon - Marseille : 2-1"),
])
def test_an_html_title_loses_its_site(title: str, meta: str, h1: str, expected: str) -> None:
    result = articles_from_upload("page.html", PAGE.format(title=title, meta=meta, h1=h1)
                                  .encode("utf-8"))
    assert result.ok, result.errors
    assert result.articles[0].title == expected


def test_an_h1_without_title_is_kept_whole() -> None:
    """A page with no <title> has its <h1> for headline: the page's own words, no site."""
    markup = ("<h1>Hausse des loyers | Bordeaux Métropole</h1><p>Les loyers ont augmenté de "
              "4 % en un an.</p>")
    article = articles_from_upload("page.html", markup.encode("utf-8")).articles[0]
    assert article.title == "Hausse des loyers | Bordeaux Métropole"


def test_a_page_headline_is_read_once() -> None:
    """The title less its site is the page's <h1>, the text's first line: no headline apart,
    its figure read once, in the body."""
    markup = PAGE.format(title="Incendie : 300 hectares brûlés | Le Courrier du Sud", meta="",
                         h1="Incendie : 300 hectares brûlés")
    article = articles_from_upload("page.html", markup.encode("utf-8")).articles[0]
    assert headline_article(article) is None
    claims = extract_claims(article, with_context=False)
    assert [c.part for c in claims if c.mention.surface.startswith("300")] == ["body", "body"]


def test_a_cms_export_title_loses_its_outlet() -> None:
    row = {"id": "v1", "source": "Ouest-Info", "title": "Grêle : 90 hectares de vignes touchés "
           "| Ouest-Info", "text": "La grêle a touché 90 hectares de vignes mardi."}
    result = articles_from_upload("lot.jsonl", (json.dumps(row, ensure_ascii=False) + "\n")
                                  .encode("utf-8"))
    assert result.ok, result.errors
    assert result.articles[0].title == "Grêle : 90 hectares de vignes touchés"
