"""Finding the time expressions of a sentence, for :mod:`factcheck.context.timeref`: each
pattern of ``timepatterns`` (and each edition of ``editions``) found, resolved against the
publication date into a first and last day (:class:`CalendarSpans`). Which of them a figure
is about is chosen in ``timeref``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import regex

from factcheck.context._time_data import time_data
from factcheck.context.calendar_spans import CalendarSpans, month_end
from factcheck.context.editions import editions
from factcheck.context.timepatterns import patterns, starts_period


@dataclass(frozen=True, slots=True)
class _Expr:
    start: int
    end: int
    kind: str  # point, since, until
    first: date | None
    last: date | None
    speech: bool = False
    rule: str = ""  # the [relative] rule that made it, if any


#: The rule of a bare year right before a bracket: it dates only the figure the bracket holds.
_YEAR_GLOSS = "year_glossed"
#: The rule of "fin 2023": the last quarter of the year, a stock's last day.
_YEAR_END = "year_end"
#: The rule of an edition named without a preposition before it ("ont adopté le budget 2024").
EDITION_UNLINKED = "edition_unlinked"
#: The rule of a date in an apposition naming a thing's origin (", inaugurée le 3 mai 2021,").
ORIGIN = "origin"


@dataclass(frozen=True, slots=True)
class _Span:
    """A span found otherwise than by a pattern of ``timepatterns`` (an edition's year)."""

    start_: int
    end_: int

    def span(self) -> tuple[int, int]:
        return self.start_, self.end_


class TimeExpressions(CalendarSpans):
    """The time expressions of sentences, resolved against ``published`` (set by
    :class:`factcheck.context.timeref.TimeResolver`)."""

    written_after: date | None
    sole_year: int | None
    _cache: dict[tuple[str, bool], list[_Expr]]

    # -- finding ------------------------------------------------------------------------
    def expressions(self, sentence: str, future: bool = False) -> list[_Expr]:
        """Time expressions of ``sentence``, resolved (cached per sentence)."""
        key = (sentence, future)
        if key not in self._cache:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = self._expressions(sentence, future)
        return self._cache[key]

    def _expressions(self, sentence: str, future: bool) -> list[_Expr]:
        pats = patterns()
        low = sentence.lower()
        found: list[_Expr] = []
        taken: list[tuple[int, int]] = []

        def add(
            m: regex.Match[str] | _Span, kind: str, first: date | None, last: date | None
        ) -> None:
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken) or (first is None and last is None):
                return
            taken.append((s, e))
            speech = kind == "point" and bool(pats["speech_before"].search(low[:s]))
            if (
                kind == "point"
                and first is not None
                and (self.published is None or first <= self.published)
                and starts_period(low, s, e, day=last is not None and (last - first).days <= 1)
            ):
                if _record(low, s):
                    # "au plus haut depuis 2012-2013", "non revu depuis le mois de mai": a
                    # record's reference; only a figure in a bracket right after it is of then.
                    taken.append((s, e))
                    if _BRACKET_AFTER.match(low, e):
                        found.append(_Expr(s, e, "point", first, last, False, _YEAR_GLOSS))
                    return
                kind, last = "since", None
            origin = kind == "point" and bool(pats["origin_apposed"].search(low[:s]))
            found.append(_Expr(s, e, kind, first, last, speech, ORIGIN if origin else rule))

        rule = ""

        d = time_data()
        words = d.words
        for m in pats["since_anchor"].finditer(low):
            add(m, "since", date.fromisoformat(d.anchors[m["a"]]), None)
        for m in pats["since_part_relative"].finditer(low):
            # "depuis la fin de l'année dernière": from that part of the year ([year_parts]).
            year_rule = d.relative[m["r"]]
            span = self._relative(year_rule) \
                if year_rule in words.get("since_part_year_rules", ()) else None
            if span and m["p"] in d.year_parts:
                first = date.fromisoformat(f"{span[0].year}-{d.year_parts[m['p']][0]}")
                if self.published is None or first <= self.published:
                    add(m, "since", first, None)
        for m in pats["since_relative"].finditer(low):
            span = self._relative(d.since_relative[m["r"]])
            if span:
                add(m, "since", span[0], None)
        for m in pats["since"].finditer(low):
            if _record(low, m.start()):
                # "la plus forte hausse depuis 2018": a record's reference, no period; "au plus
                # haut depuis 2014 (185 défauts)": the bracket's figure is of that year.
                if m["yo"] and not m["p"] and _BRACKET_AFTER.match(low, m.end("yo")):
                    rule = _YEAR_GLOSS
                    add(_Span(m.start("yo"), m.end("yo")), "point", date(int(m["yo"]), 1, 1),
                        date(int(m["yo"]), 12, 31))
                    rule = ""
                continue
            if m["yo"]:
                # "depuis fin 2023": from the year's part ([year_parts]: 1 October), as "fin
                # 2023" alone.
                part = d.year_parts.get(m["p"] or "", ("01-01",))[0]
                add(m, "since", date.fromisoformat(f"{m['yo']}-{part}"), None)
            elif m["p"]:
                # "depuis fin juin": from the 21st, as "fin juin" alone.
                span = self._part_month(m)
                if span:
                    add(m, "since", span[0], None)
            else:
                span = self._month(m["m"], m["y"])
                if span:
                    day = int(m["d"]) if m["d"] else 1
                    add(m, "since", span[0].replace(day=max(1, min(day, span[1].day))), None)
        for m in pats["until"].finditer(low):
            if m["s"]:
                end = self._season_end(m["s"], m["sy"])
            elif m["fm"]:
                end = self._future_month(m["fm"], None)
            elif m["fmo"] and self.published:
                end = month_end(self.published.year, self.published.month)
            elif m["fy"] or m["y"]:
                end = date(int(m["fy"] or m["y"]), 12, 31)
            elif m["m"]:
                end = self._future_month(m["m"], m["my"])
            else:
                end = date(self.published.year, 12, 31) if self.published else None
            add(m, "until", None, end)
        for ed in editions(sentence):
            # "les JO de Paris 1900", "le budget 2024", "la COP28": an edition's year, the
            # time of its figures once it is over. An edition still running or to come when
            # the article was written ("Pour les JO de Paris 2024, 3,2 millions de billets ont
            # été vendus", in June 2023) names the event, not the time of a count that is
            # still growing; nor does any edition when the article's time is unknown.
            if self.written_after is None or ed.last >= self.written_after:
                continue
            rule = "" if ed.linked else EDITION_UNLINKED
            add(_Span(ed.start, ed.end), "point", ed.first, ed.last)
        rule = ""
        for m in pats["day_range"].finditer(low):
            span = self._day_range(m, future)
            if span:
                add(m, "point", *span)
        for m in pats["day_pair"].finditer(low):
            span = self._day_range(m, future)
            if span and (span[1] - span[0]).days == 1:
                add(m, "point", *span)
        for key in ("between_months", "month_range"):
            # "entre janvier et juin 2023", "de mai à août 2023", before "juin 2023" alone.
            for m in pats[key].finditer(low):
                first_span = self._month(m["a"], m["y"], future)
                last_span = self._month(m["b"], m["y"], future)
                if first_span and last_span and first_span[0] <= last_span[1]:
                    add(m, "point", first_span[0], last_span[1])
        for m in pats["night"].finditer(low):
            add(m, "point", self._weekday(m["a"], future), self._weekday(m["b"], future))
        for m in pats["weekday_range"].finditer(low):
            # "entre vendredi et dimanche": from the first day to the last, the last day read
            # as a weekday alone; with no opening word, two days running only.
            last_day = self._weekday(m["b"], future)
            if last_day is None:
                continue
            back = (time_data().weekdays.index(m["b"]) - time_data().weekdays.index(m["a"])) % 7
            if back and (m["f"] or back == 1):
                add(m, "point", last_day - timedelta(days=back), last_day)
        for m in pats["date"].finditer(low):
            span = self._month(m["m"], m["y"], future)
            if span:
                day = 1 if m["d"] == "1er" else int(m["d"])
                if 1 <= day <= span[1].day:  # not "le 0 janvier" nor "le 31 avril"
                    when = span[0].replace(day=day)
                    if not m["y"]:
                        as_of = bool(pats["as_of"].search(low, 0, m.start()))
                        said = bool(pats["speech_before"].search(low[: m.start()]))
                        when = self._undated_day(when, as_of, future and not said)
                    add(m, "point", when, when)
        for key in ("part_month", "year_week", "year_months"):
            # "fin juin", "la dernière semaine de 2024", "les six premiers mois de 2022".
            for m in pats[key].finditer(low):
                span = self._part_month(m) if key == "part_month" else self._part_year(m)
                if span and m.groupdict().get("cur"):
                    # "les neuf premiers mois de l'année": begun by publication, and so far.
                    begun = self.published is not None and span[0] <= self.published
                    span = self._so_far(span, None, future) if begun or future else None
                if span:
                    add(m, "point", *span)
        for m in pats["week_number"].finditer(low):
            # "en semaine 18", "1 266 en S19 contre 1 784 en S18": a numbered week.
            span = self._week_number(m, self.sole_year)
            if span:
                add(m, "point", *span)
        for key in ("month_year", "in_month"):
            for m in pats[key].finditer(low):
                y = m.groupdict().get("y")
                span = self._so_far(self._month(m["m"], y, future), y, future)
                if span:
                    add(m, "point", *span)
        for m in pats["season"].finditer(low):
            span = self._season(m["s"], m["y"], future)
            if span and not pats["since_point"].search(low[: m.start()]):
                span = self._so_far(span, m["y"], future)
            if span:
                add(m, "point", *span)
        for m in pats["part_year"].finditer(low):
            first_md, last_md = d.year_parts[m["p"]]
            # "fin 2023": the last quarter, or for a stock its last day (see ``period``).
            rule = _YEAR_END if m["p"] in words.get("year_end_parts", ()) else ""
            y = int(m["y"])
            add(
                m,
                "point",
                date.fromisoformat(f"{y}-{first_md}"),
                date.fromisoformat(f"{y}-{last_md}"),
            )
        rule = ""
        for m in pats["between_years"].finditer(low):
            first, last = sorted((int(m["a"]), int(m["b"])))  # "entre 2015 et 2010" too
            add(m, "point", date(first, 1, 1), date(last, 12, 31))
        for m in pats["year_span"].finditer(low):
            first, last = int(m["a"]), int(m["b"])
            if first < last:  # "1914-1918", not "2024-2024" nor "2023-2019"
                add(m, "point", date(first, 1, 1), date(last, 12, 31))
        for m in pats["semester"].finditer(low):
            span = self._so_far(self._quarter(d.semesters[m["q"]], m["y"], 6), m["y"], future)
            if span:
                add(m, "point", *span)
        for m in pats["quarter"].finditer(low):
            span = self._so_far(self._quarter(d.quarters[m["q"]], m["y"]), m["y"], future)
            if span:
                add(m, "point", *span)
        for key in ("year", "year_closed"):
            for m in pats[key].finditer(low):
                y = int(m["y"])
                add(m, "point", date(y, 1, 1), date(y, 12, 31))
        rule = _YEAR_GLOSS
        for m in pats["year_glossed"].finditer(low):
            # "derrière 2016 (27,6 Mt)": a bare year only dates the figure its bracket holds.
            y = int(m["y"])
            add(m, "point", date(y, 1, 1), date(y, 12, 31))
        rule = ""
        for m in pats["relative"].finditer(low):
            # "dans la nuit du 13 au 14 juin": the night is the one the dates name.
            if (nxt := pats["named_after"].match(low, m.end())) \
                    and any(m.end() <= ts <= nxt.end() for ts, _ in taken):
                continue
            # "cette année-là" is a year named before, not the current one.
            if low.startswith(tuple(words.get("anaphoric_suffix", ())), m.end()):
                continue
            if _existential(low, m["r"], m.end()):
                continue  # "il y a trois ans de retard": a delay, no date
            rule = d.relative[m["r"]]
            span = self._relative(rule, future)
            if span:
                add(m, "point", *span)
        rule = ""
        for m in pats["weekday"].finditer(low):
            if pats["weekday_dated"].match(low, m.end()):
                continue  # "mardi 7 février": the date says which Tuesday
            # A statement reported was made on or before publication: "a annoncé lundi" points
            # back even in a projected clause ("a annoncé lundi qu'elle supprimera 300 vols").
            said = bool(pats["speech_before"].search(low[: m.start()]))
            day = self._weekday(m["w"], future and not said)
            add(m, "point", day, day)
        return sorted(found, key=lambda e: e.start)


_BRACKET_AFTER = regex.compile(r"\s*\(")


def _existential(low: str, phrase: str, end: int) -> bool:
    """Whether the relative ``phrase`` ending at ``end`` is the existential "il y a" before
    a duration and "de" (``existential_relative``, ``existential_of``: "il y a trois ans de
    retard", "il y a deux ans d'attente"), not "il y a deux ans de cela"."""
    words = time_data().words
    rest = low[end:].lstrip(" ")
    return phrase.startswith(tuple(words.get("existential_relative", ()))) \
        and rest.startswith(tuple(words.get("existential_of", ()))) \
        and not rest.startswith(tuple(words.get("existential_of_ago", ())))


def _record(low: str, start: int) -> bool:
    """Whether a since-date at ``start`` of ``low`` follows a superlative or a record
    (``record_before``: "la plus forte hausse enregistrée depuis 2018")."""
    return bool(patterns()["record_since"].search(low, max(0, start - 80), start))
