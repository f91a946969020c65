"""A cumulative figure (a toll "depuis le début", a "bilan") that shrinks over time."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.crossref.explain import quote
from factcheck.crossref.identity import identity
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.models import Flag


@register
class CumulativeDecrease(Rule):
    name = "cumulative_decrease"
    description = ("Un chiffre cumulé (bilan, « depuis le début ») plus petit à une date "
                   "ultérieure : un cumul peut croître, pas diminuer.")
    severity = "medium"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        for j in ctx.judged:
            a, b = j.a, j.b  # a is the earlier figure
            if j.relation != "evolution" or a.period == b.period:
                continue
            if not (a.cumulative or b.cumulative) or a.revision or b.revision:
                continue
            if not (a.published and b.published and a.published < b.published):
                continue  # "later" must mean reported later, not another figure of one article
            if not _one_start(a, b):
                continue  # counted from different starts, or a start unknown on one
            if b.hi >= a.lo:
                continue
            # Identity before accusation: one running total needs the same named source (a
            # body's successive reports) and the same scope, unknown being no equal: the same
            # place or none named on either, the same population (two dates are expected: it
            # is a cumulative figure).
            found = identity(a, b, ctx.lexicon)
            if (set(found.blockers) - {"period", "period_unknown"}
                    or "source" not in found.ties or a.place != b.place
                    or a.population != b.population):
                continue
            text = ctx.lexicon.say("flag_cumulative", a=quote(a, ctx.lexicon),
                                   b=quote(b, ctx.lexicon))
            text += " " + ctx.lexicon.say("evidence_intro", evidence=found.summary())
            yield self.flag((a.claim_id, b.claim_id), (a.article_id, b.article_id), text,
                            (a.sentence, b.sentence), confidence=min(1.0, found.confidence
                                                                     or 0.5))


def _one_start(a: ClaimView, b: ClaimView) -> bool:
    """Both counted from one day the text gives: explicit periods with the same start (a
    start read on one figure only is unknown on the other, not the same)."""
    return (a.period[0] == b.period[0] == "explicit" and len(a.period) > 1
            and len(b.period) > 1 and bool(a.period[1]) and a.period[1] == b.period[1])
