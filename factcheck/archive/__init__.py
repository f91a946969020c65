"""The claims store: an archive of checked articles that grows batch by batch, queried out of
core with DuckDB (``docs/store.md``).

In: articles (``factcheck.models.Article``). Out: partitioned Parquet tables under the store
folder (``articles``, ``claims``, ``links``, ``flags``, ``facts``) and a manifest; each
addition checks only the new articles, against the stored claims that share a block with
theirs, and appends what it finds.

Public face: :func:`add_to_store` and :class:`StoreSummary`; :func:`open_store` for
read-only DuckDB queries; :class:`StoreError`. Modules: ``layout`` (files and manifest),
``schema`` (columns, stored views), ``key_index`` (the keys a batch looks up),
``neighbours`` (copies and stories against the store), ``profiles`` (the stored word
profiles met, as unit rows), ``incremental`` (the new claims judged), ``facts_update``
(facts as the store grows, and ``CURRENT_FACTS_SQL`` to read them back).

Sits above the pipeline (it extracts the new articles' claims with it) and below the CLI and
the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from factcheck.archive.layout import (
    STORE_FORMAT_VERSION,
    Manifest,
    StoreError,
    batch_name,
    clear_uncommitted,
    connect,
    factcheck_version,
    now_iso,
    read_manifest,
    write_manifest,
    write_partition,
)
from factcheck.archive.schema import SCHEMAS, ViewFormatError
from factcheck.models import Article, stable_id

if TYPE_CHECKING:
    from factcheck.pipeline import SkippedArticle

__all__ = ["STORE_FORMAT_VERSION", "StoreError", "StoreSummary", "add_to_store", "open_store"]


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """What one addition did."""

    store_dir: Path
    batch: str | None  # None when nothing was added
    n_read: int  # articles given
    n_added: int  # articles stored by this addition
    n_present: int  # already stored (same id, same text): left alone
    n_conflicts: int  # id already stored with another text: left out
    n_claims: int
    n_links: int
    n_flags: int
    n_facts_new: int  # fact rows written (new facts and new versions of stored ones)
    n_facts_superseded: int  # stored facts replaced by a new version
    n_candidates: int  # stored figures read back to compare with the new ones
    n_stored_before: int  # articles in the store before
    conflicts: tuple[str, ...] = ()  # ids of the conflicting articles


def text_hash(text: str) -> str:
    return stable_id(text, length=40)


@contextmanager
def open_store(store_dir: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection with one view per table of the store (read only: nothing is
    written). Raises :class:`StoreError` when there is no store there or it is of another
    format version."""
    store_dir = Path(store_dir)
    manifest = read_manifest(store_dir)
    if manifest is None:
        raise StoreError(f"{store_dir}: no factcheck store here")
    with connect(store_dir, manifest, SCHEMAS) as con:
        yield con


def _known(con: duckdb.DuckDBPyConnection, articles: list[Article]
           ) -> tuple[list[Article], int, list[str]]:
    """The articles to add, how many are already stored and the ids stored with another
    text."""
    con.register("given", pd.DataFrame({"key": [a.article_id for a in articles]},
                                       dtype="object"))
    stored = dict(con.execute("SELECT a.article_id, a.text_hash FROM articles a "
                              "JOIN given g ON a.article_id = g.key").fetchall())
    fresh, present, conflicts = [], 0, []
    for article in articles:
        known = stored.get(article.article_id)
        if known is None:
            fresh.append(article)
        elif known == text_hash(article.text):
            present += 1
        else:
            conflicts.append(article.article_id)
    return fresh, present, conflicts


