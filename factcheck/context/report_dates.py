"""The period of a report: a stock's day named once ("Au 1er septembre, la France comptait
78 969 détenus"), or a period heading a sentence ("Au premier semestre 2023, ..."), dates the
figures of the sentences that follow it and say no time of their own ("La densité carcérale
s'établit à 127 %"), until another time is named.

Only a stock's day (``as_of`` of ``lang/fr/context_time.toml``: "au 1er septembre", "arrêté au
31 décembre") opening the time expressions of its sentence sets it: that is how statistics
are dated, once, for the figures of the report. A day of an event ("mardi", "le 5 août") is
not carried: a toll read later is a running count, not that day's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import cache

import regex

from factcheck.context._speech_words import introducer_pattern
from factcheck.context._time_data import time_data
from factcheck.context._time_finding import _Expr
from factcheck.context._time_terms import (
    clause_bounds,
    cue_pattern,
    future_verb,
    past_cue,
    projection_cue,
)
from factcheck.context.lexicon import source_data
from factcheck.context.report_since import since_report
from factcheck.context.timepatterns import comparison, patterns
from factcheck.context.timeref import TimeResolver
from factcheck.models import Context
from factcheck.text import sentence_spans


def sentence_dates(times: TimeResolver, sentence: str
                   ) -> tuple[bool, tuple[date, date] | None]:
    """Whether ``sentence`` names a time (the date of a statement aside: "publiés lundi
    30 septembre"), and the report's period it opens with, if any: a stock's day ("Au 1er
    septembre, ...") or a period of a month or more heading the sentence ("Au premier
    semestre 2023, ...", "En 2023, ..."), over at most ``report_day_days`` before
    publication, or a count's since-period (:func:`since_report`)."""
    exprs = [e for e in times.expressions(sentence) if not e.speech]
    if not exprs:
        return False, None
    first = exprs[0]
    low = sentence.lower()
    # A bare "au" ("remontait au 11 mars") dates a stock only when it opens the sentence.
    before = patterns()["as_of"].search(low, 0, first.start)
    as_of = first.kind == "point" and first.first is not None and first.first == first.last \
        and before is not None \
        and (before.group().strip() != _BARE or not _words_before(low, before))
    published = times.published
    # "par rapport au 19 janvier" is a comparison base, not the report's day; a day long
    # before publication ("augmenterait au 1er février", read as the last one) is no report's.
    as_of = as_of and not comparison().search(low, 0, first.start)
    days = int(time_data().words.get("report_day_days", ("92",))[0])
    if as_of and first.first is not None and (
            published is None or 0 <= (published - first.first).days <= days):
        return True, (first.first, first.first)
    # Without a publication date, the period the text writes heads its paragraph's figures
    # only (``_sentence``: the carry stops at the paragraph's end), whatever its year.
    if first.kind == "point" and first.first and first.last \
            and (first.last - first.first).days >= _MONTH_DAYS \
            and _recent(first.first, first.last, published, days, low, first.start) \
            and _openers().fullmatch(low, 0, first.start) \
            and not comparison().search(low, 0, first.start) \
            and not _apart(sentence, first.end):
        return True, (first.first, first.last)
    return True, since_report(times, sentence, first)


def _recent(first: date, last: date, published: date | None, days: int, low: str,
            start: int) -> bool:
    """Whether a period ``[first, last]`` heading a sentence at ``start`` of ``low`` may be a
    report's: over at most ``days`` before publication; without a publication date, any
    period the text writes in words (:func:`_worded`)."""
    if published is None:
        return _worded(low, start)
    return first <= published and (published - last).days <= days


def _worded(low: str, start: int) -> bool:
    """Whether the period heading a sentence at ``start`` of ``low`` opens with a word ("En
    2023, ...", "Au premier semestre 2023, ...", "Fin 2018, ..."), not with a bare year
    (the end of a line cut before it: "2013 (soit +687). Sur un an, ...")."""
    return low[start:start + 1].isalpha() or _LETTER.search(low, 0, start) is not None


_LETTER = regex.compile(r"[^\W\d_]")


def _apart(sentence: str, end: int) -> bool:
    """Whether the rest of ``sentence`` after its heading period tells that period apart
    from a report's: projected ("En 2025, le déficit atteindra 5,4 %", "devrait reculer") or
    told in the pluperfect ("En 2023, 5 000 personnes y avaient été hébergées")."""
    low = sentence.lower()
    return future_verb(sentence, end, len(sentence)) or bool(projection_cue().search(low, end)) \
        or bool(past_cue().search(low, end))


#: Days from which a period heading its sentence is the report's (a month: 28 days and more).
_MONTH_DAYS = 27


@cache
def _openers() -> regex.Pattern[str]:
    """What may come before a period heading its sentence: bullets, punctuation (no figure:
    "155 000 en janvier 2021" is a figure's period) and one of the ``report_openers`` ("en",
    "au", "au cours de")."""
    words = time_data().words.get("report_openers", ())
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"[\W_]*(?:(?:{alt})\s*)?" if alt else r"[\W_]*")


