"""``--engine dask``: the pipeline of :mod:`factcheck.pipeline` run on a Dask cluster
(``distributed``), local or remote, with the same tables as a result, byte for byte.

- Extraction and context: the articles go to the workers in chunks (as with ``--processes``),
  each chunk read by :func:`factcheck.pipeline` 's own chunk function; the rows come back in
  the articles' order and copies are marked over the whole corpus on the client. Each worker
  loads the lexicons and spaCy's ``fr_core_news_sm`` once (:class:`WarmUp`, then the
  ``lru_cache`` of ``factcheck.context.nlp.load_nlp``).
- Cross-referencing: the comparable views of the figures are computed once on the client
  (stories are read over the whole corpus), their blocks are judged on the workers in
  batches, and the judgements are merged in block order
  (``cross_reference(map_blocks=...)``); equal values and the rules run on the client.

The per-article time budget (``article_timeout``) holds on the workers: Dask runs tasks in
worker threads, where the budget is the cooperative deadline of ``factcheck.deadline`` (the
alarm of the default engine needs a main thread), checked all along the loops of the figure
reader and the context; one step that never comes back to them (a single regular expression
or spaCy batch that never returns) is not interrupted there.

``distributed`` is an optional dependency (``pip install 'factcheck[dask]'``), imported only
when this engine is asked for. Everything the workers run is a function of this module or of
``factcheck``, so each worker needs the same factcheck installed (``docs/distributed.md``).
"""

from __future__ import annotations

import logging
import math
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pandas as pd
from tqdm import tqdm

import factcheck
from factcheck.claim_rows import rows_for_chunk as _rows_for_chunk
from factcheck.crossref import cross_reference
from factcheck.crossref.engine import judge_block
from factcheck.pipeline import (
    _MAX_PARALLEL_CHUNK,
    Analysis,
    SkippedArticle,
    _chunks,
    _init_worker,
    articles_frame,
    finish_claims,
)

if TYPE_CHECKING:
    from distributed import Client

    from factcheck.crossref.cue_words import Lexicon
    from factcheck.crossref.matching import ClaimView
    from factcheck.crossref.relations import Judged
    from factcheck.models import Article

EXTRA = "dask"
INSTALL_HINT = f"pip install 'factcheck[{EXTRA}]'"
#: Workers of the local cluster when none is given.
DEFAULT_WORKERS = 2
#: Tasks per worker: enough to even out uneven chunks, few enough to keep overhead low.
_TASKS_PER_WORKER = 4
#: Seconds to wait for a remote scheduler before giving up.
CONNECT_TIMEOUT = 30


