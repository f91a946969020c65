"""Benchmarks of ``run_all.py``: ``factcheck check`` by corpus size, with planted errors.

Each size is a corpus of ``bench/planted.py`` (background articles with stories, half of them
carrying one planted error) written as JSON Lines files of at most 10 million characters,
checked by ``python -m factcheck check DIR -o OUT --quiet`` in a child process: its wall
time, its peak resident memory (``ru_maxrss`` of that process, read by a wrapper), the rows and
bytes of claims.csv, links.csv and flags.csv, flags per 100 articles and the recall of the
planted errors. A run over the time or memory limit is stopped and reported as such.
"""

from __future__ import annotations

import csv
import itertools
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from benchlib import PEAK_RSS_WRAPPER, tree_rss_kb
from planted import Recall, Story, planted_corpus, score
from registry import RunContext, Section, Table, megabytes, ratio, register, seconds, size
from synthetic import write_jsonl

PART_CHARS = 10_000_000
OUTPUTS = ("claims", "links", "flags")


@dataclass
class CheckRun:
    articles: int
    context: bool
    chars: int
    folder: Path
    out: Path
    stories: list[Story]
    wall: float = 0.0
    peak_mb: float = 0.0
    exit: int | None = None
    stopped: str = ""  # why the run was stopped, if it was
    rows: dict[str, int] = field(default_factory=dict)
    bytes: dict[str, int] = field(default_factory=dict)
    recall: Recall | None = None

    @property
    def done(self) -> bool:
        return not self.stopped and all(k in self.rows for k in OUTPUTS)


def plan(quick: bool) -> list[tuple[int, bool]]:
    """(articles, with context) of each run: context up to 10,000 articles (100,000 would
    take hours of spaCy on this machine), and every size without context, so that growth
    from 10,000 to 100,000 compares like with like."""
    if quick:
        return [(1000, True), (1000, False)]
    return [(1000, True), (10_000, True), (1000, False), (10_000, False), (100_000, False)]


def write_corpus(n: int, seed: int, folder: Path) -> tuple[int, list[Story]]:
    articles, stories = planted_corpus(n, seed)
    folder.mkdir(parents=True, exist_ok=True)
    part: list = []
    chars = part_chars = index = 0
    for article in [*articles, None]:
        if article is None or (part and part_chars + len(article.text) > PART_CHARS):
            write_jsonl(part, folder / f"part-{index:03d}.jsonl")
            part, part_chars, index = [], 0, index + 1
        if article is not None:
            part.append(article)
            part_chars += len(article.text)
            chars += len(article.text)
    return chars, stories


def _run(command: list[str], ctx: RunContext) -> tuple[int | None, float, float, str]:
    """(exit status, wall seconds, peak RSS in MB, why stopped) of one command, run in a
    fresh process and stopped past the context's time or memory limit."""
    start = time.perf_counter()
    errors = ctx.work / "child-stderr.txt"
    with errors.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", PEAK_RSS_WRAPPER, *command],
                                stdout=subprocess.PIPE, stderr=err, start_new_session=True)
    stopped = ""
    peak_mb = 0.0  # sampled, for a stopped run (its wrapper cannot report)
    while proc.poll() is None:
        elapsed = time.perf_counter() - start
        rss_mb = sum(tree_rss_kb(proc.pid).values()) / 1024
        peak_mb = max(peak_mb, rss_mb)
        if elapsed > ctx.check_timeout:
            stopped = f"stopped after {seconds(elapsed)} (limit {seconds(ctx.check_timeout)})"
        elif rss_mb > ctx.memory_limit_mb:
            stopped = f"stopped at {megabytes(rss_mb)} resident (limit {ctx.memory_limit_mb:,.0f})"
        if stopped:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            break
        time.sleep(0.5)
    wall = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    if stopped or len(out.split()) != 2:
        return None, wall, peak_mb, stopped or f"no report from the run (exit {proc.returncode})"
    code, peak_kb = (int(x) for x in out.split())
    if code not in (0, 1):
        ctx.log(errors.read_text(encoding="utf-8", errors="replace")[-2000:])
    return code, wall, peak_kb / 1024, stopped


