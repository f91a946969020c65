"""The benchmarks of ``bench/run_all.py``: a registry of functions, each returning a section.

A benchmark is a function of a :class:`RunContext` returning a :class:`Section` (tables of
rows and notes), registered with :func:`register`. A benchmark of a feature that may not be
built yet gives a ``probe``: a function returning why it cannot run (or None when it can);
while the probe says no, the section holds one row "not available yet (...)", and the day
the feature lands the same command runs it. Benchmarks run in registration order and may
read what earlier ones left in ``RunContext.results`` (the draft check reads the corpora the
``check`` benchmark wrote).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    intro: str
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass
class RunContext:
    quick: bool
    work: Path  # scratch folder for corpora and outputs
    seed: int = 0
    check_timeout: float = 1500.0  # seconds one `factcheck check` run may take
    memory_limit_mb: float = 12_000.0  # resident memory one run may reach
    results: dict[str, Any] = field(default_factory=dict)
    log: Callable[[str], None] = print


Runner = Callable[[RunContext], Section]
Probe = Callable[[], "str | None"]


@dataclass(frozen=True)
class Benchmark:
    key: str
    title: str
    run: Runner
    probe: Probe | None = None


REGISTRY: list[Benchmark] = []


def register(key: str, title: str, probe: Probe | None = None) -> Callable[[Runner], Runner]:
    """Register ``fn`` as the benchmark ``key``, whose section is called ``title``."""

    def decorate(fn: Runner) -> Runner:
        if any(b.key == key for b in REGISTRY):
            raise ValueError(f"benchmark {key!r} registered twice")
        REGISTRY.append(Benchmark(key, title, fn, probe))
        return fn

    return decorate


def run_benchmark(bench: Benchmark, ctx: RunContext) -> Section:
    """The benchmark's section; when its probe says it cannot run, a section saying why."""
    reason = bench.probe() if bench.probe else None
    if reason is not None:
        return Section(bench.title, "", (Table(("benchmark", "result"),
                                               ((bench.title, f"not available yet ({reason})"),)),))
    return bench.run(ctx)


# -- formatting helpers shared by the benchmarks ------------------------------------------------
def rate(x: float) -> str:
    return f"{x:,.0f} chars/s"


def seconds(x: float) -> str:
    return f"{x:,.1f} s" if x >= 1 else f"{x * 1000:,.0f} ms"


def megabytes(mb: float) -> str:
    return f"{mb:,.0f} MB"


def size(n_bytes: int) -> str:
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1e6:,.1f} MB"
    return f"{n_bytes / 1e3:,.1f} kB"


def ratio(a: float, b: float) -> str:
    return f"×{a / b:,.2f}" if b else "—"
