"""Copies and near-copies of articles: outlets republish wire stories.

A copy is one report, not a confirmation: its figures are linked ``same`` to the original's
once, and a flag is not repeated for each copy. Articles are compared by the MinHash of their
word shingles (``datasketch``), with locality-sensitive hashing to find candidate pairs in
time linear in the corpus, then by the Jaccard similarity of the shingles themselves.

The original of a group of copies is its earliest article (publication date, then id, so the
choice is stable across runs); the others are copies of it. Articles are taken earliest
first; each is compared with the originals before it that share one band of its signature
with it (the candidates of ``datasketch.MinHashLSH``, whose band sizes are used), and is a
copy of the one it is most similar to (the first by id among equals) if that similarity
reaches the threshold, else an original itself.

What is compared is an article's fingerprint (``factcheck.corpus.fingerprints``): the MinHash
signature and the 64-bit hashes of its shingles, kept on disk, not in memory, with the band
index of the originals (a SQLite table) and the copies found, so that a corpus read as a
stream (``factcheck.streaming``) is compared without memory growing with it. Jaccard
similarity on the hashes is that of the shingles themselves unless two shingles of the two
articles share a 64-bit hash (chance about one in 10^13 for two 1,000-word articles).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import cache
from pathlib import Path
from types import TracebackType

import numpy as np
from datasketch import MinHashLSH

from factcheck.corpus.fingerprints import (
    NUM_PERM,
    SQL_PARAMETERS,
    FingerprintStore,
    Stored,
    id_key,
    id_of,
)
from factcheck.models import Article

#: Share of common shingles (Jaccard) from which two articles are copies: a wire story with a
#: new headline, a trimmed tail or a local paragraph added stays above it.
COPY_THRESHOLD = 0.8


@cache
def bands(threshold: float) -> tuple[int, int]:
    """(number of bands, values a band) of the LSH index for ``threshold``: those
    ``MinHashLSH`` chooses for the index threshold, 0.2 under it (0.5 at least)."""
    index = MinHashLSH(threshold=max(0.5, threshold - 0.2), num_perm=NUM_PERM)
    return index.b, index.r


class CopyFinder:
    """Finds the copies among articles added one at a time, keeping their fingerprints and
    its index in a temporary folder made in ``folder`` (see ``FingerprintStore``)::

        with CopyFinder(folder) as finder:
            for article in articles:
                finder.add(article)
            finder.find()
            originals = finder.originals(["a1", "a2"])  # {copy id: original id}
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        self._store = FingerprintStore(folder)
        self._db = self._store.connection
        self._db.executescript(
            "CREATE TABLE bands (key BLOB NOT NULL, number INTEGER NOT NULL,"
            " PRIMARY KEY (key, number)) WITHOUT ROWID;"
            "CREATE TABLE copies (id BLOB PRIMARY KEY, original BLOB NOT NULL) WITHOUT ROWID;"
        )
        self._found = False

    def add(self, article: Article) -> None:
        self._store.add(article)

    def __len__(self) -> int:
        return len(self._store)

    def find(self, threshold: float = COPY_THRESHOLD, exclude: Collection[str] = ()) -> int:
        """Find the copies among the articles added (those whose id is in ``exclude`` left
        out: neither copies nor originals); returns how many."""
        if self._found:
            raise RuntimeError("copies are found once")
        self._found = True
        n_bands, width = bands(threshold)
        n_copies = 0
        self._db.execute("BEGIN")
        for article in self._store.ordered():
            if not article.compared or article.article_id in exclude:
                continue
            signature = self._store.signature(article.number)
            keys = [bytes([band]) + signature[band * width : (band + 1) * width].tobytes()
                    for band in range(n_bands)]
            original = self._best_original(article, keys, threshold)
            if original is not None:
                self._db.execute("INSERT OR REPLACE INTO copies VALUES (?, ?)",
                                 (id_key(article.article_id), id_key(original)))
                n_copies += 1
            else:  # only originals are indexed: a group has one head
                self._db.executemany("INSERT INTO bands VALUES (?, ?)",
                                     [(key, article.number) for key in keys])
        self._db.execute("COMMIT")
        return n_copies

    def _best_original(self, article: Stored, keys: list[bytes], threshold: float
                       ) -> str | None:
        marks = ", ".join("?" * len(keys))
        numbers = [n for (n,) in self._db.execute(
            f"SELECT DISTINCT number FROM bands WHERE key IN ({marks})", keys)]
        if not numbers:
            return None
        hashes = self._store.hashes(article.number)
        best: tuple[float, str] | None = None
        candidates = sorted(self._store.describe(numbers), key=lambda c: (c.article_id, c.number))
        for candidate in candidates:
            if candidate.article_id == article.article_id:
                continue  # the same id twice (the reader makes ids unique; callers may not)
            other = self._store.hashes(candidate.number)
            common = np.intersect1d(hashes, other, assume_unique=True).size
            jaccard = common / (hashes.size + other.size - common)
            if jaccard >= threshold and (best is None or jaccard > best[0]):
                best = (jaccard, candidate.article_id)
        return None if best is None else best[1]

    def originals(self, ids: Iterable[str]) -> dict[str, str]:
        """``{copy id: original id}`` for those of ``ids`` that are copies."""
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), SQL_PARAMETERS):
            part = [id_key(i) for i in unique[start : start + SQL_PARAMETERS]]
            marks = ", ".join("?" * len(part))
            for copy, original in self._db.execute(
                    f"SELECT id, original FROM copies WHERE id IN ({marks})", part):
                found[id_of(copy)] = id_of(original)
        return found

    def all_copies(self) -> dict[str, str]:
        """``{copy id: original id}`` for every copy (held in memory)."""
        rows = self._db.execute("SELECT id, original FROM copies ORDER BY id")
        return {id_of(copy): id_of(original) for copy, original in rows}

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> CopyFinder:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def find_copies(articles: Iterable[Article], threshold: float = COPY_THRESHOLD,
                folder: str | Path | None = None) -> dict[str, str]:
    """``{copy id: original id}`` for every article that copies an earlier one."""
    with CopyFinder(folder) as finder:
        for article in articles:
            finder.add(article)
        finder.find(threshold)
        return finder.all_copies()
