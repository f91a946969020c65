"""A figure of the headline or the lead repeated further down with its source: the headline
"Au moins 400 civils tués" and the lead say it without one, the body says "Selon des sources
sécuritaires, au moins 400 civils ont été tués". One figure, one source. Private to
``factcheck.context``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from factcheck.models import MEASURE_KINDS, Claim, Context


def sourced_further_down(claims: Sequence[Claim], contexts: list[Context | None]) -> None:
    """Give each figure without a source (none named before it, so in the headline or the
    lead) the source of the first later figure of the same kind, value, unit and subject
    whose source the article names in its own sentence (``contexts`` updated in place)."""
    order = sorted(range(len(claims)), key=lambda i: claims[i].mention.start)
    for pos, i in enumerate(order):
        ctx, m = contexts[i], claims[i].mention
        if ctx is None or ctx.source is not None or m.kind not in MEASURE_KINDS:
            continue
        for j in order[pos + 1 :]:
            other = contexts[j]
            if other is None or other.source_mode != "explicit" or claims[j].sentence_start \
                    == claims[i].sentence_start:
                continue
            if _same_figure(claims[i], claims[j]) and (
                    ctx.subject is None or other.subject is None
                    or ctx.subject == other.subject):
                contexts[i] = replace(ctx, source=other.source, source_mode="inherited")
                break


def _same_figure(a: Claim, b: Claim) -> bool:
    """Same kind, value and unit (the same words when a value was not read)."""
    m, o = a.mention, b.mention
    if m.value is None or o.value is None:
        return m.kind == o.kind and m.surface.casefold() == o.surface.casefold()
    return (o.kind, o.value, o.unit) == (m.kind, m.value, m.unit)
