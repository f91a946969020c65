"""The years an article writes in figures, which say when an article without a publication
date was written: the latest one (``TimeResolver.written_after``) and the sole one (the year of
a numbered week it does not give, ``TimeResolver.sole_year``)."""

from __future__ import annotations

from datetime import date

import regex

_YEAR = regex.compile(r"(?<![\d.,])(1[89]\d\d|2\d\d\d)(?![\d.,]?\d)")


def _years(text: str) -> set[int]:
    """The years ``text`` writes in figures, from 1900 to next year (a plan "d'ici 2050" or
    "2500 manifestants" says nothing of when it was written)."""
    last = date.today().year + 1
    return {y for y in map(int, _YEAR.findall(text)) if 1900 <= y <= last}


def latest_year(text: str) -> int | None:
    """The latest year ``text`` writes in figures (:func:`_years`), or None."""
    return max(_years(text), default=None)


def sole_year(text: str) -> int | None:
    """The one year ``text`` writes in figures (:func:`_years`), None when it writes none or
    several."""
    years = _years(text)
    return next(iter(years)) if len(years) == 1 else None
