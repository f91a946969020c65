"""A count's since-period as the report's period: "Au total, 18 000 cas ont été recensés
depuis le début de l'année, a indiqué l'agence samedi. Le pays voisin en compte 170." The
figures of the sentences that follow and say no time of their own are counted over the same
period, from its start to the day of the statement (or publication), until a sentence names
another time (:mod:`factcheck.context.report_dates`).

Only a since-period opening the time expressions of its sentence sets it, counted from a day,
a month or a named point ("depuis le début de l'épidémie", "depuis le 7 octobre"), not from
a bare year: "en hausse de 63 % depuis 2017" is the span of a trend, not of a count the next
sentences continue.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from factcheck.context._time_data import time_data
from factcheck.context.timepatterns import comparison, patterns

if TYPE_CHECKING:
    from factcheck.context.timeref import TimeResolver, _Expr


def since_report(times: TimeResolver, sentence: str, first: _Expr
                 ) -> tuple[date, date] | None:
    """The report's period a since-period ``first`` (the first time expression of
    ``sentence``, a statement's date aside) opens, or None."""
    published = times.published
    if first.kind != "since" or first.first is None or published is None \
            or first.first > published:
        return None
    low = sentence.lower()
    if _bare_year(low, first) or comparison().search(low, 0, first.start):
        return None
    said = [e.last for e in times.expressions(sentence) if e.speech and e.last]
    end = said[0] if said and first.first <= said[0] <= published else published
    return first.first, end


def _bare_year(low: str, since: _Expr) -> bool:
    """Whether the since-period ``since`` is counted from a bare year ("depuis 2019", "à
    partir de 2019") or from a year's end ("depuis fin 2023", "depuis la fin de l'année
    dernière"), not from its start ("depuis début 2024") or its middle ("depuis mi-2023")."""
    pats = patterns()
    m = pats["since"].fullmatch(low, since.start, since.end)
    if m is not None and m["yo"]:
        return not m["p"] or m["p"] in time_data().words["month_end"]
    m = pats["since_part_relative"].fullmatch(low, since.start, since.end)
    return m is not None and m["p"] in time_data().words["month_end"]
