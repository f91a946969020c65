"""Patterns of the time expressions ``factcheck.context.timeref`` resolves, built once from
``lang/fr/context_time.toml`` (and the speech verbs of ``context_source.toml``, which mark the
date of a statement)."""

from __future__ import annotations

from functools import lru_cache

import regex

from factcheck.context._time_data import time_data
from factcheck.context._trie import longest_first
from factcheck.context.lexicon import source_data

#: A year of a time reference: 1000 to 2999, so that a period counted from it ("l'hiver
#: 9999", "le mois précédent" after "mars 0000") stays within the calendar of ``datetime``.
YEAR = r"[12]\d{3}"


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """Regex alternatives of ``words``, longest first (merged by their beginnings: the same
    matches as the plain alternation, found faster, :mod:`._trie`)."""
    return longest_first(list(words))


def _prefix(words: tuple[str, ...]) -> str:
    """Words followed by a space, unless they end in an apostrophe or a hyphen."""
    return "(?:" + longest_first(
        [w + ("" if w.endswith(("'", "-")) else " ") for w in words]) + ")"


@lru_cache(maxsize=1)
def comparison() -> regex.Pattern[str]:
    """Text ending with a comparison marker: "8 % de plus qu'", "par rapport à"."""
    w = time_data().words
    return regex.compile(
        rf"(?:\b(?:{_alt(w['comparison_words'])})\b[^.,;]{{0,40}}\b(?:{_alt(w['comparison_that'])})"
        rf"|\b{_prefix(w['comparison_preps'])}[^,;:()\d]{{0,40}}?)(?:\w+ ){{0,2}}$"
    )


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern[str]]:
    d = time_data()
    w = d.words
    months = _alt(d.months)
    days = _alt(d.weekdays)
    seasons = _alt(list(d.seasons))
    never = regex.compile(r"(?!)")
    src = source_data()
    forms = set(src.speech_forms)
    for lemma in src.speech_verbs:
        if " " in lemma:
            continue
        for ending, form in d.speech_form_suffixes:
            if lemma.endswith(ending):
                forms.add(lemma[: len(lemma) - len(ending)] + form)
    year = r"(?:19|20)\d{2}"
    part = _alt(w["month_start"] + w["month_end"] + w["month_mid"])
    ends = _alt(w["year_part_first"] + w["year_part_last"])
    current = w.get("year_part_current", [])
    this_year = rf"(?:{_prefix(w['of_year'])}(?P<y>{year})\b" + (
        rf"|(?P<cur>{_alt(current)})(?![\w-])" if current else "") + ")"
    return {
        "since_anchor": regex.compile(
            rf"\b{_prefix(w['since_named'])}(?P<a>{_alt(list(d.anchors))})\b"
        )
        if d.anchors
        else never,
        "since_relative": regex.compile(
            rf"\b{_prefix(w['since_named'])}(?P<r>{_alt(list(d.since_relative))})(?!\w)"
        )
        if d.since_relative
        else never,
        "since": regex.compile(
            rf"\b{_prefix(w['since'])}(?:{_prefix(w['day_article'])}(?P<d>\d{{1,2}}) )?"
            rf"(?:{_prefix(w.get('since_part_article', []))}?(?P<p>{part})[ -]?"
            rf"{_prefix(w.get('part_month_link', []))}?)?"
            rf"(?:(?P<m>{months})(?: (?P<y>{YEAR}))?"
            rf"|{_prefix(w.get('since_year_noun', []))}?(?P<yo>{YEAR}))\b"
        ),
        # "depuis la fin de l'année dernière", "depuis le début de l'an dernier".
        "since_part_relative": regex.compile(
            rf"\b{_prefix(w['since_named'])}{_prefix(w.get('since_part_article', []))}?"
            rf"(?P<p>{part})[ -]?{_prefix(w.get('part_month_link', []))}?"
            rf"(?P<r>{_alt(list(d.relative))})(?!\w)"
        )
        if d.relative
        else never,
        "until": regex.compile(
            rf"\b{_prefix(w['until'])}(?:{_prefix(w['until_articles'])}?(?P<s>{seasons})"
            rf"(?: (?P<sy>{YEAR}))?"
            rf"|{_prefix(w['end_of'])}(?:(?:{_alt(w['end_of_year'])})|(?P<fmo>{_alt(w['end_of_month'])})"
            rf"|(?P<fm>{months})|(?P<fy>{YEAR}))"
            rf"|(?P<m>{months})(?: (?P<my>{YEAR}))?|(?P<y>{YEAR}))\b"
        ),
        "night": regex.compile(
            rf"\b{_prefix(w['night'])}{_prefix(w['night_from'])}(?P<a>{days}) "
            rf"{_prefix(w['night_to'])}(?P<b>{days})\b"
        ),
        "date": regex.compile(
            rf"\b(?P<d>\d{{1,2}}|{_alt(w['first_day'])}) (?P<m>{months})(?: (?P<y>{YEAR}))?\b"
        ),
        # "du 6 au 12 janvier", "entre le 17 et le 23 mars", "du 30 décembre au 5 janvier".
        "day_range": regex.compile(
            rf"\b(?:{_prefix(w['day_range_from'])}|{_prefix(w['between'])}"
            rf"{_prefix(w['day_article'])})(?P<d1>\d{{1,2}}|{_alt(w['first_day'])})"
            rf"(?: (?P<m1>{months}))?(?: (?P<y1>{YEAR}))? "
            rf"(?:{_prefix(w['day_range_to'])}|{_prefix(w['between_and'])}"
            rf"{_prefix(w['day_article'])})(?P<d2>\d{{1,2}}) (?P<m2>{months})(?: (?P<y>{YEAR}))?\b"
        ),
        # "les 8 et 9 mars", "le week-end des 8 et 9 mars": two days running (checked where
        # read); "les 3 et 10 mars" are two days apart, not a span.
        "day_pair": regex.compile(
            rf"\b{_prefix(w['day_pair_from'])}(?P<d1>\d{{1,2}}|{_alt(w['first_day'])})"
            rf"(?P<m1>(?!))?(?P<y1>(?!))? {_prefix(w['between_and'])}(?P<d2>\d{{1,2}}) "
            rf"(?P<m2>{months})(?: (?P<y>{YEAR}))?\b"
        ) if w.get("day_pair_from") else never,
        # "entre vendredi et dimanche", "de lundi à mercredi", "samedi et dimanche" (two days
        # running when no word opens it).
        "weekday_range": regex.compile(
            rf"\b(?:(?P<f>{_prefix(w['weekday_range_from'])}){_prefix(w['day_article'])}?)?"
            rf"(?P<a>{days}) {_prefix(w['weekday_range_to'])}{_prefix(w['day_article'])}?"
            rf"(?P<b>{days})\b"
        ) if w.get("weekday_range_from") else never,
        "part_month": regex.compile(
            rf"\b(?P<p>{part})[ -]?(?:{_prefix(w.get('part_month_link', []))})?(?P<m>{months})"
            rf"(?: (?P<y>{YEAR}))?\b"
        ),
        # "la dernière semaine de 2024"; "de l'année" alone is the publication's year.
        "year_week": regex.compile(
            rf"\b(?P<o>{ends}) {_prefix(w['year_week'])}{this_year}"
        ),
        # "en semaine 18", "depuis la S17", "S01/2025": a numbered week (``w`` the number).
        # Not "la semaine 18 du procès", "la semaine 12 de grève": a week of an event.
        "week_number": regex.compile(
            rf"(?<!\w)(?:{_prefix(w['week_number_before'])}{_prefix(w['week_number'])}"
            rf"(?P<w>\d{{1,2}})|{_prefix(w['week_number_short_before'])}"
            rf"(?:{_alt(w['week_number_short'])})(?P<w>\d{{2}}))"
            rf"(?:(?:{_alt(w['week_number_year'])})(?P<y>{year}))?(?![\w/])"
            rf"(?! {_prefix(w['week_number_of'])}(?!{_alt(w['week_number_of_year'])})\p{{L}})"
        ) if w.get("week_number") else never,
        # "les six premiers mois de 2022", "les neuf premiers mois de l'année".
        "year_months": regex.compile(
            rf"\b(?P<n>\d{{1,2}}|\p{{L}}+) (?P<o>{ends}) {_prefix(w['year_months'])}{this_year}"
        ),
        "month_year": regex.compile(
            rf"\b{_prefix(w['month_year_prefix'])}?(?P<m>{months}) (?P<y>{YEAR})\b"
        ),
        "in_month": regex.compile(rf"\b{_prefix(w['in_month'])}(?P<m>{months})\b"),
        "season": regex.compile(
            rf"\b{_prefix(w['season_prefix'])}(?P<s>{seasons})(?: (?P<y>{YEAR}))?\b"
        ),
        "part_year": regex.compile(rf"\b(?P<p>{_alt(list(d.year_parts))})[ -]?(?P<y>{year})\b"),
        "between_months": regex.compile(
            rf"\b{_prefix(w['between'])}(?P<a>{months}) {_prefix(w['between_and'])}(?P<b>{months})"
            rf"(?: (?P<y>{YEAR}))?\b"
        ),
        "month_range": regex.compile(
            rf"\b{_prefix(w['month_range_from'])}(?P<a>{months}) {_prefix(w['month_range_to'])}"
            rf"(?P<b>{months})(?: (?P<y>{YEAR}))?\b"
        ),
        "between_years": regex.compile(
            rf"\b{_prefix(w['between'])}(?P<a>{year}) {_prefix(w['between_and'])}(?P<b>{year})\b"
        ),
        # "l'épidémie de 2005-2006", "la moyenne 2019-2023": the years from the first to the
        # last (a season, "la saison 2023-2024", is an edition found before).
        "year_span": regex.compile(
            rf"(?<![\d.,/-])(?P<a>{year}) ?[-–] ?(?P<b>{year})(?![\d/-])"),
        "quarter": regex.compile(
            rf"\b{_prefix(w['quarter_prefix'])}(?P<q>{_alt(list(d.quarters))}) "
            rf"(?:{_alt(w['quarter'])})(?: {_prefix(w['quarter_year_link'])}?(?P<y>{year}))?\b"
        ),
        "semester": regex.compile(
            rf"\b{_prefix(w['quarter_prefix'])}(?P<q>{_alt(list(d.semesters))}) "
            rf"(?:{_alt(w['semester'])})(?: {_prefix(w['quarter_year_link'])}?(?P<y>{year}))?\b"
        )
        if d.semesters
        else never,
        # "le plus sec depuis 1959", "au plus bas depuis mars 2020", "du jamais-vu depuis
        # 2015": a record's reference, not when the figure holds.
        "record_since": regex.compile(
            rf"(?:^|[^\w'’-]){_alt(w['record_before'])}(?:[ '’-][^\s\d,;:.()]+){{0,4}} $"
        ) if w.get("record_before") else never,
        "since_point": regex.compile(rf"\b{_prefix(w['since_point'])}$"),
        # "depuis son départ jeudi", "depuis le début de l'incendie mardi": the event's start.
        "since_started": regex.compile(
            rf"\b{_prefix(w['since_named'])}{_prefix(w['since_started_determiners'])}"
            rf"(?:{_alt(w['since_started_nouns'])})"
            rf"(?: {_prefix(w['since_started_links'])}{_prefix(w['since_started_determiners'])}?"
            rf"[^\W\d]+)?,? (?:{_prefix(w['day_article'])})?$")
        if w.get("since_started_nouns") else never,
        # "depuis le début de l'épidémie, en août 2024": a date in apposition to a since-phrase.
        "since_apposed": regex.compile(rf"\b{_prefix(w['since_apposed'])}[^,.;:()]{{1,40}}, $")
        if w.get("since_apposed") else never,
        # ", inaugurée le 3 mai 2021,", "Créée en 2019,": a thing's origin in an apposition.
        "origin_apposed": regex.compile(
            rf"(?:^|[,(]\s*){_prefix(w['origin_participles'])}"
            rf"{_prefix(w.get('origin_links', []))}?$")
        if w.get("origin_participles") else never,
        "as_of": regex.compile(rf"(?:^|\s){_prefix(w['as_of'])}$") if w.get("as_of") else never,
        "year": regex.compile(rf"\b{_prefix(w['year_prefix'])}(?P<y>{year})\b"),
        # "une perte de 140 M€ pour 2023,": a year that closes its phrase ("pour 2000 euros"
        # is an amount).
        "year_closed": regex.compile(
            rf"\b{_prefix(w['year_prefix_closed'])}(?P<y>{year})(?=\s*(?:[,;:.)»]|$))"
        ) if w.get("year_prefix_closed") else never,
        # "derrière 2016 (27,6 Mt)", "les années 2019 (88,1 %), 2018 (88,3 %)".
        "year_glossed": regex.compile(rf"(?<![\d,.'’-]|\d )(?P<y>{year}) (?=\()"),
        "weekday": regex.compile(rf"\b(?P<w>{days})\b"),
        # "dans la nuit du 13 au 14 juin": a relative period followed by the dates it names.
        "named_after": regex.compile(r"\s+(?:du\s+|de\s+|d'|de\s+la\s+)?"),
        # "mardi 7 février": a weekday followed by its day of the month is part of that date.
        "weekday_dated": regex.compile(
            rf"\s+(?:\d{{1,2}}|{_alt(w['first_day'])})\s+(?:{months})\b"),
        "relative": regex.compile(rf"(?<!\w)(?P<r>{_alt(list(d.relative))})(?!\w)")
        if d.relative
        else never,
        # "a déclaré jeudi", not the reflexive "l'incendie s'est déclaré jeudi" (broke out).
        "speech_before": regex.compile(
            rf"(?<!(?:{_alt(w['reflexive_before'])}) )\b(?:{_alt(sorted(forms))})\s*$"
            if w.get("reflexive_before") else rf"\b(?:{_alt(sorted(forms))})\s*$"),
    }


def starts_period(low: str, start: int, end: int, day: bool = False) -> bool:
    """Whether the expression at ``low[start:end]`` starts a period: after "depuis" ("depuis
    lundi"), a ``day`` after the start of an event ("depuis son départ jeudi"; not "le plus
    bas depuis le début du mouvement en janvier", a record's month), or between commas after
    a since-phrase ("depuis le début de l'épidémie, en août 2024, ...")."""
    pats = patterns()
    return bool(pats["since_point"].search(low[:start])
                or (day and pats["since_started"].search(low, max(0, start - 80), start)) or (
        pats["since_apposed"].search(low[:start]) and low[end:].lstrip().startswith(",")))
