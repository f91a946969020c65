"""Stories: which articles report on the same news, so that figures of two articles are put
side by side only when the articles are about one story.

Two articles published the same week may share a generic metric ("personnes", "millions
d'euros", "%") and nothing else: a flood toll and a demonstration count. Before anything is
said of two figures of two articles, the articles must be established to cover one story.

An article is described by the words of its title and of the sentences its figures come from
(all the claims table holds, so a draft or a stored archive is described the same way). Each
word weighs by how rare it is in French at large (``wordfreq``'s Zipf frequency, a fixed
table: the weights never depend on the corpus, so adding articles never changes whether two
others are one story). Two articles are one story when the cosine of their weighted words
reaches a threshold and, when both are dated, they were published within a window (when
either is undated, a higher threshold, unless a year or a distinctive figure both texts write
ties them: unknown is not equal); or, for
two figures, when their own sentences share enough rare words (a long article covering several
subjects and a short one on one of them). Thresholds
are language data (``[stories]`` in ``factcheck/lang/fr/crossref.toml``), measured on the
real-news review set (docs/crossref.md).

Pairs are found through an inverted index on each article's rarest words, so the cost grows
with the number of articles sharing a rare word, not with the square of the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from datetime import date

import numpy as np
import regex
from scipy import sparse

from factcheck.crossref.cells import cell_text
from factcheck.crossref.word_profiles import (
    StorySettings,
    _cosine,
    _norm,
    profile,
    sentences_related,
    unit_rows,
)
from factcheck.text import WRITTEN_YEAR

# Re-exported: the word profiles were read from this module before they had their own.
__all__ = [
    "Stories",
    "StoryIndex",
    "StoryMates",
    "StorySettings",
    "article_texts",
    "dated_apart",
    "find_stories",
    "profile",
    "sentences_related",
    "unit_rows",
]

def article_texts(rows: list[dict]) -> list[tuple[str, str, str]]:
    """``(article_id, published, text)`` of the articles of ``rows`` (claims-table records),
    each described by its title and the sentences of its figures, for
    :mod:`factcheck.crossref.stories`. The same whatever the order of ``rows``."""
    texts: dict[str, list[str]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    published: dict[str, str] = {}
    for row in sorted(rows, key=_row_order):
        article = cell_text(row.get("article_id"))
        if article not in published:
            published[article] = cell_text(row.get("published"))
            texts[article].append(cell_text(row.get("title")))
        sentence = cell_text(row.get("sentence"))
        if (article, sentence) not in seen:
            seen.add((article, sentence))
            texts[article].append(sentence)
    return [(a, published[a], "\n".join(t)) for a, t in texts.items()]


def _row_order(row: dict) -> tuple:
    start = row.get("start")
    try:
        position = int(start)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        position = -1
    return (cell_text(row.get("article_id")), position, cell_text(row.get("sentence")),
            cell_text(row.get("published")), cell_text(row.get("title")))


#: A figure written in digits, thousands grouped by a space or a dot, decimals after a comma;
#: not a number that names (a model, a flight, a road: "A321", "MH370", "Boeing 737", "la RN
#: 113"), glued to letters or written right after a name within a sentence, which many events
#: share.
_FIGURE = regex.compile(r"(?<![\d,.\p{L}])(?<!\d[ \u00a0\u202f])"
                        r"(?<!\p{L}[\s\u00a0]\p{Lu}[\p{L}-]*[\s\u00a0])"
                        r"(?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
                        r"(?![\d\p{L}])")
#: Significant digits from which a figure reported in two texts tells one event ("603 652
#: visiteurs", "121 000 manifestants"), not a round number any story may give ("250 000").
DISTINCTIVE_DIGITS = 3


def event_marks(text: str, day: date | None = None) -> frozenset[str]:
    """What places a text at one event, beyond its words: the years it writes (with its
    publication year when it is dated) and its distinctive figures (three significant digits
    or more, not a year). Two texts sharing a mark are tied to one time or one report."""
    marks = {f"y{y}" for y in WRITTEN_YEAR.findall(text)}
    if day:
        marks.add(f"y{day.year}")
    for written in _FIGURE.findall(text):
        digits = regex.sub(r"[ \u00a0\u202f.]", "", written)
        whole, _, decimals = digits.partition(",")
        significant = (whole + decimals).lstrip("0").rstrip("0")
        if len(significant) >= DISTINCTIVE_DIGITS and not WRITTEN_YEAR.fullmatch(digits):
            marks.add(f"n{whole.lstrip('0') or '0'},{decimals.rstrip('0')}")
    return frozenset(marks)


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def dated_apart(day_a: str, day_b: str, max_days: int) -> bool:
    """Two publication dates (ISO text) both known and more than ``max_days`` apart: an
    unknown date neither ties nor separates."""
    da, db = _date(day_a), _date(day_b)
    return bool(da and db and abs((da - db).days) > max_days)


@dataclass(frozen=True, slots=True)
class Stories:
    """Which articles are one story: for each article, the others of its story; and, when
    asked for (``find_stories(..., with_scores=True)``), each pair's similarity."""

    mates: Mapping[str, frozenset[str]]
    similarity: Mapping[tuple[str, str], float]

    def same(self, a: str, b: str) -> bool:
        return a == b or b in self.mates.get(a, frozenset())

    def score(self, a: str, b: str) -> float:
        """The similarity of two articles (0.0 for two stories, or when scores were not
        kept)."""
        return 1.0 if a == b else self.similarity.get((min(a, b), max(a, b)), 0.0)


