"""Helpers shared by the benchmarks: the corpus, timing statistics, memory, machine, profile.

Benchmarks run as scripts (``python bench/bench_extract.py``), so this module is imported as
``benchlib`` from the ``bench/`` folder.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import resource
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from synthetic import synthetic_articles

from factcheck.models import Article

_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def add_corpus_options(parser: argparse.ArgumentParser, default_chars: int = 1_200_000) -> None:
    parser.add_argument(
        "--chars",
        type=int,
        default=default_chars,
        help=f"synthetic corpus size in characters (default {default_chars:,})",
    )
    parser.add_argument("--seed", type=int, default=0, help="synthetic corpus seed (default 0)")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="read this corpus (any input factcheck reads) instead of generating one",
    )


def load_corpus(args: argparse.Namespace) -> list[Article]:
    """The articles to measure: ``--corpus`` if given, else the synthetic corpus."""
    if args.corpus is None:
        return synthetic_articles(args.chars, args.seed)
    from factcheck.corpus.reader import read_corpus

    result = read_corpus([str(args.corpus)])
    if result.errors:
        raise SystemExit(
            f"{args.corpus}: {len(result.errors)} read errors, first: {result.errors[0]}"
        )
    return list(result.articles)


def describe_corpus(articles: Sequence[Article]) -> str:
    chars = sum(len(a.text) for a in articles)
    return f"{len(articles)} articles, {chars:,} characters ({chars / 1e6:.2f} MB of text)"


@dataclass(frozen=True)
class Stats:
    """Best and median of repeated measurements (of a rate: higher is better)."""

    values: tuple[float, ...]

    @property
    def best(self) -> float:
        return max(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def show(self, unit: str = "chars/s") -> str:
        return (
            f"best {self.best:,.0f} {unit}, median {self.median:,.0f} {unit} (n={len(self.values)})"
        )


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result) of one call."""
    cpu0, wall0 = time.process_time(), time.perf_counter()
    result = fn()
    return time.perf_counter() - wall0, time.process_time() - cpu0, result


def tree_cpu_seconds() -> float:
    """CPU seconds (user + system) used so far by this process and its reaped children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> str:
    return (
        f"{os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.2f}"
    )


# -- memory -----------------------------------------------------------------------------------
def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * _PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def _pss_kb(pid: int) -> int:
    """Proportional set size: resident memory with pages shared between processes (a
    forked worker's copy of the parent's spaCy model) divided among them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return _rss_kb(pid)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.extend(int(c) for c in f.read().split())
    except (OSError, ValueError):
        pass
    return out


def tree_rss_kb(pid: int | None = None, *, proportional: bool = False) -> dict[int, int]:
    """Resident memory (or, with ``proportional``, PSS) of a process and of each of its
    descendants, in KiB, read from /proc."""
    todo = [os.getpid() if pid is None else pid]
    out: dict[int, int] = {}
    while todo:
        p = todo.pop()
        out[p] = _pss_kb(p) if proportional else _rss_kb(p)
        todo.extend(_children(p))
    return out


class PeakRSS:
    """Samples the RSS of this process and its descendants while in use (context manager):
    ``peak_kb`` is the largest sum over the tree, ``peak_pss_kb`` the same with shared pages
    counted once (PSS, the memory really used), ``single_peak_kb`` the largest single
    process, ``processes`` the largest number of processes seen at once."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak_kb = 0
        self.peak_pss_kb = 0
        self.single_peak_kb = 0
        self.processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        tree = tree_rss_kb()
        self.peak_kb = max(self.peak_kb, sum(tree.values()))
        if len(tree) > 1:  # PSS costs more to read: only when memory may be shared
            self.peak_pss_kb = max(self.peak_pss_kb, sum(tree_rss_kb(proportional=True).values()))
        else:
            self.peak_pss_kb = max(self.peak_pss_kb, sum(tree.values()))
        self.single_peak_kb = max(self.single_peak_kb, max(tree.values()))
        self.processes = max(self.processes, len(tree))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


#: A Python program (``python -c PEAK_RSS_WRAPPER command...``) that runs the command given as
#: its arguments and prints its exit status and peak RSS in KiB (Linux: ``ru_maxrss``). The
#: command is started from this small process, not from the bench: on Linux a child's
#: ru_maxrss starts at the RSS of the process it was forked from (kept across exec), and a
#: bench may hold spaCy and corpora.
PEAK_RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)

def rusage_peaks_mb() -> tuple[float, float]:
    """getrusage peaks in MiB: (this process, largest waited-for child)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own / 1024, child / 1024


# -- profile ----------------------------------------------------------------------------------
def profile(fn: Callable[[], object], top: int = 25, sort: str = "tottime") -> str:
    """cProfile of one call of ``fn``: the ``top`` entries by ``sort``, as text."""
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats(sort).print_stats(top)
    return out.getvalue()
