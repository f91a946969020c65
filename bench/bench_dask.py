"""Benchmark: ``factcheck check`` end to end with the default engine (1 and 2 processes) and
with ``--engine dask`` (a local cluster of 2 workers), on the same synthetic corpus.

Each run is the command itself in a fresh interpreter, timed from start to exit: reading the
corpus, starting the workers (and the cluster), loading spaCy, extraction with context,
cross-referencing and writing the four tables. Configurations alternate within each round
so that a change of machine load hits them alike. Every run's tables must be byte-identical
to the first one's, else the benchmark stops.

    python bench/bench_dask.py                          # 1.2 MB, 3 rounds
    python bench/bench_dask.py --chars 300000 --repeat 1
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import add_corpus_options, describe_corpus, load_corpus, machine
from synthetic import write_jsonl

CONFIGS: dict[str, tuple[str, ...]] = {
    "local, 1 process": ("--processes", "1"),
    "local, 2 processes": ("--processes", "2"),
    "dask, 2 workers": ("--engine", "dask", "--processes", "2"),
}
TABLES = ("claims.csv", "links.csv", "flags.csv", "sums.csv")


def _run(corpus: Path, out: Path, args: tuple[str, ...]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children) of one check."""
    before = os.times()
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck", "check", str(corpus), "-o", str(out),
                    "-q", "--no-reference", *args], check=True)
    wall = time.perf_counter() - t0
    after = os.times()
    return wall, (after.children_user - before.children_user
                  + after.children_system - before.children_system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_options(parser)
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default 3)")
    args = parser.parse_args()
    articles = load_corpus(args)
    chars = sum(len(a.text) for a in articles)
    print(machine())
    print(describe_corpus(articles))
    walls: dict[str, list[float]] = {name: [] for name in CONFIGS}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(articles, corpus)
        first: dict[str, bytes] | None = None
        for round_ in range(args.repeat):
            for name, config in CONFIGS.items():
                out = Path(tmp) / f"out-{round_}-{len(walls[name])}-{config[-1]}"
                load = os.getloadavg()[0]
                wall, cpu = _run(corpus, out, config)
                walls[name].append(wall)
                tables = {t: (out / t).read_bytes() for t in TABLES}
                first = first or tables
                if tables != first:
                    raise SystemExit(f"{name}: tables differ from the first run's")
                print(f"round {round_ + 1} {name:20} {wall:6.1f} s wall, {cpu:6.1f} s CPU, "
                      f"{chars / wall:8,.0f} chars/s (load before {load:.2f})", flush=True)
    print("\nconfiguration         best wall   median wall   vs 1 process (median)")
    base = statistics.median(walls["local, 1 process"])
    for name, values in walls.items():
        median = statistics.median(values)
        print(f"{name:20} {min(values):9.1f} s {median:11.1f} s   {base / median:6.2f}x")
    print(f"load average at the end {os.getloadavg()[0]:.2f}; tables identical in every run")


if __name__ == "__main__":
    main()
