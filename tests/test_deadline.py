"""The cooperative deadline (``factcheck.deadline``) and the budget outside the main thread:
``checkpoint()`` does nothing without a deadline, raises once the thread's deadline has
passed, a deadline inside another is undone on exit, and one thread's deadline never touches
another thread. Deadlines of 0 s have passed as soon as they are set, and long ones never
pass during a test: nothing here depends on how fast the machine is."""

from __future__ import annotations

import signal
import threading
import time

import pytest
from conftest import in_thread

from factcheck.budget import budget, budget_by_alarm, guarded
from factcheck.deadline import ArticleTimeout, checkpoint, thread_deadline
from factcheck.models import Article

FAR = 3600.0  # seconds of processor time: never reached by a test


def _spin() -> str:
    """Work that stops at a checkpoint, else after a minute of processor time (so that a
    budget that does not hold fails the test rather than hangs it)."""
    end = time.thread_time() + 60
    while time.thread_time() < end:
        checkpoint()
    return "not stopped"


def test_without_a_deadline_a_checkpoint_does_nothing() -> None:
    for _ in range(1000):
        checkpoint()
    assert in_thread(lambda: [checkpoint() for _ in range(1000)] and "done") == "done"


def test_a_passed_deadline_raises_at_the_next_checkpoint() -> None:
    with pytest.raises(ArticleTimeout), thread_deadline(0):
        checkpoint()
    checkpoint()  # the deadline is gone with its block


def test_a_nested_deadline_restores_the_outer_one() -> None:
    with thread_deadline(FAR):
        with pytest.raises(ArticleTimeout), thread_deadline(0):
            checkpoint()
        checkpoint()  # back to the outer deadline, far away
    with thread_deadline(0):
        with thread_deadline(FAR), pytest.raises(ArticleTimeout):
            checkpoint()  # an inner deadline cannot outlive the outer one
        with pytest.raises(ArticleTimeout):
            checkpoint()  # the outer one, still there
    checkpoint()


def test_a_deadline_holds_in_its_own_thread_only() -> None:
    armed, checked = threading.Event(), threading.Event()
    seen: list[str] = []

    def expired_thread() -> None:
        with thread_deadline(0):
            armed.set()
            checked.wait()
            try:
                checkpoint()
            except ArticleTimeout:
                seen.append("expired thread stopped")

    thread = threading.Thread(target=expired_thread)
    thread.start()
    armed.wait()
    checkpoint()  # this thread has no deadline: the other one's is not ours
    assert in_thread(lambda: checkpoint() or "another thread runs on") == "another thread runs on"
    checked.set()
    thread.join()
    assert seen == ["expired thread stopped"]


def test_outside_the_main_thread_the_budget_is_the_cooperative_deadline() -> None:
    assert budget_by_alarm() is hasattr(signal, "setitimer")
    assert in_thread(budget_by_alarm) is False

    def spin_within_budget() -> str:
        with budget(0.001):
            return _spin()

    assert isinstance(in_thread(spin_within_budget), ArticleTimeout)
    assert in_thread(lambda: [checkpoint() for _ in range(1000)] and "no deadline left") \
        == "no deadline left"


def test_guarded_reports_an_article_over_its_budget_in_a_thread() -> None:
    article = Article("lent", "17 drones.", origin="lot.jsonl:2")
    skipped = in_thread(lambda: guarded(article, "figure extraction", 0.001, _spin))
    assert str(skipped) == ("lot.jsonl:2: article 'lent' exceeded its time budget of 0.001 s "
                            "of processor time (figure extraction); skipped")
    assert (skipped.step, skipped.seconds, skipped.error) == ("figure extraction", 0.001, None)
    ok = in_thread(lambda: guarded(article, "figure extraction", FAR, lambda: "read"))
    assert ok == "read"
