"""Parts that do not add up to their total ("dont", ":", "et le reste", "au total")."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.models import Flag


@register
class SumMismatch(Rule):
    name = "sum_mismatch"
    description = ("Des parties qui ne s'additionnent pas à leur total : une énumération "
                   "exhaustive dont la somme diffère, ou des parties (« dont », « notamment », "
                   "« le reste ») qui dépassent le total.")
    severity = "high"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        for st in ctx.structures:
            if st.status != "mismatch":
                continue
            yield self.flag((st.total_id, *st.part_ids), (st.article_id,), st.explanation,
                            st.evidence)
