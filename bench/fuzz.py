"""Fuzzing run: many generated inputs through the scanner, the context reader and the checker,
counting crashes and broken invariants instead of stopping at the first.

Inputs come from the hypothesis strategies of ``tests/fuzz_text.py`` (random unicode mixed
with pieces of French news), driven here outside pytest, in chunks with their own seeds, with
generation only (no shrinking, no example database). Every exception or broken invariant
(``tests/fuzz_text.py``: span is the surface, finite values, ordered intervals, output the
same twice, links and flags the same whatever the articles' order) is recorded under its
signature (exception type and the innermost factcheck frame), with the shortest input that
raised it.

    .venv/bin/python bench/fuzz.py                                # 100,000 scanner inputs,
                                                                  # 10,000 context, 1,000 checker
    .venv/bin/python bench/fuzz.py --scanner 1000 --context 0 --checker 0 --seed 3
    .venv/bin/python bench/fuzz.py --json bench/data/fuzz.json    # also the summary as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchlib import machine
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzz_text import (  # the tests folder, put on the path above
    NEWS_DATES,
    check_claim,
    check_crossref,
    check_mentions,
    mixed_text,
    news_text,
)

from factcheck.models import Article

CHUNK = 2_000  # inputs per hypothesis run (each with its own seed)


@dataclass
class Crash:
    signature: str
    count: int
    example: object
    trace: str


@dataclass
class Target:
    name: str
    inputs: int = 0
    seconds: float = 0.0
    crashes: dict[str, Crash] = field(default_factory=dict)
    #: What the inputs reached (figures, claims with a source, links, flags...), summed.
    reached: dict[str, int] = field(default_factory=dict)

    def count(self, reached: dict[str, int]) -> None:
        for key, n in reached.items():
            self.reached[key] = self.reached.get(key, 0) + n

    def record(self, example: object, error: BaseException) -> None:
        frames = traceback.extract_tb(error.__traceback__)
        ours = [f for f in frames if "/factcheck/" in f.filename or "fuzz_text" in f.filename]
        where = ours[-1] if ours else (frames[-1] if frames else None)
        at = f"{Path(where.filename).name}:{where.lineno}" if where else "?"
        signature = f"{type(error).__name__} at {at}: {str(error)[:80]}"
        if isinstance(error, AssertionError):  # a broken invariant: one signature per check
            signature = f"AssertionError at {at}"
        crash = self.crashes.get(signature)
        if crash is None:
            trace = "".join(traceback.format_exception(error))[-2000:]
            self.crashes[signature] = Crash(signature, 1, example, trace)
            return
        crash.count += 1
        if len(repr(example)) < len(repr(crash.example)):
            crash.example = example


def drive(target: Target, strategy: st.SearchStrategy, body: Callable[..., dict[str, int]],
          total: int, seed: int) -> None:
    """Run ``body`` on ``total`` inputs drawn from ``strategy``, recording what raises."""
    done = 0
    chunk_no = 0
    started = time.perf_counter()
    while done < total:
        n = min(CHUNK, total - done)

        @hypothesis_seed(seed * 1_000_003 + chunk_no)
        @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def run(example: object) -> None:
            target.inputs += 1
            try:
                target.count(body(example))
            except Exception as error:  # every crash is what we look for
                target.record(example, error)

        run()
        done += n
        chunk_no += 1
        target.seconds = time.perf_counter() - started
        print(f"  {target.name}: {target.inputs:,} inputs, {len(target.crashes)} crash "
              f"signatures, {target.seconds:,.0f} s", file=sys.stderr, flush=True)


# -- the three targets ------------------------------------------------------------------------
def scanner_body(example: tuple[str, date | None]) -> dict[str, int]:
    from factcheck.extract.scanner import extract_mentions

    text, published = example
    mentions = extract_mentions(text, published)
    check_mentions(text, mentions)
    assert extract_mentions(text, published) == mentions, "not deterministic"
    return {"inputs with figures": bool(mentions), "figures": len(mentions),
            "approximate or bounded": sum(m.approx != "none" for m in mentions),
            "dates resolved": sum(m.kind == "date" and m.resolved is not None for m in mentions)}


def context_body(example: tuple[str, date | None]) -> dict[str, int]:
    from factcheck.pipeline import extract_claims

    text, published = example
    article = Article("fuzz", text, published=published)
    claims = extract_claims(article)
    for claim in claims:
        check_claim(text, claim)
    assert extract_claims(article) == claims, "not deterministic"
    return {"claims": len(claims),
            "with a subject": sum(c.context.subject is not None for c in claims),
            "with a source": sum(c.context.source is not None for c in claims),
            "with a place": sum(c.context.place is not None for c in claims),
            "with a period": sum(c.context.time_end is not None for c in claims)}


def checker_body(example: tuple[list[str], list[date]]) -> dict[str, int]:
    from factcheck.crossref import cross_reference
    from factcheck.pipeline import claims_frame

    texts, dates = example
    articles = [Article(f"a{i}", t, published=d)
                for i, (t, d) in enumerate(zip(texts, dates, strict=True))]
    claims = claims_frame(articles)
    links, flags = cross_reference(claims)
    check_crossref(claims, links, flags)
    claims2 = claims_frame(articles[::-1])
    links2, flags2 = cross_reference(claims2)
    assert set(links2.link_id) == set(links.link_id), "links depend on the articles' order"
    assert set(flags2.flag_id) == set(flags.flag_id), "flags depend on the articles' order"
    return {"claims": len(claims), "links": len(links), "flags": len(flags),
            "inputs with a link": int(not links.empty), "inputs with a flag": int(not flags.empty)}


SCANNER_INPUTS = st.tuples(st.one_of(mixed_text(), news_text()), st.none() | st.dates())
CONTEXT_INPUTS = st.tuples(st.one_of(news_text(), mixed_text()),
                           st.none() | NEWS_DATES | st.dates())
_WINDOW = st.dates(min_value=date(2024, 3, 1), max_value=date(2024, 3, 12))
CHECKER_INPUTS = st.integers(2, 4).flatmap(
    lambda n: st.tuples(st.lists(news_text(4), min_size=n, max_size=n),
                        st.lists(_WINDOW, min_size=n, max_size=n)))


def summary(targets: list[Target], seed: int) -> dict:
    return {
        "machine": machine(),
        "seed": seed,
        "targets": [
            {"name": t.name, "inputs": t.inputs, "seconds": round(t.seconds, 1),
             "crash_signatures": len(t.crashes), "reached": t.reached,
             "crashes": [{"signature": c.signature, "count": c.count,
                          "example": repr(c.example), "trace": c.trace}
                         for c in t.crashes.values()]}
            for t in targets
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scanner", type=int, default=100_000, help="scanner inputs")
    parser.add_argument("--context", type=int, default=10_000, help="context reader inputs")
    parser.add_argument("--checker", type=int, default=1_000,
                        help="checker inputs (2-4 articles each)")
    parser.add_argument("--seed", type=int, default=0, help="base seed of the chunks")
    parser.add_argument("--json", type=Path, default=None, help="write the summary here too")
    args = parser.parse_args(argv)

    print(f"machine: {machine()}", flush=True)
    targets = []
    plan = [("scanner (extract_mentions)", SCANNER_INPUTS, scanner_body, args.scanner),
            ("context (pipeline.extract_claims)", CONTEXT_INPUTS, context_body, args.context),
            ("checker (claims_frame + cross_reference)", CHECKER_INPUTS, checker_body,
             args.checker)]
    for name, strategy, body, total in plan:
        if total > 0:
            target = Target(name)
            drive(target, strategy, body, total, args.seed)
            targets.append(target)
    result = summary(targets, args.seed)
    for t in result["targets"]:
        print(f"{t['name']}: {t['inputs']:,} inputs in {t['seconds']:,.1f} s, "
              f"{t['crash_signatures']} crash signatures")
        print("  reached: " + ", ".join(f"{k} {v:,}" for k, v in t["reached"].items()))
        for c in t["crashes"]:
            print(f"  {c['count']:>6} x {c['signature']}\n         shortest: {c['example']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 1 if any(t.crashes for t in targets) else 0


if __name__ == "__main__":
    sys.exit(main())
