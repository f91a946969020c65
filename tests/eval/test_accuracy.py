"""Extraction accuracy on the gold figures of the seeds and of the dev passages
(copied in ``reference/gold/``), and on the peer's French test suite (read from
``../shared/eval/recognizers-text/``, never copied into the project)."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from factcheck.corpus.reader import read_corpus
from factcheck.eval.evaluate import evaluate, format_report, load_gold
from factcheck.pipeline import claims_frame

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "reference" / "gold"
PEER_SUITE = ROOT.parent / "shared" / "eval" / "recognizers-text"


def _report(gold_name: str, inputs: list[Path]):
    result = read_corpus(inputs)
    assert result.ok, result.errors
    # Figures only (the context is scored by test_context_gold.py): without the context
    # columns the report does not score subject and source.
    claims = claims_frame(result.articles, with_context=False).drop(columns=["subject", "source"])
    report = evaluate(load_gold(GOLD / gold_name), claims, [a.article_id for a in result.articles])
    print(format_report(report))
    return report, claims


def test_seed_figures_are_all_read_right() -> None:
    report, claims = _report("seeds_mentions.jsonl", [ROOT / "seeds"])
    assert report.overall.fn == 0, [e for e in report.errors]
    assert report.overall.fp == 0, [e for e in report.errors]
    # No article "un"/"une" is ever a figure.
    assert not claims["surface"].str.fullmatch(r"(?i)une?").any()


def test_dev_passages_figure_f1() -> None:
    report, claims = _report("dev_mentions.jsonl", [GOLD / "dev_corpus.jsonl"])
    print(f"dev figure F1 = {report.overall.f1:.3f}")
    assert report.overall.f1 is not None and report.overall.f1 >= 0.95
    gold = load_gold(GOLD / "dev_mentions.jsonl")
    for g in (g for g in gold if g["kind"] == "identifier"):
        rows = claims[
            (claims.article_id == g["id"]) & (claims.start < g["end"]) & (claims.end > g["start"])
        ]
        assert (rows.kind == "identifier").all(), rows
    assert not claims["surface"].str.fullmatch(r"(?i)une?").any()


# -- the peer suite -------------------------------------------------------------------------

# Where we decide differently from the peer on purpose. Each rule recognises a class of
# cases from what the peer expects and what we report; the test lists every case it covers.
DEVIATIONS: tuple[tuple[str, str], ...] = (
    ("article", "'un'/'une' before a noun is an article, never the number 1, in news text"),
    ("ip", "an IP address is an identifier, not three numbers"),
    ("network", "digits glued to 'G' name a network generation ('5G'), not giga-"),
    ("range", "'de X à Y' is one range figure, not two numbers"),
)


def _deviation(result) -> str | None:
    from peer_suite import key

    expected = Counter(key(p) for p in result.expected)
    got = Counter(key(p) for p in result.got)
    missing = expected - got
    extra = got - expected
    if missing and all(t.lower() in ("un", "une") for t, _ in missing) and not extra:
        return "article"
    if re.fullmatch(r"\s*\d{1,3}(\.\d{1,3}){3}\s*", result.input):
        return "ip"
    if re.fullmatch(r"\s*\d+G\s*", result.input):
        return "network"
    if len(got) == 1 and len(expected) == 2 and " à " in next(iter(got))[0]:
        return "range"
    return None


@pytest.mark.skipif(
    not PEER_SUITE.is_dir(),
    reason=f"peer suite not found at {PEER_SUITE} (third-party data kept in ../shared/eval)",
)
def test_peer_suite_pass_rate() -> None:
    from peer_suite import run_suite

    results = run_suite(PEER_SUITE)
    passed = [r for r in results if r.passed]
    deviations = [(r, _deviation(r)) for r in results if not r.passed]
    deliberate = [(r, d) for r, d in deviations if d]
    failures = [r for r, d in deviations if not d]
    reasons = dict(DEVIATIONS)
    rate = len(passed) / len(results)
    rate_without = len(passed) / (len(results) - len(deliberate))
    print(
        f"\npeer suite: {len(passed)}/{len(results)} cases pass ({rate:.1%}) over the cases its "
        f"authors ran (NumberModel, PercentModel, OrdinalModel)"
    )
    print(
        f"deliberate deviations: {len(deliberate)}; pass rate on the other cases: "
        f"{rate_without:.1%}"
    )
    # The article cases are the ones the project's own requirements rule out ("no article
    # 'un'/'une' is reported"); the rate without only them must hold too.
    forced = sum(1 for _, d in deliberate if d == "article")
    rate_forced = len(passed) / (len(results) - forced)
    print(f"pass rate without only the {forced} article cases: {rate_forced:.1%}")
    for r, d in deliberate:
        print(f"  deviation [{d}] {r.model} {r.input.strip()!r}: {reasons[d]}")
    for r in failures:
        print(f"  failure {r.model} {r.input.strip()!r}: expected {r.expected}, got {r.got}")
    assert rate_without >= 0.95
    assert rate_forced >= 0.95
    assert len(deliberate) <= 10  # a new deviation must be a decision, not a drift
