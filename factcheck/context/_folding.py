"""Names folded for comparison (case, accents, punctuation), and the resolution word lists
folded alike."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from factcheck.context.lexicon import source_data


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = regex.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


@lru_cache(maxsize=1)
def _folded_lists() -> dict[str, frozenset[str]]:
    """The resolution word lists folded like names (case, accents, punctuation)."""
    data = source_data()
    return {key: frozenset(_fold(w) for w in getattr(data, key))
            for key in ("not_sources", "not_source_starts", "heads")}
