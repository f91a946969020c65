"""From articles to tables: figures found in each article become claims (one row each), then
claims are cross-referenced into links and flags.

``claims_frame`` can spread articles over several processes. Workers are forked where the
platform has it (Linux), else spawned; each keeps its spaCy pipeline for every chunk it is
given.

Time budget (``article_timeout``): no article can stall a run. Extracting the figures of one
article may take ``article_timeout`` seconds; reading their context, done for a chunk of
articles at once, may take ``article_timeout`` seconds per article of the chunk, and when a
chunk overruns, its articles are redone one by one with ``article_timeout`` each. An article
over its budget is left out of the claims table and handed to ``on_skipped``; the others are
processed as usual. The budget counts processor time, not wall time, so a busy or swapping
machine does not make articles miss it (a 100 MB run under load, with a wall-time alarm,
lost six articles that way). It is an alarm (``signal.setitimer(ITIMER_VIRTUAL)``), so it
interrupts any Python code, in the main process or in a worker; it needs Unix and the main
thread of its process, and elsewhere (Windows, the dashboard's script thread) the budget is
not enforced.
"""

from __future__ import annotations

import math
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from tqdm import tqdm

from factcheck.models import (
    CLAIM_COLUMNS,
    Article,
    Claim,
    Mention,
    claim_id_for,
)
from factcheck.text import sentence_at, sentence_spans

if TYPE_CHECKING:
    from factcheck.crossref.draft import DraftChecker

#: Columns after ``CLAIM_COLUMNS`` in the claims table: offsets that let a reader highlight
#: the figure in its sentence, and the extractor rule that produced it (for debugging).
EXTRA_CLAIM_COLUMNS: tuple[str, ...] = ("sentence_start", "number_start", "number_end", "rule")

#: Every column of the claims table, in order.
ALL_CLAIM_COLUMNS: tuple[str, ...] = CLAIM_COLUMNS + EXTRA_CLAIM_COLUMNS

#: Columns of the articles table.
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "title",
    "source",
    "url",
    "published",
    "language",
    "origin",
    "text",
)

# dtypes of the claims table, the same whether it has rows or not; other columns are object
# (str or None).
_CLAIM_DTYPES: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "sentence_start": "int64",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "number_start": "Int64",
    "number_end": "Int64",
}

_SEQUENTIAL_CHUNK = 16  # articles per context batch when running in one process
_MAX_PARALLEL_CHUNK = 64


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything one run produces, as tables."""

    articles: pd.DataFrame
    claims: pd.DataFrame
    links: pd.DataFrame
    flags: pd.DataFrame


@dataclass(frozen=True, slots=True)
class SkippedArticle:
    """An article left out of the claims table, and why (in words for users)."""

    article_id: str
    origin: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}article '{self.article_id}' {self.reason}; skipped"


class ArticleTimeout(BaseException):
    """Raised by the budget alarm. A ``BaseException``, like ``KeyboardInterrupt``, so that
    no ``except Exception`` on the way swallows it."""


def budget_enforced() -> bool:
    """Whether ``article_timeout`` can be enforced here (Unix, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum: int, frame: object) -> None:
    raise ArticleTimeout


