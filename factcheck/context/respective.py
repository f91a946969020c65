"""Figures given "respectivement" for a list of years ("Les années 2021 et 2020 avaient vu
des taux de réussite de respectivement 93,8 % et 95,7 %"; "contre respectivement 15, 16 et
240 cas au cours des années 2022, 2021 et 2020"): the k-th figure of the list is of the
k-th year, when the sentence writes one list of as many years as the list has figures.
Places the same way ("Lyon et Marseille ont accueilli respectivement 1,2 et 0,9 million de
visiteurs"): coordinated place names as the clause subject, each a place the places data
lists, pair with the figures in order; no pairing when the lists differ in length.
The words are ``respective_words`` of ``lang/fr/context_time.toml``."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._time_terms import cue_pattern
from factcheck.context.world import world_data

#: A figure of a list: digits with thousands groups and a decimal comma.
_NUMBER = regex.compile(r"(?<![\w,.])\d{1,3}(?:[ \u202f\u00a0.]\d{3})*(?:,\d+)?(?![\d])")
#: A list of years: "2021 et 2020", "2022, 2021 et 2020".
_YEARS = regex.compile(
    r"(?<![\w.,])(?:19|20)\d\d(?:\s*(?:,|\bet\b)\s*(?:19|20)\d\d)+(?![\w.,]?\d)")
_YEAR = regex.compile(r"(?:19|20)\d\d")
#: What may stand between two figures of the list: a short unit and a comma or "et".
_BETWEEN = regex.compile(r"\s*(?:%|[^\W\d]{1,6}\.?)?\s*(?:,|\bet\b)\s*")
#: A capitalised name ("Lyon", "Saint-Étienne", "Le Havre").
_NAME = r"\p{Lu}[\p{L}'’-]*(?:[ -]\p{Lu}[\p{L}'’-]*)*"
#: Coordinated names opening a clause, right before its verb: "Lyon et Marseille ont",
#: "Nantes, Rennes et Brest comptent".
_NAMES = regex.compile(
    rf"(?:^|[,;:]\s+)(?P<names>{_NAME}(?:\s*,\s*{_NAME})*\s+et\s+{_NAME})\s+(?=\p{{Ll}})")
_SPLIT = regex.compile(r"\s*,\s*|\s+et\s+")


def respective_year(sentence: str, start: int, end: int) -> tuple[str, str] | None:
    """The year of the figure at ``[start, end)`` of ``sentence`` given "respectivement" for
    a list of years, or None."""
    listed = _listed(sentence, start, end)
    if listed is None:
        return None
    at, figures = listed
    runs = [r for r in _YEARS.finditer(sentence)
            if not any(r.start() <= m.start() < r.end() for m in figures)]
    runs = [r for r in runs if len(_YEAR.findall(r.group())) == len(figures)]
    if len(runs) != 1:
        return None
    year = _YEAR.findall(runs[0].group())[at]
    return f"{year}-01-01", f"{year}-12-31"


def respective_place(sentence: str, start: int, end: int) -> str | None:
    """The place of the figure at ``[start, end)`` of ``sentence`` given "respectivement" for
    coordinated place names subject of its clause, or None."""
    listed = _listed(sentence, start, end)
    if listed is None:
        return None
    at, figures = listed
    cue = figures[0].start()
    lists = [m for m in _NAMES.finditer(sentence, 0, cue)]
    if not lists:
        return None
    names = _SPLIT.split(lists[-1].group("names"))
    if len(names) != len(figures):
        return None
    w = world_data()
    places = [w.places_as_written.get(n) or w.places.get(n.lower()) for n in names]
    if not all(places):
        return None
    return places[at]


def _listed(sentence: str, start: int, end: int) -> tuple[int, list[regex.Match[str]]] | None:
    """The rank of the figure at ``[start, end)`` in the list of figures given
    "respectivement", and that list, or None."""
    low = sentence.lower()
    cue = _respective().search(low)
    if cue is None:
        return None
    figures: list[regex.Match[str]] = []
    for m in _NUMBER.finditer(low, cue.end()):
        if figures and not _BETWEEN.fullmatch(low, figures[-1].end(), m.start()):
            break
        if not figures and low[cue.end():m.start()].strip() not in ("", "de", "à"):
            return None
        figures.append(m)
    if len(figures) < 2:
        return None
    at = [k for k, m in enumerate(figures) if start <= m.start() < end]
    if len(at) != 1:
        return None
    return at[0], figures


@cache
def _respective() -> regex.Pattern[str]:
    return cue_pattern("respective_words")
