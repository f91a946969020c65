"""The figures of a headline given apart from the text (``Article.title``): claims of
``part`` "title" whose offsets index the title, read with their context; the body's claims
keep their ids and every field whether the article has a title or not; a title that is the
text's own first line gives no second figure. Articles from
``tests/crossref/data/headlines.json`` (the end-to-end cross-referencing cases) and
``tests/data/headline_lines.json``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from factcheck.claim_rows import _bare_claims, claim_row, extract_claims, headline_article
from factcheck.context import annotate
from factcheck.models import Article

HERE = Path(__file__).resolve().parent
CASES = json.loads((HERE / "crossref" / "data" / "headlines.json").read_text(encoding="utf-8"))
LINES = json.loads((HERE / "data" / "headline_lines.json").read_text(encoding="utf-8"))


def _article(case: dict, title: str | None) -> Article:
    return Article(case["name"], case["text"], title=title, published=date(2026, 5, 4))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_headline_figures_are_claims_of_the_title(case: dict) -> None:
    article = _article(case, case["title"])
    claims = extract_claims(article)
    title = [c for c in claims if c.part == "title"]
    assert any(c.mention.surface.startswith(case["headline"]) for c in title)
    for c in title:
        assert case["title"][c.mention.start:c.mention.end] == c.mention.surface
        assert c.sentence == case["title"] and c.sentence_start == 0
        assert claim_row(article, c)["part"] == "title"
    assert claims[:len(title)] == title  # the headline comes first


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_body_claims_are_read_as_before(case: dict) -> None:
    # The body's figures, read in the article alone as they always were (its title may
    # name its place: context/article_place.py), whatever the headline's figures.
    titled = _article(case, case["title"])
    claims = extract_claims(titled)
    body = [c for c in claims if c.part == "body"]
    assert body == annotate(titled, _bare_claims(titled))
    assert len({c.claim_id for c in claims}) == len(claims)


@pytest.mark.parametrize("case", LINES, ids=[c["name"] for c in LINES])
def test_a_title_read_apart_or_not(case: dict) -> None:
    article = Article("x", case["text"], title=case["title"])
    assert (headline_article(article) is not None) == case["read_apart"], case["why"]
    titled = [c for c in extract_claims(article, with_context=False) if c.part == "title"]
    assert bool(titled) == case["read_apart"], case["why"]


@pytest.mark.parametrize("case", [c for c in LINES if c["read_apart"]],
                         ids=[c["name"] for c in LINES if c["read_apart"]])
def test_headline_offsets_index_the_title_as_given(case: dict) -> None:
    article = Article("x", case["text"], title=case["title"])
    for c in extract_claims(article, with_context=False):
        if c.part == "title":
            assert case["title"][c.mention.start:c.mention.end] == c.mention.surface
