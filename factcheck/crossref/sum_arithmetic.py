"""The arithmetic of a parts/total structure and its explanation in words.

The bounds of each figure carry the rounding of the way it is written ("2 millions" is 1,8 to
2,2 millions), so that parts written rounded are not accused of missing their total by a few
units. Whole counts stated to the unit (seats, medals, people: "45 sièges", "9 médailles") are
not rounded: their parts must add up exactly, "34 + 9 + 3" is not "45".
"""

from __future__ import annotations

import math

from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.explain import amount, number, plural
from factcheck.crossref.matching import SMALL_EXACT, ClaimView, significant_digits

#: Dimension of figures counted in whole units.
COUNT = "count"


def whole_counts(total: ClaimView, parts: list[ClaimView]) -> bool:
    """Whether the total and every part are counts stated exactly, to the unit: whole numbers
    below :data:`SMALL_EXACT` with no approximator ("9 médailles", not "près de 700")."""
    return all(v.dimension == COUNT and v.exact and v.value is not None
               and v.value == round(v.value) and abs(v.value) < SMALL_EXACT
               for v in (total, *parts))


def check_sum(total: ClaimView, parts: list[ClaimView], mode: str,
              lexicon: Lexicon) -> tuple[str, str]:
    """``("ok" | "mismatch", explanation)`` of ``parts`` against ``total`` in ``mode``."""
    shares_of_whole = parts[0].dimension == "share" and total.dimension != "share"
    t_lo, t_hi = (100.0, 100.0) if shares_of_whole else (total.lo, total.hi)
    t_val = 100.0 if shares_of_whole else total.value
    ref = parts[0] if shares_of_whole else total
    if total.exact and t_val is not None and not shares_of_whole \
            and len(significant_digits(t_val)) > 1:
        # "soit 1 050 au total" after 1 + 54 + 999: a total written with several significant
        # digits is as precise as its parts ("10 millions" stays a round figure).
        slack = sum((p.hi - p.lo) / 2 for p in parts)
        t_lo, t_hi = max(t_lo, t_val - slack), min(t_hi, t_val + slack)
    if not shares_of_whole and whole_counts(total, parts):
        # "45 sièges : 34, 9 et 3": seats, medals or people counted to the unit add up to the
        # unit, with no rounding of each part to stretch the sum.
        t_lo = t_hi = t_val
        p_lo = p_hi = sum(p.value for p in parts)
    else:
        p_lo = sum(p.lo for p in parts)
        p_hi = sum(p.hi for p in parts)
    p_vals = [p.value if p.value is not None else (p.lo + p.hi) / 2 for p in parts]
    p_sum = sum(p_vals)
    subject = plural(total.subject, t_val if t_val is not None else (t_lo + t_hi) / 2)
    shown = [shown_value(p, lexicon) for p in parts]
    total_text = amount(t_val, ref, lexicon) if t_val is not None else shown_value(total, lexicon)
    if len(parts) == 1 and mode != "remainder":
        return ("ok" if p_lo <= t_hi else "mismatch"), lexicon.say(
            "sum_single_ok" if p_lo <= t_hi else "sum_single_mismatch",
            part=shown[0], total=total_text, subject=subject,
            part_subject=plural(parts[0].subject or total.subject, p_vals[0]))
    if mode == "exhaustive":
        ok = p_lo <= t_hi and p_hi >= t_lo
        key = "sum_exhaustive_ok" if ok else "sum_exhaustive_mismatch"
        gap = (t_val - p_sum) if t_val is not None else math.nan
        text = lexicon.say(key, parts=" + ".join(shown), sum=amount(p_sum, ref, lexicon),
                           total=total_text, subject=subject, gap=number(abs(gap), lexicon))
        return ("ok" if ok else "mismatch"), text
    ok = p_lo <= t_hi
    if mode == "remainder" and t_val is not None:
        rest = t_val - p_sum
        key = "sum_remainder_ok" if ok else "sum_remainder_mismatch"
        text = lexicon.say(key, total=number(t_val, lexicon), parts=" − ".join(shown),
                           rest=amount(rest, ref, lexicon), subject=subject)
        return ("ok" if ok else "mismatch"), text
    key = "sum_partial_ok" if ok else "sum_partial_mismatch"
    if ok and t_val is not None and p_sum > t_val:
        key = "sum_partial_rounding"  # 6,9 + 3,7 millions of "10 millions": rounding
    text = lexicon.say(key, parts=" + ".join(shown), sum=amount(p_sum, ref, lexicon),
                       total=total_text, subject=subject)
    return ("ok" if ok else "mismatch"), text


def shown_value(v: ClaimView, lexicon: Lexicon) -> str:
    """A figure in an arithmetic line: its value, or its range when it has no single value."""
    if v.value is not None:
        return number(v.value, lexicon)
    return lexicon.say("range", lo=number(v.stated[0], lexicon), hi=number(v.stated[1], lexicon))


def stated(v: ClaimView, lexicon: Lexicon) -> str:
    """A figure with its unit ("44 %", "25,17 millions t"), or its range."""
    return amount(v.value, v, lexicon) if v.value is not None else shown_value(v, lexicon)
