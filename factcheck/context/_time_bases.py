"""Terms of comparison and periods counted back from a year the sentence names, for
:mod:`factcheck.context.timeref` ("En 2024, 3 200 morts, contre 3 170 l'an dernier": the year
before 2024; "contre 9 000 lors de la précédente journée": an earlier moment). Private to
``factcheck.context``."""

from __future__ import annotations

from datetime import date
from functools import cache

import regex

from factcheck.context._time_data import time_data
from factcheck.context._time_finding import _Expr
from factcheck.context._time_terms import cue_pattern
from factcheck.context.timepatterns import comparison, patterns


def earlier_term(low: str, cs: int, start: int, end: int, ce: int) -> bool:
    """Whether the figure at ``[start, end)`` opens its clause ``[cs, ce)`` after a term of
    comparison ("contre", "après", "par rapport à") and the rest of the clause names an
    earlier moment (``earlier_moment``: "lors de la précédente journée")."""
    return low[cs:start].strip() in _comparison_terms() \
        and bool(cue_pattern("earlier_moment").search(low, end, ce))


@cache
def _comparison_terms() -> frozenset[str]:
    """The words opening a term of comparison ("contre", "après", "par rapport à")."""
    words = time_data().words
    return frozenset({*words.get("contrast", ()), *words.get("other_term", ()),
                      *words.get("comparison_preps", ())})


def year_before_base(low: str, start: int, end: int, figure: int, content: list[_Expr]
                     ) -> tuple[str, str] | None:
    """The year before a whole year named earlier in the sentence, for the figure at
    ``figure`` whose clause ``[start, end)`` counts a year back (``year_back_from_base``:
    "contre 3 170 l'an dernier", "l'année précédente"), whether the publication date
    resolves it or not; None when the sentence names no such year before a figure this one
    is set against, or the term is a comparison base ("par rapport à l'an dernier")."""
    rules = back_rules()
    relative = time_data().relative
    for m in patterns()["relative"].finditer(low, start, end):
        if relative.get(m["r"]) not in rules or comparison().search(low, 0, m.start()):
            continue
        # The year of a figure an earlier clause gives, when the figure is set against that
        # one ("En 2024, 3 200 morts, contre 3 170 l'an dernier"), not a year of another event
        # ("Après un pic en 2021, le chômage est retombé à 7,1 % l'an dernier"; "En 2021, le
        # chômage avait culminé à 9 %, puis il est retombé à 7,1 % l'an dernier": 2025 for an
        # article of 2026).
        base = [e for e in content if e.end <= m.start() and e.kind == "point" and not e.rule
                and e.first and e.last and (e.first.month, e.first.day) == (1, 1)
                and e.last == date(e.first.year, 12, 31) and term_of(low, e.end, figure)]
        if base and base[-1].first:
            year = base[-1].first.year - 1
            return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    return None


_FIGURE = regex.compile(r"\d")


def term_of(low: str, start: int, figure: int) -> bool:
    """Whether the figure at ``figure`` is set against one given after ``start``: a term of
    comparison (``contrast``, ``other_term``, ``comparison_preps``: "contre", "par rapport
    à") stands between the last figure of ``low[start:figure]`` and it."""
    prior = [d.end() for d in _FIGURE.finditer(low, start, figure)]
    return bool(prior) and bool(_comparison_pattern().search(low, prior[-1], figure))


@cache
def _comparison_pattern() -> regex.Pattern[str]:
    """Any word of :func:`_comparison_terms`, on word boundaries."""
    alt = "|".join(regex.escape(w) for w in sorted(_comparison_terms(), key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alt})(?!\w)")


@cache
def back_rules() -> frozenset[str]:
    """The relative rules counted a year back from a year named before them."""
    return frozenset(time_data().words.get("year_back_from_base", ()))
