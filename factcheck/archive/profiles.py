"""The stored word profiles a batch meets, as unit rows, built by DuckDB and numpy without one
Python object per word.

A batch scores each new article against the stored articles its words meet
(:func:`factcheck.archive.neighbours.story_mates`): tens of thousands of stored profiles of
some hundred words each. Turning each into a dict and then into a row
(:func:`factcheck.crossref.stories.unit_rows`) cost seconds per addition. Here DuckDB unnests
the profiles and numbers the words in sorted order, and numpy builds the same sparse matrix
from those numbers, bit for bit: the same columns (numbered by first appearance, rows in
order, words sorted in each row), the same values (each weight divided by the row's norm, the
square root of the squares summed one by one in the profile's own order, as
``stories._norm`` sums them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import duckdb
import numpy as np
import pandas as pd
from scipy import sparse

from factcheck.crossref.stories import _norm


def met_unit_rows(con: duckdb.DuckDBPyConnection, profiles: Sequence[Mapping[str, float]]
                  ) -> tuple[list[str], sparse.csr_matrix]:
    """The stored articles of the temporary table ``met`` (``si``, ``article_id``; ``si``
    numbering them from 0), in ``si`` order, and ``stories.unit_rows(profiles + theirs)``,
    their profiles read from ``articles`` (``story_words``, ``story_weights``)."""
    columns: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for prof in profiles:  # the new articles' profiles, as unit_rows reads them
        norm = _norm(prof) or 1.0
        for word in sorted(prof):
            indices.append(columns.setdefault(word, len(columns)))
            data.append(prof[word] / norm)
        indptr.append(len(indices))
    ids = [a for _, a in con.execute(
        "SELECT DISTINCT si, article_id FROM met ORDER BY si").fetchall()]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE met_words AS WITH m AS (SELECT DISTINCT si, article_id "
        "FROM met) SELECT m.si, unnest(a.story_words) AS word, unnest(a.story_weights) AS "
        "weight, generate_subscripts(a.story_words, 1) AS pos FROM m JOIN articles a "
        "ON a.article_id = m.article_id")
    # DuckDB orders text by its UTF-8 bytes, which is code point order, as Python sorts.
    words = [w for w, in con.execute(
        "SELECT DISTINCT word FROM met_words ORDER BY word").fetchall()]
    con.register("met_vocabulary", pd.DataFrame({"word": words, "rank": range(len(words))},
                                                ).astype({"word": "object", "rank": "int64"}))
    got = con.execute("SELECT w.si, w.weight, v.rank FROM met_words w JOIN met_vocabulary v "
                      "ON w.word = v.word ORDER BY w.si, w.pos").fetchnumpy()
    si = np.asarray(got["si"], dtype=np.int64)
    weight = np.asarray(got["weight"], dtype=np.float64)
    rank = np.asarray(got["rank"], dtype=np.int64)
    lengths = np.bincount(si, minlength=len(ids)).astype(np.int64)
    norms = _sequential_norms(weight, np.cumsum(lengths) - lengths, lengths)
    # Each row's words in sorted order (rows are already in si order).
    perm = np.argsort(si * max(len(words), 1) + rank, kind="stable")
    ranks = rank[perm]
    _, first = np.unique(ranks, return_index=True)
    column_of = np.zeros(max(len(words), 1), dtype=np.int64)
    for r in ranks[np.sort(first)].tolist():  # in order of first appearance
        column_of[r] = columns.setdefault(words[r], len(columns))
    matrix = sparse.csr_matrix(
        (np.concatenate([np.asarray(data, dtype=np.float64), weight[perm] / norms[si[perm]]]),
         np.concatenate([np.asarray(indices, dtype=np.int64), column_of[ranks]]).astype(np.int32),
         np.concatenate([np.asarray(indptr, dtype=np.int64),
                         indptr[-1] + np.cumsum(lengths)]).astype(np.int32)),
        shape=(len(profiles) + len(ids), max(len(columns), 1)))
    return ids, matrix


def _sequential_norms(weights: np.ndarray, starts: np.ndarray, lengths: np.ndarray
                      ) -> np.ndarray:
    """Each row's ``sqrt(w1*w1 + w2*w2 + ...)`` summed left to right (numpy's own sums add
    by pairs, which can differ in the last bit), 1.0 for an empty or zero row."""
    squares = weights * weights
    acc = np.zeros(len(starts), dtype=np.float64)
    by_length = np.argsort(-lengths, kind="stable")
    longest = int(lengths.max()) if len(lengths) else 0
    # counts[p]: how many rows have more than p words (they come first in by_length).
    counts = np.searchsorted(-lengths[by_length], -np.arange(longest), side="left")
    for p in range(longest):
        held = by_length[:counts[p]]
        acc[held] += squares[starts[held] + p]
    norms = np.sqrt(acc)
    norms[norms == 0] = 1.0
    return norms
