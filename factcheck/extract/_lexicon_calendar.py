"""Calendar vocabulary (months, weekdays, cues for years and times of day) compiled into
patterns, read by :mod:`factcheck.extract.dates` and the figure scanner. Words come from
``lang/<code>/dates.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.lang import load_data
from factcheck.patterns import _alt, _spaced_alt

Pattern = regex.Pattern


@dataclass(frozen=True)
class CalendarLexicon:
    months: dict[str, int]  # month name or variant (lower case) -> 1..12
    weekdays: tuple[str, ...]
    first_day: frozenset[str]  # "1er", "premier" (lower case)
    year_min: int
    year_max: int
    month_name: Pattern
    date: Pattern  # "samedi 7 décembre 2024"
    weekday_day: Pattern  # "jeudi 12" with no month (groups weekday, day)
    weekday_day_month: Pattern  # "au mercredi 3 avril 2024" after "mardi 2" (day, month, year)
    date_span: Pattern  # "du 17 mars au 11 mai 2020"
    month_year: Pattern  # "février 2022"
    numeric_date: Pattern  # "07/12/2024", "2024-12-07"
    time: Pattern  # "22h41", "14:30"
    time_cue_hour: Pattern  # "à" before "22 heures"
    compound_duration: Pattern  # "2 h 21 min 14 s", "3 min 42 s", "9 s 58"
    clock_duration_cue: Pattern  # "a duré" before "1 h 30"
    year_cue_before: Pattern  # "en" before "2024"
    count_cue_before: Pattern  # "étaient" before "2000": a count, not a year
    count_cue_after: Pattern  # "ont" after "2000": a count, not a year
    year_list_after: Pattern  # "et 2024" after "2023": a list of years
    year_after: Pattern  # "a été une année record" after "2019": a year
    direction_after: Pattern  # "prochain" (group "next") or "dernier" (group "last") after a date
    week_word: Pattern  # "semaine 18", "semaines 11 et 17" (groups w, y, w2)
    week_letter: Pattern  # "S17", "S01/2025" (groups w, y)
    week_cue_before: Pattern  # "en" or "(" before "S17"
    english_months: dict[str, int]  # "March" -> 3 (capitalised only)
    english_date: Pattern  # "March 5, 2024", "5 March 2024", "March 2024"
    english_day_cue: Pattern  # "on" before "May 12"


@cache
def calendar_lexicon(code: str = "fr") -> CalendarLexicon:
    dates = load_data(code, "dates")
    cal = dates["calendar"]
    months = {m: i + 1 for i, m in enumerate(dates["months"])}
    months.update({k.lower(): v for k, v in dates["month_variants"].items()})
    month_alt = _alt(list(months))
    weekdays = tuple(cal["weekdays"])
    day = rf"(?:{_alt(cal['first_day'])}|[0-3]?\d)"
    year = r"(?:\s+(?P<{}>\d{{4}})(?!\d))?"
    span_from, span_to = (
        rf"(?:{_alt([w] if isinstance(w, str) else w)})" for w in (cal["span_from"], cal["span_to"])
    )

    def cue(words: list[str]) -> str:
        return _spaced_alt(words)

    markers = cal["duration_markers"]
    h, mn, sec = (_alt(markers[u]) for u in ("hour", "minute", "second"))

    week = r"(?:0?[1-9]|[1-4]\d|5[0-3])"
    week_end = (
        r"(?![\d\p{L}]|[,.]\d|\s*%)"
        rf"(?!\s+(?:{_alt(cal['week_not_followed_by'])})(?![\p{{L}}]))"
    )
    english = dates.get("english_dates", {})
    english_months = {m: i + 1 for i, m in enumerate(english.get("months", []))}
    suffixes = _alt(english.get("day_suffixes", [])) or "(?!)"
    english_alt = _alt(list(english_months)) or "(?!)"
    return CalendarLexicon(
        english_months=english_months,
        english_date=regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?P<d1>[0-3]?\d)\s+)?(?P<month>{english_alt})(?![\p{{L}}])"
            rf"(?:\s+(?P<d2>[0-3]?\d)(?:{suffixes})?(?![\p{{L}}\d]))?"
            r"(?:(?(d2),?)\s+(?P<year>\d{4})(?!\d))?"
        ),
        english_day_cue=regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(english.get('day_cues', [])) or '(?!)'})\s+$", regex.I
        ),
        months=months,
        weekdays=weekdays,
        first_day=frozenset(w.lower() for w in cal["first_day"]),
        year_min=int(cal["year_min"]),
        year_max=int(cal["year_max"]),
        month_name=regex.compile(rf"(?<![\p{{L}}])(?:{month_alt})(?![\p{{L}}])", regex.I),
        date=regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?P<weekday>{_alt(list(weekdays))})\s+)?(?P<day>{day})\s+"
            rf"(?P<month>{month_alt})(?![\p{{L}}])" + year.format("year"),
            regex.I,
        ),
        weekday_day=regex.compile(
            rf"(?<![\p{{L}}\d])(?P<weekday>{_alt(list(weekdays))})\s+(?P<day>{day})"
            r"(?![\p{L}\d]|[,.]\d|\s*\d|\s*%)"
            rf"(?=\s*(?:$|[,;:.!?)»\n])|\s+(?:{cue(cal['weekday_day_followers'])})(?:(?<=['’])|(?![\p{{L}}]))"
            rf"|\s+(?:{cue(cal['weekday_day_place_words'])})\s+(?:(?-i:\p{{Lu}})"
            rf"|[0-2]?\d\s?(?:{_alt(cal['time_hour_markers'])})(?![\p{{L}}])))",
            regex.I,
        ),
        weekday_day_month=regex.compile(
            rf"\s+{span_to}\s+(?:(?:{_alt(cal.get('span_articles', []))})\s+)?"
            rf"(?:(?:{_alt(list(weekdays))})\s+)?(?P<day>{day})\s+(?P<month>{month_alt})"
            r"(?![\p{L}])" + year.format("year"),
            regex.I,
        ),
        date_span=regex.compile(
            rf"(?<![\p{{L}}]){span_from}\s+(?P<d1>{day})(?:\s+(?P<m1>{month_alt}))?\s+"
            rf"{span_to}\s+(?:(?:{_alt(cal.get('span_articles', []))})\s+)?"
            rf"(?P<d2>{day})\s+(?P<m2>{month_alt})(?![\p{{L}}])" + year.format("y"),
            regex.I,
        ),
        month_year=regex.compile(
            rf"(?<![\p{{L}}\d])(?P<month>{month_alt})\s+(?P<year>\d{{4}})(?!\d)", regex.I
        ),
        numeric_date=regex.compile(
            r"(?=\d)(?<![\d/.-])(?:(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d{4})"
            r"|(?P<y2>\d{4})-(?P<m2>[01]\d)-(?P<d2>[0-3]\d))(?![\d/.-])"
        ),
        time=regex.compile(
            # "(?=\d)" first: the regex module then skips to the digits (twice as fast)
            r"(?=\d)(?<![\p{L}\d,.])(?P<h>[01]?\d|2[0-4])\s?"
            r"(?:[hH]\s?(?P<m>[0-5]\d)|:(?P<m2>[0-5]\d))(?![\d\p{L}])"
        ),
        time_cue_hour=regex.compile(rf"(?<![\p{{L}}])(?:{cue(cal['time_cues'])})\s+$", regex.I),
        compound_duration=regex.compile(
            rf"(?<![\p{{L}}\d,.])(?:(?P<h>\d{{1,3}})\s?(?:{h})\s?(?P<m>\d{{1,2}})\s?(?:{mn})"
            rf"(?:\s?(?P<s>\d{{1,2}})\s?(?:{sec}))?"
            rf"|(?P<m2>\d{{1,3}})\s?(?:{mn})\s?(?P<s2>\d{{1,2}})\s?(?:{sec})"
            rf"|(?P<s3>\d{{1,3}})\s?(?:{sec})\s?(?P<c3>\d{{2}}))(?![\p{{L}}\d])"
        ),
        clock_duration_cue=regex.compile(
            rf"(?<![\p{{L}}])(?:{cue(cal['clock_duration_cues'])})\s+$", regex.I
        ),
        year_cue_before=regex.compile(
            rf"(?<![\p{{L}}])(?:{cue(cal['year_cues'])})[\s-]*$", regex.I
        ),
        count_cue_before=regex.compile(
            rf"(?<![\p{{L}}])(?:{cue(cal['count_cues_before'])})\s+$", regex.I
        ),
        # "2023 et 2024", and an enumeration closed by a link: "2019, 2022 et 2023".
        # Each year may take a short phrase said again after the next: "2030 pour le charbon
        # et 2040 pour le gaz" (group "later": the next year, which must be later).
        year_list_after=regex.compile(
            r"(?:\s*,\s*\d{4}(?![\d\p{L}]))*\s*,?"
            rf"\s*(?:{_alt(cal['year_list_links'])})\s*\d{{4}}(?![\d\p{{L}}])"
            rf"|\s+(?P<phrase>{_alt(cal['year_list_phrases'])})\s+[^\d,;:.!?()\n]{{1,30}}?"
            rf"\s*,?\s*(?:{_alt(cal['year_list_links'])})\s+(?P<later>\d{{4}})\s+(?P=phrase)(?![\p{{L}}])",
            regex.I,
        ),
        year_after=regex.compile(
            rf"\s+(?:{cue(cal['year_after_verbs'])})\s+(?:[\p{{L}}'’]+\s+){{0,3}}?"
            rf"(?:{cue(cal['year_after_nouns'])})(?![\p{{L}}])",
            regex.I,
        ),
        count_cue_after=regex.compile(
            rf"\s+(?:{cue(cal['count_cues_after'])})(?![\p{{L}}])", regex.I
        ),
        direction_after=regex.compile(
            rf"\s+(?:(?P<next>{_alt(cal['next_words'])})|(?P<last>{_alt(cal['last_words'])}))"
            r"(?![\p{L}])",
            regex.I,
        ),
        week_word=regex.compile(
            rf"(?<!\d\s*|(?<![\p{{L}}])(?:{cue(cal['week_not_after'])})\s+)"
            rf"(?<![\p{{L}}])(?P<word>{_alt(cal['week_words'])})\s+(?P<w>{week})(?:/(?P<y>\d{{4}}))?"
            rf"(?:\s+(?:{_alt(cal['week_pair'])})\s+(?P<w2>{week}))?{week_end}",
            regex.I,
        ),
        week_letter=regex.compile(
            rf"(?<![\w-]){regex.escape(cal['week_letter'])}(?P<w>0[1-9]|[1-4]\d|5[0-3])"
            rf"(?:/(?P<y>\d{{4}}))?(?![\w/-])"
        ),
        week_cue_before=regex.compile(
            rf"(?:(?<![\p{{L}}])(?:{cue(cal['week_cues'])})\s+|\()$", regex.I
        ),
    )
