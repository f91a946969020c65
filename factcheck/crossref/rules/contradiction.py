"""Contradiction: the same metric, scope and period given with incompatible values."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from factcheck.crossref.answers import adjacent
from factcheck.crossref.comparisons import restates_compared_term
from factcheck.crossref.explain import bounds, quote
from factcheck.crossref.headlines import headline_conflicts
from factcheck.crossref.link_identity import counter_unknown
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.part_totals import reports_the_counterpart
from factcheck.crossref.relations import Judged, distinct_sources
from factcheck.crossref.rivals import SentenceKey, by_sentence, has_rival
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.crossref.rules.scale_slip import slip_factor
from factcheck.models import Flag

#: One article, its headline and its body on one metric: the article itself ties them.
_HEADLINE_CONFIDENCE = 0.8


def _named(j: Judged) -> bool:
    """Both sources named with their figures, not carried over from earlier in the article."""
    return j.a.source_mode != "inherited" and j.b.source_mode != "inherited"


def speaker_unnamed(j: Judged) -> bool:
    """Within one article, a figure whose sentence puts, where a speaker stands, words that
    name no one ("la hausse des infections explique 450 passages", "selon cette nouvelle
    vague portant sur les jeunes"; ``source_mode`` ``unsourced``): a cause's share, a
    category or a round the article itself sets beside its other figures, which the cue
    readers may not see. Its source is unknown, and unknown is never "another source" nor
    "the same": the article is not accused of contradicting itself with it."""
    return j.a.article_id == j.b.article_id and "unsourced" in (j.a.source_mode,
                                                               j.b.source_mode)


def described_apart_within(j: Judged) -> bool:
    """Within one article, two figures described by different words ("il est tombé 85 mm à
    Nîmes", then "140 mm sur les hauteurs à Nîmes"; "2 100 électeurs ont voté au premier
    tour", then "2 800 ont voté au second"), whoever gives them (one body named or carried
    over, one figure without a source, neither sourced): an article lists its figures of one
    metric by category, area or round, whose qualifier the cue readers may not know. The
    source, the place and the period do not say which of its figures an article gives; the
    same describing words do, as do one sentence or mistyped digits (23/32, a power of ten).
    Without them the article is not accused of contradicting itself, nor its source. (Two
    named sources at odds are judged apart: rule ``sources_disagree``.)"""
    a, b = j.a, j.b
    if a.article_id != b.article_id:
        return False
    if distinct_sources(a, b) or a.words == b.words:
        return False
    ties = set(j.identity.ties) if j.identity is not None else set()
    return not ({"sentence", "digits"} & ties or digit_swap(j))


def same_source(j: Judged) -> bool:
    return bool(j.a.source_key) and j.a.source_key == j.b.source_key and _named(j)


def sources_disagree(j: Judged,
                     article_views: Callable[[str], Sequence[ClaimView]] | None = None) -> bool:
    """Two different sources, each named with its own figure, at odds on one established
    fact, with no sign of a typing slip (23/32): the police and a union counting one march,
    not an error (rule ``sources_disagree``). Within one article, the article sets the two
    values side by side (see :func:`_set_side_by_side`)."""
    return (j.established and _named(j) and _other_sources(j)
            and _set_side_by_side(j, article_views or (lambda _: ())))


def _set_side_by_side(j: Judged, article_views: Callable[[str], Sequence[ClaimView]]) -> bool:
    """Within one article, two counters' figures at odds are set side by side ("28 000 selon
    la préfecture, 120 000 selon la CGT", or in the next sentence), here or where the article
    states one of the values again (a headline giving both, the body one of them); farther
    apart, each must give the same place and the same period (both read,
    :mod:`factcheck.crossref.identity`), else the later figure may count another scope or
    moment ("les familles relogées", the whole region, the evening's count) that the cue
    readers did not see: two facts, not two counters at odds. Across articles, identity
    alone decides."""
    a, b = j.a, j.b
    if a.article_id != b.article_id:
        return True
    if j.identity is not None and {"place", "period"} <= set(j.identity.ties):
        return True
    for x, y in ((a, b), (b, a)):
        if adjacent(x, y) or any(
                t.claim_id != x.claim_id and t.dimension == x.dimension
                and t.value == x.value and adjacent(t, y)
                for t in article_views(x.article_id)):
            return True
    return False


def _other_sources(j: Judged) -> bool:
    """Two different sources (named with the figures or carried over), no typing slip."""
    return distinct_sources(j.a, j.b) and not digit_swap(j)


def stated_with_another_source(j: Judged, views: Mapping[str, ClaimView]) -> bool:
    """One figure names no source, but its article gives the same value again with a named
    source other than the other figure's: a headline's "254 000 manifestants", then "selon le
    ministère, 254 000 personnes", set against the union's 640 000. The figure is the ministry's
    count; two counters at odds are never an error of the article."""
    for x, y in ((j.a, j.b), (j.b, j.a)):
        if x.source_key or x.value is None:
            continue
        if any(t.claim_id != x.claim_id and t.article_id == x.article_id
               and t.dimension == x.dimension and t.family == x.family and t.value == x.value
               and t.source_mode == "explicit" and distinct_sources(t, y)
               for t in views.values()):
            return True
    return False


def _named_source(t: ClaimView) -> bool:
    return bool(t.source_key) and t.source_mode == "explicit"


def digit_swap(j: Judged) -> bool:
    """23 and 32: the same digits in another order (a typing slip)."""
    da = [c for c in j.a.surface if c.isdigit()]
    db = [c for c in j.b.surface if c.isdigit()]
    return len(da) >= 2 and da != db and sorted(da) == sorted(db)


@register
class Contradiction(Rule):
    name = "contradiction"
    description = ("Même indicateur, même périmètre, même période, valeurs incompatibles, "
                   "entre deux articles ou dans un même article, quand une source au moins "
                   "est inconnue ou que les chiffres semblent inversés (23/32).")
    severity = "high"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        sentences: dict[SentenceKey, list[ClaimView]] | None = None
        for j in ctx.judged:
            if j.relation != "contradiction" or not j.established:
                continue
            if same_source(j) or slip_factor(j.a, j.b):
                continue
            if described_apart_within(j):
                continue  # one article's figures, described apart: its breakdown
            if reports_the_counterpart(j.a, j.b, ctx.structures, ctx.views):
                continue  # a total against the other article's part, that article's total too
            if speaker_unnamed(j):
                continue  # a figure whose speaker's words name no one: unknown, no accusation
            if _other_sources(j):
                continue  # two sources: at most two sources at odds, never an error
            if counter_unknown(j.a, j.b, ctx.lexicon):
                continue  # a crowd's count whose counter is not known to be the other's
            if restates_compared_term(j.a, j.b, ctx.views):
                continue  # the article's own comparison, one term stated again elsewhere
            if stated_with_another_source(j, ctx.views):
                continue  # a figure its article gives again with its own source: two sources
            if sentences is None:  # built once, the first time a pair needs it
                sentences = by_sentence(ctx.views)
            if any(not x.source_key and has_rival(x, sentences, _named_source)
                   for x in (j.a, j.b)):
                continue  # an unsourced count set against a named body's in its sentence
                # ("12 000 ont défilé de source policière, 35 000 selon les syndicats"): one
                # side of counters at odds whose name was not read, not an error
            key = "flag_contradiction_within" if j.a.article_id == j.b.article_id else \
                "flag_contradiction"
            text = ctx.lexicon.say(key, explanation=j.explanation)
            if digit_swap(j):
                text += " " + ctx.lexicon.say("digit_swap")
            yield self.flag((j.a.claim_id, j.b.claim_id), (j.a.article_id, j.b.article_id),
                            text, (j.a.sentence, j.b.sentence), confidence=j.confidence)
        yield from self._headlines(ctx)

    def _headlines(self, ctx: CheckContext) -> Iterator[Flag]:
        """A headline figure its own body contradicts (``crossref/headlines.py``): one
        article, one metric, the body's only figure of its order of magnitude."""
        say = ctx.lexicon.say
        for r in headline_conflicts(ctx.headlines):
            text = say("flag_contradiction_headline", title=quote(r.title, ctx.lexicon),
                       body=quote(r.body, ctx.lexicon), a_bounds=bounds(r.title, ctx.lexicon),
                       b_bounds=bounds(r.body, ctx.lexicon))
            yield self.flag((r.title.claim_id, r.body.claim_id), (r.title.article_id,),
                            text, (r.title.sentence, r.body.sentence),
                            confidence=_HEADLINE_CONFIDENCE)