def _csv_rows(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def check_run(n: int, context: bool, ctx: RunContext) -> CheckRun:
    folder = ctx.work / f"corpus-{n}"
    corpora = ctx.results.setdefault("corpora", {})
    if n not in corpora:  # each size is written once, for both context settings
        corpora[n] = write_corpus(n, ctx.seed, folder)
    chars, stories = corpora[n]
    out = ctx.work / f"out-{n}-{'context' if context else 'no-context'}"
    run = CheckRun(n, context, chars, folder, out, stories)
    command = [sys.executable, "-m", "factcheck", "check", str(folder), "-o", str(out), "--quiet"]
    if not context:
        command.append("--no-context")
    ctx.log(f"check: {n:,} articles, context {'on' if context else 'off'} ...")
    run.exit, run.wall, run.peak_mb, run.stopped = _run(command, ctx)
    ctx.log(f"  {seconds(run.wall)}, peak {megabytes(run.peak_mb)} {run.stopped}")
    if run.stopped:
        return run
    for name in OUTPUTS:
        path = out / f"{name}.csv"
        if path.exists():
            run.bytes[name] = path.stat().st_size
            run.rows[name] = _csv_rows(path)
    if run.done:
        claims = pd.read_csv(out / "claims.csv", usecols=["article_id", "start", "end",
                                                           "claim_id"], dtype=str)
        flags = pd.read_csv(out / "flags.csv", usecols=["claim_ids", "article_ids", "type"],
                            dtype=str, keep_default_na=False)
        claims = claims[["article_id", "start", "end", "claim_id"]]
        flags = flags[["claim_ids", "article_ids", "type"]]
        run.recall = score(stories, claims.itertuples(index=False, name=None),
                           flags.itertuples(index=False, name=None))
    return run


def _runs_table(runs: list[CheckRun]) -> Table:
    rows = []
    for r in runs:
        cells = [f"{r.articles:,}", "yes" if r.context else "no (`--no-context`)",
                 f"{r.chars / 1e6:,.1f} M"]
        if r.stopped:
            rows.append((*cells, r.stopped, megabytes(r.peak_mb), "—", "—", "—", "—", "—"))
            continue
        outputs = [f"{r.rows.get(k, 0):,} ({size(r.bytes.get(k, 0))})" for k in OUTPUTS]
        per_100 = f"{100 * r.rows.get('flags', 0) / r.articles:,.1f}"
        rec = r.recall
        recall = (f"{rec.found}/{rec.planted} ({rec.rate:.0%})" if rec else "—")
        rows.append((*cells, seconds(r.wall), megabytes(r.peak_mb), *outputs, per_100, recall))
    return Table(("articles", "context", "chars", "time", "peak RSS", "claims rows (bytes)",
                  "links rows (bytes)", "flags rows (bytes)", "flags / 100 articles",
                  "planted found"), tuple(rows))


def _growth_table(runs: list[CheckRun]) -> Table:
    rows = []
    for context in (True, False):
        done = [r for r in runs if r.context == context and r.done]
        for a, b in itertools.pairwise(done):
            rows.append((f"{a.articles:,} → {b.articles:,}", "yes" if context else "no",
                         ratio(b.articles, a.articles), ratio(b.wall, a.wall),
                         ratio(b.peak_mb, a.peak_mb),
                         *(ratio(b.rows[k], a.rows[k]) for k in OUTPUTS),
                         ratio(b.bytes["claims"] + b.bytes["links"] + b.bytes["flags"],
                               a.bytes["claims"] + a.bytes["links"] + a.bytes["flags"])))
    return Table(("sizes", "context", "articles", "time", "peak RSS", "claims", "links",
                  "flags", "output bytes"), tuple(rows),
                 "Growth between sizes (linear growth is ×10 for ×10 articles).")


def _recall_table(runs: list[CheckRun]) -> Table:
    rows = []
    for r in runs:
        if r.recall is None:
            continue
        rec = r.recall
        by = ", ".join(f"{m} {f}/{p}" for m, (f, p) in sorted(rec.by_mutation.items()))
        types = ", ".join(f"{t} {n}" for t, n in sorted(rec.flag_types.items())) or "—"
        rows.append((f"{r.articles:,}", "yes" if r.context else "no",
                     f"{rec.found}/{rec.planted} ({rec.rate:.0%})", by, types,
                     str(rec.false_on_repeats), str(rec.unclaimed)))
    return Table(("articles", "context", "planted found", "by mutation (found/planted)",
                  "flag types that found them", "flags between two right copies",
                  "planted figure not extracted"), tuple(rows),
                 "Planted inconsistencies.")


INTRO = (
    "`python -m factcheck check DIR -o OUT --quiet` in a child process on a synthetic corpus "
    "of `bench/planted.py`: the background articles of `bench/synthetic.py` (random news "
    "sentences from templates, with the seed articles and dev passages mixed in) and, per "
    "1,000 articles, 20 *stories* of 2 to 4 articles about one local event (same town, "
    "people, invented company, same day or the next), each repeating the story's main fact "
    "with the same figure and source. In half of the stories one article has that figure "
    "wrong: a scale slip ×1000 (millions → milliards), two neighbouring digits swapped, or "
    "another count from the same source the same day. Every size is spread over the same "
    "800 days, so a larger corpus is also denser (more articles a day to compare): the "
    "worst case for cross-referencing. Peak RSS is `ru_maxrss` of the "
    "`check` process (read by a small wrapper process); output sizes are the CSV files "
    "`check` writes."
)
RECALL_NOTE = (
    "**What the recall measures.** A planted figure is *found* when a flag holds its claim "
    "and names another article of its story. Cross-referencing compares figures of two "
    "articles only when they are one story (`crossref/stories.py`: cosine of rare words of "
    "title and figure sentences ≥ 0.12), so the recall measures, end to end, extraction of "
    "the figure, the context that makes two figures one fact (subject, source, period), the "
    "story grouping and the rules, on articles written to be one story. It does not measure "
    "precision: the background articles are random sentences whose figures disagree at "
    "random, so flags per 100 articles counts those too; the column *flags between two "
    "right copies* counts flags raised between two articles that give the same, right "
    "figure of a story's fact (false flags that the ground truth can see)."
)


@register("check", "`factcheck check` by corpus size")
def check_sizes(ctx: RunContext) -> Section:
    runs = [check_run(n, context, ctx) for n, context in plan(ctx.quick)]
    ctx.results["check_runs"] = runs
    notes = [RECALL_NOTE]
    if not ctx.quick:
        notes.append("The 100,000-article run is without context (`--no-context`): with "
                     "spaCy it would take hours on this machine (about 100,000 chars/s on one "
                     "core, so some 25 minutes for the extraction alone, before "
                     "cross-referencing). Without context claims have no subject, source or "
                     "place, so its recall says little about the checker's.")
    for r in runs:
        if r.stopped:
            notes.append(f"The {r.articles:,}-article run "
                         f"({'with' if r.context else 'without'} context) was {r.stopped}.")
        elif r.exit not in (0, None):
            notes.append(f"The {r.articles:,}-article run exited with status {r.exit} "
                         "(1: some article skipped or unreadable; see `factcheck check`).")
    return Section("`factcheck check` by corpus size", INTRO,
                   (_runs_table(runs), _growth_table(runs), _recall_table(runs)), tuple(notes))
