"""The store's key index: the keys an addition looks up, each in its own small table, one
partition per batch like every table, so that a batch finds the stored articles and facts its
keys meet without reading the wide tables (``articles``' texts and lists, ``facts``' lists).

* ``story_index``: one row per stored article and word it is indexed by (its rarest words,
  ``crossref.stories``), with its publication day, so that the dates' window is applied in
  the same query;
* ``band_index``: one row per stored original and band of its MinHash signature
  (``neighbours.lsh_bands``), to find the originals a new article may copy;
* ``fact_index``: one row per fact row and figure it holds (``facts.claim_ids``), to find the
  facts a new figure joins.

Each partition is sorted by its key (DuckDB skips the row groups of other keys when a query
filters on a range of them). What an addition reads back into Python is bounded by its own
keys (and, for stories, by ``neighbours.STORED_MATES_CAP``), not by the store; DuckDB still
hashes the key column of every batch's index file (a few bytes per key, columnar).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd
import pyarrow as pa

_STR = pa.string()

#: The index tables' columns (a ``batch`` column comes from their partition).
INDEX_SCHEMAS: dict[str, pa.Schema] = {
    "story_index": pa.schema([("key", _STR), ("article_id", _STR), ("day", pa.date32())]),
    "band_index": pa.schema([("band", _STR), ("article_id", _STR)]),
    "fact_index": pa.schema([("claim_id", _STR), ("fact_id", _STR)]),
}


def story_index_rows(keys: Mapping[str, list[str]], days: Mapping[str, date | None]
                     ) -> pd.DataFrame:
    """One row per new article and word it is indexed by, with its day (None: undated)."""
    rows = sorted((key, aid, days.get(aid)) for aid, ks in keys.items() for key in ks)
    return pd.DataFrame({"key": [r[0] for r in rows], "article_id": [r[1] for r in rows],
                         "day": pd.Series([r[2] for r in rows], dtype="object")})


def band_index_rows(bands: Mapping[str, list[str]], copies: Iterable[str]) -> pd.DataFrame:
    """One row per band of each new original (copies are never indexed: ``corpus.copies``
    compares a new article with originals only)."""
    skip = set(copies)
    rows = sorted((band, aid) for aid, bs in bands.items() if aid not in skip for band in bs)
    return pd.DataFrame({"band": [r[0] for r in rows], "article_id": [r[1] for r in rows]},
                        dtype="object")


def fact_index_rows(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per fact row written and figure it holds."""
    rows = sorted((str(c), str(f)) for f, ids in zip(facts["fact_id"], facts["claim_ids"],
                                                     strict=True) for c in ids)
    return pd.DataFrame({"claim_id": [r[0] for r in rows], "fact_id": [r[1] for r in rows]},
                        dtype="object")
