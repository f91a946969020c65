"""A measure named by its scale right before the figure, the subject read being the thing
measured: "un séisme de magnitude 6,3" (subject "séisme") and "le séisme a atteint une
magnitude de 6,2" (subject "magnitude") give one metric, the quake's magnitude, which two
institutes often state apart. The figure takes the scale's family (``[scale_names]`` of
``lang/fr/crossref.toml``) when its subject is a noun of the thing the scale measures
(``subjects``: the quake, not its aftershocks) and the scale's name ends the text before it,
a few words at most between (``words``: "d'une magnitude comprise entre 5 et 7"), no
punctuation. A count of quakes ("deux séismes de magnitude 4,8 et 4,9": "deux") is not
after the scale's name and keeps its subject. A comparison between the name and the figure
bounds a class of events, not one event's measure: "des séismes de magnitude supérieure à
5" (``bounds``, always; ``thresholds``, "d'au moins", after a plural noun) gets no family."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from factcheck.crossref.cue_words import lemma
from factcheck.lang import load_data


@dataclass(frozen=True, slots=True)
class ScaleName:
    """One scale: its family, the lemmas of what it measures, and the pattern of its name
    ending the text before a figure."""

    family: str
    subjects: frozenset[str]
    before: regex.Pattern[str]
    #: A comparison word in the gap, with the plural noun before the name (group ``plural``)
    #: or a bound (group ``bound``).
    compared: regex.Pattern[str] | None = None


@lru_cache(maxsize=4)
def scale_names(code: str = "fr") -> tuple[ScaleName, ...]:
    data = load_data(code, "crossref").get("scale_names", {})
    out = []
    for family, entry in data.items():
        names = "|".join(regex.escape(n) for n in sorted(entry["names"], key=len, reverse=True))
        gap = rf"(?:\s+[\p{{L}}'’]+){{0,{int(entry.get('words', 0))}}}"
        before = regex.compile(rf"(?<!\p{{L}})(?:{names}){gap}(?:\s+|(?<=['’]))$",
                               regex.IGNORECASE | regex.V1)
        out.append(ScaleName(family, frozenset(lemma(s) for s in entry["subjects"]), before,
                             _compared(entry, names)))
    return tuple(out)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace("'", "['’]")
                    for w in sorted(words, key=len, reverse=True))


def _compared(entry: dict, names: str) -> regex.Pattern[str] | None:
    """A comparison of ``entry`` right after one of its names (``names``, an alternation):
    a bound, or a threshold after a plural noun ("séismes de magnitude d'au moins 5")."""
    thresholds, bounds = entry.get("thresholds", []), entry.get("bounds", [])
    if not (thresholds or bounds):
        return None
    parts = []
    if bounds:
        parts.append(rf"(?:{names})\s+(?P<bound>{_alternation(bounds)})")
    if thresholds:
        parts.append(rf"\p{{L}}+[sx]\s+(?:de|d['’]une?|des)\s+(?:{names})\s+"
                     rf"(?P<plural>{_alternation(thresholds)})")
    return regex.compile(rf"(?<!\p{{L}})(?:{'|'.join(parts)})(?!\p{{L}})",
                         regex.IGNORECASE | regex.V1)


def scale_family(row: dict) -> None:
    """Give ``row`` (a view's row: ``subject``, ``sentence``, ``_rel_start``) the family of
    the scale named right before its figure, when its subject is what that scale measures."""
    subject = lemma(str(row.get("subject") or ""))
    if not subject:
        return
    before = row["sentence"][: row["_rel_start"]]
    for scale in scale_names():
        found = scale.before.search(before) if subject in scale.subjects else None
        if found is None:
            continue
        # "des séismes de magnitude supérieure à 5": a class of quakes, no quake's measure
        # (the comparison may open the figure's own surface: read up to its end).
        if scale.compared is not None and scale.compared.search(
                row["sentence"], max(0, found.start() - 40), row["_rel_end"]):
            return
        row["_family"] = scale.family
        return
