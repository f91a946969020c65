"""The results season: figures of a company's accounts dated by the year whose results they are.

Most companies close their accounts with the calendar year and publish them in the months
after. An article published at most ``report_day_days`` (``lang/fr/context_time.toml``) after
a year's end is in that year's *results season* (:func:`season_year`), and two cues tie its
figures to the accounts of that year, the year just over:

* the article (:func:`results_year`): its lead (the first paragraph) names a results noun
  (``results_nouns``) and that year in one sentence ("En 2023, le résultat net du groupe
  atteint 21,4 milliards de dollars", "la présentation de ses résultats 2023"). Such an
  article reports the accounts of the year: its later figures that say no time ("Le
  dividende est porté à 3 euros par action", "en hausse de 7 % sur un an") are of that year,
  not "as of" publication, whatever day the results were announced ("Ce 7 février, le
  groupe a publié ses comptes") (``report_dates.report_dated``, ``time_basis`` "report",
  which cross-referencing neither ties nor separates figures by);
* the sentence (:func:`annual_results_year`): it names annual results
  (``annual_results_nouns``: "ses résultats annuels", "ses comptes annuels") and says no
  other time than the day they were announced, and the figure is one of the accounts
  (``annual_results_metrics`` before it in its clause with no figure between, or right
  after it past ``annual_results_links``: "son chiffre d'affaires s'établit à ...", "412
  millions d'euros de bénéfice"; not "il annonce la suppression de 1 200 postes"): the
  figure is of the year just over, an explicit period (read by
  :class:`factcheck.context.timeref.TimeResolver`), unless it is the term of comparison of
  an earlier one ("16,1 milliards (contre 2,7 milliards)").

In both, a figure whose sentence speaks of something else than the year's accounts before it
keeps its own time (:func:`outside_accounts`): a target ("Le groupe vise un chiffre
d'affaires de 30 milliards") or the day's market ("L'action gagnait 4 % à la Bourse de
Paris"), cues of ``results_outside``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache

import regex

from factcheck.context._time_bases import term_of
from factcheck.context._time_data import time_data
from factcheck.context._time_terms import DIGIT, clause_bounds, cue_pattern
from factcheck.models import Claim
from factcheck.text import sentence_spans


def season_year(published: date | None) -> int | None:
    """The year whose results season ``published`` is in: the year before its own when the
    article appears at most ``report_day_days`` after that year's end, else None. A
    publication date off the calendar ("0001-01-01", a placeholder; a year just over before
    1000) is no reference."""
    if published is None or not 1000 < published.year <= 2999:
        return None
    year = published.year - 1
    days = int(time_data().words.get("report_day_days", ("92",))[0])
    return year if (published - date(year, 12, 31)).days <= days else None


def outside_accounts(before: str) -> bool:
    """Whether ``before``, the lower-case text of a figure's sentence before it, speaks of a
    target or of the day's market (``results_outside``): the figure is not of the accounts
    (a target named after it, "atteint 46 %, en ligne avec sa politique qui vise 40 %", is
    another figure's)."""
    return bool(cue_pattern("results_outside").search(before))


def results_year(published: date | None, text: str) -> tuple[date, date] | None:
    """The year whose results the lead of ``text`` reports, or None."""
    year = season_year(published)
    if year is None:
        return None
    lead = text.split("\n\n", 1)[0] if "\n\n" in text.strip() else text
    named = regex.compile(rf"(?<![\d,.'’-]|\d ){year}(?!\d|[,.]\d)")
    for start, end in sentence_spans(lead):
        low = lead[start:end].lower()
        if cue_pattern("results_nouns").search(low) and named.search(low):
            return date(year, 1, 1), date(year, 12, 31)
    return None


def results_situated(text: str, claims: Sequence[Claim], situated: list[bool]) -> list[bool]:
    """``situated``, less the figures of sentences about something else than the year's
    accounts before the figure (:func:`outside_accounts`)."""
    return [s and not outside_accounts(text[c.sentence_start : c.mention.start].lower())
            for c, s in zip(claims, situated, strict=True)]


def annual_results_year(low: str, start: int, end: int, published: date | None
                        ) -> tuple[str, str] | None:
    """The year of the results season (:func:`season_year`), for a figure of the accounts at
    ``[start, end)`` of the sentence ``low`` (lower case) naming annual results; else None."""
    if published is None or not cue_pattern("annual_results_nouns").search(low):
        return None
    if not _accounts_figure(low, start, end):
        return None  # "il annonce la suppression de 1 200 postes": a plan, not the accounts
    year = season_year(published)
    if year is None:
        return None
    if outside_accounts(low[:start]):
        return None  # "après ses résultats annuels, l'action a chuté de 6 %"
    if term_of(low, 0, start):
        return None  # "16,1 milliards (contre 2,7 milliards)": the year before's
    return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()


def _accounts_figure(low: str, start: int, end: int) -> bool:
    """Whether the figure at ``[start, end)`` is a metric of the accounts: one of
    ``annual_results_metrics`` before it in its clause with no figure between ("son chiffre
    d'affaires s'établit à ..."), or right after it ("412 millions d'euros de bénéfice")."""
    cs, ce = clause_bounds(low, start, end)
    metrics = list(cue_pattern("annual_results_metrics").finditer(low, cs, start))
    if metrics and not DIGIT.search(low, metrics[-1].end(), start):
        return True
    return bool(_metric_after().match(low, end, ce))


@cache
def _metric_after() -> regex.Pattern[str]:
    """A link, then a metric of the accounts, from the figure's end (" de bénéfice net")."""
    links = cue_pattern("annual_results_links", "").pattern
    metrics = cue_pattern("annual_results_metrics", "").pattern
    return regex.compile(rf"\s*{links}\s*{metrics}(?!\w)")
