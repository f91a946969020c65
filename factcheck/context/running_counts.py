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
from factcheck.context._time_terms import cue_pattern
from factcheck.context.report_dates import sentence_dates
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
