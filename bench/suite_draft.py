"""Benchmarks of ``run_all.py``: the draft check against a corpus, and the features of issue 11
that are not built yet (a store that grows by new articles, a Dask engine).

The draft check reads back the claims.csv that the ``check`` benchmark wrote for the corpus
of that size (with context where it ran with context), builds the draft checker over it
once, and checks a 5,000-character draft several times (``bench/bench_draft.py``).
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from bench_draft import DRAFT_STORY, LARGE_STORY, Timed, draft_text
from registry import RunContext, Section, Table, register, seconds

_INTS = ("start", "end", "sentence_start")
_FLOATS = ("value", "low", "high")
_NULLABLE_INTS = ("number_start", "number_end")


def load_claims(path: Path) -> pd.DataFrame:
    """A claims table written by ``factcheck check``, with the pipeline's column types."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for col in df.columns:
        if col in _INTS:
            df[col] = pd.to_numeric(df[col]).astype("int64")
        elif col in _FLOATS:
            df[col] = pd.to_numeric(df[col]).astype("float64")
        elif col in _NULLABLE_INTS:
            df[col] = pd.to_numeric(df[col]).astype("Int64")
        else:
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df


def _draft_rows(n: int, run: object, runs: int) -> list[tuple[str, ...]]:
    from factcheck.pipeline import draft_checker

    claims = load_claims(run.out / "claims.csv")  # type: ignore[attr-defined]
    start = time.perf_counter()
    checker = draft_checker(claims)
    built = time.perf_counter() - start
    rows = []
    for story in (DRAFT_STORY, LARGE_STORY):
        text = draft_text(5000, story)
        checker.check(text)  # warm-up: spaCy and the language data
        timed = Timed(checker)
        for _ in range(runs):
            result = timed.check(text)
        med = {k: statistics.median(v) for k, v in timed.times.items()}
        context = "yes" if run.context else "no"  # type: ignore[attr-defined]
        capped = checker.engine.meetings.capped if checker.engine is not None else 0
        rows.append((f"{n:,}", context, f"{len(claims):,}", seconds(built), str(story),
                     str(runs), f"**{seconds(med['total'])}**", seconds(med["extraction"]),
                     seconds(med["cross_reference"]),
                     f"{result.n_candidates:,} ({result.n_candidates / max(len(claims), 1):.1%})",
                     str(capped), f"{len(result.links)} / {len(result.flags)}"))
    return rows


@register("draft", "Draft check against a corpus")
def draft(ctx: RunContext) -> Section:
    runs = [r for r in ctx.results.get("check_runs", []) if r.done]
    rows, notes = [], []
    for n in (1000,) if ctx.quick else (1000, 10_000, 100_000):
        of_size = sorted((r for r in runs if r.articles == n), key=lambda r: not r.context)
        if not of_size:
            notes.append(f"No claims table of {n:,} articles: the `check` run of that size "
                         "did not finish, so its draft check did not run.")
            continue
        ctx.log(f"draft: against {n:,} articles ...")
        rows.extend(_draft_rows(n, of_size[0], 5))
    table = Table(("corpus articles", "corpus context", "corpus claims", "index built in",
                   "draft's story", "checks", "median per draft", "extraction",
                   "cross-reference", "corpus figures compared", "draft figures capped",
                   "links / flags"), tuple(rows))
    intro = ("A 5,000-character draft (a new article of one of the archive's stories, "
             f"`bench/archive_corpus.py`: story {DRAFT_STORY}, four articles in the archive, and "
             f"story {LARGE_STORY}, the largest of the first 10,000 articles; opening with a "
             "figure that contradicts a seed article) checked against the claims table of the "
             "`check` benchmark's corpus (`pipeline.draft_checker`, as the dashboard's "
             "« Vérifier un brouillon »): the index is built once, then one warm-up check and "
             "5 timed checks. The draft is always read with context. A draft figure is "
             "compared with at most 100 corpus figures of its block, the closest "
             "(`crossref/_draft_meeting.py`); *draft figures capped* counts those that met "
             "more.")
    return Section("Draft check against a corpus", intro, (table,), tuple(notes))


# -- features of issue 11 not built yet: probed, run when they exist ---------------------------
def _check_help() -> str:
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--help"],
                          capture_output=True, text=True, check=False)
    return done.stdout


def store_probe() -> str | None:
    if importlib.util.find_spec("factcheck.store_archive") is None and \
            "--store" not in _check_help():
        return "issue 11: store not built"
    return None


