"""From articles to tables: figures found in each article become claims (one row each), then
claims are cross-referenced into links and flags.

Articles are processed in chunks, in one process or spread over several. Workers are forked
where the platform has it (Linux), else spawned; each keeps its spaCy pipeline for every chunk
it is given. :func:`claim_chunks` takes the articles as they come (an iterator: the corpus
reader streams them) and yields each chunk's rows in the articles' order, with at most a few
chunks in flight, so that memory does not grow with the corpus; :func:`claims_frame` gathers
them into one table, and ``factcheck.streaming`` writes them to a file as they come.

No article can stall or lose the run: each step of each article runs within its time budget
and with its failures caught (``factcheck.budget``); an article over its budget, or whose
step raised an exception, is left out of the claims table and handed to ``on_skipped``, and
the others are processed as usual.
"""

from __future__ import annotations

import inspect
import math
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

import pandas as pd
from tqdm import tqdm

from factcheck.budget import ArticleTimeout, SkippedArticle, budget_by_alarm
from factcheck.claim_rows import (
    ALL_CLAIM_COLUMNS,
    EXTRA_CLAIM_COLUMNS,
    ClaimColumns,
    claim_row,
    claims_dataframe,
    extract_claims,
    readable,
    rows_for_chunk,
)
from factcheck.models import Article

if TYPE_CHECKING:
    from factcheck.crossref.draft import DraftChecker

__all__ = [
    "ALL_CLAIM_COLUMNS",
    "ARTICLE_COLUMNS",
    "EXTRA_CLAIM_COLUMNS",
    "Analysis",
    "ArticleTimeout",
    "ChunkResult",
    "SkippedArticle",
    "analyze",
    "articles_frame",
    "budget_by_alarm",
    "claim_chunks",
    "claim_row",
    "claims_dataframe",
    "claims_frame",
    "draft_checker",
    "extract_claims",
    "fill_copies",
    "mark_copies",
    "readable",
]

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

_SEQUENTIAL_CHUNK = 16  # articles per context batch when running in one process
_MAX_PARALLEL_CHUNK = 64
_IN_FLIGHT_PER_WORKER = 2  # chunks handed to the pool ahead of the one awaited, per worker


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything one run produces, as tables; and ``views``, the comparable figures of
    ``claims`` as ``prepare_claims`` reads them, when the engine kept them (``factcheck
    check`` then builds facts and sums without reading the table again)."""

    articles: pd.DataFrame
    claims: pd.DataFrame
    links: pd.DataFrame
    flags: pd.DataFrame
    views: list[Any] | None = None


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One chunk of articles done: how many articles it had, the rows of their claims (in
    the articles' order, then the figures'), and the articles left out."""

    n_articles: int
    rows: list[dict[str, Any]]
    skipped: list[SkippedArticle]


_Task = tuple[list[Article], bool, float | None]


def _chunk_worker(task: _Task) -> ChunkResult:
    articles, with_context, timeout = task
    return ChunkResult(len(articles), *rows_for_chunk(articles, with_context, timeout))


# Fork where the platform has it (Linux): no start-up cost and shared model memory. Else
# spawn, each worker loading the model once.
_START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _init_worker(with_context: bool) -> None:
    # Load the lexicons and the spaCy pipeline once per worker, before the first chunk and
    # outside any time budget (an alarm must not interrupt an import, and the first article
    # must not pay for them): one article read, its context too.
    extract_claims(Article("warm-up", "Selon l'Insee, 17 drones ont coûté 3 millions "
                                      "d'euros le 8 décembre 2024."), with_context)


