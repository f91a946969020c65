"""Word profiles of texts, the description :mod:`factcheck.crossref.stories` compares: each
distinct word of a text weighed by how rare it is in French at large (``wordfreq``'s Zipf
frequency, a fixed table, so adding articles never changes a weight), with the cosine of two
profiles, their rows of unit length for one sparse product, and whether two figures'
sentences tell one story."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex
from scipy import sparse
from wordfreq import zipf_frequency

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]")
_ELISION = regex.compile(r"^(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu)['’]", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class StorySettings:
    language: str  # wordfreq language code
    threshold: float  # cosine from which two articles are one story
    max_days: int  # publication dates further apart: two stories
    common_zipf: float  # words at least this frequent describe no story
    sentence_threshold: float  # cosine from which two figures' sentences tell one story
    sentence_shared: int  # ... with at least this many rare words in common
    sentence_max_days: int  # ... only when published within this many days (if both dated)
    index_words: int  # rarest words of an article put in the inverted index
    max_postings: int  # a word shared by more articles than this finds no pair
    stopwords: frozenset[str]
    # Cosine from which an article without a publication date is one story with another when
    # no mark of one event (a year, a distinctive figure) is in both texts (below it, shared
    # words of a kind of news, not one event): see ``stories.StoryIndex.one_story``.
    undated_threshold: float
    # Places wide enough to hold countries the places data does not place in them (a
    # continent, the world, a sea): they never set an article's event apart
    # (``story_places.places_apart``). Lower case.
    wide_places: frozenset[str] = frozenset()
    # ``[story_countries]``: each place of the places data whose country is known (the
    # countries themselves included) -> that country, lower case
    # (``story_places.places_apart``).
    countries: tuple[tuple[str, str], ...] = ()
    # ``[story_levels]``: each place of a country listed by level -> its level ("town").
    levels: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=200_000)
def _weight(word: str, language: str, common: float) -> float:
    """Rarity of a word in the language at large: 0 for common words, up to ``common``."""
    zipf = zipf_frequency(word, language)
    return 0.0 if zipf >= common else common - zipf


def _key(word: str) -> str:
    """A crude stem so that singular and plural meet: lower case, final s/x dropped."""
    if len(word) > 4 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def profile(text: str, settings: StorySettings) -> dict[str, float]:
    """Weighted words of a text: each distinct word (elision removed, three letters or more,
    not a stop word) with its rarity weight; words of no weight are left out."""
    out: dict[str, float] = {}
    known = _WORD_CACHES.setdefault(
        (settings.language, settings.common_zipf, settings.stopwords), {})
    if len(known) > _WORD_CACHE_SIZE:
        known.clear()
    for token in _WORD.findall(text):
        weighted = known.get(token, _UNSEEN)
        if weighted is _UNSEEN:
            weighted = known[token] = _weighted(token, settings)
        if weighted is not None:
            key, w = weighted
            if w > out.get(key, 0.0):
                out[key] = w
    return out


#: Word as written → its key and weight (None: no weight), per settings: each read once.
_WORD_CACHES: dict[tuple[str, float, frozenset[str]], dict[str, tuple[str, float] | None]] = {}
_WORD_CACHE_SIZE, _UNSEEN = 100_000, object()


def _weighted(token: str, settings: StorySettings) -> tuple[str, float] | None:
    word = _ELISION.sub("", token.lower().replace("’", "'"))
    if len(word) < 3 or word in settings.stopwords:
        return None
    w = _weight(word, settings.language, settings.common_zipf)
    return (_key(word), w) if w > 0 else None


def _norm(a: Mapping[str, float]) -> float:
    return math.sqrt(sum(w * w for w in a.values()))


def _cosine(a: Mapping[str, float], b: Mapping[str, float],
            norm_a: float | None = None, norm_b: float | None = None) -> float:
    """Cosine of two weighted word profiles (their norms, when known, are not recomputed:
    comparing one article with thousands of candidates spent most of its time on them)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    num = sum(w * large[k] for k, w in small.items() if k in large)
    if not num:
        return 0.0
    den = (_norm(a) if norm_a is None else norm_a) * (_norm(b) if norm_b is None else norm_b)
    return num / den if den else 0.0


def unit_rows(profiles: Sequence[Mapping[str, float]],
              norms: Sequence[float] | None = None) -> sparse.csr_matrix:
    """Word profiles as rows of unit length, one column per word (words sorted in each row),
    ready for one sparse product; ``norms`` when already known (else ``_norm`` of each)."""
    columns: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for i, prof in enumerate(profiles):
        norm = (_norm(prof) if norms is None else norms[i]) or 1.0
        for word in sorted(prof):
            indices.append(columns.setdefault(word, len(columns)))
            data.append(prof[word] / norm)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.array(data, dtype=np.float64), indices, indptr),
                             shape=(len(profiles), max(len(columns), 1)))


def sentences_related(a: Mapping[str, float], b: Mapping[str, float],
                      settings: StorySettings) -> bool:
    """Two figures' sentences tell one story: their weighted words reach the sentence
    threshold with at least ``sentence_shared`` rare words in common ("988 millions de
    dollars d'aide militaire à l'Ukraine" and "près d'un milliard de dollars d'aide militaire
    américaine à Kiev"). A long article covering several subjects meets a short one this
    way, where the two articles' words as a whole are too far apart."""
    if len(a.keys() & b.keys()) < settings.sentence_shared:
        return False
    return _cosine(a, b) >= settings.sentence_threshold
