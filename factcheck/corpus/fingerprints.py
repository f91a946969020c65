"""What copy detection (``factcheck.corpus.copies``) keeps of each article, and where: its
:class:`Fingerprint` (the 64-bit hashes of its word shingles and their MinHash signature),
written to files in a temporary folder as the articles are read, so that memory does not grow
with the corpus.

A :class:`FingerprintStore` appends each article's shingle hashes to one binary file
(``uint64``, 8 bytes a word) and its signature to another (``NUM_PERM`` values as ``uint32``:
datasketch keeps them below 2^32), and records the article in a SQLite table (its number in
the order read, id, publication date, where its hashes are); they are read back one article at
a time (``os.pread``), in the order of originals (publication date, then id) that SQLite gives
through an index. Nothing of the corpus stays in memory but SQLite's page cache (2 MB).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import TracebackType

import numpy as np
import regex
from datasketch import MinHash

from factcheck.models import Article

#: Shingle size in words.
SHINGLE = 5
#: Texts shorter than this (in shingles) are not compared: a headline repeats without copying.
MIN_SHINGLES = 12
NUM_PERM = 128
_SEED = 1
_WORD = regex.compile(r"\w+")
_HASH = np.dtype("<u8")
_VALUE = np.dtype("<u4")  # a signature value (below 2^32: datasketch's ``_max_hash``)
_BATCH = 1024  # articles recorded in SQLite at once
SQL_PARAMETERS = 500  # values bound in one SQLite query (SQLite allows 999 at least)


def shingles(text: str) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """What copy detection keeps of one article: its id, its place in the order of
    originals, and, when it has enough shingles to be compared, their hashes (sorted,
    unique) and its MinHash signature."""

    article_id: str
    published: date | None
    hashes: np.ndarray
    signature: np.ndarray | None

    @property
    def order(self) -> tuple[date, str]:
        return (self.published or date.max, self.article_id)


def _low_32_bits(digest: bytes) -> int:
    # The first four bytes of the SHA-1 digest, as datasketch's default ``sha1_hash32``
    # reads them (``struct.unpack("<I", ...)``): signatures are those of the shingles themselves.
    return int.from_bytes(digest[:4], "little")


@cache
def _template() -> MinHash:
    """An empty signature whose permutations every article's signature shares: drawn once
    from ``_SEED`` rather than for each article (the same arrays: datasketch draws them from
    a generator seeded with ``_SEED``, and only reads them)."""
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_low_32_bits)


def _signature() -> MinHash:
    template = _template()
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_low_32_bits,
                   permutations=template.permutations, scheme=template.scheme)


def fingerprint(article: Article) -> Fingerprint:
    """The fingerprint of ``article`` (no hashes nor signature below ``MIN_SHINGLES``)."""
    items = shingles(article.text)
    if len(items) < MIN_SHINGLES:
        return Fingerprint(article.article_id, article.published, _NO_HASHES, None)
    digests = [hashlib.sha1(item.encode("utf-8")).digest()[:8] for item in items]
    hashes = np.unique(np.frombuffer(b"".join(digests), dtype=_HASH))
    signature = _signature()
    signature.update_batch(digests)
    return Fingerprint(article.article_id, article.published, hashes, signature.hashvalues)


_NO_HASHES = np.empty(0, dtype=_HASH)


@dataclass(frozen=True, slots=True)
class Stored:
    """One article of a :class:`FingerprintStore`: its number (in the order added), id,
    and whether it has a signature (enough shingles to be compared)."""

    number: int
    article_id: str
    compared: bool


def id_key(article_id: str) -> bytes:
    # UTF-8 bytes compare (SQLite: memcmp) in the order of code points, as Python strings
    # do; ``surrogatepass`` keeps an id with a lone surrogate (from a JSON escape) storable.
    return article_id.encode("utf-8", "surrogatepass")


def id_of(key: bytes) -> str:
    return key.decode("utf-8", "surrogatepass")


class FingerprintStore:
    """Fingerprints of a corpus on disk, in a temporary folder created in ``folder`` (the
    system's temporary folder when None) and removed by :meth:`close`. ``connection`` is
    the SQLite database, open for the caller's own tables (the band index of
    ``factcheck.corpus.copies``)."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self._folder = tempfile.TemporaryDirectory(dir=folder, prefix=".factcheck-copies-")
        root = Path(self._folder.name)
        self._hashes = (root / "hashes.u64").open("w+b")
        self._signatures = (root / "signatures.u32").open("w+b")
        self.connection = sqlite3.connect(root / "copies.sqlite", isolation_level=None)
        self.connection.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;"
            "CREATE TABLE articles (number INTEGER PRIMARY KEY, id BLOB NOT NULL,"
            " published TEXT NOT NULL, start INTEGER NOT NULL, size INTEGER NOT NULL,"
            " signature INTEGER);"
        )
        self._pending: list[tuple[int, bytes, str, int, int, int | None]] = []
        self._n_articles = 0
        self._n_hashes = 0
        self._n_signatures = 0
        self._ordered = False

    def add(self, article: Article) -> None:
        """Compute the fingerprint of ``article`` and store it."""
        self.add_fingerprint(fingerprint(article))

    def add_fingerprint(self, fp: Fingerprint) -> None:
        if self._ordered:
            raise RuntimeError("fingerprints are added before they are read back")
        slot = None
        if fp.signature is not None:
            values = fp.signature.astype(_VALUE)
            if not np.array_equal(values, fp.signature):
                raise ValueError(f"{fp.article_id}: MinHash value over 32 bits")
            self._signatures.write(values.tobytes())
            slot = self._n_signatures
            self._n_signatures += 1
        self._hashes.write(fp.hashes.astype(_HASH, copy=False).tobytes())
        published = (fp.published or date.max).isoformat()
        self._pending.append((self._n_articles, id_key(fp.article_id), published,
                              self._n_hashes, fp.hashes.size, slot))
        self._n_articles += 1
        self._n_hashes += fp.hashes.size
        if len(self._pending) >= _BATCH:
            self._record()

    def __len__(self) -> int:
        return self._n_articles

    def _record(self) -> None:
        self.connection.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                                    self._pending)
        self._pending.clear()

    def _finish(self) -> None:
        if not self._ordered:
            self._record()
            self._hashes.flush()
            self._signatures.flush()
            self.connection.execute(
                "CREATE INDEX article_order ON articles (published, id, number)")
            self._ordered = True

    def ordered(self) -> Iterator[Stored]:
        """Every article, earliest first: by publication date (undated last), then id,
        then the order added (as a stable sort of the fingerprints by ``order`` gives)."""
        self._finish()
        rows = self.connection.execute(
            "SELECT number, id, signature IS NOT NULL FROM articles"
            " ORDER BY published, id, number")
        while batch := rows.fetchmany(_BATCH):
            for number, key, compared in batch:
                yield Stored(number, id_of(key), bool(compared))

    def describe(self, numbers: list[int]) -> list[Stored]:
        """The articles numbered ``numbers`` (in no particular order)."""
        self._finish()
        found = []
        for start in range(0, len(numbers), SQL_PARAMETERS):  # under SQLite's limit
            part = numbers[start : start + SQL_PARAMETERS]
            rows = self.connection.execute(
                "SELECT number, id, signature IS NOT NULL FROM articles WHERE number IN "
                f"({', '.join('?' * len(part))})", part)
            found += [Stored(number, id_of(key), bool(compared))
                      for number, key, compared in rows]
        return found

    def hashes(self, number: int) -> np.ndarray:
        """The shingle hashes of article ``number`` (sorted, unique)."""
        self._finish()
        start, size = self.connection.execute(
            "SELECT start, size FROM articles WHERE number = ?", (number,)).fetchone()
        data = os.pread(self._hashes.fileno(), size * _HASH.itemsize, start * _HASH.itemsize)
        return np.frombuffer(data, dtype=_HASH)

    def signature(self, number: int) -> np.ndarray:
        """The MinHash signature of article ``number`` (``NUM_PERM`` values, ``uint32``)."""
        self._finish()
        (slot,) = self.connection.execute(
            "SELECT signature FROM articles WHERE number = ?", (number,)).fetchone()
        if slot is None:
            raise KeyError(f"article {number} has too few shingles to have a signature")
        width = NUM_PERM * _VALUE.itemsize
        return np.frombuffer(os.pread(self._signatures.fileno(), width, slot * width),
                             dtype=_VALUE)

    def close(self) -> None:
        self.connection.close()
        self._hashes.close()
        self._signatures.close()
        self._folder.cleanup()

    def __enter__(self) -> FingerprintStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
