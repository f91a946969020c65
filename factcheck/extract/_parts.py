"""Parts that leave their unit to their whole: "une amende de 2 millions d'euros dont un avec
sursis", "5 millions d'euros dont 2 pour la SNCF".

After "dont", news text gives the part of a sum, a quantity or a length of time as a bare
number: the unit (and the scale) is the whole's, written once. This module is a pure pass
over the mentions of a text, run after the scanner: such a count takes the kind and unit of
its whole, with ``rule="part_unit"``. It only does so when everything agrees:

* the whole is a sum of money, a quantity (not a rate) or a length of time ("quatre ans
  de prison dont deux ferme"), the figure just before, in the same sentence, at most
  ``gap`` characters before the cue;
* the part is a count with no unit of its own, right after the cue ("dont");
* nothing follows the part that it could count: the sentence goes on with punctuation, one
  of the ``followers`` ("ferme", "avec sursis") or what may follow an elided currency
  ("pour la SNCF", :mod:`factcheck.extract._ellipsis`), never a noun ("dont deux enfants");
* a bare part of a scaled whole takes its scale ("2 millions d'euros dont un" is one
  million), and no part is larger than its whole.

The words come from the ``[parts]`` table of ``lang/<code>/scanner.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.deadline import checkpoint
from factcheck.extract._ellipsis import ellipsis_lexicon
from factcheck.extract._mention_copy import replace
from factcheck.extract.lexicon import Lexicon
from factcheck.lang import load_data
from factcheck.models import Kind, Mention
from factcheck.patterns import _spaced_alt

RULE = "part_unit"
# Lengths of time too: "quatre ans de prison dont deux ferme" is two years to be served (the
# context stage reads its qualifier and place like a count's, factcheck.context._figure_traits
# is_situated; the cross-referencing compares it as a term of its own, structures.py).
_WHOLES = frozenset({Kind.MONEY, Kind.QUANTITY, Kind.DURATION})
_LETTERS = regex.compile(r"\p{L}+")
_SENTENCE_END = regex.compile(r"[.!?;]")


@dataclass(frozen=True)
class PartsLexicon:
    cue_before: regex.Pattern  # "dont" right before the part
    follower_after: regex.Pattern  # what may follow the part
    gap: int


@cache
def parts_lexicon(code: str) -> PartsLexicon:
    data = load_data(code, "scanner")["parts"]
    cues = _spaced_alt(data["cues"])
    followers = _spaced_alt(data["followers"])
    return PartsLexicon(
        cue_before=regex.compile(rf"(?<![\p{{L}}])(?:{cues})\s+$", regex.I),
        follower_after=regex.compile(
            rf"\s*(?:$|[.,;:!?)\]»–—]|(?:{followers})(?![\p{{L}}]))", regex.I
        ),
        gap=int(data["gap"]),
    )


def parts_in_unit(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``mentions`` (sorted by position) with the bare counts after "dont" that are parts of
    the sum or quantity just before them read in its unit."""
    if not any(m.kind in _WHOLES for m in mentions):
        return mentions
    data = parts_lexicon(lex.code)
    out: list[Mention] = []
    for m in mentions:
        checkpoint()
        whole = out[-1] if out else None
        if whole is not None and m.kind == Kind.COUNT and not m.unit:
            part = _as_part(text, whole, m, lex, data)
            if part is not None:
                m = part
        out.append(m)
    return out


#: A bare part written in full units ("2 millions d'euros, dont 500 000 pour X") is at least
#: this fraction's inverse of its whole; smaller, it counts something else.
MIN_SHARE_OF_WHOLE = 1000


def _as_part(
    text: str, whole: Mention, m: Mention, lex: Lexicon, data: PartsLexicon
) -> Mention | None:
    if whole.kind not in _WHOLES or not whole.unit or "/" in whole.unit or m.value is None:
        return None
    cue = data.cue_before.search(text, max(whole.end, m.start - 16), m.start)
    if cue is None or cue.start() - whole.end > data.gap:
        return None
    if _SENTENCE_END.search(text, whole.end, m.start):
        return None
    if not follows_a_part(text, m.end, lex):
        return None
    total = max((abs(x) for x in (whole.value, whole.high) if x is not None), default=None)
    scale = scale_of(whole, lex)
    value = m.value
    if scale > 1 and scale_of(m, lex) == 1 and total is not None:
        if value * scale <= total:
            value *= scale  # "2 millions d'euros dont un": one million
        elif value * MIN_SHARE_OF_WHOLE < total:
            # "80 millions d'euros, dont 300 en France" (300 jobs): neither the whole's scale
            # nor, in full units, a share of it a "dont" would single out.
            return None
    if total is not None and value > total:
        return None  # a part is no larger than its whole
    f = value / m.value if m.value else 1.0
    low = None if m.low is None else m.low * f
    high = None if m.high is None else m.high * f
    return replace(m, kind=whole.kind, unit=whole.unit, value=value, low=low, high=high, rule=RULE)


def follows_a_part(text: str, end: int, lex: Lexicon) -> bool:
    """Whether what follows ``end`` lets a number there be a bare part ("dont un avec
    sursis"), not a count of a noun ("dont un enfant")."""
    return bool(
        parts_lexicon(lex.code).follower_after.match(text, end)
        or ellipsis_lexicon(lex.code).follower_after.match(text, end)  # "dont 2 pour la SNCF"
    )


def scale_of(m: Mention, lex: Lexicon) -> float:
    """The largest scale word of the figure's number ("2 millions d'euros" → 1 000 000)."""
    factors = [
        lex.scales.get(w.lower()) or lex.scale_abbreviations.get(w) or 1.0
        for w in _LETTERS.findall(m.surface[(m.number_start or m.start) - m.start :])
    ]
    return max(factors, default=1.0)

