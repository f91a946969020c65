"""Which pairs of one block are judged: within a series (same outcome, side, population,
modality, role and basis) every pair of one period and each figure with its nearest figures of
the previous period; across series, each figure with the nearest figures of the nearest periods
of every other series (:func:`candidate_pairs`); and the same again among the figures of each
story alone (:func:`_story_pairs`). The judgement itself is
:func:`factcheck.crossref.relations.judge`.

A block holds the figures of a metric over the whole corpus, so the periods of other stories
fall between two reports of one story ("plus de 500 morts depuis début 2024" on the 15th and
the 17th, a running count of firefighters on the 6th and the 17th): by the block's periods
they never meet. Among the figures of one story they are neighbours; a story is a handful of
articles, so pairing them again costs little."""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterator

from factcheck.crossref.matching import ClaimView, midpoint

#: Largest group of figures of one series and period compared pairwise; larger groups are
#: compared with their neighbours by value only.
MAX_GROUP = 150
#: Figures of another period or series compared with each figure (all of them up to this).
NEIGHBOURS = 4


def _series_key(v: ClaimView) -> tuple:
    return (v.outcome, v.side, v.population, v.modality, v.role, v.basis)


def _pairs_in(group: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    if len(group) <= MAX_GROUP:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                yield a, b
        return
    # A very large group: neighbours by value suffice to find equal and unequal figures
    # across articles; the figures of one article still all meet (a police and a union count
    # of one march must not drift apart because other articles filled the group).
    ordered = sorted(group, key=lambda v: (midpoint(v) or 0.0, v.claim_id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 4]:
            yield a, b
    by_article: dict[str, list[ClaimView]] = defaultdict(list)
    for v in group:
        by_article[v.article_id].append(v)
    for members in by_article.values():
        if len(members) <= MAX_GROUP:
            for i, a in enumerate(members):
                yield from ((a, b) for b in members[i + 1 :])


def _nearest(v: ClaimView, pool: list[ClaimView]) -> list[ClaimView]:
    """The figures of ``pool`` most worth comparing with ``v`` in another period or series:
    the same source first, then the closest values."""
    if len(pool) <= NEIGHBOURS:
        return pool
    mid = midpoint(v) or 0.0

    def distance(w: ClaimView) -> tuple:
        other = midpoint(w) or 0.0
        gap = abs(math.log(other / mid)) if other > 0 and mid > 0 else float("inf")
        return (w.source_key != v.source_key, gap, w.claim_id)

    return sorted(pool, key=distance)[:NEIGHBOURS]


def candidate_pairs(views: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs worth judging in one block: within a series (same outcome, side, population,
    modality and role) every pair of one period, and each figure with its nearest figures
    (same source, closest value) of the previous period; across series of one block, each
    figure with the nearest figures of the nearest periods of every other series. Linear in
    the block size for a bounded number of series and of figures per period."""
    # Two figures of one sentence set against each other ("contre", "vs") always meet.
    by_id = {v.claim_id: v for v in views}
    for v in views:
        if v.compared_to in by_id:
            yield by_id[v.compared_to], v
    yield from _series_pairs(views)
    yield from _story_pairs(views)


def _series_pairs(views: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """The pairs of :func:`candidate_pairs` by series and periods."""
    # Parts of totals meet only figures about the same place; other figures all meet (a place
    # known on one side only is no reason to keep them apart).
    by_place: dict[str, list[ClaimView]] = defaultdict(list)
    for v in views:
        if v.role != "part":
            by_place[""].append(v)
        if v.place:
            by_place["@" + v.place].append(v)
    for members in by_place.values():
        series: dict[tuple, dict[str, list[ClaimView]]] = defaultdict(lambda: defaultdict(list))
        for v in members:
            series[_series_key(v)][v.period_sort].append(v)
        indexed = []
        for periods in series.values():
            keys = sorted(periods)
            indexed.append((keys, periods))
            for i, key in enumerate(keys):
                yield from _pairs_in(periods[key])
                if i + 1 < len(keys):
                    for b in periods[keys[i + 1]]:
                        for a in _nearest(b, periods[key]):
                            yield a, b
        for si, (keys_s, periods_s) in enumerate(indexed):
            for ti, (keys_t, periods_t) in enumerate(indexed):
                if ti == si:
                    continue
                for key in keys_s:
                    pos = bisect.bisect_left(keys_t, key)
                    near = {keys_t[p] for p in (pos - 1, pos) if 0 <= p < len(keys_t)}
                    for a in periods_s[key]:
                        for nk in near:
                            yield from ((a, b) for b in _nearest(a, periods_t[nk]))


#: Articles of one block up to which an article's story mates are asked about one by one
#: (above, they are listed from the story index).
ASK_ARTICLES = 64
#: Figures of one story met whatever their periods: those whose bounds meet, up to this ratio
#: of sizes (one amount stated again, a bound and a figure that meets it: "plus de 500" and
#: "548"; a bound far below a figure, "plus de 2 000" against "16 000", tells nothing).
RESTATED_RATIO = 1.5
#: Counts below this are too common to be met outside their periods ("deux morts").
MIN_COUNT = 10


def _story_pairs(views: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs of figures of one article, or of an article and another of its story
    (``ClaimView.story``), that may state one amount (:func:`_restating`), whatever their
    periods and series. An article with more than MAX_GROUP figures in the block is left to
    the block's own pairs."""
    by_article: dict[str, list[ClaimView]] = defaultdict(list)
    for v in views:
        by_article[v.article_id].append(v)
    ids = sorted(by_article)
    for i, article in enumerate(ids):
        members = by_article[article]
        if len(members) > MAX_GROUP:
            continue
        story = members[0].story
        if len(ids) <= ASK_ARTICLES:
            mates = [o for o in ids[i + 1 :] if o in story]
        else:
            mates = sorted(o for o in story if o > article and o in by_article)
        group = list(members)
        for other in mates:
            if len(by_article[other]) <= MAX_GROUP:
                group.extend(by_article[other])
        yield from _restating(group, len(members))


def _size(v: ClaimView) -> float:
    """The figure a value or a bound states ("plus de 500": 500)."""
    found = midpoint(v)
    if found is not None:
        return found
    return abs(v.lo) if math.isfinite(v.lo) else abs(v.hi) if math.isfinite(v.hi) else 0.0


def _restating(group: list[ClaimView], own: int) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs of ``group`` with one of its first ``own`` figures (one article's) whose bounds
    meet and whose sizes are at most RESTATED_RATIO apart."""
    ordered = sorted(((i, v) for i, v in enumerate(group)
                      if not (v.dimension == "count" and _size(v) < MIN_COUNT)),
                     key=lambda iv: (_size(iv[1]), iv[1].claim_id))
    for pos, (i, a) in enumerate(ordered):
        top = _size(a) * RESTATED_RATIO
        for j, b in ordered[pos + 1 :]:
            if _size(b) > top:
                break
            if (i < own or j < own) and a.lo <= b.hi and b.lo <= a.hi:
                yield a, b
