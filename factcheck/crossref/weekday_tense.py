"""The one year a date written without its year can be of, for the weekday check
(``rules/weekday_mismatch.py``, review46 #37): "mercredi 14 avril" in an article of Wednesday
15 April 2026 is 14 April 2026, not 2027, whose 14 April is a Wednesday.

A yearless date is that year's nearest occurrence to the publication when it falls within
``NEAR_DAYS`` of it; right after a verb in a compound past ("a accosté mercredi 14 avril",
``[weekday_tense]`` of crossref.toml) it is the last occurrence on or before the
publication; right after a future ("sera inauguré mardi 3 mars", "aura lieu") the next one
on or after it, each within ``TENSE_DAYS``. Elsewhere nothing narrows it, and the rule keeps
the years around the publication."""

from __future__ import annotations

from datetime import date
from functools import cache

import regex

from factcheck.lang import load_data

#: A yearless date this close to the publication (in days) is that nearest occurrence.
NEAR_DAYS = 7
#: A date placed before (after) the publication by its verb is the last (next) occurrence only
#: within this many days of it: further off, a misdated article could be of the other year.
TENSE_DAYS = 183
#: Characters read before the date for its verb.
REACH = 60


def _alternatives(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], frozenset[str]]:
    data = load_data("fr", "crossref")["weekday_tense"]
    fillers = rf"(?:\s+(?:{_alternatives(data['fillers'])}))?"
    ending = _alternatives(data["participle_endings"])
    participle = rf"(?P<part>\w+(?:{ending}))"
    past = regex.compile(
        rf"(?:^|\s)(?:{_alternatives(data['past_auxiliaries'])})(?:\s+\w+ment)?\s+"
        rf"{participle}{fillers}\s*$", regex.V1 | regex.IGNORECASE)
    future = regex.compile(
        rf"(?:^|\s)(?:{_alternatives(data['future_auxiliaries'])})\s+"
        rf"(?:lieu|{participle}){fillers}\s*$", regex.V1 | regex.IGNORECASE)
    return past, future, frozenset(w.lower() for w in data["planning"])


@cache
def _not_participles() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("fr", "crossref")["weekday_tense"]
                     ["not_participles"])


def _planning(word: str | None, planning: frozenset[str]) -> bool:
    """Whether ``word`` (the participle read) sets a date to come ("prévue") or is no
    participle ("lieu")."""
    w = (word or "").lower()
    return w in _not_participles() or any(w == p + end for p in planning
                                           for end in ("", "e", "s", "es"))


def tense_before(before: str) -> str | None:
    """"past" or "future" when the text right before a date ends with a verb placing it
    ("a accosté", "se sont réunis", "sera inaugurée", "aura lieu"), else None."""
    past, future, planning = _patterns()
    text = before[-REACH:]
    for name, pattern in (("past", past), ("future", future)):
        m = pattern.search(text)
        if m is not None and not _planning(m.group("part"), planning):
            return name
    return None


def _occurrence(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February
        return None


def narrowed(month: int, day: int, published: date, tense: str | None) -> date | None:
    """The one day "``day`` ``month``" (no year) can be in an article of ``published``, else
    None (the rule then keeps the years around the publication)."""
    days = [d for y in (published.year - 1, published.year, published.year + 1)
            if (d := _occurrence(y, month, day)) is not None]
    if not days:
        return None
    nearest = min(days, key=lambda d: abs((d - published).days))
    if abs((nearest - published).days) <= NEAR_DAYS:
        return nearest
    if tense == "past":
        before = [d for d in days if d <= published]
        if before and (published - before[-1]).days <= TENSE_DAYS:
            return before[-1]
    if tense == "future":
        after = [d for d in days if d >= published]
        if after and (after[0] - published).days <= TENSE_DAYS:
            return after[0]
    return None
