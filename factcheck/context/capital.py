""""La capitale" standing for a capital city: "105 000 personnes ont défilé dans les rues de la
capitale", "Dans la capitale, la CFDT a compté 45 000 personnes", "au départ de la capitale
française". French news names a country's capital by the noun once the story has named the
country or the city; the figure's place is that city.

Read in the figure's clause (no other figure between: "18 interpellations, dont neuf dans la
capitale" places the part), or opening its sentence ("Dans la capitale, ..."), after
a locative preposition (``capital_preps`` of ``lang/fr/article_place.toml``; not "hors de la
capitale", which excludes it). A country's adjective after the noun names the country ("la
capitale espagnole" -> Madrid); without one, the country is the last of the countries or
capitals of ``[capitals]`` named before in the article ("à Paris" or "en France" -> Paris),
none when none is. Only where the noun ends its phrase: followed by punctuation, a
country's adjective or a word opening what comes next (``capital_followers``: "dans la
capitale jeudi", "selon"); any other word may make it a capital of something else ("la
capitale bretonne", "la capitale de la Bretagne", "la capitale économique"). The place is
a weaker reading (``place_mode`` "inherited"): cross-referencing neither ties nor separates
figures by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

import regex

from factcheck.context._time_terms import clause_bounds
from factcheck.context.article_place import article_place_data
from factcheck.context.known_places import known_places
from factcheck.lang import load_data


@cache
def _pattern() -> regex.Pattern[str]:
    data = load_data("fr", "article_place")
    preps = "|".join(regex.escape(p) for p in sorted(data.get("capital_preps", []), key=len,
                                                       reverse=True)) or "(?!)"
    adjectives = "|".join(regex.escape(a) for a in sorted(
        article_place_data().adjective_country, key=len, reverse=True))
    return regex.compile(
        rf"(?i)(?<![\w-])(?<!hors\s)(?:{preps})\s+la\s+capitale"
        rf"(?:\s+(?P<adj>{adjectives})(?![\w-]))?(?P<after>\s*[\w'’-]*'?)")


@cache
def _followers() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("fr", "article_place").get(
        "capital_followers", []))


@lru_cache(maxsize=8)
def _named(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, capital) of each country or capital of ``[capitals]`` named in ``text``."""
    capitals = article_place_data().capital_of
    cities = set(capitals.values())
    return tuple((at, capitals.get(place, place)) for at, place in known_places(text)
                 if place in capitals or place in cities)


def capital_place(text: str, sentence_start: int, sentence: str, start: int, end: int,
                  others: Sequence[int] = ()) -> str | None:
    """The capital "la capitale" names for the figure at ``sentence[start:end]`` of the
    article ``text`` (the sentence at ``sentence_start``), else None. ``others``: where the
    sentence's other figures start; one between the figure and the phrase takes the phrase
    ("18 interpellations, dont neuf dans la capitale": the part's place, not the whole's)."""
    if "capitale" not in sentence:
        return None
    cs, ce = clause_bounds(sentence, start, end)
    for m in _pattern().finditer(sentence):
        opening = not sentence[:m.start()].strip(" \t\n«»\"“”")  # "Dans la capitale, ..."
        if not (opening or cs <= m.start() < ce):
            continue
        if not opening and any(min(end, m.start()) <= o < max(start, m.end())
                               for o in others if o != start):
            continue
        if m["adj"]:
            return article_place_data().capital_of.get(
                article_place_data().adjective_country[m["adj"].lower()])
        after = m["after"].strip().lower()
        if after and after not in _followers():
            continue  # "la capitale bretonne", "la capitale de la Bretagne"
        at = sentence_start + m.start()
        before = [city for offset, city in _named(text) if offset < at]
        if before:
            return before[-1]
    return None