def dask_probe() -> str | None:
    help_text = _check_help()
    if "--engine" not in help_text or "dask" not in help_text:
        return "issue 11: dask engine not built"
    return None


def _timed_check(args: list[str], ctx: RunContext) -> tuple[float, float, str]:
    from suite_check import _run

    code, wall, peak, stopped = _run([sys.executable, "-m", "factcheck", "check", *args,
                                      "--quiet", "--no-context"], ctx)
    return wall, peak, stopped or ("" if code in (0, 1) else f"exit {code}")


#: Batches the store of the benchmark is built in.
BUILD_BATCHES = 10


@register("store", "Adding 1,000 new articles to a 100,000-article store", probe=store_probe)
def store_incremental(ctx: RunContext) -> Section:
    """Assumes ``factcheck check INPUTS --store PATH`` adds INPUTS to the store at PATH and
    checks them against everything stored (the interface issue 11 describes)."""
    from suite_check import write_corpus

    base = 1000 if ctx.quick else 100_000
    big, new, store = ctx.work / f"corpus-{base}", ctx.work / "store-new", ctx.work / "store"
    if not big.exists():
        write_corpus(base, ctx.seed, big)
    write_corpus(1000, ctx.seed + 1, new)
    # The store grows as a newsroom's does, batch after batch (ten of them), never the whole
    # archive at once: each batch is checked against everything stored before it.
    parts = sorted(big.glob("part-*.jsonl"))
    batches = [parts[i::BUILD_BATCHES] for i in range(BUILD_BATCHES)]
    built = [_timed_check([*map(str, files), "--store", str(store), "-o",
                           str(ctx.work / f"s1-{k}")], ctx)
             for k, files in enumerate(batches) if files]
    build = (sum(w for w, _, _ in built), max(p for _, p, _ in built),
             next((s for _, _, s in built if s), ""))
    added = _timed_check([str(new), "--store", str(store), "-o", str(ctx.work / "s2")], ctx)
    rows = tuple((what, f"{n:,}", seconds(w), f"{p:,.0f} MB", s or "ok") for what, n, (w, p, s)
                 in ((f"build the store in {len(built)} batches", base, build),
                     ("add 1,000 articles", 1000, added)))
    # Each batch's time against the size of the store it was added to: the growth curve.
    sizes = [len(f.read_text(encoding="utf-8").splitlines()) for f in parts]
    stored, growth = 0, []
    for files, (w, p, s) in zip([b for b in batches if b], built, strict=True):
        n = sum(sizes[parts.index(f)] for f in files)
        growth.append((f"{stored:,}", f"{n:,}", seconds(w), f"{p:,.0f} MB", s or "ok"))
        stored += n
    return Section("Adding 1,000 new articles to a 100,000-article store",
                   "`factcheck check --store` (without context): the corpus added in "
                   f"{BUILD_BATCHES} batches (time summed, peak RSS the largest of a batch), "
                   "then 1,000 new articles against it.",
                   (Table(("step", "articles", "time", "peak RSS", "status"), rows),
                    Table(("store before", "articles added", "time", "peak RSS", "status"),
                          tuple(growth), "Each batch of the build, against the store it "
                          "was added to (a time growing with the store is the archive being "
                          "read again):")))


@register("dask", "Dask with 2 workers against one process", probe=dask_probe)
def dask_engine(ctx: RunContext) -> Section:
    """Assumes ``factcheck check --engine dask --processes 2`` runs on Dask with 2 workers."""
    from suite_check import write_corpus

    n = 1000 if ctx.quick else 10_000
    folder = ctx.work / f"corpus-{n}"
    if not folder.exists():
        write_corpus(n, ctx.seed, folder)
    one = _timed_check([str(folder), "-o", str(ctx.work / "d1")], ctx)
    two = _timed_check([str(folder), "--engine", "dask", "--processes", "2", "-o",
                        str(ctx.work / "d2")], ctx)
    rows = tuple((what, seconds(w), f"{p:,.0f} MB", s or "ok") for what, (w, p, s)
                 in (("one process", one), ("dask, 2 workers", two)))
    return Section("Dask with 2 workers against one process",
                   f"`factcheck check` on {n:,} articles without context, in one process and "
                   "with `--engine dask --processes 2`.",
                   (Table(("engine", "time", "peak RSS (main process)", "status"), rows),))
