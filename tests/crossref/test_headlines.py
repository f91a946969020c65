"""A headline given apart from its text (``Article.title``) against its own body
(:mod:`factcheck.crossref.headlines`): read end to end (figures, context, cross-referencing)
on the cases of ``tests/crossref/data/headlines.json``. Each case names the headline's
figure, the body figure it is tied to (or none) and the relation: ``same`` or
``compatible`` (a link, no flag), ``contradiction`` (a flag saying "titre", no link), or
none (neither)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from crossref_helpers import ACCUSATIONS, case_ids, load_cases

from factcheck.models import Article
from factcheck.pipeline import analyze

CASES = load_cases("headlines")


@pytest.fixture(scope="module")
def analysis():
    articles = [Article(c["name"], c["text"], title=c["title"], source="La Gazette test",
                        published=date(2026, 5, 4)) for c in CASES]
    return analyze(articles, reference=None)


def _claim(claims: pd.DataFrame, case: dict, part: str, surface: str) -> str:
    rows = claims[(claims["article_id"] == case["name"]) & (claims["part"] == part)
                  & claims["surface"].str.startswith(surface)]
    assert len(rows) == 1, (case["name"], part, surface, list(rows["surface"]))
    return str(rows["claim_id"].iloc[0])


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_headline_against_its_body(analysis, case: dict) -> None:
    claims, links, flags = analysis.claims, analysis.links, analysis.flags
    head = _claim(claims, case, "title", case["headline"])
    paired = links[(links["relation"] != "fact")
                   & ((links["claim_a"] == head) | (links["claim_b"] == head))]
    mine = flags[flags["article_ids"].map(lambda ids: case["name"] in ids)]
    if case["relation"] in ("same", "compatible"):
        body = _claim(claims, case, "body", case["body"])
        assert [(set((a, b)), r) for a, b, r in zip(
            paired["claim_a"], paired["claim_b"], paired["relation"], strict=True)] == [
            ({head, body}, case["relation"])], case["why"]
        assert mine.empty, case["why"]
    elif case["relation"] == "contradiction":
        body = _claim(claims, case, "body", case["body"])
        assert [set(ids) for ids in mine["claim_ids"]] == [{head, body}], case["why"]
        assert mine["type"].tolist() == ["contradiction"]
        assert "titre" in mine["explanation"].iloc[0]
        assert paired.empty, case["why"]
    else:
        assert paired.empty and not set(mine["type"]) & ACCUSATIONS, case["why"]


def test_every_outcome_is_covered() -> None:
    assert {c["relation"] for c in CASES} == {"same", "compatible", "contradiction", None}


def test_a_name_number_in_a_title_is_no_headline_figure() -> None:
    """"Top 14" in a title is read as in a body: a number of a name, never set against the
    body's figures."""
    article = Article("name_in_title", "Toulon a battu Pau 30-12 en Top 14, devant 14 500 "
                      "spectateurs.", title="Top 14 : Toulon s'impose", source="La Gazette test",
                      published=date(2026, 5, 4))
    result = analyze([article], reference=None)
    claims = result.claims
    heads = claims[claims["part"] == "title"]
    assert set(heads["kind"]) <= {"identifier"}, heads[["surface", "kind"]].to_dict("records")
    assert not set(result.flags["type"]) & ACCUSATIONS if len(result.flags) else True


def _case(name: str) -> dict:
    return next(c for c in CASES if c["name"] == name)


def test_the_headlines_are_read_once_in_a_check(monkeypatch) -> None:
    """The engine reads what each headline figure is to its body once; the contradiction
    rule takes those readings from its context instead of reading them again."""
    from factcheck.crossref import engine

    calls = []
    real = engine.headline_readings

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "headline_readings", counted)
    case = _case("headline_contradicted_by_its_body")
    article = Article(case["name"], case["text"], title=case["title"],
                      source="La Gazette test", published=date(2026, 5, 4))
    result = analyze([article], reference=None)
    assert len(calls) == 1
    assert result.flags["type"].tolist() == ["contradiction"]


@pytest.mark.parametrize("given, flagged", [("contradiction", True), ("same", False),
                                            (None, False)])
def test_the_rule_flags_the_readings_of_its_context(analysis, given, flagged) -> None:
    """The rule flags a headline only for a ``contradiction`` reading its context gives: not
    for a headline figure of the claims table that no reading names."""
    from factcheck.crossref.cue_words import load_lexicon
    from factcheck.crossref.headlines import HeadlineReading
    from factcheck.crossref.rules import CheckContext
    from factcheck.crossref.rules.contradiction import Contradiction
    from factcheck.crossref.views import prepare_claims

    case = _case("headline_contradicted_by_its_body")
    claims = analysis.claims[analysis.claims["article_id"] == case["name"]]
    lexicon = load_lexicon()
    views = {v.claim_id: v for v in prepare_claims(claims, lexicon)}
    head, body = (views[_claim(claims, case, part, surface)] for part, surface in
                  (("title", case["headline"]), ("body", case["body"])))
    readings = () if given is None else (HeadlineReading(head, body, given),)
    ctx = CheckContext(claims=claims, views=views, judged=(), structures=(), reference=None,
                       lexicon=lexicon, headlines=readings)
    found = list(Contradiction().check(ctx))
    assert [set(f.claim_ids) for f in found] == ([{head.claim_id, body.claim_id}] if flagged
                                                 else [])
