"""When a figure is about: an ISO 8601 period ``(time_start, time_end)``.

Time expressions of the sentence are found with patterns built from
``lang/fr/context_time.toml`` and resolved against the publication date:

* explicit dates and months ("le 4 janvier", "février 2022", "à la fin de juin", "en 2024",
  "la dernière semaine de 2024", "les six premiers mois de 2022");
  a stock's day without a year ("au 31 décembre") is the last one on or before publication;
* weekdays: the most recent such day on or before publication ("jeudi"); "dans la nuit de
  samedi à dimanche" spans both days;
* ranges of days and months ("du 6 au 12 janvier", "entre le 17 et le 23 mars", "de mai
  à août 2023");
* events and editions named with their year ("les JO de Paris 1900", "le budget 2024",
  "la COP28": ``context/editions.py``); a bare year right before a bracket dates only the
  figure the bracket holds ("derrière 2016 (27,6 Mt)");
* relative periods ("la semaine dernière", "l'an dernier", "l'année écoulée", "hier"), some
  counted back from the period named before them ("un an plus tôt", "la semaine
  précédente");
* cumulative periods: "depuis <anchor>" with named anchors kept as data ("depuis le début de
  l'invasion" -> 2022-02-24), "depuis février 2022", "depuis 2022": start at that point, end at
  the date of the statement or the publication;
* projections: "d'ici le printemps", "d'ici 2026", "d'ici la fin de l'année": only an end,
  the last day of that period (the first such period not over at publication).

An expression right after a speech verb ("a déclaré jeudi", "publiée fin janvier") dates the
statement: it ends cumulative periods and is used only when nothing else in the sentence says
when. The expression used is the nearest to the figure, first within its clause, then in
the sentence. Dates and years get their own value as period.

Default, documented choice: when nothing in the sentence says when, ``time_end`` is the
publication date (the figure holds "as of" publication) and ``time_start`` is empty; both are
empty when the publication date is unknown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import regex

from factcheck.context._expected import expects_figure
from factcheck.context._other_events import other_event
from factcheck.context._time_bases import back_rules, earlier_term, year_before_base
from factcheck.context._time_data import time_data
from factcheck.context._time_finding import _YEAR_END, _YEAR_GLOSS, ORIGIN, TimeExpressions
from factcheck.context._time_finding import EDITION_UNLINKED as EDITION_UNLINKED
from factcheck.context._time_finding import _Expr as _Expr
from factcheck.context._time_finding import _Span as _Span
from factcheck.context._time_terms import (
    clause_bounds,
    contrast_between,
    other_term,
    own_period,
    publication_day_stopped,
)
from factcheck.context.calendar_spans import month_end, shift_month, shift_year
from factcheck.context.respective import respective_year
from factcheck.context.results_season import annual_results_year
from factcheck.context.timepatterns import comparison, patterns
from factcheck.models import Mention


class TimeResolver(TimeExpressions):
    """Resolves the time expressions of an article's sentences against its publication date."""

    def __init__(self, published: date | None, latest_year: int | None = None,
                 sole_year: int | None = None) -> None:
        # A publication date far off the calendar's ends (a "9999-12-31" placeholder) would
        # push "l'an prochain" past them: such a date is no reference.
        self.published = published if published and 1000 <= published.year <= 2999 else None
        # The latest year the article writes: it was written that year or later (what an
        # article without a publication date still says of its time).
        self.written_after = self.published or (
            date(latest_year, 1, 1) if latest_year and 1000 <= latest_year <= 2999 else None)
        # The one year an article without a publication date writes, when it writes no other:
        # the year of a numbered week it does not give ("en S18"; with 2024 and 2025 written,
        # "en S52" may be of either).
        self.sole_year = sole_year if self.published is None and sole_year \
            and 1000 <= sole_year <= 2999 else None
        self._cache: dict[tuple[str, bool], list[_Expr]] = {}

    def _month_range(self, sentence: str, start: int, end: int, future: bool,
                     own: tuple[str | None, str | None]) -> tuple[str | None, str | None] | None:
        """A month closing a range of months ("De mai à août 2023", "entre janvier et juin
        2024") is of the whole range: the months from the first named, else None."""
        if not (own[0] and own[1] and own[0][8:] == "01" and own[1] == own[0][:8] + own[1][8:]):
            return None  # not one month (a year, a day)
        ranges = [e for e in self.expressions(sentence, future)
                  if e.kind == "point" and e.start < start and end <= e.end and _whole_months(e)
                  and _iso(e.first) < own[0] and _iso(e.last) == own[1]]
        return (_iso(ranges[0].first), own[1]) if ranges else None

    def _year_span(self, sentence: str, start: int, end: int,
                   own: tuple[str | None, str | None]) -> tuple[str | None, str | None] | None:
        """Either year of a span written with a hyphen ("la moyenne 2019-2023", "la guerre
        de 1914-1918") is of the whole span, which the text writes as one period, else
        None."""
        if not (own[0] and own[0][4:] == "-01-01" and own[1] == own[0][:4] + "-12-31"):
            return None  # not one year
        spans = [e for e in self.expressions(sentence)
                 if e.rule == "" and e.kind == "point" and e.start <= start and end <= e.end
                 and e.first and e.last and e.first.year < e.last.year
                 and patterns()["year_span"].fullmatch(sentence.lower(), e.start, e.end)]
        return (_iso(spans[0].first), _iso(spans[0].last)) if spans else None

    def _expected_whole(self, low: str, best: _Expr, start: int, end: int, cs: int, ce: int
                        ) -> tuple[str | None, str | None] | None:
        """The whole current year, month or week (``expected_whole_rules``) a figure is
        expected over ("La commune attend 48 millions de recettes cette année": a verb of
        expectation governs the figure, ``_expected.expects_figure``), else None."""
        words = time_data().words
        if best.rule not in words.get("expected_whole_rules", ()) \
                or not expects_figure(low, start, end, cs, ce):
            return None
        span = self._relative(best.rule, future=True)
        return (_iso(span[0]), _iso(span[1])) if span else None

    def period(
        self, sentence: str, start: int, end: int, mention: Mention, future: bool = False,
        subject: str | None = None,
    ) -> tuple[str | None, str | None]:
        """``(time_start, time_end)`` for the figure at ``[start, end)`` of ``sentence``;
        ``future``: the figure is projected, so weekdays and months point forward; ``subject``:
        what it measures (a stock's "fin 2023" is its last day)."""
        own = own_period(mention)
        if own is not None:
            return self._month_range(sentence, start, end, future, own) \
                or self._year_span(sentence, start, end, own) or own
        respective = respective_year(sentence, start, end)
        if respective is not None:
            return respective
        exprs = [
            e for e in self.expressions(sentence, future) if not (e.start < end and start < e.end)
        ]
        # "La ligne, inaugurée le 3 mai 2021, transporte 12 000 voyageurs": the date of a
        # thing's origin in an apposition is not when a figure outside it holds.
        exprs = [e for e in exprs if e.rule != ORIGIN or _in_apposition(sentence, e, start)]
        gloss_only = [e for e in exprs if e.rule == _YEAR_GLOSS]
        exprs = [e for e in exprs if e.rule != _YEAR_GLOSS]
        low = sentence.lower()
        # "8 % de plus qu'en 2022", "par rapport à 2022": a comparison base, not the period.
        compared = [e for e in exprs if comparison().search(low, 0, e.start)]
        cs, ce = clause_bounds(sentence, start, end)
        # "une amende de 30 000 euros pour le rejet de solvants en 2023", "Le feu qui a pris
        # mardi a parcouru 900 hectares": the offence's year, the event's start.
        content = [e for e in exprs if not e.speech and e not in compared
                   and not other_event(low, e, start, end, cs, ce)]
        speech = [e for e in exprs if e.speech]
        stated = speech[0].last if speech and speech[0].last else self.published
        # "Au 31 mai, 12 400 cas depuis le début de l'année": the count's day ends the count.
        as_of = [e for e in content if e.kind == "point" and e.first and e.first == e.last
                 and patterns()["as_of"].search(low, 0, e.start)]
        stock = subject is not None and subject in time_data().words.get("stock_subjects", ())
        words = time_data().words
        shifted = {r for k in ("shifted_back_year", "shifted_back_month", "shifted_back_week",
                               "shifted_back_quarter", "shifted_back_half")
                   for r in words.get(k, ())}
        glossed = _glossed(sentence, cs, [e for e in exprs
                                          if not e.speech and e.rule not in shifted] + gloss_only)
        if glossed is not None:
            # "7,2 % de plus qu'en août 2024 (73 693)": a figure alone in brackets right after
            # a date gives that date's value, even when the date is a comparison base.
            return _iso(glossed.first), _iso(glossed.last)
        # "78 969 détenus contre 78 397 le mois précédent": a period counted back belongs to
        # the figure just before it, not to one with another figure in between.
        content = [e for e in content if not (
            e.rule in shifted and e.start >= end and _DIGIT.search(sentence, end, e.start))]
        # "59 % contre 39 % en 2022": a period after a term of comparison and its figure is
        # that figure's, not the period of the figure before them.
        content = [e for e in content if not (e.start >= end and other_term(low, end, e.start))]
        # "6 % lors de cette semaine contre 3,9 %": a period between an earlier figure and
        # "contre" is that figure's, not the term's after "contre".
        content = [e for e in content if not (
            e.end <= start and _DIGIT.search(sentence, cs, e.start)
            and contrast_between(low, e.end, start))]
        near = [e for e in content if cs <= e.start and e.end <= ce]
        # "les 183 élus ont adopté le budget 2024": an edition named after the figure, as the
        # object of a verb, is not when the figure holds ("pour la saison 2023-2024" is).
        near = [e for e in near if not (e.rule == EDITION_UNLINKED and e.start >= end)]
        # "16,1 milliards (contre 2,7 milliards)": a bare term of comparison is the value of
        # another, unsaid, period, not one of the sentence's.
        bare_term = low[cs:start].strip() in words.get("contrast", ()) \
            and not sentence[end:ce].strip()
        # "contre 9 000 lors de la précédente journée de mobilisation": a term of comparison
        # at an earlier moment that names no date is at that moment, not the sentence's.
        bare_term = bare_term or earlier_term(low, cs, start, end, ce)
        # "En 2024, 3 200 morts, contre 3 170 l'an dernier": the year before the year the
        # sentence named before the term, not the year before publication.
        year_back = year_before_base(low, cs, ce, start, content)
        if year_back is not None and all(e.rule in back_rules() for e in near):
            return year_back
        if not near and not bare_term \
                and not _unresolved_relative(low, cs, ce, self.expressions(sentence, future)):
            # A clause that does not say when continues the previous ones ("..., et que
            # 370 000 avaient été blessés"), not the following ones ("contre 39 % en 2022"),
            # nor a period counted back, its own figure's ("contre 2 361 un an plus tôt");
            # one that says it in words the publication date would resolve is not dated.
            near = [e for e in content if e.end <= start and (
                e.rule not in shifted or _fronted_from_publication(low, e))][-1:]
            # "Il y a un an, il promettait 300 emplois, mais seulement 120 ...": not past a turn.
            near = [e for e in near if e.rule not in words.get("publication_day_rules", ())
                    or not publication_day_stopped(low, e.end, cs, ce, start)]
        if near:
            best = min(near, key=lambda e: e.start - end if e.start >= end else start - e.end)
            back_year = best.rule in words.get("shifted_back_year", ())
            back_month = best.rule in words.get("shifted_back_month", ())
            if best.rule in words.get("shifted_back_week", ()):
                # "du 6 au 12 janvier (...), contre 20,3 % la semaine précédente".
                base = [e for e in content if e.end <= best.start and e.kind == "point"
                        and e.first and e.last and not e.rule]
                b = base[-1] if base else None
                if b is None or not b.first or not b.last or (b.last - b.first).days != 6:
                    # No week named before it in the sentence: the week before one of an
                    # earlier sentence ("... la semaine dernière. Ce chiffre était de 2 027
                    # la semaine précédente"), not read here.
                    return None, _iso(self.published)
                return _iso(b.first - _WEEK), _iso(b.last - _WEEK)
            back_span = _back_months(best.rule)
            if back_span:
                # "au premier trimestre 2025, après 0,2 % le trimestre précédent": the quarter
                # before the one named before it in the sentence, else no period of its own.
                base = [e for e in content if e.end <= best.start and e.kind == "point"
                        and e.first and e.last and not e.rule]
                b = base[-1] if base else None
                if b is None or not b.first or not b.last or not _whole_months(b, back_span):
                    return None, _iso(self.published)
                first = shift_month(b.first, -back_span)
                last = shift_month(b.first, -1)
                return _iso(first), _iso(month_end(last.year, last.month))
            if back_year or back_month:
                # "65 euros en février, contre 120 euros un an plus tôt": February before.
                base = [
                    e
                    for e in content
                    if e.end <= best.start and e.first and e.rule in ("", _YEAR_END)
                    and (e.kind == "point" or (back_year and e.kind == "since"))
                ]
                if base and base[-1].kind == "since" and base[-1].first:
                    # "Depuis janvier, 412 morts, contre 390 à la même période l'an dernier":
                    # the same running span a year before (to the statement's day).
                    b = base[-1]
                    upto = as_of[0].first if as_of and as_of[0].first else stated
                    if upto is None or upto < b.first:
                        return None, _iso(self.published)
                    return _iso(shift_year(b.first, -1)), _iso(shift_year(upto, -1))
                if base and base[-1].first and base[-1].last:
                    b = base[-1]
                    if stock and b.rule == _YEAR_END:
                        b = replace(b, first=b.last)
                    shift = shift_year if back_year else shift_month
                    last = shift(b.last, -1)
                    if b.last == month_end(b.last.year, b.last.month):  # February 2024: 29th
                        last = month_end(last.year, last.month)
                    return _iso(shift(b.first, -1)), _iso(last)
            if best.kind == "since":
                # Up to when it is counted ("au 31 mai") or stated; open when that is before
                # the start (a wrong publication date: "depuis 2019" in an article dated 2018).
                if as_of and best.first and as_of[0].first and as_of[0].first >= best.first:
                    stated = as_of[0].first
                end = stated if stated and best.first and stated >= best.first else None
                return _iso(best.first), _iso(end)
            if best.kind == "until":
                return None, _iso(best.last)
            since = [e for e in content if e.kind == "since" and e.first and best.first
                     and e.first <= best.first]
            if best in as_of and since:
                # "Depuis le début de l'année, au 31 mai, 500 morts".
                return _iso(since[0].first), _iso(best.first)
            if stock and best.rule == _YEAR_END:
                return _iso(best.last), _iso(best.last)  # "une dette de 3 100 milliards fin 2023"
            whole = None if future else self._expected_whole(low, best, start, end, cs, ce)
            if whole is not None:
                return whole  # "La commune attend 48 millions de recettes cette année"
            return _iso(best.first), _iso(best.last)
        results = None if future else annual_results_year(low, start, end, self.published)
        if results is not None:
            return results  # "a publié jeudi ses résultats annuels : son chiffre d'affaires"
        if speech:
            return _iso(speech[0].first), _iso(speech[0].last)
        return None, _iso(self.published)


