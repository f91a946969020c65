"""A figure's two levels "de X à Y" and the change stated after them ("Le taux passera de
29,40 % à 32,10 %, soit une hausse de 12 %": +9,2 %, not +12 %), for the rule
change_mismatch.

The extraction reads the earlier level of "passé de X à Y" (a verb of change before it, the
later level right after "à", of its kind and unit) with the role ``change_from``; that figure
is no view of its own (crossref/views.py), so it is read here from the claims table: the
level ``y`` moved from is the ``change_from`` figure of its sentence that ends right before
it, with no other figure between and at most ``FROM_TO_GAP`` characters ("passé de 935 l'an
dernier à 1 031"). Two levels in percent may have their change stated in points, loosely, as a
percent ("de 29,4 % à 32,1 %, soit une hausse de 2,7 %"): that reading is accepted by the rule,
and a change of another thing named right after it ("une hausse de 12 % de la cotisation") is
not theirs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from factcheck.crossref.matching import ClaimView

#: Characters at most between the earlier level and the later one.
FROM_TO_GAP = 30
#: Kinds whose value in the claims table is the view's (no scale to a canonical unit).
PLAIN_KINDS = frozenset({"count", "percent", "money"})
_NEEDED = ("role", "article_id", "sentence", "start", "end", "value", "surface", "approx",
           "kind", "claim_id")


@dataclass(frozen=True, slots=True)
class FromLevel:
    """The earlier level of "de X à Y" (a claims row of role ``change_from``)."""
    claim_id: str
    surface: str
    value: float
    approx: str
    kind: str
    start: int
    end: int


def _text(x: object) -> str:
    return "" if x is None or (isinstance(x, float) and x != x) else str(x)


def from_levels(claims: pd.DataFrame | None) -> dict[tuple[str, str], list[FromLevel]]:
    """The earlier levels of the claims table, by article and sentence."""
    out: dict[tuple[str, str], list[FromLevel]] = defaultdict(list)
    if claims is None or claims.empty or any(c not in claims.columns for c in _NEEDED):
        return {}
    rows = claims[claims["role"].map(_text) == "change_from"]
    for r in rows.to_dict("records"):
        try:
            key = (_text(r["article_id"]), _text(r["sentence"]))
            level = FromLevel(_text(r["claim_id"]), _text(r["surface"]), float(r["value"]),
                              _text(r["approx"]) or "none", _text(r["kind"]),
                              int(r["start"]), int(r["end"]))
        except (TypeError, ValueError):
            continue
        if math.isfinite(level.value):
            out[key].append(level)
    return dict(out)


def from_level(y: ClaimView, previous: ClaimView | None,
               levels: dict[tuple[str, str], list[FromLevel]]) -> FromLevel | None:
    """The level ``y`` moved from ("de X à Y": X), else None; ``previous`` is the figure (view)
    before ``y`` in its sentence."""
    if y.sentence_start is None:
        return None
    s0 = y.sentence_start
    for x in levels.get((y.article_id, y.sentence), []):
        if x.end > y.start or (previous is not None and previous.end > x.start):
            continue
        between = y.sentence[x.end - s0 : y.start - s0]
        if len(between) <= FROM_TO_GAP and not any(c.isdigit() for c in between) \
                and x.kind == y.kind and x.kind in PLAIN_KINDS:
            return x
    return None
