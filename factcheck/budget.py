"""No article can lose the run: the time budget of one article, and the isolation of each
article's failures. Used by ``factcheck.pipeline`` around each step it runs for an article.

Time budget (``article_timeout``): extracting the figures of one article may take
``article_timeout`` seconds; reading their context, done for a chunk of articles at once, may
take ``article_timeout`` seconds per article of the chunk, and when a chunk overruns, its
articles are redone one by one with ``article_timeout`` each. The budget counts processor
time, not wall time, so a busy or swapping machine does not make articles miss it (a 100 MB
run under load, with a wall-time alarm, lost six articles that way). It is enforced in every
thread, in one of two ways:

- in the main thread of a Unix process (the command line, ``--processes`` workers), an alarm
  (``signal.setitimer(ITIMER_VIRTUAL)``) that interrupts any Python code, even a single
  regular expression that never returns;
- elsewhere (the dashboard's script thread, Dask's worker threads, Windows), a cooperative
  deadline on the thread's own processor clock (``factcheck.deadline``), checked by the
  loops of the extraction and the context at every step whose cost grows with the article:
  a step that never comes back to one of them (a single regular expression or spaCy batch
  that never returns) is not interrupted.

Failures: an exception raised by a step for one article (a bug met on an unusual text) is
caught for that article alone; the article is left out like an article over its budget, with
the exception's type and message as the reason, and the others are processed. The full
traceback is added to the reason when ``$FACTCHECK_DEBUG`` is set (to anything but ``0`` or
an empty string; ``--debug`` on the command line sets it).

An article left out this way is a :class:`SkippedArticle`, handed to the caller's
``on_skipped``; the command line names it on stderr and exits with status 1.
"""

from __future__ import annotations

import os
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from factcheck.deadline import ArticleTimeout, checkpoint, thread_deadline
from factcheck.models import Article

__all__ = [
    "ARTICLE_TIMEOUT_ENV",
    "DEBUG_ENV",
    "DEFAULT_ARTICLE_TIMEOUT",
    "ArticleTimeout",
    "SkippedArticle",
    "budget",
    "budget_by_alarm",
    "checkpoint",
    "debug_enabled",
    "failed",
    "guarded",
    "over_budget",
    "parse_article_timeout",
]

#: Seconds of processor time one article may take (figures, then context) before it is
#: skipped: the default of ``--article-timeout`` and of the dashboard.
DEFAULT_ARTICLE_TIMEOUT = 30.0
#: Environment variable read for the budget by the command line and the dashboard.
ARTICLE_TIMEOUT_ENV = "FACTCHECK_ARTICLE_TIMEOUT"

#: Environment variable that adds the traceback to the report of an article that failed.
DEBUG_ENV = "FACTCHECK_DEBUG"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SkippedArticle:
    """An article left out of the claims table, and why (in words for users); ``step``,
    ``seconds`` (over its budget) or ``error`` (the exception's type and message) let a
    caller word it in its own way."""

    article_id: str
    origin: str | None
    reason: str
    step: str = ""  # "figure extraction" or "context"
    seconds: float | None = None  # the budget it went over; None: it failed
    error: str | None = None  # "ValueError: ...", when it failed

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}article '{self.article_id}' {self.reason}; skipped"


def parse_article_timeout(text: str) -> float:
    """The budget as written for ``--article-timeout`` or ``$FACTCHECK_ARTICLE_TIMEOUT``:
    seconds, a number at least 0 (0: no limit). Raises ``ValueError`` otherwise."""
    seconds = float(text)
    if not seconds >= 0:  # NaN too
        raise ValueError(f"{text!r} is not a number of seconds >= 0")
    return seconds


def budget_by_alarm() -> bool:
    """Whether the budget is an alarm here (Unix, main thread), which interrupts any Python
    code; elsewhere it is the cooperative deadline of ``factcheck.deadline``."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def debug_enabled() -> bool:
    """Whether a failed article's report carries the full traceback (``$FACTCHECK_DEBUG``)."""
    return os.environ.get(DEBUG_ENV, "").strip() not in ("", "0")


def _on_alarm(signum: int, frame: object) -> None:
    raise ArticleTimeout


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in the block once it has used ``seconds`` of processor time
    (None: no limit): by the alarm in the main thread, else at the block's next
    :func:`checkpoint` past its deadline."""
    if not seconds:
        yield
        return
    if not budget_by_alarm():
        with thread_deadline(seconds):
            yield
        return
    previous = signal.signal(signal.SIGVTALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def over_budget(article: Article, seconds: float | None, step: str) -> SkippedArticle:
    """The report of an article that went over its budget of ``seconds`` in ``step``."""
    return SkippedArticle(article.article_id, article.origin,
                          f"exceeded its time budget of {seconds or 0:g} s of processor time "
                          f"({step})", step=step, seconds=seconds or 0)


def failed(article: Article, exc: Exception, step: str) -> SkippedArticle:
    """The report of an article whose ``step`` raised ``exc``: the exception's type and
    message, and with ``$FACTCHECK_DEBUG`` its traceback."""
    message = str(exc).strip()
    error = type(exc).__name__ + (f": {message}" if message else "")
    reason = f"failed ({step}): {error}"
    if debug_enabled():
        reason += "\n" + "".join(traceback.format_exception(exc)).rstrip()
    return SkippedArticle(article.article_id, article.origin, reason, step=step, error=error)


def guarded(article: Article, step: str, seconds: float | None, run: Callable[[], T]
            ) -> T | SkippedArticle:
    """``run()`` for ``article`` within ``seconds`` of processor time: its result, or the
    :class:`SkippedArticle` saying why the article is left out (over its budget, or an
    exception raised by the step)."""
    try:
        with budget(seconds):
            return run()
    except ArticleTimeout:
        return over_budget(article, seconds, step)
    except Exception as exc:  # one article's failure must not stop the run
        return failed(article, exc, step)
