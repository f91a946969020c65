"""No article loses the run: an exception raised by a step for one article (figures or
context) leaves that article out, reported with its id, origin and the exception, and the
other articles are processed, in one process or several."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import fake_extract_mentions, install_fake_module

import factcheck.context
import factcheck.context.nlp
from factcheck.budget import DEBUG_ENV
from factcheck.models import Article
from factcheck.pipeline import SkippedArticle, claims_frame

ARTICLES = [
    Article("a", "Selon l'ONU, 46 drones ont été abattus.", origin="lot.jsonl:1"),
    Article("casse", "EXTRACTION PIÈGE : 17 drones.", origin="lot.jsonl:2"),
    Article("b", "Le taux atteint 12,5 % dans la région.", origin="lot.jsonl:3",
            published=date(2024, 12, 9)),
    Article("contexte", "CONTEXTE PIÈGE : 300 sinistrés.", origin="lot.jsonl:4"),
    Article("c", "Aucun chiffre ici.", origin="lot.jsonl:5"),
    Article("d", "Plus de 2 000 personnes évacuées.", origin="lot.jsonl:6"),
]

KEPT = {"a": ["46"], "b": ["12,5 %"], "d": ["2 000"]}


def _extract(text: str, published: date | None = None):
    if "EXTRACTION PIÈGE" in text:
        raise ValueError("chiffre illisible à la position 14")
    return fake_extract_mentions(text, published)


def _annotate_many(pairs, **kwargs):
    pairs = list(pairs)
    if any("CONTEXTE PIÈGE" in article.text for article, _ in pairs):
        raise KeyError("sujet")
    return [list(claims) for _, claims in pairs]


@pytest.fixture
def broken_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_module(monkeypatch, "factcheck.extract.scanner", extract_mentions=_extract)
    monkeypatch.setattr(factcheck.context, "annotate_many", _annotate_many)
    monkeypatch.setattr(factcheck.context.nlp, "load_nlp", lambda: None)
    monkeypatch.delenv(DEBUG_ENV, raising=False)


@pytest.mark.parametrize("timeout", [None, 30.0])
@pytest.mark.parametrize("processes", [1, 2])
def test_an_article_that_raises_is_reported_and_the_others_processed(
        broken_steps, processes: int, timeout: float | None) -> None:
    skipped: list[SkippedArticle] = []
    claims = claims_frame(ARTICLES, processes=processes, article_timeout=timeout,
                          on_skipped=skipped.append)
    assert sorted(map(str, skipped)) == [
        "lot.jsonl:2: article 'casse' failed (figure extraction): ValueError: chiffre "
        "illisible à la position 14; skipped",
        "lot.jsonl:4: article 'contexte' failed (context): KeyError: 'sujet'; skipped",
    ]
    assert claims.groupby("article_id", sort=False)["surface"].apply(list).to_dict() == KEPT


def test_without_context_only_extraction_can_fail(broken_steps) -> None:
    skipped: list[SkippedArticle] = []
    claims = claims_frame(ARTICLES, with_context=False, on_skipped=skipped.append)
    assert [s.article_id for s in skipped] == ["casse"]
    assert set(claims["article_id"]) == {"a", "b", "contexte", "d"}


def test_the_traceback_is_given_with_the_debug_variable(
        broken_steps, monkeypatch: pytest.MonkeyPatch) -> None:
    skipped: list[SkippedArticle] = []
    claims_frame(ARTICLES[:2], with_context=False, on_skipped=skipped.append)
    assert "Traceback" not in skipped[0].reason
    monkeypatch.setenv(DEBUG_ENV, "1")
    skipped.clear()
    claims_frame(ARTICLES[:2], with_context=False, on_skipped=skipped.append)
    (report,) = skipped
    assert report.reason.startswith("failed (figure extraction): ValueError: chiffre")
    assert "Traceback (most recent call last)" in report.reason
    assert "in _extract" in report.reason
