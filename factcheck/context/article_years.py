"""The years an article writes in figures, which say when an article without a publication
date was written: the latest one (``TimeResolver.written_after``) and the sole one (the year of
a numbered week it does not give, ``TimeResolver.sole_year``)."""

from __future__ import annotations

from datetime import date

import regex

_YEAR = regex.compile(r"(?<![\d.,])(1[89]\d\d|2\d\d\d)(?![\d.,]?\d)")


def latest_year(text: str) -> int | None:
    """The latest year ``text`` writes in figures, from 1900 to next year (a plan "d'ici 2050"
    or "2500 manifestants" says nothing of when it was written), or None."""
    last = date.today().year + 1
    years = [y for y in map(int, _YEAR.findall(text)) if 1900 <= y <= last]
    return max(years) if years else None


def sole_year(text: str) -> int | None:
    """The one year ``text`` writes in figures (as :func:`latest_year` reads them), None when
    it writes none or several."""
    last = date.today().year + 1
    years = {y for y in map(int, _YEAR.findall(text)) if 1900 <= y <= last}
    return next(iter(years)) if len(years) == 1 else None
