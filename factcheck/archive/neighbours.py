"""The stored articles a batch of new ones must meet: the originals they may copy and the
articles of their stories, found with DuckDB from keys stored with each article, so that
only those are read back.

* Copies (:mod:`factcheck.corpus.copies`): each stored original keeps the bands of its MinHash
  signature (the ones ``MinHashLSH`` hashes); a new article meets the originals sharing a band,
  and :func:`find_copies` runs over those and the new articles.
* Stories (:mod:`factcheck.crossref.stories`): each stored article keeps its story text (title
  and figure sentences), its word profile (``story_words``, ``story_weights``: read back, never
  computed again) and its rarest words (the words it is indexed by, in ``story_index``); a
  new article meets the stored articles indexed by one of its rarest words (at most
  :data:`STORED_MATES_CAP`, those sharing the most words first), and a word indexing more
  than ``max_postings`` articles over the whole store finds no pair, as in a full run.

Both look their keys up in the key index (:mod:`factcheck.archive.key_index`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd
from datasketch import MinHashLSH

from factcheck.archive.profiles import met_unit_rows
from factcheck.corpus.copies import (
    COPY_THRESHOLD,
    NUM_PERM,
    find_copies,
)
from factcheck.corpus.fingerprints import fingerprint
from factcheck.crossref.stories import StoryIndex, StorySettings, event_marks
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
    # One hash join of the batch's bands on the band index (``key_index``); texts are read
    # for the originals found only. find_copies orders its articles itself.
    rows = con.execute(
        "SELECT article_id, text, published FROM articles WHERE copy_of IS NULL AND "
        "article_id IN (SELECT b.article_id FROM band_index b JOIN wanted_bands w "
        "ON b.band = w.key) ORDER BY article_id").fetchall()
    stored = [Article(aid, text, published=_date(day)) for aid, text, day in rows]
    new_ids = {a.article_id for a in articles}
    found = find_copies([*stored, *articles])
    return {k: v for k, v in found.items() if k in new_ids}


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def story_keys(index: StoryIndex, article_id: str) -> list[str]:
    """The words an article is indexed by (its rarest ones)."""
    return index._rarest(index.profiles[article_id])


@dataclass(frozen=True, eq=False)
class StoryMates:
    """The articles of each new article's story, and what is stored with each new article:
    the words it is indexed by, its word profile (``stories.profile``) and its day."""

    mates: dict[str, frozenset[str]]
    keys: dict[str, list[str]]
    profiles: dict[str, dict[str, float]]
    days: dict[str, date | None]


#: The most stored articles one new article's story candidates are read back from: those
#: sharing the most of its indexing words, then the closest in date, then by id
#: (``docs/store.md``, "Stories").
STORED_MATES_CAP = 2000


def story_mates(con: duckdb.DuckDBPyConnection, texts: list[tuple[str, str, str]],
                settings: StorySettings, cap: int = STORED_MATES_CAP) -> StoryMates:
    """For each new article (``(id, published, story text)``), the stored and new articles of
    its story; and the words each new article is indexed by, its profile and its day.

    The pairs are those :meth:`StoryIndex.stories` finds over the store and the batch that
    involve a new article, with one bound: a new article meets the stored articles indexed
    by one of its rarest words (found by DuckDB in ``story_index``, within the dates'
    window), unless the word indexes more than ``max_postings`` articles over the whole
    store; of those, the ``cap`` sharing the most of its words (then the closest in date,
    then by id) are read back, with the profiles stored with them (never computed again),
    and scored as one sparse product per article. Pairs of two new articles are found as
    a full run finds them."""
    own = _BatchStoryIndex(texts, settings)
    keys = {aid: story_keys(own, aid) for aid, _, _ in texts}
    none: dict[str, frozenset[str]] = {aid: frozenset() for aid in keys}
    wanted = {k for ks in keys.values() for k in ks}
    if not wanted:
        return StoryMates(none, keys, own.profiles, dict(own.published))
    _keys_frame(con, "wanted_words", wanted)
    counts = dict(con.execute(
        "SELECT s.key, count(*) FROM story_index s JOIN wanted_words w ON s.key = w.key "
        "GROUP BY s.key").fetchall())
    allowed = {k for k in wanted
               if counts.get(k, 0) + len(own.postings.get(k, ())) <= settings.max_postings}
    new_ids = [aid for aid, _, _ in texts]
    n_new = len(new_ids)
    pairs = [(i, k, own.published[aid]) for i, aid in enumerate(new_ids)
             for k in keys[aid] if k in allowed]
    con.register("new_words", pd.DataFrame(
        {"ni": [p[0] for p in pairs], "key": [p[1] for p in pairs],
         "day": pd.Series([p[2] for p in pairs], dtype="object")},
    ).astype({"ni": "int64", "key": "object"}))
    # The stored articles met within the dates' window (numbered from 0 in id order): of
    # each new article's, the `cap` sharing the most words, then the closest in date.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE met AS WITH p AS (SELECT n.ni, s.article_id, "
        "count(*) AS shared, min(abs(date_diff('day', CAST(n.day AS DATE), s.day))) AS gap "
        "FROM story_index s JOIN new_words n ON s.key = n.key WHERE n.day IS NULL OR "
        "s.day IS NULL OR abs(date_diff('day', CAST(n.day AS DATE), s.day)) <= $max_days "
        "GROUP BY n.ni, s.article_id QUALIFY row_number() OVER (PARTITION BY n.ni "
        "ORDER BY count(*) DESC, gap NULLS LAST, s.article_id) <= $cap) "
        "SELECT ni, dense_rank() OVER (ORDER BY article_id) - 1 AS si, article_id FROM p",
        {"max_days": settings.max_days, "cap": cap})
    met = con.execute("SELECT ni, si FROM met ORDER BY ni, si").fetchnumpy()
    # The stored profiles, made unit rows by DuckDB and numpy (no dict per article).
    stored_ids, unit = met_unit_rows(con, [own.profiles[aid] for aid in new_ids])
    everyone = [*new_ids, *stored_ids]
    ni = np.asarray(met["ni"], dtype=np.int64)
    si = np.asarray(met["si"], dtype=np.int64) + n_new
    bounds = np.searchsorted(ni, np.arange(n_new + 1))
    own.allowed = frozenset(allowed)
    among = own.stories().mates  # pairs of two new articles, as a full run finds them
    found: dict[str, set[str]] = {}
    unsettled: list[tuple[str, str, float]] = []  # below undated_threshold: dates decide
    for i, aid in enumerate(new_ids):
        cand = si[bounds[i]:bounds[i + 1]]
        found[aid] = set(among.get(aid, ()))
        if len(cand):
            scores = np.asarray((unit[cand] @ unit[i].T).todense()).ravel()
            kept = scores >= settings.threshold
            for j, score in zip(cand[kept].tolist(), scores[kept].tolist(), strict=True):
                if score >= settings.undated_threshold:
                    found[aid].add(everyone[j])
                else:
                    unsettled.append((aid, everyone[j], score))
    for aid, other in _settled(con, own, unsettled):
        found[aid].add(other)
    mates = {aid: frozenset(ids) for aid, ids in found.items()}
    return StoryMates(mates, keys, own.profiles, dict(own.published))


def _settled(con: duckdb.DuckDBPyConnection, own: StoryIndex,
             pairs: list[tuple[str, str, float]]) -> list[tuple[str, str]]:
    """Of the pairs (new article, stored article, cosine) that reach the threshold but not
    ``undated_threshold``, those of one story as a full run settles them
    (``StoryIndex.one_story``): both dated, or a mark of one event in both texts (the stored
    one's read from its story text)."""
    if not pairs:
        return []
    wanted = sorted({other for _, other, _ in pairs})
    stored = {aid: (_date(str(day)[:10] if day else None), text) for aid, day, text in con.execute(
        "SELECT article_id, published, story_text FROM articles WHERE article_id IN "
        "(SELECT unnest($ids))", {"ids": wanted}).fetchall()}
    out = []
    for aid, other, score in pairs:
        day, text = stored.get(other, (None, ""))
        mine = own.published[aid]
        if own.one_story(score, not (mine and day), own.marks[aid],
                       event_marks(text or "", day)):
            out.append((aid, other))
    return out


class _BatchStoryIndex(StoryIndex):
    """The new articles' story index, where only the ``allowed`` words (those indexing at
    most ``max_postings`` articles over the store and the batch) find pairs."""

    allowed: frozenset[str] | None = None

    def _indexes(self, key: str, ids: list[str]) -> bool:
        return (self.allowed is None or key in self.allowed) and super()._indexes(key, ids)

