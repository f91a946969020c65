"""The time budget of one article: an article that stalls is reported and skipped, the others
are processed, in one process or several. The slow steps are stand-ins that sleep far longer
than the budget; nothing here asserts how long anything takes."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import (
    STALL,
    fake_extract_mentions,
    install_fake_module,
    slow_extract_mentions,
    spin,
)

import factcheck.context
import factcheck.context.nlp
from factcheck.models import Article
from factcheck.pipeline import SkippedArticle, analyze, budget_by_alarm, claims_frame

pytestmark = pytest.mark.skipif(not budget_by_alarm(), reason="needs Unix signals")

BUDGET = 0.5

ARTICLES = [
    Article("a", "Selon l'ONU, 46 drones ont été abattus.", origin="lot.jsonl:1"),
    Article("lent", "EXTRACTION LENTE : 17 drones.", origin="lot.jsonl:2"),
    Article("b", "Le taux atteint 12,5 % dans la région.", origin="lot.jsonl:3",
            published=date(2024, 12, 9)),
    Article("contexte", "CONTEXTE LENT : 300 sinistrés.", origin="lot.jsonl:4"),
    Article("c", "Aucun chiffre ici.", origin="lot.jsonl:5"),
    Article("d", "Plus de 2 000 personnes évacuées.", origin="lot.jsonl:6"),
]


def _slow_annotate_many(pairs, **kwargs):
    pairs = list(pairs)
    if any("CONTEXTE LENT" in article.text for article, _ in pairs):
        spin(STALL)
    return [list(claims) for _, claims in pairs]


@pytest.fixture
def slow_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_module(monkeypatch, "factcheck.extract.scanner",
                        extract_mentions=slow_extract_mentions)
    monkeypatch.setattr(factcheck.context, "annotate_many", _slow_annotate_many)
    monkeypatch.setattr(factcheck.context.nlp, "load_nlp", lambda: None)


@pytest.mark.parametrize("processes", [1, 2])
def test_articles_over_budget_are_reported_and_the_others_processed(slow_steps,
                                                                    processes: int) -> None:
    skipped: list[SkippedArticle] = []
    claims = claims_frame(ARTICLES, processes=processes, article_timeout=BUDGET,
                          on_skipped=skipped.append)
    assert sorted(map(str, skipped)) == [
        "lot.jsonl:2: article 'lent' exceeded its time budget of 0.5 s of processor time "
        "(figure extraction); skipped",
        "lot.jsonl:4: article 'contexte' exceeded its time budget of 0.5 s of processor time "
        "(context); skipped",
    ]
    assert claims.groupby("article_id", sort=False)["surface"].apply(list).to_dict() == {
        "a": ["46"], "b": ["12,5 %"], "d": ["2 000"],
    }


def test_without_context_only_extraction_is_budgeted(slow_steps) -> None:
    skipped: list[SkippedArticle] = []
    claims = claims_frame(ARTICLES, with_context=False, article_timeout=BUDGET,
                          on_skipped=skipped.append)
    assert [s.article_id for s in skipped] == ["lent"]
    assert set(claims["article_id"]) == {"a", "b", "contexte", "d"}


def test_analyze_passes_the_budget_on(slow_steps, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.crossref as crossref

    seen: list[set[str]] = []

    def fake_cross_reference(claims, reference=None):
        seen.append(set(claims["article_id"]))
        return claims.iloc[0:0], claims.iloc[0:0]

    monkeypatch.setattr(crossref, "cross_reference", fake_cross_reference)
    skipped: list[SkippedArticle] = []
    result = analyze(ARTICLES, article_timeout=BUDGET, on_skipped=skipped.append)
    assert {s.article_id for s in skipped} == {"lent", "contexte"}
    assert seen == [{"a", "b", "d"}]
    assert len(result.articles) == len(ARTICLES)  # every article read stays in the table


def test_no_budget_means_no_alarm(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_module(monkeypatch, "factcheck.extract.scanner",
                        extract_mentions=fake_extract_mentions)
    claims = claims_frame(ARTICLES[:1], with_context=False, article_timeout=None)
    assert list(claims["surface"]) == ["46"]
