"""Which pairs of one block are judged: within a series (same outcome, side, population,
modality, role and basis) every pair of one period, each figure with its nearest figures of
the previous period and with its nearest figures by value whatever their period; each undated
figure with the nearest figures of its story's other articles that it may state, whatever
their dates; across series, each figure with the nearest figures of the nearest periods of
every other series; and every pair of figures of one article that state one value
(:func:`candidate_pairs`). The judgement itself is
:func:`factcheck.crossref.relations.judge`."""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterator

from factcheck.crossref.cells import WORD
from factcheck.crossref.cue_sets import _norm
from factcheck.crossref.cue_tables import lemma
from factcheck.crossref.matching import ClaimView, midpoint, precision, significant_digits
from factcheck.crossref.narrowings import NOUN_REACH

#: Largest group of figures of one series and period compared pairwise; larger groups are
#: compared with their neighbours by value only.
MAX_GROUP = 150
#: Figures of another period or series compared with each figure (all of them up to this).
NEIGHBOURS = 4
#: Figures of its series next to each figure by value, whatever their period, compared with
#: it: a figure restated by another article meets it however many periods of other stories
#: the block holds between their two dates.
VALUE_NEIGHBOURS = 3
#: How far beyond a bound an exact value of its story may be and still state it again when
#: one of the two is undated ("plus de 170" / "179"; not "au moins 9" / "14").
NEAR_BOUND = 1.1


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
    yield from _parts_restated(views)
    # Parts of totals meet only figures about the same place; other figures all meet (a place
    # known on one side only is no reason to keep them apart).
    by_place: dict[str, list[ClaimView]] = defaultdict(list)
    for v in views:
        if v.role != "part":
            by_place[""].append(v)
        if v.place:
            by_place["@" + v.place].append(v)
    for members in by_place.values():
        yield from _one_article(members)
        series: dict[tuple, dict[str, list[ClaimView]]] = defaultdict(lambda: defaultdict(list))
        for v in members:
            series[_series_key(v)][v.period_sort].append(v)
        for periods in series.values():
            yield from _by_value(periods)
            yield from _undated_meetings(periods)
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



def _restated(a: ClaimView, b: ClaimView) -> bool:
    """One value stated twice: two exact values within the rounding of the finer one
    ("16.000 hectares", "seize mille hectares"), or the same bound ("plus de 500" twice).
    Only these meet outside the period chain: never two values of a series at two dates, nor
    a rounded figure and a finer one it merely covers ("30 Mt" and "29,7 Mt")."""
    if a.exact and b.exact and a.value is not None and b.value is not None:
        return abs(a.value - b.value) <= min(precision(a.value), precision(b.value))
    return a.approx == b.approx and a.value == b.value and (a.lo, a.hi) == (b.lo, b.hi)


def noun_restated(a: ClaimView, b: ClaimView) -> bool:
    """One count stated again with its noun: the same value, the same counted noun written
    right after both figures ("dont 490 pompiers", "490 pompiers"), in two articles. A part
    of a total so restated in another article of its story is that count."""
    return (a.article_id != b.article_id and bool(a.subject)
            and (lemma(a.subject) == lemma(b.subject) or _one_family(a, b))
            and _restated(a, b) and _noun_written(a) and _noun_written(b))


def _one_family(a: ClaimView, b: ClaimView) -> bool:
    """Two counted nouns of one metric family ("dont deux ressortissants thaïlandais" / "2
    Thaïlandais"): the family is read from the nouns themselves, both written after their
    figures (:func:`_noun_written`)."""
    return bool(a.family) and a.family == b.family


def _noun_written(v: ClaimView) -> bool:
    """The figure's counted noun is the word right after it ("490 pompiers"; not "4 autres
    cas", a rest, nor "dont 19 à Paris", whose noun is its total's)."""
    if v.sentence_start is None or not v.subject.strip():
        return False
    words = WORD.findall(v.sentence[v.end - v.sentence_start:][:NOUN_REACH])
    return bool(words) and words[0].lower().startswith(_norm(v.subject).split()[0][:4])


