"""The same source quoted with different values for the same metric and period."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.crossref.rules.contradiction import (
    described_apart_within,
    digit_swap,
    same_source,
)
from factcheck.crossref.rules.scale_slip import slip_factor
from factcheck.models import Flag

SentenceKey = tuple[str, int | None]


def _by_sentence(views: Mapping[str, ClaimView]) -> dict[SentenceKey, list[ClaimView]]:
    out: dict[SentenceKey, list[ClaimView]] = {}
    for v in views.values():
        if v.sentence_start is not None:
            out.setdefault((v.article_id, v.sentence_start), []).append(v)
    return out


def several_values_in_sentence(x: ClaimView,
                               by_sentence: Mapping[SentenceKey, list[ClaimView]]) -> bool:
    """``x``'s sentence gives another value of the same metric with the same source: "ils
    étaient 3,5 millions pour la CGT, 1,28 million selon le ministère", both read as the
    ministry's; a body's count at noon and in the evening that the cue readers did not tell
    apart. Set side by side in one sentence, for one period, no two places read (the
    elided count, "1,28 million", is often read without the place), neither a part
    of the other, two values of one metric are most often several bodies' counts (one of
    them read with the other's name) or moments of one count: which value the source gives
    for the fact the other article reports is not established, and the source is not
    accused of contradicting itself. (A total and its parts, "23 drones : 14 au-dessus de
    Briansk, ...", or values read for two places, are not such rivals.)"""
    if x.role:
        return False  # a part of the sentence's total, or its total ("23 drones : 14 ...")
    return any(t.claim_id != x.claim_id and t.source_key == x.source_key
               and t.dimension == x.dimension and t.family == x.family
               and not t.role and not (t.place and x.place and t.place != x.place)
               and t.period == x.period
               and t.outcome == x.outcome
               and t.value is not None and t.value != x.value
               for t in by_sentence.get((x.article_id, x.sentence_start), ()))


@register
class SameSource(Rule):
    name = "same_source"
    description = ("Une même source citée avec des valeurs différentes pour le même indicateur "
                   "et la même période : l'une des citations est probablement fausse.")
    severity = "high"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        by_sentence: dict[SentenceKey, list[ClaimView]] | None = None
        for j in ctx.judged:
            if j.relation != "contradiction" or not j.established:
                continue
            if not same_source(j) or slip_factor(j.a, j.b):
                continue
            if described_apart_within(j):
                continue  # one report's figures described apart, within one article
            if by_sentence is None:  # built once, the first time a pair needs it
                by_sentence = _by_sentence(ctx.views)
            if several_values_in_sentence(j.a, by_sentence) \
                    or several_values_in_sentence(j.b, by_sentence):
                continue  # which of its sentence's values the source gives: not established
            text = ctx.lexicon.say("flag_same_source", source=j.a.source,
                                   explanation=j.explanation)
            if digit_swap(j):
                text += " " + ctx.lexicon.say("digit_swap")
            yield self.flag((j.a.claim_id, j.b.claim_id), (j.a.article_id, j.b.article_id),
                            text, (j.a.sentence, j.b.sentence), confidence=j.confidence)
