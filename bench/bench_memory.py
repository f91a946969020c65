"""Peak memory of ``factcheck extract`` by corpus size.

Generates synthetic corpora (``bench/synthetic.py``) of the given sizes, written as JSON Lines
files of about 10 MB each in one folder (one file may not pass 100 MiB), then runs
``factcheck extract FOLDER -o claims.csv`` in a fresh process for each and reports its peak
resident memory (``getrusage`` ``ru_maxrss`` of that process, measured from a wrapper
process so that each run is measured alone), its wall time and the claims written.
``extract`` streams (``factcheck/streaming.py``): the figure to watch is how the peak grows
from one size to the next.

    python bench/bench_memory.py                       # 10 MB and 100 MB, --no-context
    python bench/bench_memory.py --sizes 10 --context  # with the context analysis (spaCy)
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import PEAK_RSS_WRAPPER, machine
from synthetic import synthetic_articles, write_jsonl

PART_CHARS = 10_000_000

def write_corpus(folder: Path, n_chars: int, seed: int) -> int:
    """Write about ``n_chars`` characters of articles in parts of ``PART_CHARS``; returns
    the characters written. Each part has its own seed offset, so ids never repeat."""
    written = 0
    part = 0
    while written < n_chars:
        articles = synthetic_articles(min(PART_CHARS, n_chars - written), seed * 1000 + part)
        write_jsonl(articles, folder / f"part-{part:03d}.jsonl")
        written += sum(len(a.text) for a in articles)
        part += 1
    return written


def measure(folder: Path, out: Path, context: bool, processes: int) -> tuple[int, float, float]:
    """(exit status, peak RSS in MB, seconds) of one ``factcheck extract`` run."""
    command = [sys.executable, "-m", "factcheck", "extract", str(folder), "-o", str(out),
               "--quiet", "--processes", str(processes)]
    if not context:
        command.append("--no-context")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK_RSS_WRAPPER, *command], capture_output=True,
                            text=True, check=False)
    seconds = time.perf_counter() - start
    code, peak_kb = result.stdout.split()
    if result.stderr.strip():
        print(result.stderr.strip(), file=sys.stderr)
    return int(code), int(peak_kb) / 1024, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100],
                        help="corpus sizes in millions of characters (default 10 100)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--context", action="store_true", help="with the context analysis")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args(argv)
    print(machine(), f"load average {os.getloadavg()[0]:.1f}", sep="\n")
    print("| corpus | files | context | processes | peak RSS | time | claims | exit |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            chars = write_corpus(folder, size * 1_000_000, args.seed)
            out = Path(tmp) / "claims.csv"
            code, peak, seconds = measure(folder, out, args.context, args.processes)
            claims = 0
            if out.exists():
                with out.open(encoding="utf-8", newline="") as handle:
                    claims = sum(1 for _ in csv.reader(handle)) - 1
            files = len(list(folder.iterdir()))
            print(f"| {chars:,} chars | {files} | {'yes' if args.context else 'no'} | "
                  f"{args.processes} | {peak:,.0f} MB | {seconds:.1f} s | {claims:,} | {code} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
