"""The stored articles a batch of new ones must meet: the originals they may copy and the
articles of their stories, found with DuckDB from keys stored with each article, so that
only those are read back.

* Copies (:mod:`factcheck.corpus.copies`): each stored original keeps the bands of its MinHash
  signature (the ones ``MinHashLSH`` hashes); a new article meets the originals sharing a band,
  and :func:`find_copies` runs over those and the new articles.
* Stories (:mod:`factcheck.crossref.stories`): each stored article keeps its story text (title
  and figure sentences) and its rarest words (the words it is indexed by); a new article meets
  the stored articles indexed by one of its rarest words, and a word indexing more than
  ``max_postings`` articles over the whole store finds no pair, as in a full run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import duckdb
import pandas as pd
from datasketch import MinHashLSH

from factcheck.corpus.copies import (
    COPY_THRESHOLD,
    NUM_PERM,
    find_copies,
)
from factcheck.corpus.fingerprints import fingerprint
from factcheck.crossref.stories import StoryIndex, StorySettings
from factcheck.models import Article

# The bands of find_copies's own index (same threshold, same permutations).
_LSH = MinHashLSH(threshold=max(0.5, COPY_THRESHOLD - 0.2), num_perm=NUM_PERM)


def lsh_bands(text: str) -> list[str]:
    """The LSH bands of an article's MinHash signature (empty for a text too short to be
    compared): two articles are copy candidates when they share one."""
    values = fingerprint(Article("", text)).signature
    if values is None:  # fewer than MIN_SHINGLES shingles
        return []
    return [f"{i}:{values[start:end].tobytes().hex()}"
            for i, (start, end) in enumerate(_LSH.hashranges)]


def _keys_frame(con: duckdb.DuckDBPyConnection, name: str, keys: Iterable[str]) -> None:
    con.register(name, pd.DataFrame({"key": sorted(set(keys))}, dtype="object"))


def new_copies(con: duckdb.DuckDBPyConnection, articles: Sequence[Article],
               bands: Mapping[str, list[str]]) -> dict[str, str]:
    """``{new article id: original id}`` for the new articles that copy a stored original or
    an earlier new article. Stored articles are never marked here: one that would copy a new,
    earlier-dated article stays as stored."""
    wanted = {b for aid in bands for b in bands[aid]}
    if not wanted:
        return {}
    _keys_frame(con, "wanted_bands", wanted)
    rows = con.execute(
        "SELECT article_id, text, published FROM articles WHERE copy_of IS NULL AND "
        "len(lsh_bands) > 0 AND list_has_any(lsh_bands, (SELECT list(key) FROM wanted_bands))"
    ).fetchall()
    stored = [Article(aid, text, published=_date(day)) for aid, text, day in rows]
    new_ids = {a.article_id for a in articles}
    found = find_copies([*stored, *articles])
    return {k: v for k, v in found.items() if k in new_ids}


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class _StoreStoryIndex(StoryIndex):
    """A story index over some stored articles and the new ones, where the words indexing too
    many articles of the whole store (``banned``) find no pair."""

    def __init__(self, articles: Iterable[tuple[str, str, str]], settings: StorySettings,
                 banned: frozenset[str]) -> None:
        self.banned = banned
        super().__init__(articles, settings)

    def _indexes(self, key: str, ids: list[str]) -> bool:
        return key not in self.banned and super()._indexes(key, ids)


def story_keys(index: StoryIndex, article_id: str) -> list[str]:
    """The words an article is indexed by (its rarest ones)."""
    return index._rarest(index.profiles[article_id])


def story_mates(con: duckdb.DuckDBPyConnection, texts: list[tuple[str, str, str]],
                settings: StorySettings) -> tuple[dict[str, frozenset[str]], dict[str, list[str]]]:
    """For each new article (``(id, published, story text)``), the stored and new articles of
    its story; and the words each new article is indexed by (stored with it)."""
    own = StoryIndex(texts, settings)
    keys = {aid: story_keys(own, aid) for aid, _, _ in texts}
    wanted = {k for ks in keys.values() for k in ks}
    if not wanted:
        return {aid: frozenset() for aid in keys}, keys
    _keys_frame(con, "wanted_words", wanted)
    counts = dict(con.execute(
        "SELECT w.key, count(*) FROM (SELECT unnest(story_keys) AS key FROM articles) s "
        "JOIN wanted_words w ON s.key = w.key GROUP BY w.key").fetchall())
    banned = frozenset(k for k in wanted
                       if counts.get(k, 0) + len(own.postings.get(k, ())) > settings.max_postings)
    _keys_frame(con, "allowed_words", wanted - banned)
    stored = con.execute(
        "SELECT article_id, coalesce(published, ''), story_text FROM articles "
        "WHERE story_text IS NOT NULL AND "
        "list_has_any(story_keys, (SELECT list(key) FROM allowed_words))").fetchall()
    new_ids = set(keys)
    index = _StoreStoryIndex([*(r for r in stored if r[0] not in new_ids), *texts],
                             settings, banned)
    mates = {aid: frozenset(index.mates_of(aid, day, text)) for aid, day, text in texts}
    return mates, keys
