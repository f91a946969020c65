"""A running count read at a day of its own: "Ce mercredi, le dernier bilan fait état de 32
morts" the day after a collision, "Au 3 août, l'agence avait recensé 455 décès" after "548
décès depuis le début de l'année". Such a toll or tally is counted from the start of its
story to that day, not over that day alone: from the day the article's event began
(:func:`factcheck.context.report_dates.article_event_day`), or from the start of the
since-period the sentence right before opens with (:func:`factcheck.context.report_since.
since_report`: "Depuis le début de l'épidémie, en août 2024, 20 242 cas ont été signalés. A ce
jour, 31 cas graves ...").

Only a figure of a count (a situated kind, no percentage or amount of money) whose period is
one day read in its sentence, after that start and not after publication, in a sentence with
a word of counting (``running_count_words`` of ``lang/fr/context_time.toml``: "bilan",
"recensé", "signalés", "fait état"); a stock ("étaient hospitalisés") says no such word. It
takes ``time_basis`` "running", which cross-referencing reads by its day alone, as before: the
day written says which count it is (``crossref/text_periods.py``, ``counted_day``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache

import regex

from factcheck.context._figure_traits import is_situated
from factcheck.context._time_terms import clause_bounds, cue_pattern
from factcheck.context.report_dates import event_days, sentence_dates
from factcheck.context.timeref import TimeResolver
from factcheck.models import Claim, Context, Kind
from factcheck.text import sentence_spans

#: The time basis of a running count read at a day of its own.
RUNNING = "running"

#: Kinds of a count a story runs: not a share, an amount or a measure.
_COUNTS = frozenset({Kind.COUNT})


def running_dated(text: str, claims: Sequence[Claim], contexts: list[Context],
                  times: TimeResolver, event: date | None) -> list[Context]:
    """``contexts`` with each running count read at a day of its own counted from its story's
    start: the day ``event`` began, or the since-period the sentence of ``text`` right
    before opens with."""
    published = times.published
    if published is None:
        return contexts
    # The figures that may be running counts: a count read at one day, in a sentence of
    # counting (most articles have none, and are left at once).
    days = {j: d for j, c in enumerate(claims)
            if (d := _one_day(contexts[j])) is not None and d <= published and _counted(c)}
    if not days:
        return contexts
    out = list(contexts)
    last = max(claims[j].sentence_start for j in days)
    since: date | None = None
    for start, end in sentence_spans(text):
        if start > last:
            break
        begin = since or event
        for j, day in days.items():
            if start <= claims[j].sentence_start < end and begin is not None and begin < day:
                out[j] = replace(out[j], time_start=begin.isoformat(), time_basis=RUNNING)
        sentence = text[start:end]
        says_when, span = sentence_dates(times, sentence)
        if says_when:
            firsts = [e for e in times.expressions(sentence) if not e.speech]
            since = span[0] if span is not None and firsts and firsts[0].kind == "since" \
                else None
    return out


def event_started(claims: Sequence[Claim], contexts: list[Context], times: TimeResolver
                  ) -> list[Context]:
    """``contexts`` with each toll whose sentence names, before it, the day its event began
    ("Un séisme a frappé dimanche soir, faisant au moins 48 morts", "L'incendie qui a démarré
    lundi a parcouru 3 400 hectares, a indiqué mercredi la préfecture") counted from that day
    to the report's: the day its sentence dates it by (a statement's, "a indiqué mercredi"),
    else publication. Such a toll is a running total (it grows with the days), not the count
    of the event's day alone; it takes ``time_basis`` "running", read by its report day
    (``crossref/text_periods.py``). A toll right after the day is that day's ("L'incendie
    avait parcouru mardi 900 hectares", "L'accident qui a fait mardi 4 morts")."""
    published = times.published
    if published is None:
        return contexts
    out = list(contexts)
    for j, claim in enumerate(claims):
        ctx = contexts[j]
        if ctx.time_basis is not None or ctx.modality == "projected" \
                or claim.mention.kind not in _EVENT_KINDS or not _toll(claim):
            continue
        at = claim.mention.start - claim.sentence_start
        low = claim.sentence.lower()
        began = [e.first for e in event_days(times, claim.sentence)
                 if e.end <= at and e.first is not None and not _own_day(low, e.end, at)]
        if not began:
            continue
        day = began[0]
        said = [e.first for e in times.expressions(claim.sentence)
                if e.speech and e.first is not None and e.first == e.last
                and day < e.first <= published]
        end = said[0] if said else published
        ts, te = ctx.time_start, ctx.time_end
        if ts == te and ts is not None and day.isoformat() < ts <= published.isoformat():
            end = date.fromisoformat(ts)  # "L'incendie qui a démarré lundi avait parcouru ..."
        elif (ts, te) != (day.isoformat(), day.isoformat()):
            # A period of its own ("depuis jeudi", "en une semaine"); none (the day read as
            # the event's start, ``_other_events``): a toll of the article's event
            # (``report_dates.event_dated``).
            continue
        if day < end:
            out[j] = replace(ctx, time_start=day.isoformat(), time_end=end.isoformat(),
                             time_basis=RUNNING)
    return out