_DIGIT = regex.compile(r"\d")
_OPENING_MARKS = " \t\n«»\"'“”-—–"


def _fronted_from_publication(low: str, e: _Expr) -> bool:
    """Whether ``e`` opens its sentence and is a phrase said from the writer's day
    (``fronted_from_publication``: "Il y a un an, ..."): it dates the clause after it."""
    return not low[:e.start].strip(_OPENING_MARKS) \
        and low[e.start:e.end] in time_data().words.get("fronted_from_publication", ())


_APPOSITION_END = regex.compile(r"[,;:()]")


def _in_apposition(sentence: str, e: _Expr, start: int) -> bool:
    """Whether the figure at ``start`` follows the date ``e`` of an origin apposition within
    it ("Créée en 2019 avec 12 salariés, ..."): no comma nor bracket between them."""
    return e.end <= start and not _APPOSITION_END.search(sentence, e.end, start)
_WEEK = timedelta(days=7)
_CLAUSE_MARK = regex.compile(r"[;:]|,(?!\d)")


def _unresolved_relative(low: str, start: int, end: int, exprs: list[_Expr]) -> bool:
    """Whether ``low[start:end]`` holds a relative period ("cette année", "hier") that no
    expression resolved (no publication date)."""
    return any(not any(e.start < m.end() and m.start() < e.end for e in exprs)
               for m in patterns()["relative"].finditer(low, start, end))



