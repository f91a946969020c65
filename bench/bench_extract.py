"""Benchmark: figure extraction alone (``factcheck.extract.scanner.extract_mentions``, no context).

One process, one core. After a warm-up call (lexicon loading), every article of a corpus of at
least 1 MB is scanned ``--repeat`` times; the best and median characters per second are
printed (target: at least 1,000,000 chars/s on one core). Then quantulum3's
``parser.parse(text)`` is timed on a sample of at least 100 KB of the same articles (it is too
slow for the whole corpus: its time for the whole corpus is extrapolated from the sample) and
the speed ratio is printed.

    python bench/bench_extract.py                 # 1.2 MB synthetic corpus
    python bench/bench_extract.py --chars 5000000 --repeat 3
    python bench/bench_extract.py --profile       # cProfile of one pass, top entries
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from benchlib import (
    Stats,
    add_corpus_options,
    describe_corpus,
    load_corpus,
    machine,
    profile,
    timed,
)

from factcheck.extract.scanner import extract_mentions
from factcheck.models import Article

TARGET = 1_000_000  # chars/s on one core


def scan(articles: Sequence[Article]) -> int:
    """Figures found in ``articles``."""
    return sum(len(extract_mentions(a.text, a.published)) for a in articles)


def quantulum_scan(articles: Sequence[Article]) -> int:
    from quantulum3 import parser

    return sum(len(parser.parse(a.text)) for a in articles)


def sample(articles: Sequence[Article], min_chars: int) -> list[Article]:
    """The first articles totalling at least ``min_chars`` characters."""
    out: list[Article] = []
    total = 0
    for a in articles:
        if total >= min_chars:
            break
        out.append(a)
        total += len(a.text)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_corpus_options(parser)
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (default 5)")
    parser.add_argument(
        "--quantulum-chars",
        type=int,
        default=100_000,
        help="size of the quantulum3 sample (default 100,000)",
    )
    parser.add_argument(
        "--quantulum-repeat",
        type=int,
        default=3,
        help="timed quantulum3 passes over the sample (default 3)",
    )
    parser.add_argument("--no-quantulum", action="store_true", help="skip quantulum3")
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of one pass instead of timing"
    )
    args = parser.parse_args(argv)

    articles = load_corpus(args)
    chars = sum(len(a.text) for a in articles)
    print(f"machine: {machine()}")
    print(f"corpus: {describe_corpus(articles)}")
    extract_mentions(articles[0].text, articles[0].published)  # warm-up: lexicon, regexes

    if args.profile:
        print(profile(lambda: scan(articles)))
        return 0

    wall_rates, cpu_rates = [], []
    figures = 0
    for i in range(args.repeat):
        wall, cpu, figures = timed(lambda: scan(articles))
        wall_rates.append(chars / wall)
        cpu_rates.append(chars / cpu)
        print(
            f"  pass {i + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU, "
            f"{chars / wall:,.0f} chars/s, load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    wall_stats, cpu_stats = Stats(tuple(wall_rates)), Stats(tuple(cpu_rates))
    print(
        f"factcheck extract_mentions: {figures:,} figures "
        f"({figures / (chars / 1000):.1f} per 1,000 chars)"
    )
    print(f"  wall: {wall_stats.show()}")
    print(f"  CPU:  {cpu_stats.show()}")
    verdict = "met" if wall_stats.best >= TARGET else "NOT met"
    print(f"  target >= {TARGET:,} chars/s on one core: {verdict} (best wall)")

    if args.no_quantulum:
        return 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser as qparser

        qparser.parse("Il y a 3 drones et 12 % de hausse.")  # warm-up: loads its data
        part = sample(articles, args.quantulum_chars)
        part_chars = sum(len(a.text) for a in part)
        q_rates = []
        q_found = 0
        for i in range(args.quantulum_repeat):
            wall, _, q_found = timed(lambda: quantulum_scan(part))
            q_rates.append(part_chars / wall)
            print(f"  quantulum3 pass {i + 1}: {wall:.2f} s for {part_chars:,} chars", flush=True)
    q_stats = Stats(tuple(q_rates))
    print(
        f"quantulum3 parser.parse (default language) on a sample of {len(part)} articles, "
        f"{part_chars:,} chars: {q_found:,} quantities"
    )
    print(f"  wall: {q_stats.show()}")
    print(
        f"  whole corpus extrapolated from the sample: {chars / q_stats.best:,.0f} s (best), "
        f"{chars / q_stats.median:,.0f} s (median)"
    )
    print(
        f"  ratio factcheck / quantulum3: {wall_stats.best / q_stats.best:,.0f}x (best), "
        f"{wall_stats.median / q_stats.median:,.0f}x (median)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