#: The as-of word that dates a stock only at the head of its sentence.
_BARE = "au"
_LEAD = regex.compile(r"[\W\d_]*")


def _words_before(low: str, before: regex.Match[str]) -> bool:
    """Whether words come before the as-of word ``before`` in ``low``: not only bullets and
    punctuation."""
    return _LEAD.fullmatch(low, 0, before.start()) is None


def report_dated(contexts: list[Context], situated: list[bool],
                 span: tuple[date, date] | None, published: str | None) -> list[Context]:
    """``contexts`` of a sentence that names no time, each figure (of a ``situated`` kind,
    not projected) left at the default period ("as of" publication) dated by the report's
    period ``span``."""
    if span is None:
        return contexts
    first, last = span[0].isoformat(), span[1].isoformat()
    return [replace(c, time_start=first, time_end=last, time_basis="report")
            if s and c.time_start is None and c.time_end == published
            and c.modality != "projected" else c
            for c, s in zip(contexts, situated, strict=True)]


def paragraph_report(span: tuple[date, date] | None, at: int, published: date | None,
                     text: str, start: int, sentence: str) -> tuple[date, date] | None:
    """The report's period ``span``, named by the sentence at ``at`` of ``text``, for the
    ``sentence`` at ``start``: in an article without a publication date, a period of more
    than a day ("En 2023, ...", "Au premier semestre 2024, ...") holds for its own paragraph
    only, the time frame the text writes there, and not for a sentence that writes another
    year ("pour le budget principal 2022") or a time the missing date would resolve ("celui
    de l'an passé")."""
    if span is None or published is not None or span[0] == span[1]:
        return span
    low = sentence.lower()
    years = {int(y) for y in _YEAR_WRITTEN.findall(sentence)}
    if "\n" in text[at:start] or years - {span[0].year, span[1].year} \
            or patterns()["relative"].search(low):
        return None
    return span


_YEAR_WRITTEN = regex.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]?\d)")


def past_frame(times: TimeResolver, sentence: str) -> tuple[date, date] | None:
    """A period of a month or more heading ``sentence`` in words and over before publication
    that is not the report's (:func:`sentence_dates`: long over, or told in the pluperfect):
    "En 2022, le groupe s'était retiré de Russie." Not projected."""
    exprs = [e for e in times.expressions(sentence) if not e.speech]
    first = exprs[0] if exprs else None
    if first is None or first.kind != "point" or not first.first or not first.last \
            or (first.last - first.first).days < _MONTH_DAYS:
        return None
    low = sentence.lower()
    if (times.published is not None and first.last >= times.published) \
            or not _openers().fullmatch(low, 0, first.start) or not _worded(low, first.start) \
            or comparison().search(low, 0, first.start) \
            or future_verb(sentence, first.end, len(sentence)) \
            or projection_cue().search(low, first.end):
        return None
    return first.first, first.last


def past_report(frame: tuple[date, date] | None, at: int, text: str, start: int,
                sentence: str) -> tuple[date, date] | None:
    """The period ``frame`` a sentence at ``at`` of ``text`` headed (:func:`past_frame`), for
    the ``sentence`` at ``start`` of its paragraph that tells its figures in the pluperfect
    or "alors" (``lead_year_past``: "Plusieurs dépréciations avaient été communiquées pour
    14,4 milliards", "Le bénéfice atteignait alors 410 millions"), else None."""
    if frame is None or "\n" in text[at:start] or not past_cue().search(sentence.lower()):
        return None
    return frame


def article_event_day(times: TimeResolver, text: str) -> date | None:
    """The day the article's event began: the first its sentences name (:func:`event_day`),
    figures or not ("Un car et un camion sont entrés en collision lundi soir.")."""
    if times.published is None or not _event_words().search(text.lower()):
        return None
    for start, end in sentence_spans(text):
        day = event_day(times, text[start:end])
        if day is not None:
            return day
    return None


