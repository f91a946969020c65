"""A figure that disagrees with the curated reference figures (reference/figures.csv)."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.crossref.explain import number
from factcheck.crossref.reference import check_dates, check_views
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.models import Flag


@register
class ReferenceMismatch(Rule):
    name = "reference_mismatch"
    description = ("Un chiffre qui contredit une valeur de référence (reference/figures.csv) "
                   "pour le même indicateur, le même acteur et la même période.")
    severity = "high"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        if ctx.reference is None or ctx.reference.empty:
            return
        views = list(ctx.views.values())
        checks = check_views(views, ctx.reference, ctx.lexicon)
        checks += check_dates(ctx.claims, ctx.reference, ctx.lexicon)
        for c in checks:
            view = ctx.views.get(c.claim_id)
            if c.agrees or (view is not None and view.population):
                continue  # reference figures are about everyone, not "chez les 15-24 ans"
            ref = c.ref
            if ref["kind"] in ("date", "year"):
                expected = ref["period_start"]
            else:
                v = ctx.views[c.claim_id]
                value = (c.ref_lo + c.ref_hi) / 2
                expected = number(value, ctx.lexicon)
                ratio = (v.value or v.lo) / value if value else 0
                for k in (1, 2, 3):
                    if ratio and min(abs(ratio / 1000**k - 1), abs(ratio * 1000**k - 1)) < 0.12:
                        expected += " " + ctx.lexicon.say("reference_scale", factor=1000**k)
            text = ctx.lexicon.say(
                "flag_reference", surface=c.surface, article=c.article_id,
                metric=ref["metric"], expected=expected, unit=ref["unit"],
                source=ref["source_name"], url=ref["source_url"], date=ref["source_date"],
            )
            evidence = (c.sentence, f"{ref['source_name']} — {ref['source_url']}")
            yield self.flag((c.claim_id,), (c.article_id,), text, evidence, key=ref["ref_id"])
