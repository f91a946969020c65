"""Which corpus figures a draft figure can meet, found without looking at the others.

A draft figure meets a corpus figure of its block (:func:`factcheck.crossref.relations.cross_ok`)
when the corpus figure's article is of the draft's story, or when their sentences share enough
rare words (:func:`factcheck.crossref.stories.sentences_related`). Every other corpus figure
would only be judged "not comparable". This index answers the question in time that grows
with the figures sharing a rare word with the draft figure's sentence, not with the block:

* each block's figures by article (the draft's story mates are looked up directly);
* each block's sentence word profiles as unit-length rows of a sparse matrix stored by column,
  so that one draft figure's cosines with every figure sharing one of its words are one
  product over those words' columns. The product only preselects (with a margin for rounding);
  :func:`sentences_related` then decides each preselected figure exactly as the full
  comparison does.

A figure of a huge story (an event covered by hundreds of articles) can meet thousands of
corpus figures; comparing the draft with each of them is what the corpus check already did
among them. So each draft figure keeps at most ``cap`` of the corpus figures it meets in a
block, the closest first: highest sentence cosine, then the draft's story before other stories,
then the nearest publication date, then corpus order. Those kept are judged exactly as the full
comparison judges them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
from scipy import sparse

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.stories import StorySettings, sentences_related

#: Corpus figures of one block a draft figure is compared with, at most (see the module doc).
MEETING_CAP = 100
#: Margin under the sentence threshold for the sparse product's preselection (rounding).
_MARGIN = 1e-9


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class _Block:
    __slots__ = ("by_article", "days", "matrix", "members")

    def __init__(self, members: Sequence[ClaimView], columns: dict[str, int]) -> None:
        self.members = members
        by_article: dict[str, list[int]] = defaultdict(list)
        rows: list[int] = []
        cols: list[int] = []
        data: list[float] = []
        for i, v in enumerate(members):
            by_article[v.article_id].append(i)
            norm = math.sqrt(sum(w * w for _, w in v.story_words)) or 1.0
            for word, w in v.story_words:
                rows.append(i)
                cols.append(columns.setdefault(word, len(columns)))
                data.append(w / norm)
        self.by_article = dict(by_article)
        self.days: np.ndarray | None = None  # publication days, read when a cap is reached
        self.matrix = (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64),
                       np.array(data, dtype=np.float64))

    def freeze(self, n_columns: int) -> None:
        rows, cols, data = self.matrix  # type: ignore[misc]
        self.matrix = sparse.csc_matrix((data, (rows, cols)),
                                        shape=(len(self.members), max(n_columns, 1)))


class MeetingIndex:
    """Per block of a corpus, where a draft figure can meet corpus figures."""

    def __init__(self, blocks: Mapping[tuple[str, str], list[ClaimView]],
                 settings: StorySettings, cap: int | None = MEETING_CAP) -> None:
        self.settings = settings
        self.cap = cap
        self.columns: dict[str, int] = {}
        self.blocks = {key: _Block(members, self.columns) for key, members in blocks.items()}
        for block in self.blocks.values():
            block.freeze(len(self.columns))
        self.capped = 0  # draft figures whose meetings were capped (reset by the caller)

    def _related(self, block: _Block, v: ClaimView) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the block whose sentence is related to ``v``'s (sorted), and the
        preselection's cosine of every row (0 where no word is shared)."""
        n = len(block.members)
        known = [(self.columns[w], x) for w, x in v.story_words if w in self.columns]
        if len(known) < self.settings.sentence_shared:
            return np.zeros(0, dtype=np.int64), np.zeros(n)
        cols = np.array([c for c, _ in known], dtype=np.int64)
        norm = math.sqrt(sum(x * x for _, x in v.story_words)) or 1.0
        sub = block.matrix[:, cols]  # type: ignore[index]
        weights = np.repeat(np.array([x / norm for _, x in known]), np.diff(sub.indptr))
        cosine = np.bincount(sub.indices, weights=sub.data * weights, minlength=n)
        shared = np.bincount(sub.indices, minlength=n) >= self.settings.sentence_shared
        threshold = self.settings.sentence_threshold
        sure = np.flatnonzero(shared & (cosine >= threshold + _MARGIN))
        # Within rounding of the threshold: decided as the full comparison decides.
        near = np.flatnonzero(shared & (np.abs(cosine - threshold) < _MARGIN))
        words = dict(v.story_words)
        decided = [i for i in near.tolist()
                   if sentences_related(words, dict(block.members[i].story_words),
                                        self.settings)]
        return np.union1d(sure, np.array(decided, dtype=np.int64)), cosine

    def meeting(self, key: tuple[str, str], mine: Sequence[ClaimView]) -> list[ClaimView]:
        """The corpus figures of block ``key`` that the draft figures ``mine`` meet (each
        draft figure's at most ``cap``, the closest first), in corpus order."""
        block = self.blocks.get(key)
        if block is None:
            return []
        keep: set[int] = set()
        for v in mine:
            related, cosine = self._related(block, v)
            mates = np.array(sorted({i for article in v.story
                                     for i in block.by_article.get(article, ())}),
                             dtype=np.int64)
            found = np.union1d(mates, related)
            if self.cap is not None and len(found) > self.cap:
                self.capped += 1
                found = self._closest(block, v, found, mates, cosine)
            keep.update(found.tolist())
        return [block.members[i] for i in sorted(keep)]

    def _closest(self, block: _Block, v: ClaimView, found: np.ndarray, mates: np.ndarray,
                 cosine: np.ndarray) -> np.ndarray:
        if block.days is None:
            block.days = np.array([d.toordinal() if d else -1
                                   for d in (_day(m.published) for m in block.members)],
                                  dtype=np.int64)
        mine = _day(v.published)
        days = block.days[found]
        gap = (np.abs(days - mine.toordinal()) if mine else np.zeros(len(found), np.int64))
        gap = np.where(days < 0, 0, gap)
        # np.lexsort sorts by the last key first.
        order = np.lexsort((found, gap, ~np.isin(found, mates), -np.round(cosine[found], 9)))
        return found[order[: self.cap]]
