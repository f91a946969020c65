"""The same source quoted with different values for the same metric and period."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.part_totals import reports_the_counterpart
from factcheck.crossref.rivals import SentenceKey, by_sentence, has_rival
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.crossref.rules.contradiction import (
    described_apart_within,
    digit_swap,
    same_source,
)
from factcheck.crossref.rules.scale_slip import slip_factor
from factcheck.models import Flag


@register
class SameSource(Rule):
    name = "same_source"
    description = ("Une même source citée avec des valeurs différentes pour le même indicateur "
                   "et la même période : l'une des citations est probablement fausse.")
    severity = "high"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        sentences: dict[SentenceKey, list[ClaimView]] | None = None
        for j in ctx.judged:
            if j.relation != "contradiction" or not j.established:
                continue
            if not same_source(j) or slip_factor(j.a, j.b):
                continue
            if described_apart_within(j):
                continue  # one report's figures described apart, within one article
            if reports_the_counterpart(j.a, j.b, ctx.structures, ctx.views):
                continue  # a total against the other article's part, that article's total too
            if sentences is None:  # built once, the first time a pair needs it
                sentences = by_sentence(ctx.views)
            if any(has_rival(x, sentences, lambda t, x=x: t.source_key == x.source_key)
                   for x in (j.a, j.b)):
                continue  # which of its sentence's values the source gives: not established
                # (two bodies' counts read with one name, "3,5 millions pour la CGT, 1,28
                # million selon le ministère"; two moments of one count)
            text = ctx.lexicon.say("flag_same_source", source=j.a.source,
                                   explanation=j.explanation)
            if digit_swap(j):
                text += " " + ctx.lexicon.say("digit_swap")
            yield self.flag((j.a.claim_id, j.b.claim_id), (j.a.article_id, j.b.article_id),
                            text, (j.a.sentence, j.b.sentence), confidence=j.confidence)