@contextmanager
def _budget(seconds: float | None) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in the block once it has used ``seconds`` of processor time
    (None: no limit)."""
    if not seconds or not budget_enforced():
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def _over_budget(article: Article, seconds: float, step: str) -> SkippedArticle:
    return SkippedArticle(article.article_id, article.origin,
                          f"exceeded its time budget of {seconds:g} s of processor time "
                          f"({step})")


def readable(article: Article) -> bool:
    """Whether factcheck has the language data to read ``article`` (French for now). Reading
    another language with French rules would misread its figures ("1,000" is not 1): such
    articles are kept, with no figure."""
    from factcheck.lang import available_languages

    return (article.language or "fr") in available_languages()


def _extract_mentions(article: Article) -> list[Mention]:
    from factcheck.extract.scanner import extract_mentions  # looked up at call time (tests swap it)

    if not readable(article):
        return []
    return extract_mentions(article.text, article.published)


def _bare_claims(article: Article) -> list[Claim]:
    """Claims for every figure of ``article``, with their sentence but no context yet."""
    mentions = _extract_mentions(article)
    if not mentions:
        return []
    spans = sentence_spans(article.text)
    claims: list[Claim] = []
    for mention in mentions:
        start, end = sentence_at(spans, mention.start)
        if not start <= mention.start < end:  # figure outside any trimmed sentence
            start, end = mention.start, mention.end
        claims.append(
            Claim(
                article_id=article.article_id,
                claim_id=claim_id_for(article.article_id, mention),
                mention=mention,
                sentence=article.text[start:end],
                sentence_start=start,
            )
        )
    return claims


def extract_claims(article: Article, with_context: bool = True) -> list[Claim]:
    """The claims of one article: every figure, its sentence and (optionally) its context."""
    claims = _bare_claims(article)
    if with_context and claims:
        from factcheck.context import annotate

        claims = annotate(article, claims)
    return claims


Pairs = list[tuple[Article, list[Claim]]]


def _claims_for_chunk(
    articles: Sequence[Article], with_context: bool, timeout: float | None = None
) -> tuple[Pairs, list[SkippedArticle]]:
    """The claims of each article of a chunk, and the articles over their time budget."""
    pairs: Pairs = []
    skipped: list[SkippedArticle] = []
    for article in articles:
        try:
            with _budget(timeout):
                pairs.append((article, _bare_claims(article)))
        except ArticleTimeout:
            skipped.append(_over_budget(article, timeout or 0, "figure extraction"))
    with_figures = sum(1 for _, claims in pairs if claims)
    if not with_context or not with_figures:
        return pairs, skipped
    from factcheck.context import annotate_many

    try:
        with _budget(timeout * with_figures if timeout else None):
            annotated = annotate_many(pairs)
        return [(a, c) for (a, _), c in zip(pairs, annotated, strict=True)], skipped
    except ArticleTimeout:
        if with_figures == 1:
            done = [(a, c) for a, c in pairs if not c]
            skipped += [_over_budget(a, timeout or 0, "context") for a, c in pairs if c]
            return done, skipped
    # One article of the chunk overran: each is redone alone, within its own budget.
    done = []
    for article, claims in pairs:
        try:
            with _budget(timeout):
                done.append((article, annotate_many([(article, claims)])[0] if claims else []))
        except ArticleTimeout:
            skipped.append(_over_budget(article, timeout or 0, "context"))
    return done, skipped


def claim_row(article: Article, claim: Claim) -> dict[str, Any]:
    """One row of the claims table."""
    m, c = claim.mention, claim.context
    return {
        "article_id": claim.article_id,
        "claim_id": claim.claim_id,
        "start": m.start,
        "end": m.end,
        "surface": m.surface,
        "kind": str(m.kind),
        "value": m.value,
        "low": m.low,
        "high": m.high,
        "unit": m.unit,
        "approx": str(m.approx),
        "resolved": m.resolved,
        "sentence": claim.sentence,
        "subject": c.subject,
        "qualifiers": "; ".join(c.qualifiers) if c.qualifiers else None,
        "category": c.category,
        "actor": c.actor,
        "place": c.place,
        "place_mode": c.place_mode,
        "time_start": c.time_start,
        "time_end": c.time_end,
        "source": c.source,
        "source_mode": c.source_mode,
        "modality": c.modality,
        "modality_rule": c.modality_rule,
        "role": m.role or None,
        "basis": c.basis,
        "published": article.published.isoformat() if article.published else None,
        "article_source": article.source,
        "title": article.title,
        "copy_of": None,  # set over the whole corpus by mark_copies
        "sentence_start": claim.sentence_start,
        "number_start": m.number_start,
        "number_end": m.number_end,
        "rule": m.rule or None,
    }


def _rows_for_chunk(
    articles: Sequence[Article], with_context: bool, timeout: float | None = None
) -> tuple[list[dict[str, Any]], list[SkippedArticle]]:
    pairs, skipped = _claims_for_chunk(articles, with_context, timeout)
    rows = [claim_row(article, claim) for article, claims in pairs for claim in claims]
    return rows, skipped


_Task = tuple[list[Article], bool, float | None]


def _chunk_worker(task: _Task) -> tuple[int, list[dict[str, Any]], list[SkippedArticle]]:
    articles, with_context, timeout = task
    return len(articles), *_rows_for_chunk(articles, with_context, timeout)


# Fork where the platform has it (Linux): no start-up cost and shared model memory. Else
# spawn, each worker loading the model once.
_START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _init_worker(with_context: bool) -> None:
    # Load the lexicons and the spaCy pipeline once per worker, before the first chunk and
    # outside any time budget (an alarm must not interrupt an import).
    _extract_mentions(Article("warm-up", "Le 8 décembre 2024, 17 drones."))
    if with_context:
        from factcheck.context.nlp import load_nlp

        load_nlp()


def _chunks(items: Sequence[Article], size: int) -> list[list[Article]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def claims_frame(
    articles: Iterable[Article],
    *,
    with_context: bool = True,
    processes: int = 1,
    progress: bool = False,
    article_timeout: float | None = None,
    on_skipped: Callable[[SkippedArticle], None] | None = None,
) -> pd.DataFrame:
    """The claims table of ``articles``: ``models.CLAIM_COLUMNS`` first, in order, then
    ``EXTRA_CLAIM_COLUMNS``. Rows follow the articles' order, then the figures' order.

    ``processes > 1`` spreads chunks of articles over a pool of worker processes.
    ``progress`` shows a progress bar on stderr. ``article_timeout`` (seconds, None for no
    limit) is the time budget of each article (see the module's docstring); an article over
    it has no row and is passed to ``on_skipped``.
    """
    articles = list(articles)
    rows: list[dict[str, Any]] = []
    skipped: list[SkippedArticle] = []
    timeout = article_timeout or None
    if timeout is not None and (processes <= 1 or len(articles) < 2):
        _init_worker(with_context)
    bar = tqdm(
        total=len(articles),
        disable=not progress,
        file=sys.stderr,
        unit="article",
        desc="extraction",
        leave=False,
    )
    with bar:
        if processes <= 1 or len(articles) < 2:
            for chunk in _chunks(articles, _SEQUENTIAL_CHUNK):
                chunk_rows, chunk_skipped = _rows_for_chunk(chunk, with_context, timeout)
                rows.extend(chunk_rows)
                skipped.extend(chunk_skipped)
                bar.update(len(chunk))
        else:
            size = max(1, min(_MAX_PARALLEL_CHUNK, math.ceil(len(articles) / (processes * 4))))
            chunks = _chunks(articles, size)
            ctx = multiprocessing.get_context(_START_METHOD)
            if _START_METHOD == "fork":
                # Workers forked from a parent that already holds the spaCy pipeline share
                # its memory (copy on write) and start at once.
                _init_worker(with_context)
            workers = min(processes, len(chunks))
            tasks = [(c, with_context, timeout) for c in chunks]
            with ctx.Pool(workers, initializer=_init_worker, initargs=(with_context,)) as pool:
                for n, chunk_rows, chunk_skipped in pool.imap(_chunk_worker, tasks):
                    rows.extend(chunk_rows)
                    skipped.extend(chunk_skipped)
                    bar.update(n)
    for article in skipped:
        if on_skipped is not None:
            on_skipped(article)
    left_out = {s.article_id for s in skipped}
    # A skipped article is no original: its copies would otherwise count for nothing.
    kept = [a for a in articles if a.article_id not in left_out] if left_out else articles
    return mark_copies(_claims_dataframe(rows), kept)


def mark_copies(claims: pd.DataFrame, articles: Sequence[Article]) -> pd.DataFrame:
    """Fill ``copy_of`` with the article each copy or near-copy repeats
    (:func:`factcheck.corpus.copies.find_copies`), over all of ``articles`` at once."""
    from factcheck.corpus.copies import find_copies

    copies = find_copies(articles)
    if copies and not claims.empty:
        claims["copy_of"] = claims["article_id"].map(copies).astype("object")
        claims["copy_of"] = claims["copy_of"].where(claims["copy_of"].notna(), None)
    return claims


def _claims_dataframe(rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = {}
    for col in ALL_CLAIM_COLUMNS:
        values = [row[col] for row in rows]
        dtype = _CLAIM_DTYPES.get(col, "object")
        if dtype == "float64":
            values = [math.nan if v is None else v for v in values]
        columns[col] = pd.Series(values, dtype=dtype, name=col)
    return pd.DataFrame(columns, columns=list(ALL_CLAIM_COLUMNS))


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """One row per article (published as an ISO date string)."""
    rows = [
        {
            "article_id": a.article_id,
            "title": a.title,
            "source": a.source,
            "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "language": a.language,
            "origin": a.origin,
            "text": a.text,
        }
        for a in articles
    ]
    return _object_frame(rows, ARTICLE_COLUMNS)


def _object_frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series([r[c] for r in rows], dtype="object", name=c) for c in columns},
        columns=list(columns),
    )


def analyze(
    articles: Iterable[Article],
    *,
    reference: pd.DataFrame | None = None,
    with_context: bool = True,
    processes: int = 1,
    progress: bool = False,
    article_timeout: float | None = None,
    on_skipped: Callable[[SkippedArticle], None] | None = None,
) -> Analysis:
    """Claims of ``articles``, cross-referenced with each other and with ``reference``
    (``article_timeout`` and ``on_skipped`` as for ``claims_frame``)."""
    articles = list(articles)
    claims = claims_frame(
        articles, with_context=with_context, processes=processes, progress=progress,
        article_timeout=article_timeout, on_skipped=on_skipped,
    )
    from factcheck.crossref import cross_reference  # looked up at call time (tests swap it)

    links, flags = cross_reference(claims, reference)
    return Analysis(articles=articles_frame(articles), claims=claims, links=links, flags=flags)


def draft_checker(
    corpus_claims: pd.DataFrame, reference: pd.DataFrame | None = None, **kwargs: Any
) -> DraftChecker:
    """A :class:`DraftChecker` over ``corpus_claims`` whose drafts are read by this pipeline
    (``claims_frame``, looked up at call time); ``kwargs`` go to the checker."""
    from factcheck.crossref.draft import DraftChecker

    kwargs.setdefault("claims_fn", claims_frame)
    return DraftChecker(corpus_claims, reference, **kwargs)
