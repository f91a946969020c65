"""Where `factcheck check` spends its processor time and memory, stage by stage.

Runs in one process what ``factcheck check DIR -o OUT`` runs (reading, extraction, copies,
cross-referencing, facts, reader links, sums, writing the CSV files) and prints, for each
stage, its processor time (``time.process_time``) and the resident memory after it (current
and peak). Cross-referencing is split into its parts by wrapping the functions
``factcheck.crossref.engine`` calls, so the figures are those of the real code path; each part
with its processor time, its largest growth of resident memory over one call and the peak
after it. The
extraction and the checking are reported apart: the scale target of issue 11 is about
checking the claims once extracted.

    .venv/bin/python bench/bench_check_stages.py CORPUS_DIR [--context] [--out DIR]

Make a corpus with ``bench/planted.py`` (``suite_check.write_corpus``), e.g.::

    cd bench && ../.venv/bin/python -c "from pathlib import Path; \
from suite_check import write_corpus; write_corpus(10000, 0, Path('/tmp/corpus-10000'))"
"""

from __future__ import annotations

import argparse
import functools
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import factcheck.crossref.engine as engine
from factcheck.cli.check import _load_reference
from factcheck.corpus import read_corpus
from factcheck.crossref import sum_checks
from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.facts import build_facts
from factcheck.crossref.reader_links import flags_with_facts, reader_links
from factcheck.export import to_csv
from factcheck.pipeline import articles_frame, claims_frame

_PAGE = resource.getpagesize()
TIMES: dict[str, float] = defaultdict(float)
#: Per part of cross-referencing: (largest RSS growth over one call, peak RSS after its calls).
MEMORY: dict[str, tuple[float, float]] = {}


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, before = time.process_time(), rss_mb()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[name] += time.process_time() - start
            grown, _ = MEMORY.get(name, (0.0, 0.0))
            MEMORY[name] = (max(grown, rss_mb() - before), peak_mb())
    return wrapper


def stage(name: str, fn: Callable[[], Any]) -> Any:
    start = time.process_time()
    result = fn()
    spent = time.process_time() - start
    TIMES[name] += spent
    print(f"{name:<28} {spent:8.1f} s   rss {rss_mb():7.0f} MB   peak {peak_mb():7.0f} MB",
          flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--context", action="store_true", help="with context (spaCy)")
    parser.add_argument("--out", type=Path, default=None, help="write the CSV files here")
    args = parser.parse_args()
    # The parts of cross_reference, looked up by name in the engine module at call time.
    for name in ("_copy_links", "prepare_claims", "_all_views", "_judge_all", "find_structures",
                 "with_roles", "repeated_pairs", "_mark_links"):
        setattr(engine, name, timed(f"  crossref.{name}", getattr(engine, name)))
    lexicon = load_lexicon()
    reference = _load_reference(None)
    with engine.quiet_collector() as settle:  # as `check` runs it
        run(args, lexicon, reference, settle)


def run(args: argparse.Namespace, lexicon: Any, reference: Any,
        settle: Callable[[], None]) -> None:
    articles = stage("read corpus", lambda: read_corpus([str(args.corpus)]).articles)
    claims = stage("extraction (+ copies)",
                   lambda: claims_frame(articles, with_context=args.context))
    views: list = []  # read once by cross-referencing, for facts and sums, as check does
    links, flags = stage("cross_reference",
                         lambda: engine.cross_reference(claims, reference, prepared=views))
    for name in sorted(k for k in TIMES if k.startswith("  crossref.")):
        grown, peak = MEMORY[name]
        print(f"{name:<28} {TIMES[name]:8.1f} s   grew {grown:6.0f} MB   peak after {peak:7.0f} MB")
    settle()
    stage("articles table", lambda: articles_frame(articles))
    facts = stage("build_facts", lambda: build_facts(claims, links, lexicon, views))
    tables = stage("reader links, flags, sums", lambda: {
        "claims": claims,
        "links": reader_links(links, facts, claims, lexicon),
        "flags": flags_with_facts(flags, facts),
        "sums": sum_checks(claims, lexicon, views),
        "facts": facts,
    })
    settle()
    out = args.out or Path(tempfile.mkdtemp(prefix="check-stages-"))
    stage("write CSV", lambda: [to_csv(t, out / f"{n}.csv") for n, t in tables.items()])
    extraction = TIMES["read corpus"] + TIMES["extraction (+ copies)"]
    checking = sum(v for k, v in TIMES.items() if not k.startswith("  ")) - extraction
    print(f"\n{len(articles):,} articles, {len(claims):,} claims, "
          f"{len(tables['links']):,} links, {len(flags):,} flags, {len(facts):,} facts")
    print(f"reading and extraction {extraction:.1f} s, checking {checking:.1f} s of processor "
          f"time; peak RSS {peak_mb():,.0f} MB; tables in {out}")


if __name__ == "__main__":
    main()
