"""A change in points stated before the level it led to, the earlier level after "contre":
"le taux recule de 0,4 point à 6,9 %, contre 7,1 % un trimestre plus tôt" states -0,4 point
where the two levels give -0,2 (review45 #46). Read for ``rules/change_mismatch.py``.

The three figures must follow one another in one clause: the change in points, "à" and the
new level right after it (a comma at most between), then "contre" and the earlier level, of
the same dimension, no place, population or national scope telling the two levels apart. The
way the change goes is the cue word before it ("recule de", "en hausse de"); a change without
one is not read. Every figure is read over its rounding: the change is wrong only when no
rounding of the three can give it."""

from __future__ import annotations

from collections.abc import Callable

import regex

from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView, precision

#: Between the change in points and the level it led to: "0,4 point à 6,9 %", "0,4 point, à".
_TO_LEVEL = regex.compile(r"\s*,?\s*(?:à|a)\s*", regex.V1 | regex.IGNORECASE)
#: What may follow the earlier level in its clause: nothing, or an earlier time ("trois mois
#: plus tôt", "un an auparavant", "au trimestre précédent", "en 2025"). Anything else ("contre
#: 6,4 % dans la zone euro", "contre 7,5 % pour les jeunes") may name another scope the
#: context did not read: the two levels are then not established as one series.
_EARLIER_TIME = regex.compile(
    r"plus\s+tôt|auparavant|précédent|précédente|dernier|dernière|passée?|il\s+y\s+a"
    r"|avant|\b(?:19|20)\d\d\b", regex.V1 | regex.IGNORECASE)
_CLAUSE_END = regex.compile(r"[,;:.()]|\bselon\b|\bd['’]après\b", regex.V1 | regex.IGNORECASE)
#: Characters read before the change for its cue word ("le chômage recule de").
CUE_REACH = 30
#: Characters between the new level and the earlier one, and "contre" right before the latter.
MAX_LEVEL_GAP = 80
CONTRAST_REACH = 25


def points_before(lexicon: Lexicon, members: list[ClaimView], i: int,
                  cue: Callable[[str], str | None]
                  ) -> tuple[ClaimView, ClaimView, ClaimView, float] | None:
    """For ``members[i]`` a change in points (``z``), the earlier level ``x``, the new level
    ``y`` and the change stated, signed, when the three figures are read as the module says
    and the change cannot be theirs; else None. ``cue`` reads the way a change goes from the
    text before it ("decrease", "increase" or None: ``change_mismatch._introducing_cue``)."""
    z = members[i]
    if not z.dimension.startswith("points") or z.value is None or z.value <= 0 \
            or z.approx != "none" or i + 1 >= len(members):
        return None
    y = members[i + 1]
    s0 = z.sentence_start or 0
    if y.kind != "percent" or y.value is None or y.approx != "none" \
            or not _TO_LEVEL.fullmatch(z.sentence[z.end - s0 : y.start - s0]):
        return None
    way = cue(z.sentence[max(0, z.start - s0 - CUE_REACH) : z.start - s0])
    if way is None:
        return None
    x = next((m for m in members[i + 2 :] if m.dimension == y.dimension), None)
    if x is None or x.value is None or x.approx != "none":
        return None
    between = z.sentence[y.end - s0 : x.start - s0]
    if len(between) > MAX_LEVEL_GAP or not lexicon.contrast.search(
            between[-CONTRAST_REACH:]):
        return None  # "contre" must introduce the earlier level itself
    if any(m.start < x.start and m.dimension in (y.dimension, z.dimension)
           for m in members[i + 2 :]):
        return None  # another level or change between them: whose is unclear
    if (x.place and x.place != y.place) or x.population != y.population:
        return None  # "contre 7,1 % en Bretagne", "contre 6,4 % dans la zone euro" (a place
        # the earlier level names and the new one does not), "contre 7,1 % chez les femmes"
    if lexicon.national.search(between) or lexicon.national.search(
            z.sentence[x.end - s0 : x.end - s0 + MAX_LEVEL_GAP // 2]):
        return None  # "contre 7,1 % au niveau national": another scope
    rest = z.sentence[x.end - s0 :]
    end = _CLAUSE_END.search(rest)
    after = rest[: end.start()] if end else rest
    if after.strip() and not _EARLIER_TIME.search(after):
        return None  # "contre 6,4 % dans la zone euro": not positively the earlier level
    stated = -z.value if way == "decrease" else z.value
    slack = precision(z.value) + precision(x.value) + precision(y.value)
    if abs((y.value - x.value) - stated) <= slack + 1e-9:
        return None
    return x, y, z, stated
