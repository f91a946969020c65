"""Weekdays as the dates data names them ("lundi" ... "dimanche"), and the weekday a date is
written with ("samedi 24 août" -> 5): read by the weekday check
(:mod:`factcheck.crossref.rules.weekday_mismatch`) and by the links of a day written without
its year (:mod:`factcheck.crossref.repeats`)."""

from __future__ import annotations

from functools import cache

from factcheck.lang import load_data


@cache
def weekday_names(code: str = "fr") -> tuple[str, ...]:
    """The weekdays, Monday first, lower case."""
    return tuple(w.lower() for w in load_data(code, "dates")["calendar"]["weekdays"])


def stated_weekday(surface: str) -> int | None:
    """The weekday a date's surface opens with ("samedi 24 août": 5, Monday 0), else None."""
    first = surface.strip().split(" ", 1)[0].lower().rstrip(",")
    names = weekday_names()
    return names.index(first) if first in names else None
