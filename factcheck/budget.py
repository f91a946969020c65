"""No article can lose the run: the time budget of one article, and the isolation of each
article's failures. Used by ``factcheck.pipeline`` around each step it runs for an article.

Time budget (``article_timeout``): extracting the figures of one article may take
``article_timeout`` seconds; reading their context, done for a chunk of articles at once, may
take ``article_timeout`` seconds per article of the chunk, and when a chunk overruns, its
articles are redone one by one with ``article_timeout`` each. The budget counts processor
time, not wall time, so a busy or swapping machine does not make articles miss it (a 100 MB
run under load, with a wall-time alarm, lost six articles that way). It is an alarm
(``signal.setitimer(ITIMER_VIRTUAL)``), so it interrupts any Python code, in the main process
or in a worker; it needs Unix and the main thread of its process, and elsewhere (Windows, the
dashboard's script thread) the budget is not enforced.

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

from factcheck.models import Article

#: Environment variable that adds the traceback to the report of an article that failed.
DEBUG_ENV = "FACTCHECK_DEBUG"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SkippedArticle:
    """An article left out of the claims table, and why (in words for users)."""

    article_id: str
    origin: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}article '{self.article_id}' {self.reason}; skipped"


class ArticleTimeout(BaseException):
    """Raised by the budget alarm. A ``BaseException``, like ``KeyboardInterrupt``, so that
    no ``except Exception`` on the way swallows it."""


def budget_enforced() -> bool:
    """Whether ``article_timeout`` can be enforced here (Unix, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def debug_enabled() -> bool:
    """Whether a failed article's report carries the full traceback (``$FACTCHECK_DEBUG``)."""
    return os.environ.get(DEBUG_ENV, "").strip() not in ("", "0")


def _on_alarm(signum: int, frame: object) -> None:
    raise ArticleTimeout


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in the block once it has used ``seconds`` of processor time
    (None: no limit)."""
    if not seconds or not budget_enforced():
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
                          f"({step})")


def failed(article: Article, exc: Exception, step: str) -> SkippedArticle:
    """The report of an article whose ``step`` raised ``exc``: the exception's type and
    message, and with ``$FACTCHECK_DEBUG`` its traceback."""
    message = str(exc).strip()
    reason = f"failed ({step}): {type(exc).__name__}" + (f": {message}" if message else "")
    if debug_enabled():
        reason += "\n" + "".join(traceback.format_exception(exc)).rstrip()
    return SkippedArticle(article.article_id, article.origin, reason)


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
