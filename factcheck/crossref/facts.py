"""Facts: the figures judged to report one fact, grouped, instead of a row per pair.

Two figures linked ``same`` or ``compatible`` (one value within rounding and approximation,
the same metric, scope and story; copies included) report one fact; the facts are the
groups of those links whose reports all agree (a value lies within every report: "plus d'un
million" links to "1,28 million" and to "3,5 millions" but does not make them one fact).
Every comparable figure belongs to exactly one fact (alone, when nothing else reports it),
so the table grows with the corpus, not with the square of the reports of one figure.

A fact's id is derived from its first report (the earliest published, then the article id
and the offset), so it survives a re-run and the arrival of later reports; only an earlier
report, found afterwards, gives the fact a new id (the old one is then that of the report
that is no longer first). A headline given apart that its own body repeats is one figure of
its article with that body figure (issue 12, "Article structure"): both stay among the fact's
claims, but they make one report (:func:`report_count`). The first report, the outlets and
the variants seen are what the provenance of a figure (where it first appeared and how it
changed from outlet to outlet) will be built on.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Set
from datetime import date
from operator import itemgetter

import pandas as pd

from factcheck.crossref.cue_words import Lexicon, load_lexicon
from factcheck.crossref.headlines import title_ids
from factcheck.crossref.link_identity import TELLING_DIGITS, counter_side, report_days
from factcheck.crossref.matching import ClaimView, significant_digits
from factcheck.crossref.views import prepare_claims
from factcheck.models import stable_id

#: Relations that put two figures in one fact.
SAME_FACT = frozenset({"same", "compatible"})

FACT_COLUMNS: tuple[str, ...] = (
    "fact_id", "metric", "subject", "dimension", "place", "period_start", "period_end",
    "value", "low", "high", "n_reports", "n_articles", "sources", "outlets",
    "first_claim", "first_article", "first_outlet", "first_published", "variants",
    "claim_ids",
)


class FactGroups:
    """Figures joined into facts, a fact's reports always agreeing with one another: two
    groups are joined only if a value lies within every report of both ("plus d'un million"
    is compatible with "1,28 million" and with "3,5 millions", which are not one fact), if
    the reports of both name no two counting sides (the authorities and the organisers of
    one march give two counts: :mod:`factcheck.crossref.link_identity`), and if the reports
    of a day's count (marchers) share a day wherever their dates are known: a chain of
    undated reports does not join two marches the links kept apart.
    The store's additions join their figures to the stored facts by the same rule
    (``archive/facts_update.py``)."""

    def __init__(self, views: dict[str, ClaimView], lexicon: Lexicon | None = None) -> None:
        # Only what joining changed is stored (a figure alone is its own group, with its own
        # bounds and exact value): a million figures, most never joined, hold no entry.
        self.views = views
        self.lexicon = lexicon or load_lexicon()
        self.parent: dict[str, str] = {}
        self.bounds: dict[str, tuple[float, float]] = {}
        #: The exact value a group states, if any (never more than one: see ``join``).
        self.exact: dict[str, float] = {}
        #: The counting side a group's reports name, if any (never two: see ``join``).
        self.side: dict[str, str] = {}
        #: The days every dated report of a day's count in a group may report (their
        #: intersection: the latest start, the earliest end; the span of both after a join
        #: on distinctive digits across two dates).
        self.days: dict[str, tuple[date, date] | None] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        while (up := parent.get(x, x)) != x:
            parent[x] = parent.get(up, up)
            x = parent[x]
        return x

    def _bounds(self, root: str) -> tuple[float, float]:
        found = self.bounds.get(root)
        if found is None:
            v = self.views[root]
            return v.lo, v.hi
        return found

    def _exact(self, root: str) -> float | None:
        if root in self.exact:
            return self.exact[root]
        v = self.views[root]
        return v.value if v.exact and v.value is not None else None

    def _side(self, root: str) -> str:
        if root in self.side:
            return self.side[root]
        return counter_side(self.views[root], self.lexicon)

    def _days(self, root: str) -> tuple[date, date] | None:
        if root in self.days:
            return self.days[root]
        v = self.views[root]
        return report_days(v) if v.family in self.lexicon.day_counts else None

    def join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        (lo_a, hi_a), (lo_b, hi_b) = self._bounds(ra), self._bounds(rb)
        lo, hi = max(lo_a, lo_b), min(hi_a, hi_b)
        ea, eb = self._exact(ra), self._exact(rb)
        # Two exact values unless they are one (as a set of the two would count them).
        if lo > hi or (ea is not None and eb is not None and not (ea is eb or ea == eb)):
            return False
        sa, sb = self._side(ra), self._side(rb)
        if sa and sb and sa != sb:
            return False  # the authorities' count and the organisers'
        da, db = self._days(ra), self._days(rb)
        days = _common_days(da, db)
        if da and db and days and days[0] > days[1]:
            if not _telling(ea, eb):
                return False  # two days' counts (marchers of two marches)
            # One count restated with its digits, dated two ways: the group may report any
            # day of both (an empty range would refuse what either alone accepts, and the
            # facts would depend on the order of the joins).
            days = (min(da[0], db[0]), max(da[1], db[1]))
        self._merge(ra, rb, (lo, hi), ea if ea is not None else eb, sa or sb, days)
        return True

    def union(self, a: str, b: str) -> None:
        """Join the groups of ``a`` and ``b`` whatever their reports say: the members of one
        stored fact, which were one fact (``archive/facts_update.py``), stay one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        (lo_a, hi_a), (lo_b, hi_b) = self._bounds(ra), self._bounds(rb)
        bounds = (max(lo_a, lo_b), min(hi_a, hi_b))
        if bounds[0] > bounds[1]:
            bounds = (min(lo_a, lo_b), max(hi_a, hi_b))
        da, db = self._days(ra), self._days(rb)
        days = _common_days(da, db)
        if da and db and days and days[0] > days[1]:
            days = (min(da[0], db[0]), max(da[1], db[1]))
        ea, eb = self._exact(ra), self._exact(rb)
        sa, sb = self._side(ra), self._side(rb)
        self._merge(ra, rb, bounds, ea if ea is not None else eb,
                    sa if sa == sb else "" if sa and sb else sa or sb, days)

    def _merge(self, ra: str, rb: str, bounds: tuple[float, float], exact: float | None,
               side: str, days: tuple[date, date] | None) -> None:
        root, other = min(ra, rb), max(ra, rb)
        self.parent[other] = root
        self.bounds[root] = bounds
        if exact is not None:
            self.exact[root] = exact
        self.side[root] = side
        self.days[root] = days


