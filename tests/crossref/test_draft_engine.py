"""The draft checker's index gives what ``cross_reference`` gives on corpus and draft
together, restricted to the draft: each dev passage is checked as a draft against the seeds and
the other passages, both ways."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from factcheck.corpus.reader import read_corpus
from factcheck.crossref.draft import DraftChecker, restrict_flags, restrict_links
from factcheck.crossref.engine import cross_reference
from factcheck.models import Article
from factcheck.pipeline import claims_frame, draft_checker

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "reference" / "gold" / "dev_corpus.jsonl"


def _dev_passages() -> list[Article]:
    articles = []
    with DEV.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            articles.append(Article(row["id"], row["text"],
                                    published=date.fromisoformat(row["published"])))
    return articles


@pytest.fixture(scope="module")
def corpus():
    articles = [*read_corpus([ROOT / "seeds"]).articles, *_dev_passages()]
    return articles, claims_frame(articles)


def _naive(checker: DraftChecker, corpus_claims: pd.DataFrame, draft_claims: pd.DataFrame):
    links, flags = cross_reference(pd.concat([corpus_claims, draft_claims], ignore_index=True))
    ids = set(draft_claims["claim_id"])
    return restrict_links(links, ids), restrict_flags(flags, ids)


def test_every_dev_passage_as_a_draft_gives_the_full_cross_reference(corpus):
    articles, claims = corpus
    n_links = n_flags = 0
    for article in articles[2:]:  # the dev passages
        others = claims[claims["article_id"] != article.article_id]
        checker = draft_checker(others)
        assert checker.engine is not None
        result = checker.check(article.text, published=article.published)
        links, flags = _naive(checker, others, result.claims)
        assert set(result.links["link_id"]) == set(links["link_id"]), article.article_id
        assert set(result.flags["flag_id"]) == set(flags["flag_id"]), article.article_id
        assert sorted(result.flags["explanation"]) == sorted(flags["explanation"])
        n_links += len(links)
        n_flags += len(flags)
    assert n_links > 20 and n_flags > 3  # the comparison covers real links and flags


def test_seed_contradiction_through_the_index(corpus):
    _, claims = corpus
    checker = draft_checker(claims)
    text = ("L'administration Biden a annoncé une nouvelle aide militaire à l'Ukraine, "
            "d'un montant de 988 milliards de dollars.")
    result = checker.check(text, published=date(2024, 12, 8))
    assert len(result.flags) >= 1
    flagged = set(result.flags.iloc[0]["claim_ids"])
    seed = claims[claims["surface"] == "988 millions de dollars"]["claim_id"].iloc[0]
    assert seed in flagged
    assert 0 < result.n_candidates < len(claims)


def test_figures_of_other_stories_in_the_draft_block_are_not_compared():
    # Three stories with figures of one block (public money): the draft, about the first,
    # meets the first's figures only, however many the others hold.
    texts = {
        "lyon-budget": ("Le budget de la métropole de Lyon atteindra 4,1 milliards d'euros en "
                        "2025, a annoncé son président lors du conseil métropolitain."),
        "hopital-brest": ("Le budget du centre hospitalier de Brest s'élève à 400 millions "
                          "d'euros, selon sa directrice."),
        "festival-arles": ("Le festival de photographie d'Arles dispose d'un budget de 3 "
                           "millions d'euros, financé surtout par la région."),
    }
    articles = [Article(k, v, published=date(2024, 12, 1)) for k, v in texts.items()]
    claims = claims_frame(articles)
    checker = draft_checker(claims)
    draft = ("Le conseil métropolitain de Lyon a présenté un budget de 4,3 milliards d'euros "
             "pour 2025, selon le président de la métropole.")
    result = checker.check(draft, published=date(2024, 12, 2))
    block = next(key for key, views in checker.engine.blocks.items()
                 if any(v.article_id == "lyon-budget" for v in views))
    in_block = {v.article_id for v in checker.engine.blocks[block]}
    assert {"hopital-brest", "festival-arles"} & in_block  # one block, other stories
    alone = draft_checker(claims[claims["article_id"] == "lyon-budget"])
    expected = alone.check(draft, published=date(2024, 12, 2))
    assert result.n_candidates == expected.n_candidates > 0
    assert set(result.links["link_id"]) == set(expected.links["link_id"])
