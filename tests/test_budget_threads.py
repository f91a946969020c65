"""The time budget of one article on the real extraction and context, in a thread (where it
is the cooperative deadline of ``factcheck.deadline``, as in the dashboard and on Dask
workers) and in the main thread (the alarm): a long article of real news phrasing is left
out with a tiny budget, the short articles of its chunk are read as without a budget.

The long article takes many times its budget to read, the short ones a small part of it
(processor time); nothing here asserts how long anything takes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from conftest import in_thread, long_news_text

from factcheck.budget import ArticleTimeout, budget, budget_by_alarm
from factcheck.claim_rows import _bare_claims, claims_for_chunk
from factcheck.context import annotate_many
from factcheck.extract.scanner import extract_mentions
from factcheck.models import Article
from factcheck.pipeline import _init_worker

pytestmark = pytest.mark.slow  # spaCy

BUDGET = 0.05  # seconds of processor time; the long article needs about a second
SHORT = (
    Article("onu", "Selon l'ONU, 46 drones ont été abattus dans la nuit de samedi.",
            origin="lot.jsonl:1"),
    Article("insee", "D'après l'Insee, le taux de chômage atteint 7,4 % au troisième "
            "trimestre.", origin="lot.jsonl:3"),
)
LONG = Article("long", long_news_text(300_000), origin="lot.jsonl:2")


@pytest.fixture(scope="module")
def unbudgeted() -> list[tuple[Article, list]]:
    """The short articles read without a budget (lexicons and spaCy loaded on the way, as a
    worker does before its first chunk)."""
    _init_worker(True)
    pairs, skipped = claims_for_chunk(SHORT, True, None)
    assert not skipped
    return pairs


def _main_thread(fn: Callable[[], Any]) -> Any:
    return fn()


@pytest.mark.parametrize(("where", "alarm"), [(in_thread, False), (_main_thread, True)],
                         ids=["thread", "main-thread"])
def test_a_long_article_over_its_budget_is_left_out_and_the_others_read(
        unbudgeted, where, alarm: bool) -> None:
    if alarm and not budget_by_alarm():
        pytest.skip("needs Unix signals")
    assert where(budget_by_alarm) is alarm
    pairs, skipped = where(lambda: claims_for_chunk([SHORT[0], LONG, SHORT[1]], True, BUDGET))
    assert [str(s) for s in skipped] == [
        "lot.jsonl:2: article 'long' exceeded its time budget of 0.05 s of processor time "
        "(figure extraction); skipped"]
    assert pairs == unbudgeted  # figures and context, as without a budget
    assert all(c.context.subject for _, claims in pairs for c in claims)


def test_the_long_article_is_read_in_full_without_a_budget_in_a_thread() -> None:
    """The control: the same article is no error, only long (its figures are found)."""
    mentions = in_thread(lambda: extract_mentions(LONG.text))
    assert len(mentions) > 5000


@pytest.mark.parametrize("step", ["figures", "context"])
def test_each_step_stops_at_its_checkpoints_in_a_thread(unbudgeted, step: str) -> None:
    """Figures alone, then the context alone of the long article (its figures read first,
    without a budget): each step is stopped by the deadline, in its own loops."""
    claims = in_thread(lambda: _bare_claims(LONG)) if step == "context" else None

    def work() -> str:
        with budget(BUDGET):
            if step == "figures":
                extract_mentions(LONG.text)
            else:
                annotate_many([(LONG, claims)])
        return "finished"

    assert isinstance(in_thread(work), ArticleTimeout)


def test_a_budget_in_one_thread_does_not_stop_another(unbudgeted) -> None:
    """Two threads at once: one reading the long article within a tiny budget, the other the
    short articles without one; only the first is stopped."""
    started = threading.Barrier(2)
    results: dict[str, Any] = {}

    def long_one() -> None:
        started.wait()
        results["long"] = claims_for_chunk([LONG], True, BUDGET)

    def short_ones() -> None:
        started.wait()
        results["short"] = claims_for_chunk(SHORT, True, None)

    threads = [threading.Thread(target=long_one), threading.Thread(target=short_ones)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [s.article_id for s in results["long"][1]] == ["long"]
    assert results["short"] == (unbudgeted, [])
