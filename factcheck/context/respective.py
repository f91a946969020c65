"""Figures given "respectivement" for a list of years ("Les années 2021 et 2020 avaient vu
des taux de réussite de respectivement 93,8 % et 95,7 %"; "contre respectivement 15, 16 et
240 cas au cours des années 2022, 2021 et 2020"): the k-th figure of the list is of the
k-th year, when the sentence writes one list of as many years as the list has figures.
Places the same way ("Lyon et Marseille ont accueilli respectivement 1,2 et 0,9 million de
visiteurs"): coordinated place names as the clause subject, each a place the places data
lists, pair with the figures in order; no pairing when the lists differ in length. A list
of as many figures right after "contre" ("contre 1,1 et 0,8 million en 2023") pairs the same
way; of another length, its figures take no place from the pairing (an empty place).
The words are ``respective_words``, ``respective_list_joiners``, ``respective_list_leads``
and ``respective_other_list`` of ``lang/fr/context_time.toml``."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._time_data import time_data
from factcheck.context._time_terms import cue_pattern
from factcheck.context.world import world_data

#: A figure of a list: digits with thousands groups and a decimal comma.
_NUMBER = regex.compile(r"(?<![\w,.])\d{1,3}(?:[ \u202f\u00a0.]\d{3})*(?:,\d+)?(?![\d])")
_YEAR_TEXT = r"(?:19|20)\d\d"
_YEAR = regex.compile(_YEAR_TEXT)
#: A capitalised name ("Lyon", "Saint-Étienne", "Le Havre").
_NAME = r"\p{Lu}[\p{L}'’-]*(?:[ -]\p{Lu}[\p{L}'’-]*)*"


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """The patterns of a list, from the joiners of ``respective_list_joiners``."""
    words = time_data().words.get("respective_list_joiners", ())
    joiner = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    year = _YEAR_TEXT
    return {
        # A list of years: "2021 et 2020", "2022, 2021 et 2020".
        "years": regex.compile(rf"(?<![\w.,]){year}(?:\s*(?:,|\b(?:{joiner})\b)\s*{year})+"
                               r"(?![\w.,]?\d)"),
        # What may stand between two figures of the list: one word of unit and a joiner.
        "between": regex.compile(rf"\s*(?:%|[^\W\d]+\.?)?\s*(?:,|\b(?:{joiner})\b)\s*"),
        # Coordinated names opening a clause, right before its verb: "Lyon et Marseille
        # ont", "Nantes, Rennes et Brest comptent".
        "names": regex.compile(rf"(?:^|[,;:]\s+)(?P<names>{_NAME}(?:\s*,\s*{_NAME})*"
                               rf"\s+(?:{joiner})\s+{_NAME})\s+(?=\p{{Ll}})"),
        "split": regex.compile(rf"\s*,\s*|\s+(?:{joiner})\s+"),
    }


def respective_year(sentence: str, start: int, end: int) -> tuple[str, str] | None:
    """The year of the figure at ``[start, end)`` of ``sentence`` given "respectivement" for
    a list of years, or None."""
    listed = _listed(sentence, start, end)
    if listed is None:
        return None
    at, figures = listed
    runs = [r for r in _patterns()["years"].finditer(sentence)
            if not any(r.start() <= m.start() < r.end() for m in figures)]
    runs = [r for r in runs if len(_YEAR.findall(r.group())) == len(figures)]
    if len(runs) != 1:
        return None
    year = _YEAR.findall(runs[0].group())[at]
    return f"{year}-01-01", f"{year}-12-31"


def respective_place(sentence: str, start: int, end: int) -> str | None:
    """The place of the figure at ``[start, end)`` of ``sentence`` given "respectivement" for
    coordinated place names subject of its clause, or None; an empty place for a figure of
    a list after "contre" of another length than the places'."""
    low = sentence.lower()
    main = _main_list(low)
    if main is None:
        return None
    other = _other_list(low, main[-1].end())
    at, rank = _rank(main, start, end), _rank(other, start, end)
    if at is None and rank is None:
        return None
    cue = main[0].start()
    lists = [m for m in _patterns()["names"].finditer(sentence, 0, cue)]
    if not lists:
        return None
    names = _patterns()["split"].split(lists[-1].group("names"))
    if len(names) != len(main):
        return None
    w = world_data()
    places = [w.places_as_written.get(n) or w.places.get(n.lower()) for n in names]
    if not all(places):
        return None
    if at is None:
        return places[rank] if len(other) == len(main) else ""
    return places[at]


def _listed(sentence: str, start: int, end: int) -> tuple[int, list[regex.Match[str]]] | None:
    """The rank of the figure at ``[start, end)`` in the list of figures given
    "respectivement", and that list, or None."""
    figures = _main_list(sentence.lower())
    at = _rank(figures or [], start, end)
    return None if figures is None or at is None else (at, figures)


def _main_list(low: str) -> list[regex.Match[str]] | None:
    """The list of figures given "respectivement" in ``low`` (a lower-cased sentence): at
    least two figures, the first right after the cue or a lead word, or None."""
    cue = _respective().search(low)
    if cue is None:
        return None
    leads = {"", *time_data().words.get("respective_list_leads", ())}
    figures = _run(low, cue.end(), leads)
    return figures if len(figures) >= 2 else None


def _other_list(low: str, after: int) -> list[regex.Match[str]]:
    """The figures right after the first ``respective_other_list`` word past ``after``."""
    other = cue_pattern("respective_other_list").search(low, after)
    return _run(low, other.end(), {""}) if other else []


def _run(low: str, pos: int, leads: set[str]) -> list[regex.Match[str]]:
    """The figures of a list from ``pos``: the first after one of ``leads`` only, the next
    each after a unit and a joiner."""
    figures: list[regex.Match[str]] = []
    for m in _NUMBER.finditer(low, pos):
        if figures and not _patterns()["between"].fullmatch(low, figures[-1].end(), m.start()):
            break
        if not figures and low[pos:m.start()].strip() not in leads:
            return []
        figures.append(m)
    return figures


def _rank(figures: list[regex.Match[str]], start: int, end: int) -> int | None:
    """The rank of the one figure of ``figures`` inside ``[start, end)``, or None."""
    at = [k for k, m in enumerate(figures) if start <= m.start() < end]
    return at[0] if len(at) == 1 else None


@cache
def _respective() -> regex.Pattern[str]:
    return cue_pattern("respective_words")
