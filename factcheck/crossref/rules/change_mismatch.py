"""A stated change that the figures it relates do not give: "4 730 cas (contre 8 550, -42 %)"
is a fall of 44.7 %, not 42 %; "passera de 29,40 % à 32,10 %, soit une hausse de 12 %" is a
rise of 9.2 % (crossref/change_from_to.py). Across two articles too, when their terms of
comparison are tied through bases of one fact (crossref/compared_terms.py): "78 969 détenus,
soit 7,2 % de plus qu'en août (73 693)" against another article's "78 969 détenus contre
78 397 le mois précédent", whose two figures give +0,7 %."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from factcheck.crossref.change_basis import basis_period, told_apart
from factcheck.crossref.change_from_to import FromLevel, from_level, from_levels
from factcheck.crossref.compared_terms import terms_tied
from factcheck.crossref.matching import CHANGE, ClaimView, precision, significant_digits
from factcheck.crossref.points_after import points_after
from factcheck.crossref.points_before import points_before
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.models import Flag

#: The relations of two tied terms judged one fact (not two scopes, sources or causes).
ONE_FACT = frozenset({"same", "compatible", "contradiction"})

#: Characters between the figure and "contre", and between the two figures and the change.
MAX_GAP = 160
MAX_CHANGE_GAP = 45
#: ... and when the change is an apposition after a comma, "…, soit une hausse de 6 %": the
#: words of the later level and a date may stand between ("2 005 euros bruts mensuels au 1er
#: mai, soit une hausse de 6 %", review46 #42).
MAX_APPOSITION_GAP = 70
_APPOSITION = regex.compile(r",\s*soit\s+(?:une?\s+)?\p{L}+\s*(?:de|d'|d’|:)?\s*$",
                            regex.V1 | regex.IGNORECASE)
#: Characters read after the change for another basis ("par an", "hors ...").
BEYOND = 35
#: Extra tolerance of a change stated "près de", as a share of it.
APPROX_SHARE = 0.1
#: A rate's basis that is not the period between the two figures.
OTHER_BASES = frozenset({"sur un mois", "sur un trimestre", "sur une semaine"})
#: What may stand right before a signed change given alone: "(… , -42 %)", "soit +8 %".
SIGNED_OPENERS = ("(", ",", "soit", ":")
#: What may stand between the cue word and the change: "en hausse de 4 %", "baisse : -3 %"
#: (not "la hausse (85 %)": a share of the rise).
_CUE_TO_CHANGE = regex.compile(r"\s*(?:de|d'|d’|:)?\s*")
#: "contre" must stand this close before the figure it introduces.
CONTRAST_REACH = 25
#: Points of slack beyond the rounding of the three figures.
SLACK = 0.3


def _introducing_cue(after: str, ctx: CheckContext) -> str | None:
    """"increase" or "decrease" when a cue word introduces the change right before it ("en
    hausse de", "une baisse de"), else None ("un an plus tôt, dont 48 %" introduces none)."""
    best = None
    for name, pattern in (("decrease", ctx.lexicon.decrease), ("increase", ctx.lexicon.increase)):
        for m in pattern.finditer(after):
            if _CUE_TO_CHANGE.fullmatch(after[m.end():]) and (best is None or m.end() > best[1]):
                best = (name, m.end())
    return best[0] if best else None


def _pct(x: float) -> str:
    return f"{x:+.1f}".replace(".", ",")


def _bounds(value: float, half: float | None = None) -> tuple[float, float]:
    if half is None:
        half = precision(value)
    return value - half, value + half


def computed_range(x: ClaimView, y: ClaimView) -> tuple[float, float]:
    """The change from ``y`` to ``x`` in percent, over the rounding of both."""
    return value_range(x.value or 0.0, y.value or 0.0)


def value_range(x: float, y: float, x_half: float | None = None,
                y_half: float | None = None) -> tuple[float, float]:
    """The change from the value ``y`` to ``x`` in percent, over the rounding of both (their
    own precision unless given)."""
    xl, xh = _bounds(x, x_half)
    yl, yh = _bounds(y, y_half)
    corners = [(a - b) / b * 100 for a in (xl, xh) for b in (yl, yh) if b > 0]
    return min(corners), max(corners)


@register
class ChangeMismatch(Rule):
    name = "change_mismatch"
    description = ("Une évolution en pourcentage écrite entre deux chiffres d'une même phrase "
                   "(« 4 730, contre 8 550, -42 % ») qui ne correspond pas à ces chiffres.")
    severity = "high"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        by_sentence: dict[tuple[str, int | None], list[ClaimView]] = defaultdict(list)
        for v in ctx.views.values():
            by_sentence[(v.article_id, v.sentence_start)].append(v)
        levels = from_levels(ctx.claims)
        for members in by_sentence.values():
            members.sort(key=lambda v: v.start)
            for i, y in enumerate(members):
                flag = self._check_compared(ctx, members, i, y) \
                    or self._check_from_to(ctx, members, i, y, levels) \
                    or self._check_points_before(ctx, members, i)
                if flag is not None:
                    yield flag
        for judged in ctx.judged:
            if judged.relation not in ONE_FACT or not terms_tied(judged.a, judged.b):
                continue  # two terms judged two things ("en données brutes" / "CVS"): no pair
            for term, other in ((judged.a, judged.b), (judged.b, judged.a)):
                flag = self._check_tied_terms(ctx, by_sentence, term, other)
                if flag is not None:
                    yield flag

    def _check_tied_terms(self, ctx: CheckContext,
                          by_sentence: dict[tuple[str, int | None], list[ClaimView]],
                          term: ClaimView, other: ClaimView) -> Flag | None:
        """``term`` and ``other``, of two articles, are terms of one fact before bases of one
        fact (:func:`factcheck.crossref.compared_terms.terms_tied`); ``term``'s sentence
        states the change between its base and it ("78 969 détenus, soit 7,2 % de plus
        qu'en août (73 693)"). The change the other article's two terms give must be the
        one stated: its base and term are the same two facts."""
        base = ctx.views.get(term.compared_to)
        other_base = ctx.views.get(other.compared_to)
        if base is None or other_base is None or not other.value or other.value <= 0 \
                or other.approx != "none" or other_base.approx != "none":
            return None
        s0 = term.sentence_start or 0
        between = [z for z in by_sentence.get((term.article_id, term.sentence_start), [])
                   if base.end <= z.start and z.end <= term.start]
        changes = [z for z in between if z.kind == "percent" and z.value is not None
                   and z.dimension.endswith(CHANGE) and z.approx in ("none", "approx")]
        if len(changes) != 1 or len(between) != 1:
            return None  # the change between the base and its term, said alone
        z = changes[0]
        after = term.sentence[z.end - s0 : z.end - s0 + 12]
        if ctx.lexicon.comparison_more.match(after.lstrip()):
            stated = abs(z.value)
        elif ctx.lexicon.comparison_less.match(after.lstrip()):
            stated = -abs(z.value)
        else:
            return None  # the way the change goes is not said with it
        lo, hi = computed_range(other_base, other)
        tol = precision(abs(stated)) + SLACK
        if z.approx == "approx":
            tol += abs(stated) * APPROX_SHARE
        if lo - tol <= stated <= hi + tol:
            return None
        computed = (other_base.value - other.value) / other.value * 100
        text = ctx.lexicon.say("flag_change_terms", x=f"« {other_base.surface} »",
                               y=f"« {other.surface} »", a=other.article_id,
                               computed=_pct(computed), stated=_pct(stated),
                               z=f"« {z.surface} »", b=term.article_id)
        return self.flag((z.claim_id, other.claim_id, other_base.claim_id),
                         (term.article_id, other.article_id), text,
                         (other.sentence, term.sentence), confidence=0.75)

    def _check_compared(self, ctx: CheckContext, members: list[ClaimView], i: int,
                        y: ClaimView) -> Flag | None:
        """``y`` is the figure after "contre"; the figure it is contrasted with is the nearest
        one before it of its dimension and of a comparable size (a change within -67 % and
        +200 %: "semaine 20" is no such figure); the change, the next percent after it. Figures
        stated "environ" are checked at their stated precision."""
        if i == 0 or y.kind == "percent" or y.approx not in ("none", "approx") or not y.value \
                or y.value <= 0:
            return None
        s0 = y.sentence_start or 0
        before = [x for x in members[:i] if _unit_carried(x.dimension, y.dimension)
                  and x.approx in ("none", "approx") and x.value
                  and 1 / 3 <= x.value / y.value <= 3]
        if not before:
            return None
        x = before[-1]
        between = y.sentence[x.end - s0 : y.start - s0]
        if len(between) > MAX_GAP or not ctx.lexicon.contrast.search(between[-CONTRAST_REACH:]):
            return None  # "contre" must introduce y itself
        change = _stated_change(ctx, members, i, y)
        if change is None:
            return None
        z, stated = change
        if told_apart(x, y, z.basis, base=basis_period(z, ctx.claims)):
            # "à Paris, contre ... à Bordeaux", "en mai, contre ... en avril", "en juillet,
            # contre ... en juin, soit +6,2 % par rapport à juillet 2025"
            return None
        if _consistent(x.value, y.value, z, stated):
            return None
        computed = (x.value - y.value) / y.value * 100
        text = ctx.lexicon.say("flag_change", x=f"« {x.surface} »", y=f"« {y.surface} »",
                               computed=_pct(computed), stated=_pct(stated),
                               z=f"« {z.surface} »")
        return self.flag((x.claim_id, y.claim_id, z.claim_id), (x.article_id,), text,
                         (x.sentence,), confidence=0.85)

    def _check_points_before(self, ctx: CheckContext, members: list[ClaimView],
                             i: int) -> Flag | None:
        """``members[i]`` is a change in points stated before the level it led to, the
        earlier level after "contre" ("recule de 0,4 point à 6,9 %, contre 7,1 %",
        crossref/points_before.py)."""
        found = points_before(ctx.lexicon, members, i,
                              lambda text: _introducing_cue(text, ctx))
        if found is None:
            return None
        x, y, z, stated = found
        text = ctx.lexicon.say("flag_change_points", x=f"« {x.surface} »",
                               y=f"« {y.surface} »", computed=_pct(y.value - x.value),
                               stated=_pct(stated), z=f"« {z.surface} »")
        return self.flag((x.claim_id, y.claim_id, z.claim_id), (y.article_id,), text,
                         (y.sentence,), confidence=0.85)

    def _check_from_to(self, ctx: CheckContext, members: list[ClaimView], i: int,
                       y: ClaimView, levels: dict[tuple[str, str], list[FromLevel]]
                       ) -> Flag | None:
        """``y`` is the level a figure moved to from an earlier one ("passera de 29,40 % à
        32,10 %", crossref/change_from_to.py); the change, the next percent after it. Two
        levels in percent may state their change in points ("soit une hausse de 2,7 %")."""
        x = from_level(y, members[i - 1] if i else None, levels)
        if x is None or not x.value or not y.value or x.value <= 0 or y.value <= 0 \
                or x.approx != "none" or y.approx != "none":
            return None
        change = _stated_change(ctx, members, i, y)
        if change is None:
            return self._check_points_after(ctx, members, i, x)
        z, stated = change
        s0 = y.sentence_start or 0
        if ctx.lexicon.share_base.match(y.sentence[z.end - s0:]):
            return None  # "une hausse de 12 % de la cotisation": a change of another thing
        if x.kind == "percent":
            points = abs(y.value - x.value)
            slack = precision(abs(stated)) + precision(x.value) + precision(y.value) + SLACK
            if abs(abs(stated) - points) <= slack:
                return None  # the change in points, written as a percent
        if _consistent(y.value, x.value, z, stated):
            return None
        computed = (y.value - x.value) / x.value * 100
        text = ctx.lexicon.say("flag_change_from_to", x=f"« {x.surface} »",
                               y=f"« {y.surface} »", computed=_pct(computed),
                               stated=_pct(stated), z=f"« {z.surface} »")
        return self.flag((x.claim_id, y.claim_id, z.claim_id), (y.article_id,), text,
                         (y.sentence,), confidence=0.85)

    def _check_points_after(self, ctx: CheckContext, members: list[ClaimView], i: int,
                            x: FromLevel) -> Flag | None:
        """``members[i]`` is the later of two levels in percent ("de ``x`` à ``y``") followed
        by their change in points ("soit une hausse de 2,9 points", crossref/points_after.py)."""
        y = members[i]
        found = points_after(ctx.lexicon, members, i, x,
                             lambda text: _introducing_cue(text, ctx))
        if found is None:
            return None
        z, stated, computed = found
        text = ctx.lexicon.say("flag_change_points", x=f"« {x.surface} »",
                               y=f"« {y.surface} »", computed=_pct(computed),
                               stated=_pct(stated), z=f"« {z.surface} »")
        return self.flag((x.claim_id, y.claim_id, z.claim_id), (y.article_id,), text,
                         (y.sentence,), confidence=0.85)


def _unit_carried(x_dimension: str, y_dimension: str) -> bool:
    """Whether a figure of ``x_dimension`` may be the earlier term of one of ``y_dimension``
    after "contre": the same dimension, or a rate written once on the first term and left off
    the second ("14,2 euros le mètre carré, contre 13,1 euros": money per square metre,
    then money with no "per" of its own). A second term with a "per" of its own is its own
    rate ("par mois" against "par an")."""
    if x_dimension == y_dimension:
        return True
    head, _, per = x_dimension.partition("/")
    return bool(per) and "/" not in y_dimension and head == y_dimension


def _stated_change(ctx: CheckContext, members: list[ClaimView], i: int,
                   y: ClaimView) -> tuple[ClaimView, float] | None:
    """The change stated right after ``y`` (the next percent, introduced by a cue word or
    signed after an opener) and its signed value, else None: a bound ("plus de 40 %"), a
    change in points or over another basis ("0,5 % par an", "sur un mois") is none."""
    s0 = y.sentence_start or 0
    z = next((m for m in members[i + 1 : i + 3] if m.kind == "percent"), None)
    if z is None or z.value is None or z.dimension.startswith("points"):
        return None
    after = y.sentence[y.end - s0 : z.start - s0]
    gap = MAX_APPOSITION_GAP if _APPOSITION.search(after) else MAX_CHANGE_GAP
    if len(after) > gap or z.approx in ("lower", "upper", "range"):
        return None  # "une baisse de plus de 40 %" is consistent with -44,7 %
    beyond = y.sentence[z.end - s0 : z.end - s0 + BEYOND]
    if ctx.lexicon.other_basis.search(beyond) or z.basis in OTHER_BASES:
        return None  # "0,5 % par an", "3 % à taux de change constants", "sur un mois"
    cue = _introducing_cue(after, ctx)
    signed = z.surface.lstrip().startswith(("+", "-", "−"))
    opener = not after.strip() or after.rstrip().endswith(SIGNED_OPENERS)
    if cue is None and not (signed and opener):
        return None  # a percent that is not said to be the change between them
    stated = z.value
    if stated > 0 and cue == "decrease" and not signed:
        stated = -stated
    return z, stated


def paired_precision(x: float, partner: float) -> float:
    """The rounding of ``x`` stated beside ``partner`` in one comparison ("1 240 contre
    1 100"): one writer gives both terms to one precision, so a term written with two
    significant digits or more is read to its partner's finer precision ("1 100" beside
    "1 240" is 1 095 to 1 105, not 1 050 to 1 150). A term with one significant digit
    ("7 milliards", "1 000") keeps its own, rounder, precision."""
    own = precision(x)
    if len(significant_digits(x)) < 2:
        return own
    return min(own, precision(partner))


def _consistent(new: float, base: float, z: ClaimView, stated: float) -> bool:
    """Whether the change from ``base`` to ``new`` may be ``stated`` (the change ``z``), over
    the rounding of the three figures, each term read at the precision of the pair."""
    lo, hi = value_range(new, base, paired_precision(new, base), paired_precision(base, new))
    tol = precision(abs(stated)) + SLACK
    if z.approx == "approx":
        tol += abs(stated) * APPROX_SHARE  # "près de 50 %"
    return lo - tol <= stated <= hi + tol
