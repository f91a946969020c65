"""What one dictionary lookup costs this machine as the table grows, with nothing of factcheck.

`factcheck check` joins claims by id in dictionaries (views, facts, links): its work per claim
is the same at 10,000 and 100,000 articles, but each lookup in a table ten times larger misses
the processor's caches more often. This measures that cost alone, so that the growth of the
check's stages from 10,000 to 100,000 articles can be told apart from the growth of its work:

    .venv/bin/python bench/bench_lookup.py [--sizes 131000 1310000] [--passes 3]

For each size (by default the claims of the 10,000- and 100,000-article planted corpora), a
dictionary of that many 12-character ids to small tuples is read once in a shuffled order and
once in insertion order; the figure is processor time per lookup (best of ``--passes``).
"""

from __future__ import annotations

import argparse
import random
import time


def per_lookup_ns(size: int, passes: int, seed: int = 11) -> tuple[float, float]:
    """Processor nanoseconds per lookup (shuffled order, insertion order), best of passes."""
    rng = random.Random(seed)
    keys = [f"{rng.getrandbits(48):012x}" for _ in range(size)]
    table = {k: (k, 1, 2.0) for k in keys}
    shuffled = keys[:]
    rng.shuffle(shuffled)
    best = []
    for order in (shuffled, keys):
        times = []
        for _ in range(passes):
            start = time.process_time()
            total = 0
            for k in order:
                total += table[k][1]
            times.append((time.process_time() - start) / size * 1e9)
        best.append(min(times))
    return best[0], best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[131_000, 1_310_000])
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    first = None
    print(f"{'entries':>12} {'shuffled':>12} {'in order':>12}")
    for size in args.sizes:
        shuffled, ordered = per_lookup_ns(size, args.passes)
        print(f"{size:>12,} {shuffled:>9.0f} ns {ordered:>9.0f} ns", end="")
        if first is None:
            first = (shuffled, ordered)
            print()
        else:
            print(f"   x{shuffled / first[0]:.2f} / x{ordered / first[1]:.2f} per lookup")


if __name__ == "__main__":
    main()
