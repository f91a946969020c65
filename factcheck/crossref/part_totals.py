"""A total and its part told in two articles: "1 500 logements sinistrés, dont 400 rendus
inhabitables" in one, "400 logements rendus inhabitables [...] Au total, 1 500 logements" in
the other. Each article gives both figures; the first's total set against the second's 400 is
the whole against its part, not one fact told two ways (:func:`reports_the_counterpart`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.structures import SumStructure


def _overlap(x: ClaimView, y: ClaimView) -> bool:
    return x.lo <= y.hi and y.lo <= x.hi


def _counterparts(x: ClaimView, structures: Iterable[SumStructure],
                  views: Mapping[str, ClaimView]) -> list[ClaimView]:
    """The figures of ``x``'s parts/total structures on the other side: its parts when it is a
    total, its total when it is a part."""
    found: list[str] = []
    for s in structures:
        if s.article_id != x.article_id:
            continue
        if s.total_id == x.claim_id:
            found.extend(s.part_ids)
        elif x.claim_id in s.part_ids:
            found.append(s.total_id)
    return [views[c] for c in found if c in views]


def reports_the_counterpart(a: ClaimView, b: ClaimView, structures: Iterable[SumStructure],
                            views: Mapping[str, ClaimView]) -> bool:
    """Across articles, ``a`` is a total (or a part) in its article and ``b`` has the value
    of its part (or its total), while ``b``'s article gives ``a``'s value too: ``b`` reports
    the counterpart, and ``a``'s match in the other article is that other figure."""
    if a.article_id == b.article_id:
        return False
    structures = tuple(structures)
    for x, y in ((a, b), (b, a)):
        if not any(_overlap(c, y) for c in _counterparts(x, structures, views)):
            continue
        if any(v.article_id == y.article_id and v.claim_id != y.claim_id
               and v.family == x.family and _overlap(v, x) for v in views.values()):
            return True
    return False