def _chunks(items: Sequence[Article], size: int) -> list[list[Article]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def claim_chunks(
    articles: Iterable[Article],
    *,
    with_context: bool = True,
    processes: int = 1,
    article_timeout: float | None = None,
) -> Iterator[ChunkResult]:
    """The claims of ``articles``, chunk by chunk, in the articles' order.

    ``articles`` is read as it is needed: a few chunks ahead of the one being yielded (with
    ``processes > 1``, the first ``processes * 256`` articles, to size the chunks as for a
    list, then ``processes * 2`` chunks in flight), so an iterator over a large corpus is
    never held whole. ``article_timeout`` (seconds, None for no limit) is the time budget of
    each article (``factcheck.budget``).
    """
    timeout = article_timeout or None
    stream = iter(articles)
    if processes > 1:
        window = list(islice(stream, processes * 4 * _MAX_PARALLEL_CHUNK))
        if len(window) >= 2:
            yield from _parallel(window, stream, with_context, processes, timeout)
            return
        stream = iter(window)
    if timeout is not None:
        _init_worker(with_context)
    while chunk := list(islice(stream, _SEQUENTIAL_CHUNK)):
        yield ChunkResult(len(chunk), *rows_for_chunk(chunk, with_context, timeout))


def _parallel(window: list[Article], rest: Iterator[Article], with_context: bool,
              processes: int, timeout: float | None) -> Iterator[ChunkResult]:
    # Chunks as for a list of the window's length: the same chunks whatever the input type,
    # and the largest chunk as soon as the corpus fills the window.
    size = max(1, min(_MAX_PARALLEL_CHUNK, math.ceil(len(window) / (processes * 4))))
    first = _chunks(window, size)
    full = len(window) == processes * 4 * _MAX_PARALLEL_CHUNK

    def chunks() -> Iterator[list[Article]]:
        yield from first
        while chunk := list(islice(rest, size)):
            yield chunk

    ctx = multiprocessing.get_context(_START_METHOD)
    if _START_METHOD == "fork":
        # Workers forked from a parent that already holds the spaCy pipeline share its memory
        # (copy on write) and start at once.
        _init_worker(with_context)
    workers = processes if full else min(processes, len(first))
    with ctx.Pool(workers, initializer=_init_worker, initargs=(with_context,)) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks():
            pending.append(pool.apply_async(_chunk_worker, ((chunk, with_context, timeout),)))
            if len(pending) > workers * _IN_FLIGHT_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


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
    limit) is the time budget of each article (``factcheck.budget``); an article over it, or
    whose figures or context raised an exception, has no row and is passed to
    ``on_skipped``. The whole table is held in memory, with the articles (``copy_of`` is
    found over all of them); ``factcheck.streaming`` writes a table without holding either.
    """
    from factcheck.crossref.engine import quiet_collector

    articles = list(articles)
    columns = ClaimColumns()  # each chunk's rows as columns at once: no corpus of row dicts
    skipped: list[SkippedArticle] = []
    bar = progress_bar(len(articles), progress)
    # The collector kept off what exists on entry (the spaCy model's half a million objects
    # once loaded) and full collections held off, as ``factcheck check`` does around the whole
    # analysis: about a tenth of a second over the flag review set, no output changed.
    with quiet_collector(), bar:
        for chunk in claim_chunks(articles, with_context=with_context, processes=processes,
                                  article_timeout=article_timeout):
            columns.add(chunk.rows)
            skipped.extend(chunk.skipped)
            bar.update(chunk.n_articles)
        return finish_claims(columns, skipped, articles, on_skipped)


def finish_claims(rows: list[dict[str, Any]] | ClaimColumns, skipped: list[SkippedArticle],
                  articles: list[Article],
                  on_skipped: Callable[[SkippedArticle], None] | None) -> pd.DataFrame:
    """The claims table of every chunk's ``rows`` (row dicts, or gathered as
    :class:`ClaimColumns`): the ``skipped`` articles reported, then ``copy_of`` found over
    the articles kept (shared by the engines)."""
    for article in skipped:
        if on_skipped is not None:
            on_skipped(article)
    left_out = {s.article_id for s in skipped}
    # A skipped article is no original: its copies would otherwise count for nothing.
    kept = [a for a in articles if a.article_id not in left_out] if left_out else articles
    table = rows.frame() if isinstance(rows, ClaimColumns) else claims_dataframe(rows)
    return mark_copies(table, kept)


def progress_bar(total: int | None, progress: bool) -> tqdm[Any]:
    """The progress bar of an extraction, on stderr (disabled unless ``progress``)."""
    return tqdm(total=total, disable=not progress, file=sys.stderr, unit="article",
                desc="extraction", leave=False)


def mark_copies(claims: pd.DataFrame, articles: Sequence[Article]) -> pd.DataFrame:
    """Fill ``copy_of`` with the article each copy or near-copy repeats
    (:func:`factcheck.corpus.copies.find_copies`), over all of ``articles`` at once."""
    from factcheck.corpus.copies import find_copies

    return fill_copies(claims, find_copies(articles))


def fill_copies(claims: pd.DataFrame, copies: dict[str, str]) -> pd.DataFrame:
    """Fill ``copy_of`` from ``{copy id: original id}`` (in place; returns ``claims``)."""
    if copies and not claims.empty:
        claims["copy_of"] = claims["article_id"].map(copies).astype("object")
        claims["copy_of"] = claims["copy_of"].where(claims["copy_of"].notna(), None)
    return claims


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

    if "prepared" not in inspect.signature(cross_reference).parameters:  # a stand-in
        links, flags = cross_reference(claims, reference)
        return Analysis(articles=articles_frame(articles), claims=claims, links=links,
                        flags=flags)
    views: list[Any] = []
    links, flags = cross_reference(claims, reference, prepared=views)
    return Analysis(articles=articles_frame(articles), claims=claims, links=links, flags=flags,
                    views=views)


def draft_checker(
    corpus_claims: pd.DataFrame, reference: pd.DataFrame | None = None, **kwargs: Any
) -> DraftChecker:
    """A :class:`DraftChecker` over ``corpus_claims`` whose drafts are read by this pipeline
    (``claims_frame``, looked up at call time); ``kwargs`` go to the checker."""
    from factcheck.crossref.draft import DraftChecker

    kwargs.setdefault("claims_fn", claims_frame)
    return DraftChecker(corpus_claims, reference, **kwargs)