def add_to_store(
    store_dir: Path | str,
    articles: Iterable[Article],
    *,
    reference: pd.DataFrame | None = None,
    with_context: bool = True,
    processes: int = 1,
    progress: bool = False,
    article_timeout: float | None = None,
    on_skipped: Callable[[SkippedArticle], None] | None = None,
) -> StoreSummary:
    """Add ``articles`` to the store in ``store_dir`` (created when missing or empty) and
    check them against everything already there, without recomputing the store: claims,
    links and flags involving a new figure, new and updated facts are appended as one batch.
    Articles already stored (same id and text) are left alone; an id stored with another
    text is left out and reported (``conflicts``). Options are those of
    ``pipeline.claims_frame``."""
    from factcheck.archive.facts_update import update_facts
    from factcheck.archive.incremental import check_batch
    from factcheck.archive.key_index import band_index_rows, fact_index_rows, story_index_rows
    from factcheck.crossref.cue_words import load_lexicon
    from factcheck.crossref.headlines import title_ids
    from factcheck.crossref.reader_links import between_facts
    from factcheck.pipeline import articles_frame, claims_frame

    store_dir = Path(store_dir)
    articles = list(articles)
    manifest = read_manifest(store_dir)
    if manifest is None:
        store_dir.mkdir(parents=True, exist_ok=True)
        manifest = Manifest(STORE_FORMAT_VERSION, factcheck_version())
        write_manifest(store_dir, manifest)
    clear_uncommitted(store_dir, manifest)
    with connect(store_dir, manifest, SCHEMAS) as con:
        n_before = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        fresh, present, conflicts = _known(con, articles)
        empty = StoreSummary(store_dir, None, len(articles), 0, present, len(conflicts), 0, 0,
                             0, 0, 0, 0, n_before, tuple(conflicts))
        if not fresh:
            return empty
        skipped_ids: set[str] = set()

        def note(skipped: SkippedArticle) -> None:
            # Articles over their time budget are not stored: a later addition may retry.
            skipped_ids.add(skipped.article_id)
            if on_skipped is not None:
                on_skipped(skipped)

        claims = claims_frame(fresh, with_context=with_context, processes=processes,
                              progress=progress, article_timeout=article_timeout,
                              on_skipped=note)
        fresh = [a for a in fresh if a.article_id not in skipped_ids]
        if not fresh:
            return empty
        lexicon = load_lexicon()
        try:
            batch = check_batch(con, fresh, claims, reference, lexicon)
        except ViewFormatError as exc:
            raise StoreError(f"{store_dir}: stored figures were written by another "
                             f"factcheck version ({exc}); build a new store") from exc
        outlets = {a.article_id: a.source for a in fresh if a.source}
        facts, n_superseded = update_facts(con, batch.fact_views, batch.links, outlets,
                                           title_ids(batch.claims))
    number = batch_name(manifest.last_batch + 1)
    table_rows = {
        "articles": _articles_rows(fresh, articles_frame(fresh), batch),
        "claims": batch.claims,
        # Reports of one fact are in the facts table (claim_ids); links keeps the relations
        # between facts, so the store grows with its figures, not with their pairs.
        "links": between_facts(batch.links),
        "flags": batch.flags,
        "facts": facts,
        # The key index a later addition looks its keys up in (key_index.py).
        "story_index": story_index_rows(batch.story_keys, batch.story_days),
        "band_index": band_index_rows(batch.bands, batch.copy_of),
        "fact_index": fact_index_rows(facts),
    }
    for table, frame in table_rows.items():
        write_partition(store_dir, table, number, frame, SCHEMAS[table])
    record = {"batch": number, "factcheck_version": factcheck_version(), "added": now_iso(),
              "articles": len(fresh)}
    write_manifest(store_dir, Manifest(manifest.format_version, manifest.factcheck_version,
                                       (*manifest.batches, record)))
    return StoreSummary(
        store_dir, number, len(articles), len(fresh), present, len(conflicts),
        len(batch.claims), len(table_rows["links"]), len(batch.flags), len(facts), n_superseded,
        batch.n_candidates, n_before, tuple(conflicts))


def _articles_rows(fresh: list[Article], frame: pd.DataFrame, batch) -> pd.DataFrame:
    frame = frame.copy()
    frame["published_month"] = [p[:7] if p else None for p in frame["published"]]
    frame["text_hash"] = [text_hash(a.text) for a in fresh]
    frame["copy_of"] = [batch.copy_of.get(a.article_id) for a in fresh]
    frame["story_text"] = [batch.story_texts.get(a.article_id) for a in fresh]
    frame["story_keys"] = [batch.story_keys.get(a.article_id, []) for a in fresh]
    # The story profile in its own word order, so that it is read back exactly as computed.
    profiles = [batch.story_profiles.get(a.article_id, {}) for a in fresh]
    frame["story_words"] = [list(p) for p in profiles]
    frame["story_weights"] = [list(p.values()) for p in profiles]
    # Only originals are indexed for copies (corpus.copies): a copy's bands are not kept.
    frame["lsh_bands"] = [[] if a.article_id in batch.copy_of else batch.bands[a.article_id]
                          for a in fresh]
    return frame