def _glossed(sentence: str, clause_start: int, exprs: list[_Expr]) -> _Expr | None:
    """The dated point a figure's bracket glosses: the bracket opens right after the
    expression (spaces aside) and holds only the figure's clause ("en août 2024 (73 693)"),
    never an open period ("depuis", "jusqu'à")."""
    opening = clause_start - 1
    if opening < 0 or sentence[opening] != "(":
        return None
    closing = sentence.find(")", clause_start)
    # A decimal comma ("(27,6 Mt)") is part of the figure, not a clause mark.
    if closing < 0 or _CLAUSE_MARK.search(sentence, clause_start, closing):
        return None
    for e in exprs:
        if e.kind == "point" and e.first and e.last and e.end <= opening \
                and not sentence[e.end:opening].strip():
            return e
    return None


def _whole_months(e: _Expr, count: int | None = None) -> bool:
    """Whether ``e`` spans whole months (``count`` of them when given)."""
    if not (e.first and e.last and e.first.day == 1
            and e.last == month_end(e.last.year, e.last.month)):
        return False
    months = (e.last.year - e.first.year) * 12 + e.last.month - e.first.month + 1
    return count is None or months == count


def _back_months(rule: str) -> int:
    """Months of a period counted back by whole quarters or semesters ("le trimestre
    précédent": 3, ``shifted_back_quarter``; "le semestre précédent": 6), else 0."""
    words = time_data().words
    if rule in words.get("shifted_back_quarter", ()):
        return 3
    if rule in words.get("shifted_back_half", ()):
        return 6
    return 0


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
