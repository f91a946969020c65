"""Benchmark: how the time of adding a batch to a claims store grows with the store.

A store is built from the planted synthetic corpus (``bench/planted.py``), without context,
batch after batch, in this process (``factcheck.archive.add_to_store``); each addition's
processor time is printed with the size of the store it was added to, so the lines are the
growth curve of "adding B articles to a store of N". ``--snapshot`` copies the store at the
given sizes, and ``--add-to`` times adding 1,000 new articles (another seed) to a copy of a
stored snapshot (``--context``: with context), ``--profile`` printing where that time goes
(cProfile).

    python bench/bench_store.py --articles 20000 --batch 1000 --store /tmp/store \\
        --snapshot 1000,5000,10000,20000
    python bench/bench_store.py --articles 100000 --batch 10000 --processes 2 \\
        --store /tmp/store --snapshot 10000,100000      # larger batches: a faster build
    python bench/bench_store.py --add-to /tmp/store-10000 [--context] [--profile]
    python bench/bench_store.py --add-to /tmp/store-10000 --time \
        factcheck.archive.facts_update._stored_fact_views  # one function's share

``--time`` adds up the processor and wall time of the named functions during the addition
(``module.function``, comma-separated; a name the code does not have is reported and
skipped, so one command times two versions of the code), by wrapping them in their module:
what a call costs at each store size, without the profiler's overhead.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from planted import planted_corpus  # noqa: E402

from factcheck.archive import add_to_store, open_store  # noqa: E402


def _stored(store: Path) -> int:
    if not (store / "store.json").exists():
        return 0
    with open_store(store) as con:
        return int(con.execute("SELECT count(*) FROM articles").fetchall()[0][0])


def grow(n: int, batch: int, store: Path, snapshots: set[int], seed: int,
         processes: int = 1) -> None:
    """Add the corpus of ``n`` articles to ``store`` in batches (resuming where it stands),
    extracting with ``processes`` processes (processor time counts this process only)."""
    articles, _ = planted_corpus(n, seed)
    for start in range(_stored(store), len(articles), batch):
        cpu, wall = time.process_time(), time.perf_counter()
        summary = add_to_store(store, articles[start:start + batch], with_context=False,
                               processes=processes)
        print(f"store of {start:>7,} + {summary.n_added:,} articles: "
              f"{time.process_time() - cpu:6.1f} s processor, "
              f"{time.perf_counter() - wall:6.1f} s wall, "
              f"{summary.n_candidates:,} stored figures read back", flush=True)
        size = start + summary.n_added
        if size in snapshots:
            shutil.copytree(store, store.with_name(f"{store.name}-{size}"), dirs_exist_ok=True)


def _timed(names: list[str]) -> dict[str, list[float]]:
    """Wrap each function of ``names`` (``module.function``) in its module to add up its
    calls, processor and wall time: name -> [calls, processor s, wall s]."""
    totals: dict[str, list[float]] = {}
    for name in names:
        module_name, _, attr = name.rpartition(".")
        module = importlib.import_module(module_name)
        function = getattr(module, attr, None)
        if function is None:
            print(f"--time: {name} does not exist in this code; skipped")
            continue
        totals[name] = [0, 0.0, 0.0]

        def wrapper(*args: Any, _f: Callable[..., Any] = function,
                    _t: list[float] = totals[name], **kwargs: Any) -> Any:
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return _f(*args, **kwargs)
            finally:
                _t[0] += 1
                _t[1] += time.process_time() - cpu
                _t[2] += time.perf_counter() - wall

        setattr(module, attr, wrapper)
    return totals


def add_to(snapshot: Path, seed: int, profile: bool, context: bool,
           timed: list[str] | None = None) -> None:
    """Time adding 1,000 new articles to a copy of ``snapshot`` (with context when
    ``context``), and the functions of ``timed`` within it."""
    totals = _timed(timed or [])
    new, _ = planted_corpus(1000, seed + 1)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        shutil.copytree(snapshot, store)
        profiler = cProfile.Profile() if profile else None
        cpu, wall = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        summary = add_to_store(store, new, with_context=context)
        if profiler:
            profiler.disable()
        print(f"{summary.n_stored_before:,}-article store + {summary.n_added:,} new"
              f"{' (with context)' if context else ''}: "
              f"{time.process_time() - cpu:.1f} s processor, "
              f"{time.perf_counter() - wall:.1f} s wall, "
              f"{summary.n_candidates:,} stored figures read back")
    for name, (calls, cpu_s, wall_s) in totals.items():
        print(f"  {name}: {int(calls)} call(s), {cpu_s:.3f} s processor, {wall_s:.3f} s wall")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--snapshot", default="", help="sizes to copy the store at: 1000,5000")
    parser.add_argument("--add-to", type=Path, help="a stored snapshot to add 1,000 articles to")
    parser.add_argument("--context", action="store_true", help="--add-to with context")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--time", default="",
                        help="--add-to: functions to time, module.function,...")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--processes", type=int, default=1, help="extraction processes (build)")
    args = parser.parse_args()
    if args.add_to:
        add_to(args.add_to, args.seed, args.profile, args.context,
               [n for n in args.time.split(",") if n])
    elif args.store:
        grow(args.articles, args.batch, args.store,
             {int(x) for x in args.snapshot.split(",") if x}, args.seed, args.processes)
    else:
        parser.error("give --store (to build one) or --add-to (to time an addition)")


if __name__ == "__main__":
    main()
