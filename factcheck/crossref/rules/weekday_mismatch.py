"""A date whose weekday is wrong: "jeudi 19 juin" when 19 June of that year is a Monday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache

import regex

from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.lang import load_data
from factcheck.models import Flag

#: A date written without its year is checked against the years around its anchor (the
#: publication date, else the full dates of the article): flagged only if none of them has
#: the weekday written, and then with medium severity and the year it assumed, since a
#: well-known past date ("les attentats du vendredi 13 novembre") may be of another year.
NEAR_YEARS = 1


@cache
def _weekdays(code: str = "fr") -> tuple[str, ...]:
    return tuple(w.lower() for w in load_data(code, "dates")["calendar"]["weekdays"])


_YEAR = regex.compile(r"(?<!\d)\d{4}(?!\d)")
#: A resolved day, with or without its year: "2023-06-19", "--06-19".
_MONTH_DAY = regex.compile(r"^(\d{4})?-?-(\d{2})-(\d{2})$")


def _stated_weekday(surface: str) -> int | None:
    first = surface.strip().split(" ", 1)[0].lower().rstrip(",")
    names = _weekdays()
    return names.index(first) if first in names else None


def _candidates(month: int, day: int, anchors: list[date]) -> list[date]:
    """That month and day in the years around each anchor (the nearest first)."""
    out = set()
    for anchor in anchors:
        for year in range(anchor.year - NEAR_YEARS, anchor.year + NEAR_YEARS + 1):
            try:
                out.add(date(year, month, day))
            except ValueError:  # 29 February
                continue
    first = anchors[0] if anchors else date.min
    return sorted(out, key=lambda d: (abs((d - first).days), d))


def _anchors(rows: list[dict]) -> dict[str, list[date]]:
    """Per article, the dates a date without a year is near: its publication date, else the
    full dates it writes itself ("le 11 décembre 2023")."""
    out: dict[str, list[date]] = {}
    for row in rows:
        aid = str(row["article_id"])
        try:
            out.setdefault(aid, [date.fromisoformat(str(row.get("published") or "")[:10])])
            continue
        except ValueError:
            out.setdefault(aid, [])
        resolved = str(row.get("resolved") or "")[:10]
        surface = str(row.get("surface") or "")
        if str(row.get("kind")) == "date" and _YEAR.search(surface) and \
                regex.fullmatch(r"\d{4}-\d{2}-\d{2}", resolved):
            out[aid].append(date.fromisoformat(resolved))
    return out


@register
class WeekdayMismatch(Rule):
    name = "weekday_mismatch"
    description = ("Une date dont le jour de la semaine est faux (« jeudi 19 juin » quand le "
                   "19 juin de cette année-là est un lundi) : le jour ou la date est erroné.")
    severity = "high"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        claims = ctx.claims
        if claims is None or claims.empty or "resolved" not in claims:
            return
        names = _weekdays()
        rows = claims[claims["kind"].astype(str) == "date"].to_dict("records")
        anchors = _anchors(rows)
        for row in rows:
            surface = str(row.get("surface") or "")
            stated = _stated_weekday(surface)
            found = _MONTH_DAY.search(str(row.get("resolved") or ""))
            if stated is None or found is None:
                continue
            year, month, day = found.group(1), int(found.group(2)), int(found.group(3))
            if str(row.get("copy_of") or "") not in ("", "nan", "None"):
                continue  # a copy repeats its original's flag: never twice
            severity = None
            if _YEAR.search(surface) and year:
                try:
                    days, confidence = [date(int(year), month, day)], 0.95  # year written
                except ValueError:
                    continue  # no such day ("29 février 2023" in a table edited by hand)
            else:
                days = _candidates(month, day, anchors.get(str(row["article_id"]), []))
                confidence, severity = 0.6, "medium"
            if not days or any(d.weekday() == stated for d in days):
                continue
            text = ctx.lexicon.say("flag_weekday", surface=surface, day=days[0].isoformat(),
                                   actual=names[days[0].weekday()])
            if len(days) > 1:
                text += " " + ctx.lexicon.say("weekday_years", years=", ".join(
                    f"{d.year} ({names[d.weekday()]})" for d in sorted(days)))
            yield self.flag((str(row["claim_id"]),), (str(row["article_id"]),), text,
                            (str(row.get("sentence") or ""),), severity=severity,
                            confidence=confidence)