class StoryIndex:
    """Articles' word profiles indexed by their rarest words, to find the articles of a
    story: built once over a corpus, then asked about new articles (a draft, today's
    articles against a stored archive) without recomputing the corpus."""

    def __init__(self, articles: Iterable[tuple[str, str, str]], settings: StorySettings):
        self.settings = settings
        self.profiles: dict[str, dict[str, float]] = {}
        self.norms: dict[str, float] = {}
        self.published: dict[str, date | None] = {}
        self.marks: dict[str, frozenset[str]] = {}  # each text's years and figures
        self.postings: dict[str, list[str]] = defaultdict(list)
        self.keys: dict[str, tuple[str, ...]] = {}  # each article's indexing words
        self._pairs: dict[tuple[str, str], bool] = {}  # pairs already settled by same()
        for article_id, day, text in sorted(articles):
            self.add(article_id, day, text)

    def add(self, article_id: str, day: str, text: str) -> None:
        prof = profile(text, self.settings)
        self.profiles[article_id] = prof
        self.norms[article_id] = _norm(prof)
        self.published[article_id] = _date(day)
        self.marks[article_id] = event_marks(text, self.published[article_id])
        self.keys[article_id] = tuple(self._rarest(prof))
        for key in self.keys[article_id]:
            self.postings[key].append(article_id)
        self._pairs.clear()

    def _rarest(self, prof: Mapping[str, float]) -> list[str]:
        return sorted(prof, key=lambda k: (-prof[k], k))[: self.settings.index_words]

    def _indexes(self, key: str, ids: list[str]) -> bool:
        """Whether a word (held by the articles ``ids``) finds pairs: a word shared by more
        than ``max_postings`` articles does not (another, rarer word will)."""
        return len(ids) <= self.settings.max_postings

    def _candidates(self, prof: Mapping[str, float]) -> set[str]:
        found: set[str] = set()
        for key in self._rarest(prof):
            ids = self.postings.get(key, [])
            if self._indexes(key, ids):
                found.update(ids)
        return found

    def _candidate_matrix(self, row: Mapping[str, int]) -> tuple[sparse.csr_matrix,
                                                                 sparse.csr_matrix]:
        """Articles (rows, numbered by ``row``) by the words that index them, and its
        transpose: the candidates of article i are the non-zero columns of
        ``words[i] @ transposed``, as :meth:`_candidates` finds them one word at a time."""
        rows, cols = [], []
        for col, (key, ids) in enumerate(sorted(self.postings.items())):
            if self._indexes(key, ids):
                rows.extend(row[a] for a in ids)
                cols.extend([col] * len(ids))
        words = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                                  shape=(len(row), max(len(self.postings), 1)))
        return words, words.T.tocsr()

    def _score(self, prof: Mapping[str, float], day: date | None, other: str,
               norm: float | None = None, marks: frozenset[str] = frozenset()) -> float | None:
        theirs = self.published[other]
        if day and theirs and abs((day - theirs).days) > self.settings.max_days:
            return None
        score = _cosine(prof, self.profiles[other], norm, self.norms[other])
        undated = not (day and theirs)
        return score if self.one_story(score, undated, marks, self.marks[other]) else None

    def one_story(self, score: float, undated: bool, marks_a: frozenset[str],
                marks_b: frozenset[str]) -> bool:
        """Whether a cosine makes two articles one story. Without a publication date on
        either side (unknown is not equal), the words of a kind of news that two events share
        (two outbreaks: "cas", "importés", "réanimation"; two earthquakes: "magnitude",
        "répliques"; two strike days: "cortège", "CGT") are no evidence of one event: the
        cosine must reach ``undated_threshold``, unless the two texts share a mark of one
        event (:func:`event_marks`: a year both write, a dated article's publication year
        among them, or a distinctive figure both report)."""
        settings = self.settings
        if score < settings.threshold:
            return False
        if not undated or score >= settings.undated_threshold:
            return True
        return bool(marks_a & marks_b)

    def mates_of(self, article_id: str, day: str, text: str) -> dict[str, float]:
        """Indexed articles of the same story as a new one, with their similarity."""
        prof, when = profile(text, self.settings), _date(day)
        norm = _norm(prof)
        marks = event_marks(text, when)
        out = {}
        for other in sorted(self._candidates(prof) - {article_id}):
            score = self._score(prof, when, other, norm, marks)
            if score is not None:
                out[other] = round(score, 4)
        return out

    def same(self, a: str, b: str) -> bool:
        """Whether two indexed articles are one story, decided for this pair alone: exactly
        ``b in self.stories().mates[a]`` (same candidates, same date window, the same cosine
        to the last bit), without finding every pair of the corpus. Cross-referencing asks
        only about the articles of the figures it judges, far fewer than all pairs of a
        dense corpus (millions at 10,000 articles)."""
        if a == b or a not in self.profiles or b not in self.profiles:
            return False
        i, j = (a, b) if a < b else (b, a)
        known = self._pairs.get((i, j))
        if known is None:
            known = self._pairs[(i, j)] = self._same_pair(i, j)
        return known

    def _same_pair(self, i: str, j: str) -> bool:
        di, dj = self.published[i], self.published[j]
        if di and dj and abs((di - dj).days) > self.settings.max_days:
            return False
        shared = set(self.keys[i]).intersection(self.keys[j])
        if not any(self._indexes(key, self.postings[key]) for key in shared):
            return False
        # As stories() computes it: the unit profile of j (the later id) times that of i,
        # summed in the order of j's words.
        pi, pj = self.profiles[i], self.profiles[j]
        ni, nj = self.norms[i] or 1.0, self.norms[j] or 1.0
        score = 0.0
        for word in sorted(pj):
            if word in pi:
                score += (pj[word] / nj) * (pi[word] / ni)
        return self.one_story(score, not (di and dj), self.marks[i], self.marks[j])

    def mates(self, article_id: str) -> StoryMates:
        """The other articles of an article's story, found as they are asked about."""
        return StoryMates(self, article_id)

    def stories(self, with_scores: bool = False) -> Stories:
        """Every pair of indexed articles of one story (with its similarity when
        ``with_scores``: kept only on demand, a large corpus has millions of pairs and the
        engine needs only who is whose mate). The candidates of each article (the
        articles sharing one of its rarest words) are scored at once, as one sparse product
        of unit-length profiles, rather than one cosine at a time in Python: the same pairs,
        a fraction of the time on a large corpus."""
        mates: dict[str, set[str]] = defaultdict(set)
        similarity: dict[tuple[str, str], float] = {}
        ids = sorted(self.profiles)
        row = {article_id: i for i, article_id in enumerate(ids)}
        unit = self._unit_profiles(ids)
        words, transposed = self._candidate_matrix(row)
        days = np.array([d.toordinal() if d else -1 for d in (self.published[a] for a in ids)],
                        dtype=np.int64)
        for i, article_id in enumerate(ids):
            found = (words[i] @ transposed).indices
            cand = np.sort(found[found > i]).astype(np.int64)  # ids are sorted: j > i, b > a
            if not len(cand):
                continue
            if days[i] >= 0:  # dates further apart than the window: two stories
                theirs = days[cand]
                cand = cand[(theirs < 0) | (np.abs(theirs - days[i]) <= self.settings.max_days)]
            if not len(cand):
                continue
            scores = np.asarray((unit[cand] @ unit[i].T).todense()).ravel()
            kept = scores >= self.settings.threshold
            for j, score in zip(cand[kept].tolist(), scores[kept].tolist(), strict=True):
                other = ids[j]
                undated = days[i] < 0 or days[j] < 0
                if undated and not self.one_story(score, True, self.marks[article_id],
                                                self.marks[other]):
                    continue
                if with_scores:
                    similarity[(article_id, other)] = round(score, 4)
                mates[article_id].add(other)
                mates[other].add(article_id)
        return Stories({k: frozenset(v) for k, v in mates.items()}, similarity)

    def _unit_profiles(self, ids: list[str]) -> sparse.csr_matrix:
        """The profiles of ``ids`` as rows of unit length (one column per word)."""
        return unit_rows([self.profiles[a] for a in ids], [self.norms[a] for a in ids])


