"""Time expressions of a figure's sentence that date another event than the figure. Private
to :mod:`factcheck.context.timeref`.

* The offence of a sentence passed: "Le tribunal a condamné lundi l'usine à une amende de
  30 000 euros pour le rejet de solvants dans le canal en 2023": a time after the amount, in
  a complement opened by ``offence_openers`` ("pour", "coupable de"), is when the offence was
  committed, not when the court fined it. Only when the figure is the sanction: a word of
  ``sanction_words`` right before or right after it, only ``sanction_links`` between ("une
  amende de 30 000 euros", "8 000 euros d'amende", "18 mois de prison"), or "à" right before
  it after one of ``sanction_verbs`` and no figure ("a condamné lundi la société à 20 000
  euros"); "La population en prison atteint 9 400 détenus pour 7 100 places en mars 2025"
  keeps March. "pour 2023", "pour l'année 2023" name no offence: a word must stand between
  the opener and the time.
* The start of an event whose running figure the clause gives: "L'incendie qui a pris mardi
  près de Lagrasse a parcouru 900 hectares": a day in a relative clause of the event's noun
  (``event_start`` then ``event_relative_pronouns``, its verb and the day right after it,
  ``event_relative_auxiliaries`` allowed before the verb) is when the event began, when a
  verb of the figure's own (an auxiliary of ``event_relative_auxiliaries``) stands between
  the day and it; the area is counted up to the statement or publication, not on that day.
  A figure right after the day is the object of the day's verb: "L'accident qui a fait
  mardi 4 morts" is Tuesday's. (The day still dates the article's event:
  :func:`factcheck.context.report_dates.event_day`.)

(The year of a sentence naming annual results: :mod:`factcheck.context.results_season`.)
"""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._time_finding import _Expr
from factcheck.context._time_terms import DIGIT, cue_pattern

_WORD = regex.compile(r"\w{2,}")
_TO = regex.compile(r"(?<!\w)à\s*$")


def other_event(low: str, e: _Expr, start: int, end: int, cs: int, ce: int) -> bool:
    """Whether the expression ``e`` of the sentence ``low`` (lower case) dates another event
    than the figure at ``[start, end)``, whose clause is ``[cs, ce)``: an offence after a
    sanction, the start of an event in a relative clause before its running figure."""
    return _offence(low, e, start, end, cs, ce) or _event_started(low, e, start)


def _offence(low: str, e: _Expr, start: int, end: int, cs: int, ce: int) -> bool:
    """``e`` closes a complement naming the offence the figure, a sanction, punishes ("à une
    amende de 30 000 euros pour le rejet de solvants en 2023")."""
    if e.start < end or e.end > ce:
        return False
    opener = cue_pattern("offence_openers").search(low, end, e.start)
    if opener is None or not _WORD.search(low, opener.end(), e.start):
        return False
    return _is_sanction(low, start, end, cs, ce)


def _is_sanction(low: str, start: int, end: int, cs: int, ce: int) -> bool:
    """Whether the figure at ``[start, end)`` of the clause ``[cs, ce)`` is a sanction: a word
    of ``sanction_words`` right before or after it ("amende de 30 000 euros", "18 mois de
    prison"), or "à" right before it after a verb of ``sanction_verbs`` and no figure ("a
    condamné lundi la société à 20 000 euros")."""
    if _sanction_before().search(low[cs:start]) or _sanction_after().match(low, end, ce):
        return True
    verbs = list(cue_pattern("sanction_verbs").finditer(low, cs, start))
    return bool(verbs) and not DIGIT.search(low, verbs[-1].end(), start) \
        and bool(_TO.search(low[verbs[-1].end():start]))


def _event_started(low: str, e: _Expr, start: int) -> bool:
    """``e`` ends the relative clause of an event's noun before the figure, a verb between
    them ("L'incendie qui a pris mardi près de Lagrasse a parcouru 900 hectares",
    "L'incendie, qui a pris mardi, a parcouru ...")."""
    return e.end <= start and bool(_event_relative().search(low[:e.start])) \
        and _verb_between(low, e.end, start)


def _verb_between(low: str, a: int, b: int) -> bool:
    """Whether ``low[a:b]`` holds a verb: an auxiliary of ``event_relative_auxiliaries``
    after a space or a comma (not "l'est"), then a word ("... près de Lagrasse a parcouru")."""
    return any(m.start() == 0 or low[m.start() - 1] in " \t\n,"
               for m in cue_pattern("event_relative_auxiliaries", r"\s+\w").finditer(low, a, b))


def _words(key: str) -> str:
    """The words of ``key`` as a pattern's text, each a whole word from its start."""
    return cue_pattern(key, "").pattern


@cache
def _sanction_before() -> regex.Pattern[str]:
    """A sanction word, then only links, ending the text ("amende de", "condamné à")."""
    return regex.compile(rf"{_words('sanction_words')}(?!\w)"
                         rf"(?:\s*{_words('sanction_links')})*\s*$")


@cache
def _sanction_after() -> regex.Pattern[str]:
    """Links, then a sanction word, from the figure's end (" d'amende", " de prison")."""
    return regex.compile(rf"(?:\s*{_words('sanction_links')})+\s*{_words('sanction_words')}"
                         r"(?!\w)")


@cache
def _event_relative() -> regex.Pattern[str]:
    """An event's noun, a relative pronoun, an auxiliary (reflexive or not) and one verb,
    ending the text: the clause a time right after it closes."""
    return regex.compile(
        rf"{_words('event_start')}[sx]?\s*,?\s+{_words('event_relative_pronouns')}\s+"
        rf"(?:{_words('event_relative_auxiliaries')}\s+)?\w+\s+$")
