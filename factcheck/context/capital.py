""""La capitale" standing for a capital city: "105 000 personnes ont défilé dans les rues de la
capitale", "Dans la capitale, la CFDT a compté 45 000 personnes", "au départ de la capitale
française". French news names a country's capital by the noun once the story has named the
country or the city; the figure's place is that city.

Read in the figure's clause (no other figure between: "18 interpellations, dont neuf dans la
capitale" places the part), or in a fronted adjunct of its sentence ("Dans la capitale, ...",
"Dans les rues de la capitale, ..."), the noun (``capital_nouns`` of
``lang/<code>/article_place.toml``) after a locative preposition (``capital_preps``), or after
a complement's ("de", ``capital_complement_preps``) only right after a noun of the city itself
(``capital_inside_nouns``: "les rues de la capitale"; not "au nord de la capitale"); never when
the preposition or the word before it is one of ``capital_excluders`` ("hors de la capitale",
"près de", "vers la capitale"). A country's adjective after the noun names the country ("la
capitale espagnole" -> Madrid); without one, the country is the last of the countries or
capitals of ``[capitals]`` named before in the article ("à Paris" or "en France" -> Paris),
none when none is. Only where the noun ends its phrase: followed by punctuation, a country's
adjective or a word opening what comes next (``capital_followers``: "dans la capitale jeudi",
"selon"); any other word may make it a capital of something else ("la capitale bretonne", "la
capitale de la Bretagne", "la capitale économique"). The place is a weaker reading
(``place_mode`` "inherited"): cross-referencing neither ties nor separates figures by it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

import regex

from factcheck.context._time_terms import clause_bounds
from factcheck.context.article_place import article_place_data
from factcheck.context.known_places import known_places


@cache
def _pattern(code: str) -> regex.Pattern[str]:
    data = article_place_data(code)
    preps = "|".join(regex.escape(p) for p in sorted(
        (*data.capital_preps, *data.capital_complement_preps), key=len, reverse=True)) or "(?!)"
    nouns = "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in sorted(
        data.capital_nouns, key=len, reverse=True)) or "(?!)"
    adjectives = "|".join(regex.escape(a) for a in sorted(
        data.adjective_country, key=len, reverse=True))
    return regex.compile(
        rf"(?i)(?<![\w-])(?P<prep>{preps})(?:(?<=['’])|\s+)(?:{nouns})(?![\w-])"
        rf"(?:\s+(?P<adj>{adjectives})(?![\w-]))?(?P<after>\s*[\w'’-]*'?)")


_LAST_WORD = regex.compile(r"([\w'’-]+)\s*$")
_FIRST_WORD = regex.compile(r"^[\s«»\"“”]*([\w'’-]+)")
_STOPS = regex.compile(r"[,;:.!?]")
_COMMA = regex.compile(r"\s*,")


def _excluded(sentence: str, m: regex.Match[str], code: str) -> bool:
    """Whether the phrase ``m`` stands outside the city or is no locative of it: its
    preposition or the word before it is one of ``capital_excluders`` ("vers la capitale",
    "hors de la capitale", "au nord de la capitale"), or it is a complement ("de") after no
    noun of ``capital_inside_nouns`` ("les rues de la capitale" places, "à 30 km de" not)."""
    data = article_place_data(code)
    prep = m["prep"].lower()
    last = _LAST_WORD.search(sentence, 0, m.start())
    prev = regex.split(r"['’]", last[1].lower())[-1] if last else ""  # "l'est" -> "est"
    if prep in data.capital_excluders or prev in data.capital_excluders:
        return True
    return prep in data.capital_complement_preps and prev not in data.capital_inside_nouns


def _fronted(sentence: str, m: regex.Match[str], code: str) -> bool:
    """Whether the phrase ``m`` closes a fronted adjunct: the sentence opens with it ("Dans la
    capitale, ...") or with a word of ``capital_fronting`` whose section the comma right after
    the phrase closes ("Dans les rues de la capitale, 30 000 personnes ont défilé")."""
    before = sentence[:m.start()]
    if not before.strip(" \t\n«»\"“”"):
        return True
    first = _FIRST_WORD.match(before)
    return first is not None and first[1].lower() in article_place_data(code).capital_fronting \
        and _STOPS.search(before) is None \
        and _COMMA.match(sentence, m.end() - len(m["after"])) is not None


@lru_cache(maxsize=8)
def _named(text: str, code: str) -> tuple[tuple[int, str], ...]:
    """(offset, capital) of each country or capital of ``[capitals]`` named in ``text``."""
    capitals = article_place_data(code).capital_of
    cities = set(capitals.values())
    return tuple((at, capitals.get(place, place)) for at, place in known_places(text)
                 if place in capitals or place in cities)


def _readings(text: str, sentence_start: int, sentence: str,
              code: str) -> Iterator[tuple[regex.Match[str], str]]:
    """Each phrase of ``sentence`` (of the article ``text``, at ``sentence_start``) that reads
    as a capital, with that capital."""
    data = article_place_data(code)
    if not any(n.rsplit(" ", 1)[-1] in sentence for n in data.capital_nouns):
        return
    for m in _pattern(code).finditer(sentence):
        if _excluded(sentence, m, code):
            continue
        if m["adj"]:
            if city := data.capital_of.get(data.adjective_country[m["adj"].lower()]):
                yield m, city
            continue
        after = m["after"].strip().lower()
        if after and after not in data.capital_followers:
            continue  # "la capitale bretonne", "la capitale de la Bretagne"
        at = sentence_start + m.start()
        before = [city for offset, city in _named(text, code) if offset < at]
        if before:
            yield m, before[-1]


def parted_capitals(text: str, sentence_start: int, sentence: str,
                    figures: Sequence[tuple[int, int]], code: str = "fr") -> set[str]:
    """The capitals "la capitale" names in ``sentence`` (of the article ``text``, at
    ``sentence_start``) for a part set apart from its whole: a figure of ``figures`` (their
    spans in ``sentence``) stands before the phrase in its clause with another figure between
    ("18 interpellations dont neuf dans la capitale"). The sentence's whole is wider than the
    capital: context/article_place.py gives its figures left unplaced not that capital."""
    found: set[str] = set()
    for m, city in _readings(text, sentence_start, sentence, code):
        for start, end in figures:
            cs, ce = clause_bounds(sentence, start, end)
            if end <= m.start() and cs <= m.start() < ce and not _fronted(sentence, m, code) \
                    and any(end <= o < m.start() for o, _ in figures):
                found.add(city)
                break
    return found


def capital_place(text: str, sentence_start: int, sentence: str, start: int, end: int,
                  others: Sequence[int] = (), code: str = "fr") -> str | None:
    """The capital "la capitale" names for the figure at ``sentence[start:end]`` of the
    article ``text`` (the sentence at ``sentence_start``), else None. ``others``: where the
    sentence's other figures start; one between the figure and the phrase takes the phrase
    ("18 interpellations, dont neuf dans la capitale": the part's place, not the whole's)."""
    cs, ce = clause_bounds(sentence, start, end)
    for m, city in _readings(text, sentence_start, sentence, code):
        opening = _fronted(sentence, m, code)  # "Dans la capitale, ..."
        if not (opening or cs <= m.start() < ce):
            continue
        if not opening and any(min(end, m.start()) <= o < max(start, m.end())
                               for o in others if o != start):
            continue
        return city
    return None