class StoryMates(Set[str]):
    """The other articles of one article's story, as a set answered on demand by its
    :class:`StoryIndex` (``other in mates``); iterating it finds them all (the candidates
    sharing an indexing word, each settled by :meth:`StoryIndex.same`). Set operations
    (``mates | others``) give a plain frozenset."""

    __slots__ = ("_article", "_index")

    def __init__(self, index: StoryIndex, article_id: str) -> None:
        self._index, self._article = index, article_id

    def __contains__(self, other: object) -> bool:
        return isinstance(other, str) and self._index.same(self._article, other)

    def _found(self) -> list[str]:
        index = self._index
        found: set[str] = set()
        for key in index.keys.get(self._article, ()):
            ids = index.postings[key]
            if index._indexes(key, ids):
                found.update(ids)
        return sorted(other for other in found if index.same(self._article, other))

    def __iter__(self) -> Iterator[str]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> frozenset[str]:
        return frozenset(it)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StoryMates):
            return self._index is other._index and self._article == other._article
        return Set.__eq__(self, other)

    def __hash__(self) -> int:
        return hash((id(self._index), self._article))

    def __repr__(self) -> str:
        return f"StoryMates({self._article!r})"


def find_stories(articles: Iterable[tuple[str, str, str]], settings: StorySettings,
                 with_scores: bool = False) -> Stories:
    """Stories among ``articles``, given as ``(article_id, published, text)``: the pairs of
    articles whose word profiles reach the threshold, published within the window when both
    dates are known (an unknown date does not separate, but asks for ``undated_threshold`` or
    a mark of one event: :meth:`StoryIndex.one_story`). ``with_scores`` keeps each pair's
    similarity (:meth:`Stories.score`)."""
    return StoryIndex(articles, settings).stories(with_scores)