class DaskUnavailable(RuntimeError):
    """The engine cannot run: ``distributed`` is missing, or the cluster is unusable."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise DaskUnavailable(
            f"--engine dask needs Dask's 'distributed' package, from the optional "
            f"'{EXTRA}' extra: {INSTALL_HINT}") from exc
    return distributed


def _worker_plugin_base() -> type:
    return _distributed().WorkerPlugin


def _warm_up_plugin(with_context: bool) -> Any:
    """A worker plugin that loads the lexicons (and spaCy, ``with_context``) once on each
    worker, before its first chunk and on workers that join later."""

    class WarmUp(_worker_plugin_base()):  # type: ignore[misc]
        name = f"factcheck-warm-up-{'context' if with_context else 'figures'}"

        def setup(self, worker: object) -> None:
            _init_worker(with_context)

    return WarmUp()


def _worker_version() -> str:
    return factcheck.__version__


@contextmanager
def dask_client(scheduler: str | None = None, n_workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (``tcp://host:8786``), or of a local cluster
    of ``n_workers`` single-threaded worker processes started here and closed on exit.
    Raises :class:`DaskUnavailable` when ``distributed`` is missing, the scheduler cannot be
    reached, or its workers run another factcheck version."""
    distributed = _distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskUnavailable(
                f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            _check_versions(client)
            yield client
        finally:
            client.close()
        return
    cluster = distributed.LocalCluster(
        n_workers=n_workers or DEFAULT_WORKERS, threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=logging.ERROR)
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _check_versions(client: Client) -> None:
    versions = client.run(_worker_version)
    other = {w: v for w, v in versions.items() if v != factcheck.__version__}
    if other:
        listed = ", ".join(f"{w} ({v})" for w, v in sorted(other.items()))
        raise DaskUnavailable(
            f"Dask workers run another factcheck version than this one "
            f"({factcheck.__version__}): {listed}; install the same on every worker")


def _workers(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _ordered(client: Client, fn: Callable[..., Any], tasks: Sequence[tuple],
             window: int, on_done: Callable[[int], None] | None = None) -> Iterator[Any]:
    """``fn(*task)`` of every task on the cluster, yielded in the tasks' order, with at most
    ``window`` tasks submitted at a time (the corpus is not shipped all at once)."""
    distributed = _distributed()
    index: dict[str, int] = {}
    done: dict[int, Any] = {}
    pending = distributed.as_completed()

    def submit() -> None:
        future = client.submit(fn, *tasks[len(index)], pure=False)
        index[future.key] = len(index)
        pending.add(future)

    while len(index) < min(window, len(tasks)):
        submit()
    following = 0
    for future in pending:
        i = index[future.key]
        done[i] = future.result()
        if on_done is not None:
            on_done(i)
        if len(index) < len(tasks):
            submit()
        while following in done:
            yield done.pop(following)
            following += 1


def claims_frame(
    articles: Iterable[Article],
    *,
    client: Client,
    with_context: bool = True,
    progress: bool = False,
    article_timeout: float | None = None,
    on_skipped: Callable[[SkippedArticle], None] | None = None,
) -> pd.DataFrame:
    """:func:`factcheck.pipeline.claims_frame` with the chunks of articles read on the
    workers of ``client``: the same table, each article within ``article_timeout`` seconds
    of processor time (see the module's docstring)."""
    articles = list(articles)
    workers = _workers(client)
    client.register_plugin(_warm_up_plugin(with_context))
    size = max(1, min(_MAX_PARALLEL_CHUNK,
                      math.ceil(len(articles) / (workers * _TASKS_PER_WORKER))))
    chunks = _chunks(articles, size)
    timeout = article_timeout or None
    tasks = [(chunk, with_context, timeout) for chunk in chunks]
    rows: list[dict[str, Any]] = []
    skipped: list[SkippedArticle] = []
    bar = tqdm(total=len(articles), disable=not progress, file=sys.stderr, unit="article",
               desc="extraction", leave=False)
    with bar:
        for chunk_rows, chunk_skipped in _ordered(
                client, _rows_for_chunk, tasks, workers * _TASKS_PER_WORKER,
                lambda i: bar.update(len(chunks[i]))):
            rows.extend(chunk_rows)
            skipped.extend(chunk_skipped)
    return finish_claims(rows, skipped, articles, on_skipped)


def _judge_batch(groups: list[list[ClaimView]], lexicon: Lexicon | None) -> list[list[Judged]]:
    from factcheck.crossref.cue_words import load_lexicon

    lexicon = lexicon or load_lexicon()
    return [judge_block(members, lexicon) for members in groups]


def batches(sizes: Sequence[int], n: int) -> list[list[int]]:
    """Indices of ``sizes`` in ``n`` batches or fewer of about equal work (a block of ``k``
    figures weighs ``k²``), the heaviest first; each batch lists its indices in order."""
    if not sizes:
        return []
    loads = [0] * max(1, min(n, len(sizes)))
    members: list[list[int]] = [[] for _ in loads]
    for i in sorted(range(len(sizes)), key=lambda i: (-sizes[i], i)):
        lightest = min(range(len(loads)), key=lambda b: (loads[b], b))
        loads[lightest] += sizes[i] ** 2
        members[lightest].append(i)
    return [sorted(m) for m in members if m]


class ClusterBlocks:
    """A ``map_blocks`` for :func:`factcheck.crossref.cross_reference`: the blocks judged on
    the workers of ``client`` in batches of about equal work, returned in block order."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def __call__(self, groups: list[list[ClaimView]], lexicon: Lexicon) -> list[list[Judged]]:
        from factcheck.crossref.cue_words import load_lexicon

        if not groups:
            return []
        # The default lexicon is loaded on each worker; another one is shipped.
        shipped = None if lexicon is load_lexicon() else lexicon
        plan = batches([len(g) for g in groups], _workers(self.client) * _TASKS_PER_WORKER)
        tasks = [([groups[i] for i in batch], shipped) for batch in plan]
        results: list[list[Judged]] = [[] for _ in groups]
        for batch, judged in zip(plan, _ordered(self.client, _judge_batch, tasks, len(tasks)),
                                 strict=True):
            for i, block_judged in zip(batch, judged, strict=True):
                results[i] = block_judged
        return results


def analyze(
    articles: Iterable[Article],
    *,
    client: Client,
    reference: pd.DataFrame | None = None,
    with_context: bool = True,
    progress: bool = False,
    article_timeout: float | None = None,
    on_skipped: Callable[[SkippedArticle], None] | None = None,
) -> Analysis:
    """:func:`factcheck.pipeline.analyze` on the workers of ``client``: the same tables."""
    articles = list(articles)
    claims = claims_frame(articles, client=client, with_context=with_context,
                          progress=progress, article_timeout=article_timeout,
                          on_skipped=on_skipped)
    views: list[ClaimView] = []  # read once with the judged figures, as the one-process run
    links, flags = cross_reference(claims, reference, map_blocks=ClusterBlocks(client),
                                   prepared=views)
    return Analysis(articles=articles_frame(articles), claims=claims, links=links, flags=flags,
                    views=views)