def _own_day(low: str, end: int, at: int) -> bool:
    """Whether the figure at ``at`` follows the day ending at ``end`` with only a part of
    the day between (``event_day_tail``: "mardi soir"): the day is the figure's."""
    return _day_tail().fullmatch(low, end, at) is not None


@cache
def _day_tail() -> regex.Pattern[str]:
    return regex.compile(rf"\s*(?:{cue_pattern('event_day_tail').pattern}\s*)*")


#: Kinds of a toll an event runs up: people counted, an area burnt or flooded.
_EVENT_KINDS = frozenset({Kind.COUNT, Kind.QUANTITY})


def _toll(claim: Claim) -> bool:
    """Whether ``claim`` is a toll: a word of ``event_toll_words`` ("morts", "blessés",
    "parcouru", "ravagé") of its clause is its own noun or verb, after it with at most
    four words of its noun and verb between ("faisant 48 morts", "12 personnes ont été
    évacuées", none of ``event_toll_after_stops``: "52 passagers dont 3 morts") or right
    before it, only ``event_toll_links`` between ("a parcouru 3 400 hectares", "la mort d'au
    moins 36 personnes"); not "3 morts parmi les 52 passagers" for the passengers."""
    m = claim.mention
    if not is_situated(m):
        return False
    at, to = m.start - claim.sentence_start, m.end - claim.sentence_start
    low = claim.sentence.lower()
    cs, ce = clause_bounds(claim.sentence, at, to)
    for w in _toll_words().finditer(low, cs, ce):
        if w.end() <= at and _links().fullmatch(low, w.end(), at):
            return True
        between = low[to:w.start()]
        if w.start() >= to and not _DIGIT.search(between) \
                and len(between.split()) <= _AFTER_WORDS and not _after_stops().search(between):
            return True
    return False


#: Words at most between a figure and its toll word after it ("12 personnes ont été évacuées").
_AFTER_WORDS = 4
_DIGIT = regex.compile(r"\d")


@cache
def _toll_words() -> regex.Pattern[str]:
    return cue_pattern("event_toll_words", r"\w*")


@cache
def _links() -> regex.Pattern[str]:
    return regex.compile(rf"\s*(?:(?:{cue_pattern('event_toll_links', '').pattern})\s*)*")


@cache
def _after_stops() -> regex.Pattern[str]:
    return cue_pattern("event_toll_after_stops")


def _one_day(ctx: Context) -> date | None:
    """The one day a figure's period read in its sentence is, or None."""
    if ctx.time_basis is not None or not ctx.time_start or ctx.time_start != ctx.time_end:
        return None
    try:
        return date.fromisoformat(ctx.time_start)
    except ValueError:  # a day without a year ("--08-03")
        return None


def _counted(claim: Claim) -> bool:
    """Whether ``claim`` is a count its sentence says is tallied ("bilan", "recensé")."""
    m = claim.mention
    return m.kind in _COUNTS and is_situated(m) \
        and _words().search(claim.sentence.lower()) is not None


@cache
def _words() -> regex.Pattern[str]:
    return cue_pattern("running_count_words", r"\w*")
