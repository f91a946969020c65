"""``--engine dask`` holds the time budget of one article on its workers (Dask runs tasks in
worker threads, where the budget is the cooperative deadline of ``factcheck.deadline``): on
a local cluster of two worker processes, a long article of real news phrasing with a tiny
budget is left out and reported, and the table of the other articles is the one the default
engine gives them without a budget.

The long article takes many times its budget to read, the others a small part of it
(processor time); nothing here asserts how long anything takes."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEEDS_DIR, long_news_text

from factcheck import pipeline
from factcheck.budget import SkippedArticle, budget_by_alarm
from factcheck.corpus import read_corpus
from factcheck.models import Article

pytestmark = pytest.mark.slow

BUDGET = 0.5  # seconds of processor time; the long article needs several seconds
LONG = Article("long", long_news_text(900_000, seed=3), origin="fil.jsonl:2")
SHORT = (
    Article("onu", "Selon l'ONU, 46 drones ont été abattus dans la nuit de samedi.",
            origin="fil.jsonl:1"),
    Article("insee", "D'après l'Insee, le taux de chômage atteint 7,4 % au troisième "
            "trimestre.", origin="fil.jsonl:3"),
)


@pytest.fixture(scope="module")
def client():
    """A client of a running cluster of two single-threaded worker processes (as in
    ``tests/cli/test_cli_dask.py``)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as connected:
        yield connected


def test_a_long_article_over_its_budget_is_left_out_on_dask_workers(client) -> None:
    from factcheck import dask_engine

    assert client.submit(budget_by_alarm, pure=False).result() is False  # a worker thread
    seeds = list(read_corpus([SEEDS_DIR]).articles)
    articles = [SHORT[0], *seeds, LONG, SHORT[1]]
    skipped: list[SkippedArticle] = []
    got = dask_engine.claims_frame(articles, client=client, article_timeout=BUDGET,
                                   on_skipped=skipped.append)
    assert [str(s) for s in skipped] == [
        "fil.jsonl:2: article 'long' exceeded its time budget of 0.5 s of processor time "
        "(figure extraction); skipped"]
    expected = pipeline.claims_frame([a for a in articles if a is not LONG])
    assert set(got["article_id"]) == {"onu", "insee", *(a.article_id for a in seeds)}
    pd.testing.assert_frame_equal(got, expected)
