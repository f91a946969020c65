"""Copies and near-copies of articles: outlets republish wire stories.

A copy is one report, not a confirmation: its figures are linked ``same`` to the original's
once, and a flag is not repeated for each copy. Articles are compared by the MinHash of their
word shingles (``datasketch``), with locality-sensitive hashing to find candidate pairs in
time linear in the corpus, then by the Jaccard similarity of the shingles themselves.

The original of a group of copies is its earliest article (publication date, then id, so the
choice is stable across runs); the others are copies of it.

What is compared is an article's :class:`Fingerprint`, not its text: the MinHash signature
and the 64-bit hashes of its shingles (8 bytes a word, about 2 bytes a character in all,
where the shingles as strings took some 100 bytes a word), so that a corpus read as a stream
(``factcheck.streaming``) keeps only the fingerprints until every article is read and the
originals are known. Jaccard similarity on the hashes is that of the shingles themselves
unless two shingles of the two articles share a 64-bit hash (chance about one in 10^13 for
two 1,000-word articles).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
import regex
from datasketch import MinHash, MinHashLSH

from factcheck.models import Article

#: Shingle size in words.
SHINGLE = 5
#: Share of common shingles (Jaccard) from which two articles are copies: a wire story with a
#: new headline, a trimmed tail or a local paragraph added stays above it.
COPY_THRESHOLD = 0.8
#: Texts shorter than this (in shingles) are not compared: a headline repeats without copying.
MIN_SHINGLES = 12
NUM_PERM = 128
_SEED = 1
_WORD = regex.compile(r"\w+")


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
    # reads them: signatures are those of the shingles themselves.
    return int(struct.unpack("<I", digest[:4])[0])


def fingerprint(article: Article) -> Fingerprint:
    """The fingerprint of ``article`` (no hashes nor signature below ``MIN_SHINGLES``)."""
    items = shingles(article.text)
    if len(items) < MIN_SHINGLES:
        return Fingerprint(article.article_id, article.published, _NO_HASHES, None)
    digests = [hashlib.sha1(item.encode("utf-8")).digest()[:8] for item in items]
    hashes = np.unique(np.frombuffer(b"".join(digests), dtype="<u8"))
    signature = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_low_32_bits)
    signature.update_batch(digests)
    return Fingerprint(article.article_id, article.published, hashes, signature.hashvalues)


_NO_HASHES = np.empty(0, dtype="<u8")
_SCHEME = MinHash(num_perm=1).scheme  # the scheme signatures are computed with


def find_copies(articles: Iterable[Article], threshold: float = COPY_THRESHOLD
                ) -> dict[str, str]:
    """``{copy id: original id}`` for every article that copies an earlier one."""
    return copies_among([fingerprint(a) for a in articles], threshold)


def copies_among(prints: Iterable[Fingerprint], threshold: float = COPY_THRESHOLD
                 ) -> dict[str, str]:
    """``find_copies`` over the articles' fingerprints."""
    ordered = sorted(prints, key=lambda p: p.order)
    by_id = {p.article_id: p for p in ordered}
    lsh = MinHashLSH(threshold=max(0.5, threshold - 0.2), num_perm=NUM_PERM)
    original: dict[str, str] = {}
    for fp in ordered:
        aid = fp.article_id
        if fp.signature is None:
            continue
        signature = MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=fp.signature,
                            scheme=_SCHEME)
        best = None
        for candidate in sorted(lsh.query(signature)):
            if candidate == aid:
                continue  # the same id twice (the reader makes ids unique; callers may not)
            other = by_id[candidate].hashes
            common = np.intersect1d(fp.hashes, other, assume_unique=True).size
            jaccard = common / (fp.hashes.size + other.size - common)
            if jaccard >= threshold and (best is None or jaccard > best[0]):
                best = (jaccard, candidate)
        if best is not None:
            original[aid] = original.get(best[1], best[1])
        else:
            lsh.insert(aid, signature)  # only originals are indexed: a group has one head
    return original
