"""The year of the report an article's lead names: "La délinquance a augmenté en 2023, selon
le bilan annuel du service statistique", "Le taux de réussite au baccalauréat 2023 est de
90,9 %", "La région a voté son budget primitif 2024". French news dates a yearly statistic,
an edition or a budget once, in its lead; the figures of the body that say no time of their
own ("Les cambriolages progressent de 3 %", "dont 80 millions pour le rail") are of that
year, as the lead's source covers the report that follows.

The lead is the article's first paragraph (its first line when it has no blank line). It
names the report's year when every year it writes alone (not in a day or a month: "publié le
31 janvier 2024", "en janvier 2024" are days of news) is one and the same, once the years of
comparison, trend, target or of a part of the year are set aside (``lead_year_aside`` of
``lang/fr/context_time.toml``: "qu'en 2022", "par rapport à 2022", "depuis le début de
l'année 2025", "d'ici 2030", "celle de 2019", "la première semaine de 2025"), and when that
year is named as a period (``lead_year_before``: "en 2023", "pour l'année 2023", or the
edition of a yearly report, exam, budget or harvest: "baccalauréat 2023", "budget primitif
2024"; not an event's: "les JO 2024"). That year must be the publication's, or the year just
over within ``report_day_days`` of its end, or, for a budget (``lead_year_budget``: "son budget
primitif pour l'année 2024" voted in December 2023), the year starting within
``report_day_days`` after publication; without a publication date, the latest year the
article writes or the one before (an article of 2024 on "la réforme de 2008" is not about
2008). A budget's spending to come ("202 millions seront consacrés aux lycées") is of its
year too, unless a word of projection stands before it in its sentence ("le plan prévoit
300 projets": a plan may run over several years).

The figures so dated are those left at the default period (nothing in their sentence says
their time), of a situated kind, not projected, not about a target or the day's market
(:func:`factcheck.context.results_season.results_situated`), and not keeping a time of their
own: a sentence naming another time or a day of the news ("Réunis le 11 décembre, les 183
élus ..."), the other term of a comparison ("+5 %, après +15 %", "(contre 2,7 milliards)"),
a figure told in the pluperfect ("avaient porté le taux à 95,7 %"). A forecast keeps its own
time as a projected figure. They take the weaker reading ``time_basis`` "report", which
cross-referencing neither ties nor separates figures by.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

import regex

from factcheck.context._time_data import time_data
from factcheck.context._time_terms import (
    clause_bounds,
    cue_pattern,
    future_verb,
    other_term,
    past_cue,
    projection_cue,
)
from factcheck.context.report_dates import report_dated
from factcheck.context.timepatterns import comparison, patterns
from factcheck.extract.lexicon import lexicon
from factcheck.models import Claim, Context
from factcheck.text import WRITTEN_YEAR, sentence_spans

if TYPE_CHECKING:
    from factcheck.context.timeref import TimeResolver



#: Sentences of the lead that may name the report's year: a later one ("A titre de comparaison,
#: en 2022, ...", "la plus meurtrière depuis 2005") tells a background.
_OPENING = 2


def lead_year(published: date | None, latest: int | None, text: str) -> tuple[date, date] | None:
    """The year of the report the lead of ``text`` names, as its first and last days, or
    None. ``latest``: the latest year the article writes (for an article without a date)."""
    # The lead's opening: its first two sentences (a question or a scene may come first).
    opening = _sentences(_lead(text))[:_OPENING]
    year = next((y for y in map(_sentence_year, opening) if y != 0), None)
    if year is None:
        return None
    if published is not None:
        if not 1000 < published.year <= 2999:
            return None
        days = int(time_data().words.get("report_day_days", ("92",))[0])
        # The year just over (its accounts, its statistics), within ``report_day_days`` of
        # its end; not a year to come, but for a budget voted in the months before its year
        # ("La région a voté son budget primitif pour l'année 2024" in December 2023: the
        # amounts it lists are that year's, as an undated article's are).
        if year != published.year and not (
                year == published.year - 1 and (published - date(year, 12, 31)).days <= days
        ) and not (year == published.year + 1 and budget_lead(text)
                   and (date(year, 1, 1) - published).days <= days):
            return None
    elif latest is None or not latest - 1 <= year <= latest:
        return None
    return date(year, 1, 1), date(year, 12, 31)


def budget_lead(text: str) -> bool:
    """Whether the lead of ``text`` names its year as a budget's ("son budget primitif pour
    l'année 2024", "le budget de l'Etat fédéral pour 2024": ``lead_year_budget`` a few words
    before the year)."""
    opening = _sentences(_lead(text))[:_OPENING]
    budget = _budget_before()
    return any(budget.search(s[max(0, m.start() - 60):m.start()].lower())
               for s in opening for m in WRITTEN_YEAR.finditer(s))


def lead_dated(contexts: list[Context], claims: Sequence[Claim], situated: list[bool],
               span: tuple[date, date] | None, times: TimeResolver,
               planned: bool = False) -> list[Context]:
    """``contexts`` of an article whose lead names the report's year ``span``: each figure
    (``situated``, not projected) left at the default period dated by it, unless its
    sentence names a time of its own that is not that year (a day of the news: "Réunis le
    11 décembre, les 183 élus ..."; "passés d'avril à juillet"), the figure is the other
    term of a comparison ("+5 %, après +15 %", "(contre 2,7 milliards)") or its clause is
    told in the past before the report (``lead_year_past``: "avaient atteint 93,8 %").
    ``planned``: the lead names a budget's year, whose spending to come is of that year
    ("202 millions seront consacrés aux lycées", "l'Etat pourra emprunter 39 milliards"): a
    projected figure is dated too, unless it names a time of its own."""
    if span is None:
        return contexts
    published = times.published and times.published.isoformat()
    keep = [s and not _own_time(c, span, times) for c, s in zip(claims, situated, strict=True)]
    if planned and times.published is not None and span[0] > times.published:
        # A budget to come: a sum already spent ("a consacré 60 millions") is of the year
        # running.
        keep = [k and not _spent(c) for c, k in zip(claims, keep, strict=True)]
    out = terms_dated(report_dated(contexts, keep, span, published), claims, situated, span,
                      times)
    if not planned:
        return out
    first, last = span[0].isoformat(), span[1].isoformat()
    return [replace(c, time_start=first, time_end=last, time_basis="report")
            if k and c.modality == "projected" and c.time_start is None
            and c.time_end == published else c
            for c, k in zip(out, keep, strict=True)]


def terms_dated(contexts: list[Context], claims: Sequence[Claim], situated: list[bool],
                span: tuple[date, date] | None, times: TimeResolver) -> list[Context]:
    """``contexts`` of a report of the year ``span`` (the lead's, or the accounts' of a
    results article), each bare term of comparison ("(+5 %, après +15 %)", "(+9 % contre
    +12 %)", "7,9 % (contre 5,6 %)") of a sentence that says no time dated by the year before:
    the report sets its figure against the last one."""
    if span is None:
        return contexts
    published = times.published and times.published.isoformat()
    terms = [s and _bare_term(c) and not _own_time(c, span, times, terms=False)
             and not any(not e.speech for e in times.expressions(c.sentence))
             for c, s in zip(claims, situated, strict=True)]
    return report_dated(contexts, terms, (_year_back(span[0]), _year_back(span[1])), published)


def _year_back(day: date) -> date:
    return day.replace(year=day.year - 1)


def _bare_term(claim: Claim) -> bool:
    """Whether the figure ``claim`` is a bare term of comparison: right after "contre" or
    "après" (``lead_year_other_term``), nothing but brackets or punctuation after it in its
    clause ("(+5 %, après +15 %)"; not "contre 55 % pour les hommes")."""
    low = claim.sentence.lower()
    at = claim.mention.start - claim.sentence_start
    end = claim.mention.end - claim.sentence_start
    cs, ce = clause_bounds(low, at, end)
    return bool(_other_term().search(low, cs, at)) and not _WORD.search(low, end, ce)


_WORD = regex.compile(r"\w")


def _spent(claim: Claim) -> bool:
    """Whether the clause of the figure ``claim`` tells it already spent
    (``lead_year_budget_spent``: "a consacré 60 millions aux routes", "37 millions ont été
    versés")."""
    low = claim.sentence.lower()
    at = claim.mention.start - claim.sentence_start
    cs, ce = clause_bounds(low, at, claim.mention.end - claim.sentence_start)
    return bool(_spent_cue().search(low, cs, ce))


@cache
def _spent_cue() -> regex.Pattern[str]:
    return cue_pattern("lead_year_budget_spent")


def _own_time(claim: Claim, span: tuple[date, date], times: TimeResolver,
              terms: bool = True) -> bool:
    """Whether the figure ``claim`` has a time of its own the lead's year does not cover
    (``terms``: the other term of a comparison is one)."""
    sentence = claim.sentence
    low = sentence.lower()
    at = claim.mention.start - claim.sentence_start
    cs = clause_bounds(low, at, claim.mention.end - claim.sentence_start)[0]
    if (terms and _other_term().search(low, cs, at)) or past_cue().search(low, 0, at) \
            or _names_day(low) \
            or _part().search(low) or projection_cue().search(low, 0, at) \
            or _opener().match(low) or _duration().search(low):
        return True
    # Another year written in the sentence, not as a term of comparison ("la hausse
    # historique (+49 %) de 2022").
    if any(int(m.group(1)) != span[0].year and not _aside(sentence, m.start())
           for m in WRITTEN_YEAR.finditer(sentence)):
        return True
    compare = comparison()
    end = claim.mention.end - claim.sentence_start
    # A period after another term ("+8 %, après +11 % en 2022") is that term's.
    return any(not e.speech and not compare.search(low, 0, e.start)
               and not (e.start >= end and other_term(low, end, e.start))
               and (e.first is None or e.last is None or (e.first, e.last) != span)
               for e in times.expressions(sentence))


def _lead(text: str) -> str:
    """The article's first paragraph: up to its first blank line, or its first line when it
    has none."""
    body = text.strip()
    return body.split("\n\n", 1)[0] if "\n\n" in body else body.split("\n", 1)[0]


def _sentences(lead: str) -> list[str]:
    return [lead[s:e] for s, e in sentence_spans(lead)]


def _sentence_year(sentence: str) -> int | None:
    """The year ``sentence`` names as the report's: 0 when it names none (once the years
    set aside are left out), None when it names several or not as a period."""
    found = [m for m in WRITTEN_YEAR.finditer(sentence) if not _aside(sentence, m.start())]
    low = sentence.lower()
    for m in found:
        cs, ce = _year_clause(low, m.start(), m.end())
        if projection_cue().search(low, cs, ce) or future_verb(sentence, cs, ce) \
                or past_cue().search(low, cs, ce):
            # "la réforme doit entrer en vigueur à la rentrée 2026", "En 2025, le déficit
            # atteindra 5,4 %"; "En 2023, 5 000 personnes y avaient été hébergées".
            return None
    years = {int(m.group(1)) for m in found}
    if not years:
        return 0
    if len(years) > 1 or not any(_names_year(sentence, m.start()) for m in found):
        return None
    return years.pop()


def _year_clause(low: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the year at ``low[start:end]``; for a year heading its sentence in a
    time phrase of its own ("En 2025, le déficit atteindra ..."), the rest of the sentence,
    which tells what that year is of."""
    cs, ce = clause_bounds(low, start, end)
    if not low[:cs].strip() and not low[end:ce].strip() and ce < len(low):
        return cs, len(low)
    return cs, ce


def _aside(lead: str, start: int) -> bool:
    """Whether the year at ``start`` of ``lead`` is a day's or a month's ("31 janvier 2024",
    "en janvier 2024"), or a term of comparison, a trend's start or a target (a
    ``lead_year_aside`` cue right before it)."""
    before = lead[max(0, start - 80):start].lower()
    return _month_before().search(before) is not None or _cue_before().search(before) is not None


@cache
def _months() -> str:
    """The month names of the time data, as one alternation."""
    return "|".join(regex.escape(m) for m in time_data().months)


@cache
def _month_before() -> regex.Pattern[str]:
    months = _months()
    return regex.compile(rf"(?<!\w)(?:{months}|\d{{1,2}}(?:er)?)\s*$")


@cache
def _cue_before() -> regex.Pattern[str]:
    return cue_pattern("lead_year_aside", r"(?:\s+[^\s,;:()]+){0,8}\s*$")


def _names_year(lead: str, start: int) -> bool:
    """Whether the year at ``start`` of ``lead`` is named as a period: after a preposition or
    a noun of the year ("en 2023", "pour l'année 2023") or as the edition of a yearly report
    ("le baccalauréat 2023", "son budget primitif 2024"): ``lead_year_before``."""
    return _year_before().search(lead[max(0, start - 40):start].lower()) is not None



@cache
def _budget_before() -> regex.Pattern[str]:
    return cue_pattern("lead_year_budget", r"(?:\s+[^\s,;:.()]+){0,4}\s*$")


@cache
def _year_before() -> regex.Pattern[str]:
    return cue_pattern("lead_year_before", r"\s*$")


@cache
def _other_term() -> regex.Pattern[str]:
    """The other term of a comparison right before a figure: "contre", "après" (a sign or a
    bracket between)."""
    return cue_pattern("lead_year_other_term", r"[\s(+\-−–]*$")


@cache
def _part() -> regex.Pattern[str]:
    """A part of the year named in a sentence ("au 1er semestre", "pour le seul quatrième
    trimestre"), read even where no publication date resolves it: ``lead_year_parts``."""
    return cue_pattern("lead_year_parts", r"s?(?!\w)")


def _names_day(low: str) -> bool:
    """Whether the sentence ``low`` names a day of a month ("Réunis le 11 décembre, ..."),
    read even where no publication date resolves it, not the day of a statement ("publié le
    31 janvier")."""
    speech = patterns()["speech_before"]
    return any(not speech.search(low, 0, m.start()) for m in _day().finditer(low))


@cache
def _day() -> regex.Pattern[str]:
    months = _months()
    return regex.compile(rf"(?<![\w,.])\d{{1,2}}(?:er)?\s+(?:{months})(?!\w)")


@cache
def _opener() -> regex.Pattern[str]:
    """A time phrase opening a sentence ("Il y a vingt ans, ...", "Au plus fort du Covid,
    ..."): ``lead_year_own_openers``."""
    return regex.compile(r"[\s«\"“]*" + cue_pattern("lead_year_own_openers").pattern)


@cache
def _duration() -> regex.Pattern[str]:
    """A duration after a preposition of time ("en dix ans", "depuis plus de vingt ans"):
    ``lead_year_duration_before``, words of quantity (``lead_year_duration_between``), a
    number, ``lead_year_durations``."""
    words = time_data().words.get("lead_year_durations", ())
    cards = sorted(lexicon().cardinals, key=len, reverse=True)
    card = "|".join(regex.escape(c) for c in cards)
    number = rf"(?:\d+|(?:{card})(?:-(?:{card}))*)"
    units = "|".join(regex.escape(w) for w in words) or "(?!)"
    between = time_data().words.get("lead_year_duration_between", ())
    skip = "|".join(regex.escape(w) for w in sorted(between, key=len, reverse=True)) or "(?!)"
    tail = rf"(?:\s+(?:{skip})){{0,2}}\s+{number}(?:\s+\w+)?\s+(?:{units})(?!\w)"
    return cue_pattern("lead_year_duration_before", tail)