def _common_days(da: tuple[date, date] | None, db: tuple[date, date] | None
                 ) -> tuple[date, date] | None:
    """The days both groups may report (empty, start after end, when none); one group's
    when the other's are unknown."""
    if da and db:
        return max(da[0], db[0]), min(da[1], db[1])
    return da or db


def _telling(ea: float | None, eb: float | None) -> bool:
    """One exact value with distinctive digits on both sides ("1 089 000"): one count,
    whatever dates its reports were given."""
    return ea is not None and ea == eb and len(significant_digits(ea)) >= TELLING_DIGITS


def _first_key(v: ClaimView) -> tuple:
    # Undated reports come after dated ones: they cannot be shown to be first.
    return (v.published or "9999-99-99", v.article_id, v.start, v.claim_id)


def _joined(values: Iterable[str]) -> str:
    return "; ".join(sorted({v for v in values if v}))


def _agreed(members: list[ClaimView]) -> tuple[float | None, float, float]:
    """The value the exact reports state when they state one (the approximate ones allow
    it), and the interval all reports state (the common part of their stated bounds; when
    rounding alone makes them agree, "2 millions" and "1,96 million", the common part of
    their bounds with the rounding tolerance)."""
    values = {v.value for v in members if v.exact and v.value is not None}
    lo = max(v.stated[0] for v in members)
    hi = min(v.stated[1] for v in members)
    if lo > hi:
        lo = max(v.lo for v in members)
        hi = min(v.hi for v in members)  # never empty: groups are joined only when they agree
    value = next(iter(values)) if len(values) == 1 else None
    return value, lo, hi


