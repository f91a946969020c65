"""Calendar spans relative to a publication date: the weekday, month, quarter, season or
relative period ("la semaine dernière", "cette année") an expression names, as the first and
last day it covers. Used by :mod:`factcheck.context.timeref`, which finds the expressions."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import regex

from factcheck.context._time_data import time_data
from factcheck.extract.dates import nearest_year
from factcheck.extract.numbers import cardinal_value


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


class CalendarSpans:
    """The spans of calendar names and relative periods, seen from ``published``."""

    published: date | None

    def _weekday(self, name: str, future: bool = False) -> date | None:
        """The most recent such day on or before publication; the next one on or after it
        when the figure is projected ("seront mobilisés samedi")."""
        if self.published is None:
            return None
        wd = time_data().weekdays.index(name)
        if future:
            return self.published + timedelta(days=(wd - self.published.weekday()) % 7)
        return self.published - timedelta(days=(self.published.weekday() - wd) % 7)

    def _month(self, name: str, year: str | None, future: bool = False) -> tuple[date, date] | None:
        m = time_data().months.index(name) + 1
        if year:
            y = int(year)
        elif self.published is not None:
            y = self.published.year
            if future and m < self.published.month:
                y += 1
            elif not future and m > self.published.month:
                y -= 1
        else:
            return None
        return date(y, m, 1), month_end(y, m)

    def _future_month(self, name: str, year: str | None) -> date | None:
        m = time_data().months.index(name) + 1
        if year:
            return month_end(int(year), m)
        if self.published is None:
            return None
        y = self.published.year if m >= self.published.month else self.published.year + 1
        return month_end(y, m)

    def _quarter(self, q: int, year: str | None, months: int = 3) -> tuple[date, date] | None:
        """The quarter ``q`` of ``year``, or the most recent one begun by publication
        (``months=6``: a semester)."""
        if year:
            y = int(year)
        elif self.published is not None:
            y = self.published.year
            if date(y, months * (q - 1) + 1, 1) > self.published:
                y -= 1
        else:
            return None
        return date(y, months * (q - 1) + 1, 1), month_end(y, months * q)

    def _so_far(
        self, span: tuple[date, date] | None, year: str | None, future: bool
    ) -> tuple[date, date] | None:
        """A month, season, quarter or semester named without a year and still running at
        publication ends at publication, like "cette année": "a atteint 7,3 % en mars" in
        an article of 14 March is about 1-14 March, not a projection."""
        p = self.published
        if span is None or year or future or p is None or not span[0] <= p < span[1]:
            return span
        return span[0], p

    def _season(self, name: str, year: str | None, future: bool) -> tuple[date, date] | None:
        """That season of ``year``; else the current or last one (the next one if ``future``)."""
        first, last = time_data().seasons[name]
        fm, fd = (int(x) for x in first.split("-"))
        lm, ld = (int(x) for x in last.split("-"))
        wraps = lm < fm
        if year:
            y = int(year)
        elif self.published is None:
            return None
        else:
            y = self.published.year
            start = date(y, fm, fd)
            if future and date(y + (1 if wraps else 0), lm, ld) < self.published:
                y += 1
            elif not future and start > self.published:
                y -= 1
        return date(y, fm, fd), date(y + (1 if wraps else 0), lm, ld)

    def _season_end(self, name: str, year: str | None) -> date | None:
        first, last = time_data().seasons[name]
        lm, ld = (int(x) for x in last.split("-"))
        fm = int(first.split("-")[0])
        if year:
            y = int(year) + (1 if lm < fm else 0)
            return date(y, lm, ld)
        if self.published is None:
            return None
        y = self.published.year
        end = date(y, lm, ld)
        return end if end >= self.published else date(y + 1, lm, ld)

    def _day_range(self, m: regex.Match[str], future: bool) -> tuple[date, date] | None:
        """First and last day of "du 6 au 12 janvier" (the last day's month and year, or the
        nearest such day; "du 30 décembre au 5 janvier" starts the year before)."""
        last = self._day(m["d2"], m["m2"], m["y"], future)
        if last is None:
            return None
        month = (time_data().months.index(m["m1"]) + 1) if m["m1"] else last.month
        year = int(m["y1"]) if m["y1"] else last.year - (month > last.month)
        day = 1 if m["d1"] in time_data().words["first_day"] else int(m["d1"])
        if not 1 <= day <= month_end(year, month).day:
            return None
        first = date(year, month, day)
        return (first, last) if first < last and (last - first).days <= 92 else None

    def _part_month(self, m: regex.Match[str]) -> tuple[date, date] | None:
        """Days 21 to the end of the month for "fin juin", 1 to 10 for "début juin", 11 to 20
        for "mi-juin"."""
        span = self._month(m["m"], m["y"])
        if span is None:
            return None
        first, last = span
        words = time_data().words
        if m["p"] in words["month_end"]:
            return first.replace(day=21), last
        if m["p"] in words["month_start"]:
            return first, first.replace(day=10)
        return first.replace(day=11), first.replace(day=20)

    def _part_year(self, m: regex.Match[str]) -> tuple[date, date] | None:
        """The first or last week of a year, Monday to Sunday as ISO 8601 counts them ("la
        dernière semaine de 2024": 23 to 29 December, the week of 28 December), or its first
        or last months ("les six premiers mois de 2022": January to June); "de l'année" alone
        (``year_part_current``) is the publication's year, none without a publication date."""
        if m["y"]:
            y = int(m["y"])
        elif self.published is not None:
            y = self.published.year
        else:
            return None
        last = m["o"] in time_data().words["year_part_last"]
        if "n" not in m.groupdict():
            day = date(y, 12, 28) if last else date(y, 1, 4)
            monday = day - timedelta(days=day.weekday())
            return monday, monday + timedelta(days=6)
        n = int(m["n"]) if m["n"].isdigit() else cardinal_value(m["n"], "fr")
        if n is None or not 1 <= n <= 12 or n != int(n):
            return None
        if last:
            return date(y, 13 - int(n), 1), date(y, 12, 31)
        return date(y, 1, 1), month_end(y, int(n))

    def _week_number(self, m: regex.Match[str], sole_year: int | None) -> tuple[date, date] | None:
        """A numbered week of the year, Monday to Sunday (ISO 8601): of the year written, else
        the last such week begun by publication ("en S52" in January: December before), else,
        without a publication date, of ``sole_year``, the one year the article writes."""
        n = int(m["w"])
        if m["y"]:
            year = int(m["y"])
        elif self.published is not None:
            year = self.published.isocalendar().year
            if n > self.published.isocalendar().week:
                year -= 1
        elif sole_year is not None:
            year = sole_year
        else:
            return None
        try:
            monday = date.fromisocalendar(year, n, 1)
        except ValueError:  # no week 0, no week 53 in most years
            return None
        return monday, monday + timedelta(days=6)

    def _undated_day(self, day: date, as_of: bool, future: bool) -> date:
        """The year of a day written without one: a stock's day ("au 31 décembre", ``as_of``)
        is the last such day on or before publication, a count already made; otherwise the
        nearest one, as the figure extractor gives it ("sont appelés aux urnes le 9 juin"); a
        projected figure's is the next one."""
        if self.published is None:
            return day
        if future:
            return shift_year(day, +1) if day < self.published else day
        if as_of:
            this_year = shift_year(day, self.published.year - day.year)
            return this_year if this_year <= self.published else shift_year(this_year, -1)
        return day.replace(year=nearest_year(day.month, day.day, self.published))

    def _day(self, d: str, month: str, year: str | None, future: bool) -> date | None:
        """The day ``d`` of ``month`` as the date pattern reads it (the nearest one)."""
        span = self._month(month, year, future)
        day = 1 if d in time_data().words["first_day"] else int(d)
        if not span or not 1 <= day <= span[1].day:
            return None
        when = span[0].replace(day=day)
        if not year and self.published:
            if not future:
                when = when.replace(year=nearest_year(when.month, day, self.published))
            elif when < self.published:
                when = shift_year(when, +1)
        return when

    @staticmethod
    def _weekend(p: date, last: bool, future: bool) -> tuple[date, date]:
        """"ce week-end": the Saturday and Sunday on or before publication (to publication, a
        Saturday's article), the coming ones when projected; "le week-end dernier": the last
        one over before publication."""
        saturday = p - timedelta(days=(p.weekday() - 5) % 7)  # the last Saturday, p included
        if last:
            if saturday + timedelta(days=1) >= p:
                saturday -= timedelta(days=7)
            return saturday, saturday + timedelta(days=1)
        if future and p.weekday() < 5:
            saturday += timedelta(days=7)
            return saturday, saturday + timedelta(days=1)
        return saturday, min(saturday + timedelta(days=1), p) if not future \
            else saturday + timedelta(days=1)

    def _relative(self, rule: str, future: bool = False) -> tuple[date, date] | None:
        """The period of a relative expression; the current week, month or year runs to its
        end when the figure is projected ("dépassera 6 % cette année")."""
        p = self.published
        if p is None:
            return None
        monday = p - timedelta(days=p.weekday())
        if rule == "today":
            return p, p
        if rule == "yesterday":
            return p - timedelta(days=1), p - timedelta(days=1)
        if rule == "day_before_yesterday":
            return p - timedelta(days=2), p - timedelta(days=2)
        if rule == "this_week":
            return monday, (monday + timedelta(days=6)) if future else p
        if rule in ("this_weekend", "last_weekend"):
            return self._weekend(p, rule == "last_weekend", future)
        if rule == "last_week":
            return monday - timedelta(days=7), monday - timedelta(days=1)
        if rule == "this_month":
            return date(p.year, p.month, 1), month_end(p.year, p.month) if future else p
        if rule == "last_month":
            y, m = (p.year, p.month - 1) if p.month > 1 else (p.year - 1, 12)
            return date(y, m, 1), month_end(y, m)
        if rule == "this_year":
            return date(p.year, 1, 1), date(p.year, 12, 31) if future else p
        if rule == "last_year":
            return date(p.year - 1, 1, 1), date(p.year - 1, 12, 31)
        if rule == "past_twelve_months":
            return p - timedelta(days=365), p
        if rule == "year_before":
            day = p.replace(year=p.year - 1) if (p.month, p.day) != (2, 29) else p - timedelta(366)
            return day, day
        if rule.startswith("years_before_") and rule[13:].isdigit():
            # "il y a deux ans": that day, two years before publication.
            day = shift_year(p, -int(rule[13:]))
            return day, day
        if rule == "month_before":
            return self._relative("last_month")
        if rule == "week_before":
            return self._relative("last_week")
        if rule in ("quarter_before", "half_before"):
            # Found so that it is known; read only from the period it follows (``timeref``).
            months = 3 if rule == "quarter_before" else 6
            index = (p.year * 12 + p.month - 1) // months * months - months
            y, m = divmod(index, 12)
            first = date(y, m + 1, 1)
            last = shift_month(first, months - 1)
            return first, month_end(last.year, last.month)
        if rule == "tomorrow":
            return p + timedelta(days=1), p + timedelta(days=1)
        if rule == "next_week":
            return monday + timedelta(days=7), monday + timedelta(days=13)
        if rule == "next_month":
            y, m = (p.year, p.month + 1) if p.month < 12 else (p.year + 1, 1)
            return date(y, m, 1), month_end(y, m)
        if rule == "year_end":
            # "en fin d'année": this year's last day when projected, else the last one passed.
            end = date(p.year, 12, 31)
            return (end, end) if future or end <= p else (date(p.year - 1, 12, 31),) * 2
        if rule == "next_year":
            return date(p.year + 1, 1, 1), date(p.year + 1, 12, 31)
        if rule == "night":
            return p - timedelta(days=1), p
        return None


def shift_month(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has fewer days."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    end = month_end(year, month + 1)
    return date(year, month + 1, min(day.day, end.day))


def shift_year(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
