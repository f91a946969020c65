"""The year of an article's annual results: "En 2023, le résultat net du groupe atteint 21,4
milliards de dollars" in the lead of an article of February 2024. Such an article reports the
accounts of the year just over; its later figures that say no time ("Le dividende est porté à
3 euros par action", "en hausse de 7 % sur un an") are of that year, not "as of" publication,
whatever day the results were announced ("Ce 7 février, le groupe a publié ses comptes").

Only the lead (the article's first paragraph) sets it, with a results noun (``results_nouns``
of ``lang/fr/context_time.toml``) and the year just over in one sentence, in an article
published at most ``report_day_days`` after that year's end. The figures so dated keep the
weaker reading ``time_basis`` "report", which cross-referencing neither ties nor separates
figures by.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import regex

from factcheck.context._time_bases import year_just_over
from factcheck.context._time_terms import cue_pattern
from factcheck.context.report_dates import report_dated
from factcheck.models import Claim, Context
from factcheck.text import sentence_spans


def results_year(published: date | None, text: str) -> tuple[date, date] | None:
    """The year whose results the lead of ``text`` reports, or None."""
    # A publication date off the calendar ("0001-01-01", a placeholder) is no reference.
    if published is None or not 1000 < published.year <= 2999:
        return None
    year = year_just_over(published)
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
    accounts: a target ("Le groupe vise un chiffre d'affaires de 30 milliards") or the day's
    market ("L'action gagnait 4 % à la Bourse de Paris"), cues ``results_outside`` read
    before the figure in its sentence (a target named after it, "atteint 46 %, en ligne avec
    sa politique qui vise 40 %", is another figure's)."""
    outside = cue_pattern("results_outside")
    return [s and not outside.search(text[c.sentence_start : c.mention.start].lower())
            for c, s in zip(claims, situated, strict=True)]


def results_dated(contexts: list[Context], situated: list[bool],
                  span: tuple[date, date] | None, published: str | None) -> list[Context]:
    """``contexts`` of an article reporting the results of ``span``: each figure (of a
    ``situated`` kind, not projected) left at the default period dated by it."""
    if published is None:
        return contexts
    return report_dated(contexts, situated, span, published)