def undated_event_day(times: TimeResolver, text: str) -> date | None:
    """In an article without a publication date, the day its lead (headline and first
    paragraph) dates its event with its year, heading a sentence that names the event ("Le
    29 décembre 2024, un crash s'est produit à l'aéroport ..."), the first such day."""
    if times.published is not None or not _event_words().search(text.lower()):
        return None
    lead_end = _lead_end(text)
    for start, end in sentence_spans(text):
        if start >= lead_end:
            break
        sentence = text[start:end]
        low = sentence.lower()
        exprs = times.expressions(sentence)
        if not exprs or not _event_words().search(low):
            continue
        e = min(exprs, key=lambda x: x.start)
        if e.kind == "point" and not e.speech and e.first is not None and e.first == e.last \
                and _YEAR_WRITTEN.search(sentence, e.start, e.end) \
                and not regex.search(r"\w", sentence[:e.start].lower().removesuffix("le ")
                                     .removesuffix("ce ").strip()):
            return e.first
    return None


_YEAR_WRITTEN = regex.compile(r"(?<!\d)\d{4}(?!\d)")


def _lead_end(text: str) -> int:
    """Where the lead ends: after the text's first two non-empty lines (a headline, then the
    first paragraph)."""
    seen, pos = 0, 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        seen += bool(line.strip())
        if seen == 2:
            return pos
    return len(text)


def event_day(times: TimeResolver, sentence: str) -> date | None:
    """The day an event began, when ``sentence`` names the event (``event_start`` of
    ``lang/fr/context_time.toml``: "sont entrés en collision mardi soir") with a past day or
    night of its own (not a statement's date, nor a term of comparison)."""
    e = next(event_days(times, sentence), None)
    return e.first if e is not None else None


def event_days(times: TimeResolver, sentence: str) -> Iterator[_Expr]:
    """The expressions of :func:`event_day`: each past day or night of ``sentence`` (at most
    ``event_start_days`` before publication) that dates the event the sentence names."""
    low = sentence.lower()
    published = times.published
    if published is None or not _event_words().search(low):
        return
    compare = comparison()
    days = int(time_data().words.get("event_start_days", ("7",))[0])
    for e in times.expressions(sentence):
        if e.speech or e.kind != "point" or e.first is None or e.last is None \
                or (e.last - e.first).days > 1 or compare.search(low, 0, e.start) \
                or not 0 <= (published - e.last).days <= days:
            continue
        cs, ce = clause_bounds(low, e.start, e.end)
        clause = low[cs:ce]
        # "ont indiqué les autorités vendredi": the day of a statement, not of the event.
        if _speech().search(clause):
            continue
        if _event_words().search(clause):
            yield e
            continue
        # "L'incendie, parti lundi après-midi près de Vidauban, n'est pas fixé": the event
        # named by the clause opening the sentence, the day standing apart between commas;
        # not a day of a source's count ("Le séisme du 1er janvier a fait 202 victimes, selon
        # un décompte diffusé mardi"), nor when that clause dates the event itself.
        if cs > 0 and not introducer_pattern(source_data().introducers).search(clause):
            fs, fe = clause_bounds(low, 0, 0)
            if _event_words().search(low, fs, fe) and not any(
                    x.start < fe and fs < x.end for x in times.expressions(sentence)):
                yield e


def event_dated(contexts: list[Context], situated: list[bool], day: date | None,
                published: str | None) -> list[Context]:
    """``contexts`` of an article whose event began on ``day``: each figure (of a
    ``situated`` kind, not projected) left at the default period ("as of" publication) is a
    running count from that day to publication (``time_basis`` "event": a reading
    cross-referencing neither ties nor separates figures by)."""
    if day is None:
        return contexts
    iso = day.isoformat()
    if published is None:
        # An undated article whose lead dates its event: its figures that say no time are of
        # that day (what the article reports, its writing day unknown).
        return [replace(c, time_start=iso, time_end=iso, time_basis="event")
                if s and c.time_start is None and c.time_end is None
                and c.modality != "projected" else c
                for c, s in zip(contexts, situated, strict=True)]
    return [replace(c, time_start=iso, time_basis="event")
            if s and c.time_start is None and c.time_end == published
            and c.modality != "projected" and iso <= published else c
            for c, s in zip(contexts, situated, strict=True)]


@cache
def _speech() -> regex.Pattern[str]:
    """A speech verb's form anywhere in a clause (``speech_before`` without its anchor)."""
    return regex.compile(patterns()["speech_before"].pattern.removesuffix(r"\s*$"))


@cache
def _event_words() -> regex.Pattern[str]:
    return cue_pattern("event_start", r"[sx]?(?!\w)")
