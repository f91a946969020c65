"""Territories named after their town ("la métropole de Lyon", "l'agglomération d'Angers",
"la communauté de communes du Pays de Landerneau"): another perimeter than the town, so a
figure read there takes the territory as its place, named with its noun ("métropole de
Lyon"), never the town alone (``perimeter_nouns`` and ``perimeter_links`` of places.toml).
Read by :func:`factcheck.context.where.place_of` through its sentence's candidates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from factcheck.context._place_scope import in_written_source
from factcheck.context.lexicon import grammar
from factcheck.context.timepatterns import comparison
from factcheck.context.world import world_data
from factcheck.lang import load_data

#: A name after the link: capitalised words, joined by the particles of a town's name
#: ("Pays de Landerneau", "Cergy-Pontoise", "Saint-Paul-lès-Dax"); a spaced "en", "sur" or
#: "des" ends it ("l'agglomération de Rouen en Normandie", "la métropole de Lille des
#: Flandres": the region says where the town is), hyphenated ones do not
#: ("Châlons-en-Champagne").
_NAME = (r"\p{Lu}[\p{L}'’-]*"
         r"(?:\s+(?:de\s+la|de\s+l['’]|de|du|d['’]|lès)\s*\p{Lu}[\p{L}'’-]*)*")


@dataclass(frozen=True, slots=True)
class Perimeter:
    """A territory named in a sentence: where its noun starts, where its name (the town's)
    starts and ends, and how it is written as a place ("métropole de Lyon")."""

    start: int
    name_start: int
    end: int
    place: str


@lru_cache(maxsize=4)
def _pattern(code: str = "fr") -> regex.Pattern[str]:
    data = load_data(code, "places")
    nouns = sorted((str(n) for n in data.get("perimeter_nouns", [])), key=len, reverse=True)
    links = sorted((str(n) for n in data.get("perimeter_links", [])), key=len, reverse=True)
    noun = "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    link = "|".join(
        regex.escape(k).replace(r"\ ", r"\s+").replace("'", "['’]")
        + ("" if k.endswith("'") else r"\s+")
        for k in links)
    if not noun or not link:
        return regex.compile(r"(?!)")
    return regex.compile(
        rf"(?<![\w-])(?P<noun>(?i:{noun}))\s+(?P<link>(?i:{link}))(?P<name>{_NAME})(?![\w-])")


@lru_cache(maxsize=256)
def perimeters(sentence: str, code: str = "fr") -> tuple[Perimeter, ...]:
    """The territories named after a town in ``sentence``, in order."""
    out = []
    for m in _pattern(code).finditer(sentence):
        noun = " ".join(m.group("noun").split())
        link = " ".join(m.group("link").replace("’", "'").split())
        gap = "" if link.endswith("'") else " "
        place = f"{noun[:1].lower()}{noun[1:]} {link}{gap}{' '.join(m.group('name').split())}"
        out.append(Perimeter(m.start(), m.start("name"), m.end(), place))
    return tuple(out)


def perimeter_at(sentence: str, offset: int) -> Perimeter | None:
    """The territory whose town's name holds ``offset`` (a place read there), else None."""
    return next((p for p in perimeters(sentence) if p.name_start <= offset < p.end), None)


def not_where(sentence: str, territory: Perimeter) -> bool:
    """Whether a word of ``not_after`` of places.toml, past an article, comes right before
    the territory: something else than where ("pour la métropole de Nice": a beneficiary)."""
    before = sentence[: territory.start].replace("'", "' ").replace("’", "’ ").split()
    if before and before[-1].lower() in grammar().definite_articles:
        before = before[:-1]
    return bool(before) and before[-1].lower() in world_data().place_not_after


def unread_territories(
    sentence: str, territories: Iterable[Perimeter], source: str | None,
    named: list[tuple[int, int]], detached: int,
) -> list[tuple[int, int, str, bool]]:
    """The candidates of ``where`` for the territories no place match read ("l'agglomération
    d'Angers": "d'" is no preposition of places), left out as a place match is: in a
    detached opener (offset ``detached``), after a word of ``not_after`` ("pour la métropole
    de Lyon"), inside a name that is no place (spans ``named``), inside the source's name, or
    after a comparison."""
    lowered = sentence.lower()
    out = []
    for t in territories:
        if t.start < detached or not_where(sentence, t) \
                or any(s <= t.name_start < e for s, e in named) \
                or (source and in_written_source(sentence, source, t.name_start)) \
                or comparison().search(lowered, 0, t.start):
            continue
        out.append((t.start, t.end, t.place, True))
    return out
