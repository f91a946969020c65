"""A term of comparison read through its base figure: "78 969 détenus au 1er septembre 2024,
contre 78 397 le mois précédent" and "78 969 détenus au 1er septembre 2024, soit 7,2 % de
plus qu'en août 2024 (73 693)" give, besides one base figure, its value the month before.
Two articles whose base figures are one fact (the same value of one metric, at one explicit
period, at one place) and whose terms stand the same way before it (the month before, the year
before) give two terms of one fact too, whatever words place them: "le mois précédent" read as
the 1st of August and "en août 2024" as the month are both the month before the 1st of
September.

Each term (a figure whose ``compared_to`` is a base of its sentence,
:mod:`factcheck.crossref.comparisons`) gets a ``term`` key: how far before its base it stands
(in months, for a day or a month; in years, for a year), and its base's period, value, place
and family. Nothing when either period is not explicit (an unresolved "le mois précédent"),
when the term does not stand before its base, when a day term is not the base's day of the
month ("la veille" is no month before), or when another figure of its metric stands before
it in the sentence (the term could be that figure's: "80 000 au 1er octobre et 78 969 au 1er
septembre, contre 78 397 le mois précédent").

Two terms are tied (:func:`terms_tied`) when their keys say the same distance before bases of
one period, one value (within rounding), one family and one place. Identity then counts the
shared relative period as the period tie, and the bases' place as the place tie
(:func:`term_ties`); the explanation states both ("même terme de comparaison : le mois
précédant le 2024-09-01 ; même indicateur : détenus").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factcheck.crossref.comparisons import introduced_as_term
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView, precision
from factcheck.crossref.place_names import place_names

#: The fields of a term key, in order.
_GRAIN, _COUNT, _START, _END, _VALUE, _PLACE, _FAMILY = range(7)


def _grain(start: date, end: date) -> str | None:
    """"day", "month" or "year" for a period that is one of them whole, else None."""
    if start == end:
        return "day"
    if start.day == 1 and start.month == end.month and start.year == end.year:
        following = date(end.year + end.month // 12, end.month % 12 + 1, 1)
        return "month" if (following - end).days == 1 else None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    return None


def _dates(v: ClaimView) -> tuple[date, date] | None:
    if v.period[0] != "explicit" or len(v.period) < 3:
        return None
    try:
        return date.fromisoformat(v.period[1]), date.fromisoformat(v.period[2])
    except ValueError:
        return None


def _distance(term: ClaimView, base: ClaimView) -> tuple[str, int] | None:
    """How far before ``base`` the ``term`` stands: ("month", n) or ("year", n), n >= 1."""
    t, b = _dates(term), _dates(base)
    if t is None or b is None:
        return None
    t_grain, b_grain = _grain(*t), _grain(*b)
    if t_grain is None or b_grain is None:
        return None
    if t_grain == "year":
        n = b[0].year - t[0].year
        return ("year", n) if n >= 1 else None
    if b_grain == "year":
        return None  # a month or a day against a year: no like distance
    if t_grain == "day" and (b_grain != "day" or t[0].day != b[0].day):
        return None  # "la veille", "le 10 août" against the 1st of September: no month
    n = (b[0].year * 12 + b[0].month) - (t[0].year * 12 + t[0].month)
    return ("month", n) if n >= 1 else None


def _base_place(v: ClaimView) -> str:
    return v.place or ",".join(sorted(v.places))


def _part_of_year(v: ClaimView) -> tuple[date, date] | None:
    """A period within one year longer than a day and short of the whole year (a month, a
    quarter, the stretch "depuis le début de l'année"), else None (a day is often a count's
    closing date, "au 31 décembre 2019", not the part of the year it covers)."""
    d = _dates(v)
    if d is None or d[0].year != d[1].year or _grain(*d) in ("year", "day"):
        return None
    return d


def _same_days(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # the 29th of February of a year without one
        return day.replace(year=year, day=28)


def to_date_terms(views: list[ClaimView], lexicon: Lexicon) -> list[ClaimView]:
    """A whole year set, as a term of comparison, against a figure of its metric earlier in
    its sentence whose period is a part of a later year (a month, the stretch since the 1st of
    January: "Depuis le début de l'année, 1 200 000 voitures [...], soit 6 % de moins
    qu'en 2024 (1 276 000)", "En octobre, 150 000 voitures [...], soit 5 % de plus qu'en 2024
    (142 000)") is the same part of that year (1 January to 2 October 2024; October 2024), not
    the whole year a full-year figure gives: its period is cut to that part."""
    by_sentence: dict[tuple[str, int | None, str], list[ClaimView]] = {}
    for v in views:
        by_sentence.setdefault((v.article_id, v.sentence_start, v.sentence), []).append(v)
    cut: dict[str, ClaimView] = {}
    for (_, s0, sentence), members in by_sentence.items():
        for t in members:
            d = _dates(t)
            if s0 is None or d is None or _grain(*d) != "year" \
                    or not introduced_as_term(sentence, t.start - s0, lexicon):
                continue
            parts = [p for b in members if b.start < t.start and b.dimension == t.dimension
                     and b.family == t.family and (p := _part_of_year(b)) is not None
                     and p[0].year > d[0].year]
            if not parts:
                continue
            start = _same_days(parts[-1][0], d[0].year).isoformat()
            end = _same_days(parts[-1][1], d[0].year).isoformat()
            text_period = t.text_period
            if text_period[:2] == t.period[1:3]:
                text_period = (start, end, *text_period[2:])
            cut[t.claim_id] = replace(t, period=("explicit", start, end), period_sort=end,
                                      text_period=text_period)
    return [cut.get(v.claim_id, v) for v in views]


def with_terms(views: list[ClaimView]) -> list[ClaimView]:
    """``views`` (whole articles), each term of comparison given its ``term`` key."""
    by_id = {v.claim_id: v for v in views}
    out = []
    for v in views:
        base = by_id.get(v.compared_to) if v.compared_to else None
        key = _key(v, base, views) if base is not None else None
        out.append(replace(v, term=key) if key else v)
    return out


def _key(term: ClaimView, base: ClaimView, views: list[ClaimView]) -> tuple[str, ...] | None:
    if base.value is None or not base.family or base.family != term.family:
        return None
    rivals = [w for w in views if w.article_id == term.article_id
              and w.sentence_start == term.sentence_start and w.sentence == term.sentence
              and w.claim_id not in (term.claim_id, base.claim_id)
              and w.dimension == term.dimension and w.start < term.start]
    if rivals:
        return None  # another figure of its kind before it: whose term is it?
    distance = _distance(term, base)
    place = _base_place(base)
    if distance is None or not place:
        return None
    return (distance[0], str(distance[1]), base.period[1], base.period[2], repr(base.value),
            place, base.family)


def terms_tied(a: ClaimView, b: ClaimView) -> bool:
    """Two terms of two articles standing the same way before bases of one fact."""
    ka, kb = a.term, b.term
    if not ka or not kb or a.article_id == b.article_id:
        return False
    if ka[:_VALUE] != kb[:_VALUE] or ka[_PLACE:] != kb[_PLACE:]:
        return False
    va, vb = float(ka[_VALUE]), float(kb[_VALUE])
    return abs(va - vb) <= min(precision(va), precision(vb))


def term_ties(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> list[tuple[str, str]]:
    """The ties :func:`terms_tied` terms bring (kind, evidence in French): the relative
    period, and the bases' place when neither term names one of its own."""
    key = a.term
    n = int(key[_COUNT])
    base = lexicon.say("term_base_day", date=key[_START]) if key[_START] == key[_END] \
        else lexicon.say("term_base_span", range=lexicon.say(
            "period_range", start=key[_START], end=key[_END]))
    when = lexicon.say(f"term_{key[_GRAIN]}_{'one' if n == 1 else 'many'}", n=n, base=base)
    ties = [("period", lexicon.say("identity_compared_term", when=when, metric=key[_FAMILY]))]
    if not (a.place or a.places or b.place or b.places):
        ties.append(("place", lexicon.say("identity_place",
                                           place=place_names(key[_PLACE].split(",")))))
    return ties
