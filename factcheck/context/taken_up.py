"""A count taken up by a demonstrative: "118 300 demandeurs d'emploi à la fin du premier
trimestre [...]. Ces 113 800 demandeurs d'emploi sont inscrits depuis moins d'un an".

A figure right after a demonstrative (``[anaphora] demonstratives`` of
``lang/<code>/context_subject.toml``: "ces", "ce", "cet", "cette"), whose sentence gives it no
time, points back at the last earlier figure of the article of its kind and subject that has
a time of its own read from its text: it is that count stated again, so it is of that time
(its period, and the basis of that period), and, when its sentence names no place of its
own (none, or one carried), at its place. With its period it is that figure's restatement
for cross-referencing: an equal value is one fact, another value from the same source one
source giving two values. Nothing is taken when no earlier figure counts the same noun
("Ces 15 dernières années": no count of years before), nor from a figure whose time is itself
carried (``time_basis`` "report" or "event"), nor when the figure has a time of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from factcheck.context.anaphora import anaphora_data
from factcheck.models import MEASURE_KINDS, Claim, Context

#: Characters read before a figure for its demonstrative.
_REACH = 8
_WORD_BEFORE = regex.compile(r"(?:^|[^\p{L}'’])(\p{L}+)\s+$", regex.V1)


def _demonstrative(text: str, claim: Claim) -> bool:
    found = _WORD_BEFORE.search(text[max(0, claim.mention.start - _REACH) : claim.mention.start])
    return found is not None and found.group(1).lower() in anaphora_data().demonstratives


def _own_time(ctx: Context | None) -> bool:
    return ctx is not None and bool(ctx.time_start or ctx.time_end) and ctx.time_basis is None


def taken_up_dated(text: str, claims: Sequence[Claim], contexts: list[Context | None],
                   published: str | None) -> list[Context | None]:
    """``contexts`` with each figure a demonstrative takes up dated at its antecedent's time
    (module docstring); ``published``: the article's day (ISO), the time of a figure whose
    sentence says none."""
    out = list(contexts)
    order = sorted(range(len(claims)), key=lambda i: claims[i].mention.start)
    for n, i in enumerate(order):
        claim, ctx = claims[i], out[i]
        if ctx is None or ctx.time_start or ctx.time_end not in (None, published) \
                or ctx.time_basis is not None or not ctx.subject \
                or claim.mention.kind not in MEASURE_KINDS or not _demonstrative(text, claim):
            continue
        antecedent = next(
            (out[j] for j in reversed(order[:n])
             if claims[j].mention.kind == claim.mention.kind and out[j] is not None
             and out[j].subject == ctx.subject), None)  # type: ignore[union-attr]
        if antecedent is not None and _own_time(antecedent):
            out[i] = replace(ctx, time_start=antecedent.time_start,
                             time_end=antecedent.time_end, time_basis=antecedent.time_basis)
            if antecedent.place and (not ctx.place or ctx.place_mode != "explicit"):
                out[i] = replace(out[i], place=antecedent.place,  # type: ignore[arg-type]
                                 place_mode=antecedent.place_mode,
                                 place_basis=antecedent.place_basis)
    return out
