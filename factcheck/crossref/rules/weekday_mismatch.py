"""A date whose weekday is wrong: "jeudi 19 juin" when 19 June of that year is a Monday.

A date without its year is checked against the years around the article's publication date,
else around the full dates it writes, else (an undated article that writes no year) around
the publication dates of the dated articles of its story: "jeudi 19 juin" is a Thursday in
no year from 2022 to 2024, whatever the article's own year among them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import regex

from factcheck.crossref.headlines import title_ids
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.crossref.stories import StoryIndex, article_texts
from factcheck.crossref.weekday_tense import narrowed, tense_before
from factcheck.crossref.weekdays import stated_weekday, weekday_names
from factcheck.models import Flag

#: A date written without its year is checked against the years around its anchor (the
#: publication date, else the full dates of the article): flagged only if none of them has
#: the weekday written, and then with medium severity and the year it assumed, since a
#: well-known past date ("les attentats du vendredi 13 novembre") may be of another year.
NEAR_YEARS = 1
#: An article with neither a publication date nor a full date of its own is anchored by the
#: publication dates of the articles of its story (``crossref/stories.py``): the same years
#: around them, a lower confidence, and the explanation says which articles gave the year.
STORY_CONFIDENCE = 0.5
#: ... and only when those dates are of one event's coverage: all within this many days. A
#: story that recurs (a strike called every year, an annual show) groups articles of several
#: years, and an undated one may be of any of them: on the flag review set, the articles of a
#: 2024 teachers' strike are one story with articles of 2010, 2016 and 2018.
ONE_EVENT_DAYS = 31


_YEAR = regex.compile(r"(?<!\d)\d{4}(?!\d)")
#: A resolved day, with or without its year: "2023-06-19", "--06-19".
_MONTH_DAY = regex.compile(r"^(\d{4})?-?-(\d{2})-(\d{2})$")


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


def _day_key(row: dict) -> tuple[str, int, str] | None:
    """A date's article, weekday written and month-day ("mercredi 14 avril"), else None."""
    stated = stated_weekday(str(row.get("surface") or ""))
    found = _MONTH_DAY.search(str(row.get("resolved") or ""))
    if stated is None or found is None:
        return None
    return str(row["article_id"]), stated, f"{found.group(2)}-{found.group(3)}"


def _one_day(row: dict, surface: str, month: int, day: int) -> date | None:
    """The one day a yearless date of a dated article can be (``crossref/weekday_tense.py``:
    within days of the publication, or placed before or after it by its verb), else None."""
    try:
        published = date.fromisoformat(str(row.get("published") or "")[:10])
    except ValueError:
        return None
    sentence = str(row.get("sentence") or "")
    at = sentence.find(surface) if surface else -1
    tense = tense_before(sentence[:at]) if at >= 0 and sentence.count(surface) == 1 else None
    return narrowed(month, day, published, tense)


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


def _story_anchors(records: list[dict], undated: set[str], ctx: CheckContext
                   ) -> dict[str, list[tuple[date, str]]]:
    """For each article of ``undated`` (no publication date, no full date of its own), the
    publication dates of the dated articles of its story, with their ids, when they are of one
    event's coverage (none when they spread over more than :data:`ONE_EVENT_DAYS`)."""
    if not undated:
        return {}
    texts = article_texts(records)
    index = StoryIndex(texts, ctx.lexicon.stories)
    published = {aid: d for aid, d in index.published.items() if d is not None}
    out: dict[str, list[tuple[date, str]]] = {}
    for aid, day, text in texts:
        if aid in undated:
            dated = sorted((published[m], m) for m in index.mates_of(aid, day, text)
                           if m in published)
            if dated and (dated[-1][0] - dated[0][0]).days <= ONE_EVENT_DAYS:
                out[aid] = dated
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
        names = weekday_names()
        rows = claims[claims["kind"].astype(str) == "date"].to_dict("records")
        anchors = _anchors(rows)
        undated = {str(r["article_id"]) for r in rows
                   if not anchors.get(str(r["article_id"])) and stated_weekday(
                       str(r.get("surface") or "")) is not None}
        # The whole table read as rows only when some article needs its story's dates.
        borrowed = _story_anchors(claims.to_dict("records"), undated, ctx) if undated else {}
        headlines = title_ids(claims)
        in_body = {key for row in rows if str(row["claim_id"]) not in headlines
                   and (key := _day_key(row)) is not None}
        for row in rows:
            surface = str(row.get("surface") or "")
            stated = stated_weekday(surface)
            found = _MONTH_DAY.search(str(row.get("resolved") or ""))
            if stated is None or found is None:
                continue
            if str(row["claim_id"]) in headlines and _day_key(row) in in_body:
                continue  # the headline repeats a day of its body: one error, one flag
            year, month, day = found.group(1), int(found.group(2)), int(found.group(3))
            if str(row.get("copy_of") or "") not in ("", "nan", "None"):
                continue  # a copy repeats its original's flag: never twice
            severity, mates = None, []
            if _YEAR.search(surface) and year:
                try:
                    days, confidence = [date(int(year), month, day)], 0.95  # year written
                except ValueError:
                    continue  # no such day ("29 février 2023" in a table edited by hand)
            else:
                own = anchors.get(str(row["article_id"]), [])
                mates = [] if own else borrowed.get(str(row["article_id"]), [])
                days = _candidates(month, day, own or [d for d, _ in mates])
                one = _one_day(row, surface, month, day)
                if one is not None:
                    days = [one]  # "a accosté mercredi 14 avril" the day before publication
                confidence, severity = (0.6 if own else STORY_CONFIDENCE), "medium"
            if not days or any(d.weekday() == stated for d in days):
                continue
            text = ctx.lexicon.say("flag_weekday", surface=surface, day=days[0].isoformat(),
                                   actual=names[days[0].weekday()])
            if len(days) > 1:
                text += " " + ctx.lexicon.say("weekday_years", years=", ".join(
                    f"{d.year} ({names[d.weekday()]})" for d in sorted(days)))
            if mates:
                text += " " + ctx.lexicon.say("weekday_story", articles=", ".join(
                    f"{m} ({d.isoformat()})" for d, m in mates))
            yield self.flag((str(row["claim_id"]),), (str(row["article_id"]),), text,
                            (str(row.get("sentence") or ""),), severity=severity,
                            confidence=confidence)
