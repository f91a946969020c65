"""A change in points stated after two levels in percent: "le taux passe de 41,2 % à 43,5 %,
soit une hausse de 2,9 points" states +2,9 points where the two levels give +2,3 (review46
#50). Read for ``rules/change_mismatch.py`` (``_check_from_to``), once the two levels are read
("de X à Y", crossref/change_from_to.py) and no change in percent follows them.

The change is the next figure after the later level, within ``MAX_CHANGE_GAP`` characters,
when it is in points and said to be their change: a cue word right before it ("soit une
hausse de", "en baisse de"), a sign after an opener ("(+2,9 points)", "soit -0,4 point"), or a
comparison right after it ("soit 2,5 points de plus"). Another figure between them, a bound
("plus de 2 points"), another basis ("par an"), another thing named after it ("2 points de
la cotisation") or a comparison's object of its own ("1,2 point de plus que la moyenne
nationale", "0,8 point par rapport à 2019", "en dix ans": ``[comparison] objects`` of
crossref.toml) is no such change. Each of the three figures is read over its rounding; a
change stated "près de" or "environ" is read a tenth wider."""

from __future__ import annotations

from collections.abc import Callable

import regex

from factcheck.crossref.change_from_to import FromLevel
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView, precision

#: Characters at most between the later level and the change.
MAX_CHANGE_GAP = 45
#: Characters read after the change for another basis ("par an") or a comparison ("de plus").
BEYOND = 35
#: What may stand right before a signed change given alone: "(+2,9 points)", "soit -0,4 point".
SIGNED_OPENERS = ("(", ",", "soit", ":")
#: Extra tolerance of a change stated "près de" / "environ", as a share of it.
APPROX_SHARE = 0.1


def points_after(lexicon: Lexicon, members: list[ClaimView], i: int, x: FromLevel,
                 cue: Callable[[str], str | None]
                 ) -> tuple[ClaimView, float, float] | None:
    """For ``members[i]`` (``y``) the later level in percent of "de ``x`` à ``y``", the change
    in points stated after it, the change stated (signed) and the change the levels give, when
    no rounding of the three figures can give the one stated; else None. ``cue`` reads the way
    a change goes from the text before it (``change_mismatch._introducing_cue``)."""
    y = members[i]
    if x.kind != "percent" or y.kind != "percent" or y.value is None or i + 1 >= len(members):
        return None
    z = members[i + 1]
    if not z.dimension.startswith("points") or z.value is None or z.value == 0 \
            or z.approx not in ("none", "approx"):
        return None
    s0 = y.sentence_start or 0
    after = y.sentence[y.end - s0 : z.start - s0]
    if len(after) > MAX_CHANGE_GAP:
        return None
    beyond = y.sentence[z.end - s0 : z.end - s0 + BEYOND]
    if lexicon.other_basis.search(beyond) or lexicon.share_base.match(beyond):
        return None  # "2 points par an", "2 points de la cotisation": not the levels' change
    if _compared(lexicon, beyond):
        return None  # "1,2 point de plus que la moyenne", "0,8 point par rapport à 2019"
    way = cue(after)
    signed = z.surface.lstrip().startswith(("+", "-", "−"))
    opener = not after.strip() or after.rstrip().endswith(SIGNED_OPENERS)
    if way is None and not signed and opener and after.rstrip().endswith("soit"):
        if lexicon.comparison_more.match(beyond.lstrip()):
            way = "increase"  # "soit 2,5 points de plus"
        elif lexicon.comparison_less.match(beyond.lstrip()):
            way = "decrease"
    if way is None and not (signed and opener):
        return None  # a figure in points that is not said to be their change
    stated = z.value
    if stated > 0 and way == "decrease" and not signed:
        stated = -stated
    computed = y.value - x.value
    slack = precision(abs(stated)) + precision(x.value) + precision(y.value)
    if z.approx == "approx":
        slack += abs(stated) * APPROX_SHARE
    if abs(computed - stated) <= slack + 1e-9:
        return None
    return z, stated, computed


#: The unit of a change in points when the figure's surface leaves it out.
_UNIT = regex.compile(r"\s*points?(?!\w)", regex.IGNORECASE)


def _compared(lexicon: Lexicon, beyond: str) -> bool:
    """Whether the text after a change in points opens a comparison's object of its own,
    after its "de plus" / "de moins": "1,2 point de plus que la moyenne nationale", "0,8 point
    par rapport à 2019", "3 points en dix ans"."""
    rest = beyond[m.end():] if (m := _UNIT.match(beyond)) else beyond
    way = lexicon.comparison_more.match(rest.lstrip()) or \
        lexicon.comparison_less.match(rest.lstrip())
    if way:
        rest = rest.lstrip()[way.end():]
    return lexicon.comparison_object.match(rest) is not None
