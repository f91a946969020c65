"""Two different named sources giving different values for one established fact: the same
metric, scope and period or event, tied by evidence (:mod:`factcheck.crossref.identity`)."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.crossref.rules.contradiction import sources_disagree
from factcheck.crossref.rules.scale_slip import slip_factor
from factcheck.models import Flag


@register
class SourcesDisagree(Rule):
    name = "sources_disagree"
    description = ("Deux sources différentes, chacune nommée avec son chiffre, donnent des "
                   "valeurs incompatibles pour un même fait établi (même indicateur, même lieu, "
                   "même période ou même événement, preuves à l'appui) : police et syndicats "
                   "comptant une manifestation. Un écart à présenter comme tel, pas une erreur.")
    severity = "low"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        by_article: dict[str, list[ClaimView]] = {}

        def article_views(article_id: str) -> list[ClaimView]:
            if not by_article:  # built once, the first time a pair needs it
                for v in ctx.views.values():
                    by_article.setdefault(v.article_id, []).append(v)
            return by_article.get(article_id, [])

        for j in ctx.judged:
            if (j.relation != "contradiction" or slip_factor(j.a, j.b)
                    or not sources_disagree(j, article_views)):
                continue
            key = "flag_sources_disagree_count" if j.a.dimension == "count" else \
                "flag_sources_disagree"
            text = ctx.lexicon.say(key, a=j.a.source, b=j.b.source, explanation=j.explanation)
            yield self.flag((j.a.claim_id, j.b.claim_id), (j.a.article_id, j.b.article_id),
                            text, (j.a.sentence, j.b.sentence), confidence=j.confidence)
