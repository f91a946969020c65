"""A share that its own count and whole do not give: "1 030 sur 1 240 trains, soit 91 %" (1 030
/ 1 240 = 83,1 %).

Only the three figures a sentence ties together are read (crossref/share_triples.py: "N sur
M, soit P %", "Sur les M ..., N ..., soit P %", "P % des M, soit N", "M ..., dont N ..., soit P %",
the only part of a parts/total structure). The share is
consistent when the count over the whole, with the rounding of both, falls within the share
as written: rounded to its last written digit ("83 %" holds 82,5 to 83,5 %), widened by
its approximation ("près de", "plus de"); the complement (the share of the rest, "soit 17 %
de retards") is consistent too. Severity by how far: high from :data:`HIGH_POINTS` points
off, medium from :data:`MEDIUM_POINTS`, low below.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from factcheck.crossref.explain import number
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.crossref.share_triples import share_triples
from factcheck.models import Flag

#: Points off from which the share is a high-severity error, and a medium one.
HIGH_POINTS = 5.0
MEDIUM_POINTS = 1.0
_DECIMALS = regex.compile(r"\d[,.](\d+)\s*%")


def _written_band(share: ClaimView) -> tuple[float, float]:
    """The share's bounds as written, rounded to its last written digit."""
    found = _DECIMALS.search(share.surface)
    half = 0.5 * 10 ** -(len(found.group(1)) if found else 0)
    lo, hi = share.stated
    return lo - half, min(hi, 100.0) + half


def _distance(lo: float, hi: float, band: tuple[float, float]) -> float:
    """Points between the range ``lo``-``hi`` and ``band``; 0 when they meet."""
    return max(band[0] - hi, lo - band[1], 0.0)


def _off(count: ClaimView, whole: ClaimView, band: tuple[float, float]) -> float:
    """Points between the share ``band`` and the count over the whole, or its complement."""
    lo, hi = 100 * count.lo / whole.hi, 100 * count.hi / whole.lo
    return min(_distance(lo, hi, band), _distance(100 - hi, 100 - lo, band))


@register
class ShareMismatch(Rule):
    name = "share_mismatch"
    description = ("Une part en pourcentage que son propre décompte ne donne pas : « 1 030 sur "
                   "1 240 trains, soit 91 % » (1 030 / 1 240 = 83,1 %), au-delà de l'arrondi "
                   "et de l'approximation du pourcentage écrit.")
    severity = "high"
    confidence = 0.8

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        lone = {st.part_ids[0]: ctx.views[st.total_id] for st in ctx.structures
                if len(st.part_ids) == 1 and st.status != "uncertain"
                and st.total_id in ctx.views}
        for t in share_triples(ctx.views.values(), lone):
            count, whole, share = t.count, t.whole, t.share
            if whole.lo <= 0:
                continue
            band = _written_band(share)
            off = _off(count, whole, band)
            if off <= 0 or any(_off(count, w, band) <= 0 for w in t.others if w.lo > 0):
                continue  # a share that another whole of the sentence gives: ambiguous
            severity = "high" if off >= HIGH_POINTS else \
                "medium" if off >= MEDIUM_POINTS else "low"
            computed = 100 * (count.value or 0) / (whole.value or 1)
            text = ctx.lexicon.say(
                "share_mismatch", count=number(count.value or 0, ctx.lexicon),
                whole=number(whole.value or 0, ctx.lexicon),
                computed=number(round(computed, 1), ctx.lexicon), written=share.surface,
                off=number(round(off, 1), ctx.lexicon))
            yield self.flag((count.claim_id, whole.claim_id, share.claim_id),
                            (share.article_id,), text, (t.sentence,), severity=severity)