def _number(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return None
    return x


def _period(v: ClaimView) -> tuple[str, str]:
    if len(v.period) >= 3 and v.period[0] == "explicit":
        return v.period[1], v.period[2]
    return "", ""


def build_facts(claims: pd.DataFrame, links: pd.DataFrame,
                lexicon: Lexicon | None = None,
                prepared: list[ClaimView] | None = None) -> pd.DataFrame:
    """The facts table (:data:`FACT_COLUMNS`, one row per fact, sorted by fact id) of the
    comparable figures of ``claims``, grouped by the ``same`` and ``compatible`` links of
    ``links`` (from ``cross_reference``). ``claim_ids`` lists the reports, first one first.
    ``prepared``: ``prepare_claims(claims)`` when the caller has it already."""
    lexicon = lexicon or load_lexicon()
    if prepared is None:
        prepared = prepare_claims(claims, lexicon)
    views = {v.claim_id: v for v in prepared}
    if not views:
        return pd.DataFrame(columns=list(FACT_COLUMNS))
    groups = FactGroups(views, lexicon)
    if links is not None and len(links):
        # The ids kept are the views' own strings (those read from the table are new ones).
        pairs = sorted(
            (relation != "same", views[a].claim_id, views[b].claim_id) for a, b, relation in zip(
                links["claim_a"].astype(str), links["claim_b"].astype(str),
                links["relation"].astype(str), strict=True)
            if relation in SAME_FACT and a in views and b in views)
        for _, a, b in pairs:  # "same" links first, then "compatible", in a fixed order
            groups.join(a, b)
    members: dict[str, list[ClaimView]] = defaultdict(list)
    for claim_id in sorted(views):
        members[groups.find(claim_id)].append(views[claim_id])
    return fact_rows(members.values(), _outlets(claims), title_ids(claims))


def fact_rows(groups: Iterable[list[ClaimView]], outlets: dict[str, str],
              titles: Set[str] = frozenset()) -> pd.DataFrame:
    """The facts table of figures already grouped into facts (``outlets``: article id ->
    outlet; ``titles``: the claim ids of headline figures given apart), sorted by fact id:
    what :func:`build_facts` does once the links are followed, for an archive that adds
    reports to stored facts."""
    # Each row kept as a tuple (a row dict per fact weighs several times more); pandas reads
    # a list of tuples and a list of dicts alike, column by column.
    rows = [_as_tuple(_row(sorted(group, key=_first_key), outlets, titles))
            for group in groups]
    # Sorted by fact id (one per fact) before the table is built: no second, sorted copy.
    rows.sort(key=itemgetter(FACT_COLUMNS.index("fact_id")))
    return pd.DataFrame(rows, columns=list(FACT_COLUMNS))


def _as_tuple(row: dict[str, object]) -> tuple[object, ...]:
    return tuple(row[c] for c in FACT_COLUMNS)


def _outlets(claims: pd.DataFrame) -> dict[str, str]:
    if "article_source" not in claims.columns:
        return {}
    pairs = claims[["article_id", "article_source"]].dropna().astype(str)
    return dict(zip(pairs["article_id"], pairs["article_source"], strict=True))


def report_count(group: Iterable[ClaimView], titles: Set[str]) -> int:
    """How many reports the figures of one fact make: one each, except a headline figure
    (its claim id in ``titles``) whose own article's body gives a figure of the fact too:
    the headline and the body are one figure of their article, one report ("300 hectares"
    in a title over "300 hectares" in its lead)."""
    group = list(group)
    bodies = {v.article_id for v in group if v.claim_id not in titles}
    return sum(1 for v in group if v.claim_id not in titles or v.article_id not in bodies)


def _row(group: list[ClaimView], outlets: dict[str, str],
         titles: Set[str] = frozenset()) -> dict[str, object]:
    first = group[0]
    value, lo, hi = _agreed(group)
    start, end = _period(first)
    family = next((v.family for v in group if v.family), None)
    subject = next((v.subject for v in group if v.subject), "")
    return {
        "fact_id": stable_id("fact", first.claim_id),
        "metric": family or "",
        "subject": subject,
        "dimension": first.dimension,
        "place": _joined(v.place for v in group),
        "period_start": start,
        "period_end": end,
        "value": _number(value),
        "low": _number(lo),
        "high": _number(hi),
        "n_reports": report_count(group, titles) if titles else len(group),
        "n_articles": len({v.article_id for v in group}),
        "sources": _joined(v.source for v in group),
        "outlets": _joined(outlets.get(v.article_id, "") for v in group),
        "first_claim": first.claim_id,
        "first_article": first.article_id,
        "first_outlet": outlets.get(first.article_id, ""),
        "first_published": first.published,
        "variants": _joined(v.surface for v in group),
        "claim_ids": tuple(v.claim_id for v in group),
    }


def fact_of_claims(facts: pd.DataFrame) -> dict[str, str]:
    """claim id -> fact id, from a facts table."""
    out: dict[str, str] = {}
    for fact_id, ids in zip(facts["fact_id"], facts["claim_ids"], strict=True):
        for claim_id in ids:
            out[str(claim_id)] = str(fact_id)
    return out
