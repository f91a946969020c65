"""Calendar figures: dates ("samedi 7 décembre", "24 février 2022", "février 2022"), times
of day ("22h41") and their ISO 8601 resolution against the publication date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Literal

import regex

from factcheck.deadline import checkpoint
from factcheck.extract.lexicon import Lexicon
from factcheck.models import Kind, Mention
from factcheck.patterns import Folded

Direction = Literal["next", "last"]


def nearest_year(month: int, day: int, published: date) -> int:
    """The year that puts ``day``/``month`` closest to the publication date.

    An article of 8 December 2024 that mentions "le 20 janvier" means 20 January 2025;
    one of 5 January 2026 mentioning "le 28 décembre" means 28 December 2025.
    """
    best_year, best_gap = published.year, None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            gap = abs((date(year, month, day) - published).days)
        except ValueError:  # 29 February in a common year
            continue
        if best_gap is None or gap < best_gap:
            best_year, best_gap = year, gap
    return best_year


def directed_year(month: int, day: int, published: date, direction: Direction) -> int | None:
    """The year of the first ``day``/``month`` after the publication date ("le 30 septembre
    prochain") or of the last one before it ("le 12 janvier dernier"); ``None`` for a day
    that no month has ("31 avril"). The publication day itself is neither."""
    step = 1 if direction == "next" else -1
    for offset in range(9):  # a 29 February comes back within eight years
        year = published.year + step * offset
        try:
            day_in_year = date(year, month, day)
        except ValueError:
            continue
        if (day_in_year - published).days * step > 0:
            return year
    return None


def resolve_day(
    day: int,
    month: int,
    year: int | None,
    published: date | None,
    direction: Direction | None = None,
) -> str | None:
    """ISO 8601 for a day of a month: ``YYYY-MM-DD``, or ``--MM-DD`` when no year is known.
    Without a year, ``direction`` says which side of the publication date the day lies on;
    otherwise the nearest one is taken."""
    if year is None and published is not None:
        if direction is not None:
            year = directed_year(month, day, published, direction)
        else:
            year = nearest_year(month, day, published)
    try:
        if year is None:
            date(2000, month, day)  # validates day/month (2000 is a leap year)
            return f"--{month:02d}-{day:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _direction(text: str, end: int, lex: Lexicon) -> Direction | None:
    """ "prochain" or "dernier" right after a date ending at ``end``."""
    m = lex.calendar.direction_after.match(text, end)
    if m is None:
        return None
    return "next" if m.group("next") else "last"


def _calendar(
    text: str, start: int, end: int, kind: Kind, resolved: str | None, rule: str
) -> Mention:
    """A date or time of day: no value, its ISO 8601 resolution in ``resolved``."""
    return Mention(start, end, text[start:end], kind, None, resolved=resolved, rule=rule)


def _duration(text: str, start: int, end: int, value: float, unit: str) -> Mention:
    return Mention(
        start,
        end,
        text[start:end],
        Kind.DURATION,
        value,
        value,
        value,
        unit,
        number_start=start,
        number_end=end,
        rule="clock_duration",
    )


def _compound_duration(text: str, m: regex.Match) -> Mention:
    """ "2 h 21 min 14 s" (in seconds), "4 h 05 min" (in minutes), "9 s 58" (seconds and
    hundredths): the total in the smallest unit written."""
    g = m.groupdict()
    if g["h"] is not None and g["s"] is None:
        value, unit = float(int(g["h"]) * 60 + int(g["m"])), "minute"
    elif g["h"] is not None:
        value, unit = float((int(g["h"]) * 60 + int(g["m"])) * 60 + int(g["s"])), "second"
    elif g["m2"] is not None:
        value, unit = float(int(g["m2"]) * 60 + int(g["s2"])), "second"
    else:
        value, unit = int(g["s3"]) + int(g["c3"]) / 100, "second"
    return _duration(text, m.start(), m.end(), value, unit)


def _day_number(token: str, lex: Lexicon) -> int | None:
    token = token.lower()
    if token in lex.calendar.first_day:
        return 1  # "1er", "premier"
    return int(token) if token.isdigit() else None


def _around_months(text: str, months: list, pattern, *, before: int, after: int):
    """Matches of ``pattern`` near month names only: scanning the whole text is slow."""
    seen: set[int] = set()
    for month in months:
        checkpoint()
        lo = max(0, month.start() - before)
        for m in pattern.finditer(text, lo, min(len(text), month.end() + after)):
            if m.start() not in seen and m.start() <= month.start() < m.end():
                seen.add(m.start())
                yield m


# A capitalised word right before a month: a first name ("Theresa May", "June" after
# "Brian"), the month then a surname.
_NAME_BEFORE = regex.compile(r"(?<![\p{L}'’-])\p{Lu}\p{Ll}[\p{L}-]*[^\S\n]+$")


def _english_dates(text: str, lex: Lexicon, published: date | None) -> Iterator[Mention]:
    """Dates in English ("March 5, 2024", "5 March 2024", "March 2024"): a month with a day
    or a year next to it; the day is no count and the year no count either."""
    cal = lex.calendar
    if not any(month in text for month in cal.english_months):
        return  # a fast test: most texts have no English month
    for m in cal.english_date.finditer(text):
        day_text = m.group("d1") or m.group("d2")
        year = int(m.group("year")) if m.group("year") else None
        month = cal.english_months[m.group("month")]
        if (m.group("d1") and m.group("d2")) or (day_text is None and year is None):
            continue
        if year is not None and not cal.year_min <= year <= cal.year_max:
            continue
        if year is None and m.group("d2") and not cal.english_day_cue.search(
            text, max(0, m.start() - 8), m.start()
        ):
            continue  # "Theresa May 2 fois": a name; "on May 12" is a date
        if day_text is None and _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Theresa May 2016-2019", "Brian May 2022": a surname, then a year
        if day_text is None:
            resolved: str | None = f"{year:04d}-{month:02d}"
        elif 1 <= int(day_text) <= 31:
            resolved = resolve_day(int(day_text), month, year, published)
        else:
            continue
        yield _calendar(text, m.start(), m.end(), Kind.DATE, resolved, "english_date")


#: How far from the publication date a weekday and its day number may resolve, in days.
_WEEKDAY_REACH = 21


def _weekday_day(weekday: int, day: int, published: date | None) -> str | None:
    """The day ``day`` of the publication's month (or of the month before or after, the
    nearest) that falls on ``weekday`` (0 = Monday), within three weeks of the publication;
    ``None`` when none does: the date stays unresolved."""
    if published is None:
        return None
    best: date | None = None
    for shift in (-1, 0, 1):
        month0 = published.month - 1 + shift
        year, month = published.year + month0 // 12, month0 % 12 + 1
        try:
            day_in_month = date(year, month, day)
        except ValueError:
            continue
        gap = abs((day_in_month - published).days)
        if day_in_month.weekday() == weekday and gap <= _WEEKDAY_REACH and (
            best is None or gap < abs((best - published).days)
        ):
            best = day_in_month
    return best.isoformat() if best else None


def _weekday_days(
    text: str, lex: Lexicon, published: date | None, folded: Folded | None = None
) -> Iterator[Mention]:
    """A weekday and a day number without a month ("jeudi 12", "le samedi 24 au soir"): a
    date, never a count. A later day with its month gives the month ("du mardi 2 au mercredi
    3 avril"); otherwise the day is resolved in the publication's month only when the weekday
    agrees, else it stays unresolved. Not after a count cue ("ils étaient samedi 24 à ...")."""
    cal = lex.calendar
    folded = folded or Folded(text)
    low = text.lower() if folded.low is None else folded.low  # once, not once per weekday
    if not any(w in low for w in cal.weekdays):
        return
    # tried where a weekday's name starts only, on the text itself: the pattern's capital
    # after "à" ("samedi 12 à Paris") is case-sensitive
    for m in folded.finditer_at(cal.weekday_day, cal.weekdays, fold=False):
        checkpoint()
        day = _day_number(m.group("day"), lex)
        if day is None or not 1 <= day <= 31:
            continue
        if cal.count_cue_before.search(text, max(0, m.start() - 24), m.start()):
            continue
        resolved = None
        if later := cal.weekday_day_month.match(text, m.end()):
            month = cal.months.get(later.group("month").lower())
            later_day = _day_number(later.group("day"), lex)
            if month is not None and later_day is not None:
                year = int(later.group("year")) if later.group("year") else None
                if day > later_day:  # "du mardi 30 au jeudi 2 mai": the month before
                    month, year = (12, year - 1 if year else None) if month == 1 else (
                        month - 1, year)
                resolved = resolve_day(day, month, year, published)
        else:
            weekday = cal.weekdays.index(m.group("weekday").lower())
            resolved = _weekday_day(weekday, day, published)
        yield _calendar(text, m.start(), m.end(), Kind.DATE, resolved, "weekday_day")


def find_calendar(
    text: str, lex: Lexicon, published: date | None, folded: Folded | None = None
) -> Iterator[Mention]:
    """Dates and times of day in ``text``, in no particular order (may overlap)."""
    folded = folded or Folded(text)
    months = folded.finditer_at(lex.calendar.month_name, lex.month_anchors)
    for m in _around_months(text, months, lex.calendar.date_span, before=40, after=8):
        # "du 17 mars au 11 mai 2020", "du 2 au 5 juin": the first day takes the month and
        # the year of the second.
        day = _day_number(m.group("d1"), lex)
        month = lex.calendar.months.get((m.group("m1") or m.group("m2")).lower())
        year = int(m.group("y")) if m.group("y") else None
        if day is None or month is None:
            continue
        direction = None if year else _direction(text, m.end(), lex)
        resolved = resolve_day(day, month, year, published, direction)
        end = m.end("m1") if m.group("m1") else m.end("d1")
        if 1 <= day <= 31:
            yield _calendar(text, m.start("d1"), end, Kind.DATE, resolved, "date_span")
    for m in _around_months(text, months, lex.calendar.date, before=24, after=6):
        day = _day_number(m.group("day"), lex)
        month = lex.calendar.months.get(m.group("month").lower())
        if day is None or month is None or not 1 <= day <= 31:
            continue
        year = int(m.group("year")) if m.group("year") else None
        # An impossible date ("31 avril") stays a date, unresolved: its day is no count.
        direction = None if year else _direction(text, m.end(), lex)
        resolved = resolve_day(day, month, year, published, direction)
        yield _calendar(text, m.start(), m.end(), Kind.DATE, resolved, "date")
    for m in _around_months(text, months, lex.calendar.month_year, before=0, after=6):
        month = lex.calendar.months.get(m.group("month").lower())
        year = int(m.group("year"))
        if month and lex.calendar.year_min <= year <= lex.calendar.year_max:
            resolved = f"{year:04d}-{month:02d}"
            yield _calendar(text, m.start(), m.end(), Kind.DATE, resolved, "month_year")
    yield from _english_dates(text, lex, published)
    yield from _weekday_days(text, lex, published, folded)
    for m in lex.calendar.numeric_date.finditer(text):
        if m.group("y"):
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        else:
            d, mo, y = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
        if not 1 <= mo <= 12:
            continue
        resolved = resolve_day(d, mo, y, published)
        if resolved:
            yield _calendar(text, m.start(), m.end(), Kind.DATE, resolved, "numeric_date")
    for m in lex.calendar.compound_duration.finditer(text):
        yield _compound_duration(text, m)
    for m in lex.calendar.time.finditer(text):
        minutes = m.group("m") or m.group("m2")
        hour = int(m.group("h"))
        if hour == 24 and minutes != "00":
            continue
        if m.group("m") and lex.calendar.clock_duration_cue.search(
            text, max(0, m.start() - 16), m.start()
        ):
            # "a duré 1 h 30", "bouclé en 2 h 05": a length of time, in minutes
            value = hour * 60 + int(minutes)
            yield _duration(text, m.start(), m.end(), float(value), "minute")
            continue
        resolved = f"{hour:02d}:{minutes}"
        yield _calendar(text, m.start(), m.end(), Kind.TIME, resolved, "time")


def resolve_week(week: int, year: int | None, published: date | None) -> str | None:
    """ISO 8601 for a week of the year, ``YYYY-Www``; without a year, the year that puts the
    week closest to the publication date; ``None`` when neither is known or the week does not
    exist (week 53 of most years)."""
    candidates = [year] if year else [published.year + d for d in (-1, 0, 1)] if published else []
    best: tuple[int, int] | None = None
    for y in candidates:
        try:
            monday = date.fromisocalendar(y, week, 1)
        except ValueError:
            continue
        gap = abs((monday - published).days) if published and not year else 0
        if best is None or gap < best[0]:
            best = (gap, y)
    return f"{best[1]:04d}-W{week:02d}" if best else None


def find_weeks(text: str, lex: Lexicon, published: date | None) -> Iterator[Mention]:
    """Numbered weeks of the year, read as dates: "semaine 18", "les semaines 11 et 17" (two
    dates), "en S17", "S01/2025" (the letter form only after a cue or with its year)."""
    cal = lex.calendar
    for m in cal.week_word.finditer(text):
        year = int(m.group("y")) if m.group("y") else None
        if m.group("word").lower().endswith("s") and not m.group("w2"):
            continue  # "semaines 5": a plural names no single week
        if m.group("w2"):
            for group in ("w", "w2"):
                resolved = resolve_week(int(m.group(group)), year, published)
                yield _calendar(text, m.start(group), m.end(group), Kind.DATE, resolved, "week")
        else:
            resolved = resolve_week(int(m.group("w")), year, published)
            yield _calendar(text, m.start(), m.end(), Kind.DATE, resolved, "week")
    for m in cal.week_letter.finditer(text):
        cue = cal.week_cue_before.search(text, max(0, m.start() - 12), m.start())
        if not m.group("y") and not cue:
            continue
        year = int(m.group("y")) if m.group("y") else None
        resolved = resolve_week(int(m.group("w")), year, published)
        yield _calendar(text, m.start(), m.end(), Kind.DATE, resolved, "week")
