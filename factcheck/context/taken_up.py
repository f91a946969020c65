"""A count taken up by a demonstrative: "118 300 demandeurs d'emploi à la fin du premier
trimestre [...]. Ces 113 800 demandeurs d'emploi sont inscrits depuis moins d'un an".

A figure right after a demonstrative (``[anaphora] demonstratives`` of
``lang/<code>/context_subject.toml``: "ces", "ce", "cet", "cette"), whose sentence gives it no
time, points back at its antecedent: the nearest earlier figure of the article of its kind and
value (a restatement), when it counts the same thing (of another subject, no antecedent: "[...]
tombé à 236 100 bénéficiaires. Ces 236 100 allocataires" takes up neither that 236 100 nor an
older count of allocataires); when no earlier figure has its value, the nearest earlier figure
of its kind and subject. When that antecedent has a time of its own read from its text, the
figure is that count stated again: it is of that time (its period, and the basis of that
period), and, when its sentence names no place of its own (none, or one carried), at the
antecedent's place, as a weaker reading (the mode the figure had, else "inherited": never
"explicit"). With its period it is that figure's
restatement for cross-referencing: an equal value is one fact, another value from the same
source one source giving two values. Nothing is taken when the antecedent has no time of its
own (``time_basis`` "report" or "event", or none read: an antecedent nearer than an older
dated count still stops the search), when there is no antecedent ("Ces 15 dernières
années": no count of years before), when the figure has a time of its own, or when a word of
novelty follows it (``[anaphora] novelty``: "Ces 12 400 nouveaux inscrits" are others).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from factcheck.context.anaphora import anaphora_data
from factcheck.models import MEASURE_KINDS, Claim, Context

#: Characters read before a figure for its demonstrative.
_REACH = 8
#: Characters read after a figure's number for a word of novelty.
_NOVELTY_REACH = 40
_DIGITS = regex.compile(r"\d+")
_WORD_BEFORE = regex.compile(r"(?:^|[^\p{L}'’])(\p{L}+)\s+$", regex.V1)


def _demonstrative(text: str, claim: Claim) -> bool:
    found = _WORD_BEFORE.search(text[max(0, claim.mention.start - _REACH) : claim.mention.start])
    return found is not None and found.group(1).lower() in anaphora_data().demonstratives


def _novel(text: str, claim: Claim) -> bool:
    """A word of novelty within the two words after the figure's number ("Ces 12 400
    nouveaux inscrits", "ces 80 lits de plus")."""
    words = anaphora_data().novelty
    if not words:
        return False
    end = claim.mention.number_end or claim.mention.end
    pattern = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.match(rf"\s+(?:[\p{{L}}'’-]+\s+){{0,2}}?(?:{pattern})(?![\p{{L}}])",
                       text[end : end + _NOVELTY_REACH], regex.IGNORECASE | regex.V1) is not None


def _same_value(a: Claim, b: Claim) -> bool:
    """One value: read, else (a figure whose value is not read) the same digits written."""
    if a.mention.value is not None and b.mention.value is not None:
        return a.mention.value == b.mention.value
    digits = _DIGITS.findall
    return bool(digits(a.mention.surface)) and digits(a.mention.surface) == \
        digits(b.mention.surface)


def _antecedent(claims: Sequence[Claim], contexts: list[Context | None], earlier: list[int],
                i: int) -> Context | None:
    """The context of ``claims[i]``'s antecedent among the ``earlier`` figures (nearest
    first): the nearest of its kind and value when it has its subject (one of another subject:
    none); with no figure of its value, the nearest of its kind and subject."""
    claim, ctx = claims[i], contexts[i]
    same_kind = [j for j in earlier
                 if claims[j].mention.kind == claim.mention.kind and contexts[j] is not None]
    restated = next((j for j in same_kind if _same_value(claims[j], claim)), None)
    if restated is not None:
        found = contexts[restated]
        return found if found.subject == ctx.subject else None  # type: ignore[union-attr]
    return next((contexts[j] for j in same_kind
                 if contexts[j].subject == ctx.subject), None)  # type: ignore[union-attr]


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
        antecedent = _antecedent(claims, out, list(reversed(order[:n])), i)
        if antecedent is not None and _own_time(antecedent) and not _novel(text, claim):
            out[i] = replace(ctx, time_start=antecedent.time_start,
                             time_end=antecedent.time_end, time_basis=antecedent.time_basis)
            if antecedent.place and (not ctx.place or ctx.place_mode != "explicit"):
                # A weaker reading: the figure's own mode, else "inherited".
                out[i] = replace(out[i], place=antecedent.place,  # type: ignore[arg-type]
                                 place_mode=ctx.place_mode if ctx.place else "inherited",
                                 place_basis=antecedent.place_basis)
    return out