def _parts_restated(views: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Each part of a total with the figures of other articles that state its value again
    with its noun (:func:`noun_restated`): a part meets only the figures of its place
    otherwise, and "dont 490 pompiers" has none."""
    parts = [v for v in views if v.role == "part" and v.subject and _noun_written(v)]
    if not parts:
        return
    # Indexed by the counted noun and by the metric family ("f:" keys), with the value.
    by_value: dict[tuple[str, float | None], list[ClaimView]] = defaultdict(list)
    for v in views:
        if v.subject:
            by_value[(lemma(v.subject), v.value)].append(v)
            if v.family:
                by_value[("f:" + v.family, v.value)].append(v)
    for a in parts:
        keys = {(lemma(a.subject), a.value)}
        if a.family:
            keys.add(("f:" + a.family, a.value))
        seen: set[str] = set()
        for b in (b for key in keys for b in by_value[key]):
            if b.claim_id in seen:
                continue
            seen.add(b.claim_id)
            if (b.role != "part" or a.claim_id < b.claim_id) and noun_restated(a, b):
                yield a, b


def _one_article(members: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Every pair of figures of one article that state one value, whatever their series and
    periods: an article states its figure again further down (a period read on one side
    only, other articles' periods between). An article with more than ``MAX_GROUP`` figures
    in the block is left to the series."""
    by_article: dict[str, list[ClaimView]] = defaultdict(list)
    for v in members:
        by_article[v.article_id].append(v)
    for group in by_article.values():
        if 1 < len(group) <= MAX_GROUP:
            for i, a in enumerate(group):
                yield from ((a, b) for b in group[i + 1 :]
                            if _restated(a, b) or _rounded(a, b) or _rounded(b, a))


def _rounded(a: ClaimView, b: ClaimView) -> bool:
    """``a`` rounds ``b``, both of one article: "près de 6 000 nouveaux cas" in the lead, "5 832
    cas" in the body; an approximate figure whose interval holds the exact value."""
    return (a.approx == "approx" and b.exact and b.value is not None
            and a.lo <= b.value <= a.hi)


def _by_value(periods: dict[str, list[ClaimView]]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Each figure of one series with the ``VALUE_NEIGHBOURS`` figures of other articles next
    to it by value that state its value, whatever their period: the periods of other stories
    a block holds between two dates of one story keep the period chain from putting a figure
    and its restatement side by side. Two values apart are left to the chain (an evolution
    is judged only between neighbouring periods)."""
    ordered = sorted((v for group in periods.values() for v in group),
                     key=lambda v: (midpoint(v) or 0.0, v.claim_id))
    n = len(ordered)
    # past_run[j]: the first index after j's run of figures of one article, so that a scan
    # skips a run of its own article at once (linear, not quadratic, in an article's figures).
    past_run = [n] * n
    for j in range(n - 2, -1, -1):
        same = ordered[j + 1].article_id == ordered[j].article_id
        past_run[j] = past_run[j + 1] if same else j + 1
    for i, a in enumerate(ordered):
        found = 0
        j = i + 1
        while j < n and found < VALUE_NEIGHBOURS:
            b = ordered[j]
            if b.article_id == a.article_id:
                j = past_run[j]
                continue
            found += 1
            if _restated(a, b):
                yield a, b
            j += 1


def _undated_meetings(periods: dict[str, list[ClaimView]]
                      ) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Each undated figure of one series with the nearest figures of its story's other
    articles that it may state, whatever their dates (:func:`_may_state`). An undated
    article's figure may be of any date of its story, but the period chain puts the undated
    figures of a block before its first period, which is most often another story's: "179
    morts" in an undated report never met "plus de 170 morts" of its story's dated one. Only
    values that may be one report meet: an undated figure is no term of an evolution."""
    undated = periods.get("")
    if not undated or len(periods) < 2:
        return
    by_article: dict[str, list[ClaimView]] = defaultdict(list)
    for key, group in periods.items():
        if key:
            for w in group:
                by_article[w.article_id].append(w)
    # Stored figures carry their story as a plain set, which may not name a newer article:
    # those are asked the other way round. A story index answers both ways alike.
    plain = [a for a, figures in by_article.items()
             if isinstance(figures[0].story, (set, frozenset))]
    mates: dict[str, list[ClaimView]] = {}
    for b in undated:
        if b.article_id not in mates:
            found = {o for o in b.story if o in by_article} if b.story else set()
            found.update(a for a in plain if b.article_id in by_article[a][0].story)
            found.discard(b.article_id)
            mates[b.article_id] = [w for a in sorted(found) for w in by_article[a]]
        story = [w for w in mates[b.article_id] if _may_state(b, w)]
        yield from ((a, b) for a in _nearest(b, story))


def _may_state(a: ClaimView, b: ClaimView) -> bool:
    """Two values that may be one report: one value stated twice (:func:`_restated`), or a
    bound of two significant digits or more that the other, exact, value passes by at most
    ``NEAR_BOUND`` ("plus de 170" / "179"); not a round figure that merely covers a finer
    one ("le seuil des 30 Mt" / "29,7 Mt"), nor a bound far below a value ("au moins 9" /
    "14"), which says too little of which report it is."""
    if _restated(a, b):
        return True
    bound, value = (a, b) if b.exact else (b, a)
    if not value.exact or value.value is None or bound.approx not in ("lower", "upper"):
        return False
    edge = bound.stated[0] if bound.approx == "lower" else bound.stated[1]
    if not edge or not math.isfinite(edge) or len(significant_digits(edge)) < 2:
        return False
    low, high = sorted((edge, value.value))
    passes = value.value >= edge if bound.approx == "lower" else value.value <= edge
    return passes and low > 0 and high / low <= NEAR_BOUND
