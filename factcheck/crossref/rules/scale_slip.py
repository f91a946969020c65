"""Likely scale slip: millions for milliards (×1000), or a misplaced zero or separator."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.crossref.link_identity import counter_unknown
from factcheck.crossref.matching import ClaimView, significant_digits
from factcheck.crossref.relations import ratio
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.models import Flag

#: Relative slack on the ratio, beyond the approximation of the figures themselves.
SLACK = 0.01
#: Figures vaguer than this (relative half-width) are not checked for scale slips.
MAX_HALF_WIDTH = 0.25


def _half_width(v: ClaimView) -> float:
    mid = v.value if v.value is not None else (v.lo + v.hi) / 2
    if not mid or v.hi == float("inf") or v.lo == float("-inf"):
        return 0.0
    return max(v.hi - mid, mid - v.lo) / abs(mid)


def slip_factor(a: ClaimView, b: ClaimView) -> int | None:
    """1000, 10**6... when the figures differ by such a factor (within their approximation),
    10 or 100 when they also share their significant digits; else None."""
    r = ratio(a, b)
    if r == float("inf") or max(_half_width(a), _half_width(b)) > MAX_HALF_WIDTH:
        return None  # "plus de la moitié" has no scale to slip
    tol = SLACK + _half_width(a) + _half_width(b)
    for k in (1, 2, 3):
        if abs(r / 1000**k - 1) <= tol:
            return 1000**k
    same_digits = significant_digits(a.value) == significant_digits(b.value) != ""
    for f in (10, 100):
        if same_digits and abs(r / f - 1) <= SLACK:
            return f
    return None


@register
class ScaleSlip(Rule):
    name = "scale_slip"
    description = ("Deux chiffres du même indicateur, même période, séparés d'un facteur 1 000 "
                   "(millions/milliards) ou 10/100 avec les mêmes chiffres (zéro ou séparateur "
                   "mal placé).")
    severity = "high"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        for j in ctx.judged:
            if j.relation != "contradiction" or not j.established:
                continue
            factor = slip_factor(j.a, j.b)
            if factor is None or counter_unknown(j.a, j.b, ctx.lexicon):
                continue  # a crowd's two counts, one counter not established: no slip
            if j.identity is not None and "answer" in j.identity.ties:
                continue  # one body's count answering another's (crossref/answers.py): two
                # counts, each its body's own, not one figure mistyped
            big, small = (j.a, j.b) if ratio_order(j.a, j.b) else (j.b, j.a)
            key = "scale_slip_thousand" if factor >= 1000 else "scale_slip_digits"
            text = ctx.lexicon.say(key, big=big.surface, small=small.surface,
                                   explanation=j.explanation, factor=f"{factor:,}".replace(
                                       ",", " "))
            yield self.flag((j.a.claim_id, j.b.claim_id), (j.a.article_id, j.b.article_id),
                            text, (j.a.sentence, j.b.sentence), confidence=j.confidence)


def ratio_order(a: ClaimView, b: ClaimView) -> bool:
    """True when ``a`` is the larger figure."""
    ma = abs(a.value if a.value is not None else (a.lo + a.hi) / 2)
    mb = abs(b.value if b.value is not None else (b.lo + b.hi) / 2)
    return ma >= mb
