"""The cooperative deadline of one article's work, for threads where the budget's alarm
cannot be used (``factcheck.budget``).

The budget is an alarm signal (``setitimer(ITIMER_VIRTUAL)``) in the main thread of a Unix
process: it interrupts any Python code. A signal is only ever handled in the main thread,
so in other threads (the dashboard's script thread, Dask's worker threads) the budget is a
deadline on the thread's own processor clock (``time.thread_time()``, the per-thread
analogue of ``ITIMER_VIRTUAL``), held per thread and checked by :func:`checkpoint`, which
the loops of the extraction and the context call at every step whose cost grows with the
article (``extract``, ``context`` and ``text`` are below ``budget`` in the layers, so they
import it from here). A step that never comes back to one of those loops (a single regular
expression or spaCy batch that never returns) cannot be interrupted this way.

:func:`checkpoint` costs one global read when no thread has a deadline (the command line,
whose main thread uses the alarm), and a read of the thread's clock otherwise.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class ArticleTimeout(BaseException):
    """Raised when one article's work has used its time budget (by the alarm, or by
    :func:`checkpoint`). A ``BaseException``, like ``KeyboardInterrupt``, so that no
    ``except Exception`` on the way swallows it."""


class _ThreadDeadline(threading.local):
    at: float | None = None  # on the thread's processor clock; None: no deadline


_thread = _ThreadDeadline()
_lock = threading.Lock()
_armed = 0  # deadlines set, all threads together: checkpoint() returns at once while 0


def checkpoint() -> None:
    """Raise :class:`ArticleTimeout` when the calling thread's deadline has passed; else,
    and when it has none, return (cheaply: call it in loops)."""
    if _armed and (at := _thread.at) is not None and time.thread_time() >= at:
        raise ArticleTimeout


@contextmanager
def thread_deadline(seconds: float) -> Iterator[None]:
    """A deadline ``seconds`` of the calling thread's processor time ahead, for the block;
    a deadline inside another one never ends after it, and the outer one is back on exit."""
    global _armed
    outer = _thread.at
    at = time.thread_time() + seconds
    _thread.at = at if outer is None else min(at, outer)
    with _lock:
        _armed += 1
    try:
        yield
    finally:
        _thread.at = outer
        with _lock:
            _armed -= 1
