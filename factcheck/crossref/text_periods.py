"""Periods the texts themselves close, standing for a missing publication date.

Across two articles, a publication date missing on either keeps their figures apart (unknown
is not equal: :mod:`factcheck.crossref.identity`), unless each figure carries the same closed
period the text gives it: both ends written in its sentence ("en 2023", "au 1er janvier
2024") when the article was written after it closed (published, or naming, later), or the year
of the report its article's lead names (``time_basis`` "report",
:mod:`factcheck.context.report_year`). Estimates and forecasts are revised as time passes, and
an article naming a stage of a statistic's release ("provisoire", "définitif") may give any of
them: neither takes a period for a date."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import pandas as pd

from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView
from factcheck.lang import load_data

#: Modalities of a figure stated as observed (not "estimated", "projected", ...): only those
#: may take a period written in the text for a missing publication date.
_STATED_MODALITIES = frozenset({"asserted", "reported", ""})


def latest_dates(claims: pd.DataFrame) -> dict[str, str]:
    """The latest day each article names as the start of a period ("en janvier 2025", "en
    2025"): what the text itself tells of when it was written at the earliest."""
    if claims.empty or "time_start" not in claims.columns:
        return {}
    starts = claims["time_start"].map(lambda v: cell_text(v)[:10])
    return {str(k): v for k, v in starts[starts != ""].groupby(
        claims["article_id"][starts != ""]).max().items()}


def counted_day(row: dict) -> tuple[str, str, str]:
    """A figure's period as cross-referencing reads it: (start, end, time basis), the first
    ten characters of each end; a running count read at a day of its own (``time_basis``
    "running": "Ce mercredi, le bilan fait état de 32 morts", counted since the event) is
    read by that day alone, which says which count it is."""
    ts, te = cell_text(row.get("time_start"))[:10], cell_text(row.get("time_end"))[:10]
    basis = cell_text(row.get("time_basis"))
    if basis == "running":
        return te, te, ""
    return ts, te, basis


def text_period(row: dict, mode: str, latest: str = "") -> tuple[str, ...]:
    """The closed period the text itself gives a figure (``ClaimView.text_period``): both
    ends of a period read in its sentence (time_basis empty: "written") or of the year its
    article's lead names for a report (time_basis "report"); empty for an open period
    ("depuis 2017", or running to the publication day), an event's toll, and a figure not
    stated as observed: an estimate or a forecast of a period is revised as time passes, so
    two of them are two moments of one projection, not one fact."""
    if mode != "observed" or cell_text(row.get("modality")).lower() not in _STATED_MODALITIES:
        return ()
    ts, te, basis = counted_day(row)
    if not ts or not te or te < ts or basis not in ("", "report"):
        return ()
    if not basis and ts != te and te == cell_text(row.get("published"))[:10]:
        return ()  # "depuis le 1er janvier": up to the day of publication, not a closed period
    if not basis and ts != te and not max(latest, cell_text(row.get("published"))[:10]) > te:
        return ()  # "En 2024, l'aéroport a accueilli 3,1 millions de passagers", in an article
        # written in June 2024, counts the year so far: a period written with a figure is
        # closed only when its article is published, or names a day, after it (a single day,
        # "au 1er janvier 2024", is a stock's state, reported once the day is over)
    return (ts, te, "report" if basis else "written")


def article_releases(texts: list[tuple[str, str, str]], lexicon: Lexicon) -> dict[str, str]:
    """The stages of a statistic's release each article names anywhere in its text
    ("photographie provisoire", "bilan définitif", "chiffres révisés"): "provisional",
    "revised", both joined by "+", or nothing. An article that names one tells that a
    statistic has several releases, and which of them its figures are is read from the
    publication date, not from the text."""
    out = {}
    for article, _, text in texts:
        found = [name for name, pattern in (("provisional", lexicon.provisional),
                                            ("revised", lexicon.revised))
                 if pattern.search(text)]
        out[article] = "+".join(found)
    return out


def text_period_shared(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> str | None:
    """The evidence ("même période : année 2023 (écrite dans les deux articles)") that two
    figures of two articles, one of them at least without a publication date, are of one
    period the texts themselves establish; None when they are not.

    Each figure must carry the same closed period (``ClaimView.text_period``: written in its
    sentence, or the year of the report its article's lead names), read the same way on
    both; neither may be an estimate or a forecast (revised as time passes: two of them are
    two moments of one projection), and the two articles must name the same stages of a
    statistic's release or none ("chiffres provisoires", "bilan définitif": a provisional
    figure and the final one of one year are a revision, and without a publication date
    nothing says which release an article gives). Otherwise a missing publication date
    still blocks: unknown is not equal."""
    ta, tb = a.text_period, b.text_period
    if not ta or ta != tb or a.release != b.release:
        return None
    start, end, how = ta
    return lexicon.say("identity_period_text", period=period_label(start, end, lexicon),
                       how=lexicon.say(f"period_how_{how}"))


def period_label(start: str, end: str, lexicon: Lexicon) -> str:
    """A period as the evidence names it: "année 2023" (a calendar year), "mars 2024" (a
    calendar month), the day itself ("2024-01-01"), else "du ... au ..."."""
    if not start or not end or start == end:
        return start or end
    if start[:4] == end[:4] and start[4:] == "-01-01" and end[4:] == "-12-31":
        return lexicon.say("period_year", year=start[:4])
    if start[:7] == end[:7] and start[7:] == "-01" and _month_end(end):
        return lexicon.say("period_month", month=month_names()[int(start[5:7]) - 1],
                           year=start[:4])
    return lexicon.say("period_range", start=start, end=end)


def _month_end(day: str) -> bool:
    """Whether ``day`` (ISO) is the last day of its month."""
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).day == 1
    except ValueError:
        return False


@cache
def month_names(code: str = "fr") -> tuple[str, ...]:
    """The month names of the dates data, January first."""
    return tuple(load_data(code, "dates")["months"])
