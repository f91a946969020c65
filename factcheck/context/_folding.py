"""Names folded for comparison (case, accents, punctuation), and the resolution word lists
folded alike."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from factcheck.context.lexicon import source_data

_NOT_WORD = regex.compile(r"[^\w\s]")


@lru_cache(maxsize=8192)
def _fold(s: str) -> str:
    """``s`` without case, accents or punctuation, its spaces collapsed (a pure function of
    ``s``, cached: the same names are compared again and again)."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _NOT_WORD.sub(" ", s)
    return " ".join(s.split())


@lru_cache(maxsize=1)
def _folded_lists() -> dict[str, frozenset[str]]:
    """The resolution word lists folded like names (case, accents, punctuation)."""
    data = source_data()
    return {key: frozenset(_fold(w) for w in getattr(data, key))
            for key in ("not_sources", "not_source_starts", "heads",
                        "regional_heads", "office_parts")}
