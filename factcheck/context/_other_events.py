"""Time expressions of a figure's sentence that date another event than the figure, and the
year an announcement of annual results is about. Private to :mod:`factcheck.context.timeref`.

* The offence of a sentence passed: "Le tribunal a condamné lundi l'usine à une amende de
  30 000 euros pour le rejet de solvants dans le canal en 2023": a time after the amount, in
  a complement opened by ``offence_openers`` ("pour", "coupable de"), is when the offence was
  committed, not when the court fined it (the figure is a sanction: a word of
  ``sanction_words`` stands in its clause before that complement). "pour 2023", "pour
  l'année 2023" name no offence: a word must stand between the opener and the time.
* The start of an event whose running figure the clause gives: "L'incendie qui a pris mardi
  près de Lagrasse a parcouru 900 hectares": a day in a relative clause of the event's noun
  (``event_start`` then ``event_relative_pronouns``, its verb and the day right after it,
  ``event_relative_auxiliaries`` allowed before the verb) is when the event began; the area
  is counted up to the statement or publication, not on that day. (The day still dates the
  article's event: :func:`factcheck.context.report_dates.event_day`.)
* Annual results: a figure whose sentence names the results of a year
  (``annual_results_nouns``: "ses résultats annuels", "ses comptes annuels") and says no other
  time than the day they were announced ("a publié jeudi ses résultats annuels : son chiffre
  d'affaires s'établit à ...") is of the year just over, when the article is published at
  most ``report_day_days`` after that year's end (the financial year of most companies is
  the calendar year; a later publication may report another year's accounts), unless the
  sentence speaks of the market or a target (``results_outside``) before it, or the figure is
  the term of comparison of an earlier one ("16,1 milliards (contre 2,7 milliards)").
"""

from __future__ import annotations

from datetime import date
from functools import cache

import regex

from factcheck.context._time_bases import term_of
from factcheck.context._time_data import time_data
from factcheck.context._time_finding import _Expr
from factcheck.context._time_terms import cue_pattern

_WORD = regex.compile(r"\w{2,}")


def other_event(low: str, e: _Expr, start: int, end: int, cs: int, ce: int) -> bool:
    """Whether the expression ``e`` of the sentence ``low`` (lower case) dates another event
    than the figure at ``[start, end)``, whose clause is ``[cs, ce)``: an offence after a
    sanction, the start of an event in a relative clause before its running figure."""
    return _offence(low, e, end, cs, ce) or _event_started(low, e, start)


def _offence(low: str, e: _Expr, end: int, cs: int, ce: int) -> bool:
    """``e`` closes a complement naming the offence a sanction of the figure's clause
    punishes ("à une amende de 30 000 euros pour le rejet de solvants en 2023")."""
    if e.start < end or e.end > ce:
        return False
    opener = _offence_openers().search(low, end, e.start)
    if opener is None or not _WORD.search(low, opener.end(), e.start):
        return False
    return bool(_sanction_words().search(low, cs, opener.start()))


def _event_started(low: str, e: _Expr, start: int) -> bool:
    """``e`` ends the relative clause of an event's noun before the figure ("L'incendie qui a
    pris mardi près de Lagrasse a parcouru 900 hectares", "L'incendie, qui a pris mardi, a
    parcouru ...")."""
    return e.end <= start and bool(_event_relative().search(low[:e.start]))


def annual_results_year(low: str, start: int, published: date | None) -> tuple[str, str] | None:
    """The year just over, for a figure at ``start`` of a sentence naming annual results in
    an article published at most ``report_day_days`` after that year's end; else None."""
    if published is None or not _annual_results().search(low):
        return None
    year = published.year - 1
    days = int(time_data().words.get("report_day_days", ("92",))[0])
    if (published - date(year, 12, 31)).days > days:
        return None
    if cue_pattern("results_outside").search(low, 0, start):
        return None  # "après ses résultats annuels, l'action a chuté de 6 %"
    if term_of(low, 0, start):
        return None  # "16,1 milliards (contre 2,7 milliards)": the year before's
    return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()


@cache
def _offence_openers() -> regex.Pattern[str]:
    return cue_pattern("offence_openers")


@cache
def _sanction_words() -> regex.Pattern[str]:
    return cue_pattern("sanction_words")


@cache
def _annual_results() -> regex.Pattern[str]:
    return cue_pattern("annual_results_nouns")


@cache
def _event_relative() -> regex.Pattern[str]:
    """An event's noun, a relative pronoun, an auxiliary (reflexive or not) and one verb,
    ending the text: the clause a time right after it closes."""
    words = time_data().words

    def alt(key: str) -> str:
        return "|".join(regex.escape(w) for w in sorted(words.get(key, ()), key=len,
                                                         reverse=True)) or "(?!)"

    return regex.compile(
        rf"(?<!\w)(?:{alt('event_start')})[sx]?\s*,?\s+(?:{alt('event_relative_pronouns')})\s+"
        rf"(?:(?:{alt('event_relative_auxiliaries')})\s+)?\w+\s+$")
