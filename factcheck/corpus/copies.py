"""Copies and near-copies of articles: outlets republish wire stories.

A copy is one report, not a confirmation: its figures are linked ``same`` to the original's
once, and a flag is not repeated for each copy. Articles are compared by the MinHash of their
word shingles (``datasketch``), with locality-sensitive hashing to find candidate pairs in
time linear in the corpus, then by the Jaccard similarity of the shingles themselves.

The original of a group of copies is its earliest article (publication date, then id, so the
choice is stable across runs); the others are copies of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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


def _minhash(items: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    for item in sorted(items):
        m.update(item.encode("utf-8"))
    return m


def _order(article: Article) -> tuple[date, str]:
    return (article.published or date.max, article.article_id)


def find_copies(articles: Iterable[Article], threshold: float = COPY_THRESHOLD
                ) -> dict[str, str]:
    """``{copy id: original id}`` for every article that copies an earlier one."""
    ordered = sorted(articles, key=_order)
    sets = {a.article_id: shingles(a.text) for a in ordered}
    lsh = MinHashLSH(threshold=max(0.5, threshold - 0.2), num_perm=NUM_PERM)
    original: dict[str, str] = {}
    for article in ordered:
        aid = article.article_id
        items = sets[aid]
        if len(items) < MIN_SHINGLES:
            continue
        signature = _minhash(items)
        best = None
        for candidate in sorted(lsh.query(signature)):
            if candidate == aid:
                continue  # the same id twice (the reader makes ids unique; callers may not)
            other = sets[candidate]
            jaccard = len(items & other) / len(items | other)
            if jaccard >= threshold and (best is None or jaccard > best[0]):
                best = (jaccard, candidate)
        if best is not None:
            original[aid] = original.get(best[1], best[1])
        else:
            lsh.insert(aid, signature)  # only originals are indexed: a group has one head
    return original
