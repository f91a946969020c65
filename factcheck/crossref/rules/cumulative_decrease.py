"""A cumulative figure (a toll "depuis le début", a "bilan") that shrinks over time."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.crossref.explain import quote
from factcheck.crossref.identity import identity
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
            if a.period[0] == b.period[0] == "explicit" and a.period[1] != b.period[1]:
                continue  # counted from different starts: not one running total
            if b.hi >= a.lo:
                continue
            # Identity before accusation: one running total needs the same named source or
            # the same known place (two dates are expected: it is a cumulative figure).
            found = identity(a, b, ctx.lexicon)
            if (set(found.blockers) - {"period", "period_unknown"}
                    or not {"source", "place"} & set(found.ties)):
                continue
            text = ctx.lexicon.say("flag_cumulative", a=quote(a, ctx.lexicon),
                                   b=quote(b, ctx.lexicon))
            text += " " + ctx.lexicon.say("evidence_intro", evidence=found.summary())
            yield self.flag((a.claim_id, b.claim_id), (a.article_id, b.article_id), text,
                            (a.sentence, b.sentence), confidence=min(1.0, found.confidence
                                                                     or 0.5))
