"""Whether a change stated after "X, contre Y" is the change between X and Y (the rule
change_mismatch): identity before accusation.

"9 450 euros à Paris, contre 4 520 euros à Bordeaux, en baisse de 2 % sur un an" sets two
places side by side, and the -2 % is Paris's own change over a year; "128 000 en mai,
contre 141 000 en avril, en recul de 3 % sur un an" sets two consecutive months side by
side, and the -3 % is May against May of the year before. The change is between the two
figures only when nothing tells them apart but the span it is measured over:

- two places, both read, are never one figure and its base;
- a change with a basis of ``[change_check.basis_months]`` of ``crossref.toml`` ("sur un
  an": twelve months) relates two figures whose periods, both read, lie exactly that span
  apart ("en mars, contre ... en mars 2025", "en 2025, contre ... en 2024"). When only the
  base is dated, it must lie at least that span, less one month of publication delay,
  before the article's day ("52 000, contre 61 000 en février" in April: no year apart);
  when only the figure is, or neither, or both have one period (carried from the figure
  to its base), the basis is all the text says of the base;
- a change measured against a base of comparison that names a date ("soit une hausse de
  6,2 % par rapport à juillet 2025") is measured against that period: "1,52 million en
  juillet, contre 1,38 million en juin, soit +6,2 % par rapport à juillet 2025" sets the
  month before beside the figure, and the change is over the year. When the figure
  contrasted has a period of its own (not the one carried from the first figure) outside
  the dated base, the change is not between the two.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from functools import cache

import pandas as pd

from factcheck.crossref.matching import ClaimView
from factcheck.lang import load_data

#: Days of slack on each end of a period shifted by the basis: a week or a weekday of the
#: year before does not fall on the same dates ("semaine 20" of two years).
DAY_SLACK = 3
#: Months a figure of a period is published after it ends, at most, for an undated figure
#: set against a dated base.
PUBLICATION_MONTHS = 1


@cache
def basis_months(code: str = "fr") -> dict[str, int]:
    """Basis (as rates.toml names it, "sur un an") -> the months a change over it spans."""
    data = load_data(code, "crossref").get("change_check", {}).get("basis_months", {})
    return {str(k): int(v) for k, v in data.items()}


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _dated(v: ClaimView) -> tuple[date, date] | None:
    """Both ends of the period the text gives ``v``, else None (the publication day, a
    report's or an event's day carried over, an open period)."""
    if len(v.period) != 3 or v.period[0] != "explicit":
        return None
    start, end = _day(v.period[1]), _day(v.period[2])
    return (start, end) if start and end and start <= end else None


def _shift(day: date, months: int) -> date:
    """``day`` moved ``months`` back (the day of the month kept, or the month's last)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _apart(later: tuple[date, date], earlier: tuple[date, date], months: int) -> bool:
    """Whether ``earlier`` is ``later`` moved ``months`` back (its end read as the day after,
    so that May's 31 days fall on April's 30)."""
    start = _shift(later[0], months)
    end = _shift(later[1] + timedelta(days=1), months) - timedelta(days=1)
    return abs((start - earlier[0]).days) <= DAY_SLACK and abs((end - earlier[1]).days) <= DAY_SLACK


def basis_period(z: ClaimView, claims: pd.DataFrame | None, code: str = "fr"
                 ) -> tuple[date, date] | None:
    """The period of the one date (a row of kind "date" of ``claims``) written inside the
    base of comparison of the change ``z`` ("par rapport à juillet 2025"), else None (no
    such base, no date in it, or several)."""
    if not z.basis or z.basis in basis_months(code) or claims is None or claims.empty \
            or z.sentence_start is None or not {"kind", "article_id", "start", "end"} <= set(
                claims.columns):
        return None
    s0 = z.sentence_start
    found = z.sentence.lower().find(z.basis, z.end - s0)
    if found == -1:
        return None
    lo, hi = s0 + found, s0 + found + len(z.basis)
    rows = claims[(claims["kind"].astype(str) == "date")
                  & (claims["article_id"].astype(str) == z.article_id)]
    inside = [r for r in rows.to_dict("records")
              if lo <= int(r["start"]) and int(r["end"]) <= hi]
    if len(inside) != 1:
        return None
    start = _day(str(inside[0].get("time_start") or ""))
    end = _day(str(inside[0].get("time_end") or ""))
    return (start, end) if start and end and start <= end else None


def told_apart(x: ClaimView, y: ClaimView, basis: str, code: str = "fr",
               base: tuple[date, date] | None = None) -> bool:
    """Whether ``x`` and ``y`` ("x, contre y") are told apart by more than the basis of the
    change stated after them, so that the change is not theirs (module docstring);
    ``base`` is the period a base of comparison of the change names (:func:`basis_period`)."""
    if x.place and y.place and x.place != y.place:
        return True
    if base is not None:
        xp, yp = _dated(x), _dated(y)
        return bool(yp and xp != yp and (yp[1] < base[0] or base[1] < yp[0]))
    months = basis_months(code).get(basis)
    if months is None:
        return False
    xp, yp = _dated(x), _dated(y)
    if xp and yp:  # one period read for both (carried over) tells them no more apart
        return xp != yp and not (_apart(xp, yp, months) or _apart(yp, xp, months))
    if yp and not xp:
        day = _day(x.published)
        return day is None or yp[1] > _shift(day, months - PUBLICATION_MONTHS)
    return False
