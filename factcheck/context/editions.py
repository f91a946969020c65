"""Events and editions named with their year: the year glued to the name is the period of the
figures about that event.

A newsroom names an edition by its year, not by a date: "les JO de Paris 1900", "à Atlanta
1996", "la Coupe du monde 2018", "l'Euro 2016", "le budget primitif 2024", "le bac 2023",
"la saison 2023-2024", "la COP28". Such a year is not introduced by "en" and so is not read
by the time patterns of ``timepatterns``; without it, "103 médailles" at the Paris 1900 Games
and "64 médailles" at Paris 2024 look like one count. Three shapes, from
``lang/fr/context_events.toml``:

* a name of ``names`` followed by a year, or by its host place and a year ("les JO de Paris
  1900"); a season over two years ("2023-2024", "2023-24") spans both years;
* a place named after ``edition_place_preps`` with a year that closes the phrase ("à
  Atlanta 1996 (15 médailles d'or)", "à Paris 2024, où"): the edition held there; a year
  followed by more words ("à Paris 2000 manifestants") is not one;
* a numbered edition of ``[numbered]`` ("la COP28", "COP 21"): the year it was held.

The period is the whole year (years) of the edition: the year is what the text says; the
days of an edition are not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from factcheck.lang import load_data

#: A year of an edition: 1000 to 2999, not part of a longer number ("1900" but not "19001"
#: nor "2 000,5").
_YEAR = r"(?<![\d,.])[12]\d{3}(?![\d]|[,.]\d)"
#: What ``_YEAR`` needs ("[12]" and three digits) and what the numbered editions need.
_YEAR_DIGITS = regex.compile(r"[12]\d{3}")
_DIGIT = regex.compile(r"\d")
#: A capitalised name of one to three words ("Paris", "Los Angeles", "Rio de Janeiro").
_PLACE = r"\p{Lu}[\w'’-]+(?:(?: (?:de |d'|da |do )?)\p{Lu}[\w'’-]+){0,2}"


@dataclass(frozen=True, slots=True)
class Edition:
    """An event or edition named with its year, at ``[start, end)`` of the sentence."""

    start: int
    end: int
    first: date
    last: date
    #: Introduced by a preposition ("pour la saison 2023-2024", "au bac 2023", "à Atlanta
    #: 1996"), not by an article alone after a verb ("ont adopté le budget 2024").
    linked: bool = True


def _alt(words: list[str]) -> str:
    """Alternatives, longest first; a word with a capital keeps its case, others do not."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        e = regex.escape(w)
        parts.append(e if w != w.lower() else f"(?i:{e})")
    return "|".join(parts)


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str] | None,
                         dict[str, dict[str, int]], regex.Pattern[str]]:
    d = load_data("fr", "context_events")
    links = "|".join(regex.escape(w) + ("" if w.endswith("'") else " ")
                     for w in d.get("host_links", []))
    host = rf"(?: (?:{links})(?P<host>{_PLACE}))?" if links else ""
    named = regex.compile(
        rf"(?<!\w)(?:{_alt(list(d['names']))}){host} (?P<y>{_YEAR})"
        rf"(?:[-/](?P<y2>{_YEAR}|\d{{2}}(?!\d)))?(?!\w)(?!\s?(?:\d|%|€|\$))"
    )
    closing = "|".join(regex.escape(w) for w in d.get("closing_words", []))
    place = regex.compile(
        rf"(?<!\w)(?i:{'|'.join(regex.escape(w) for w in d['edition_place_preps'])}) "
        rf"(?P<host>{_PLACE}) (?P<y>{_YEAR})"
        rf"(?=\s*(?:[,;:.()«»\"]|$)|\s(?:{closing})\b)"
    )
    numbered_data = {k: {str(n): int(y) for n, y in v.items()}
                     for k, v in d.get("numbered", {}).items()}
    numbered = regex.compile(
        rf"(?<!\w)(?P<n>{_alt(list(numbered_data))}) ?(?P<k>\d{{1,3}})(?!\d)"
    ) if numbered_data else None
    articles = "|".join(regex.escape(w) + ("" if w.endswith("'") else " ")
                        for w in d.get("articles", []))
    preps = "|".join(regex.escape(w) for w in d.get("linking_preps", []))
    before = regex.compile(rf"(?i:(?<!\w)(?:{preps}) (?:{articles})?|(?<!\w)d'|^)$")
    return named, place, numbered, numbered_data, before


def _years(first: int, last: int) -> tuple[date, date] | None:
    if not (1000 <= first <= last <= 2999):
        return None
    return date(first, 1, 1), date(last, 12, 31)


@lru_cache(maxsize=512)
def editions(sentence: str) -> tuple[Edition, ...]:
    """The events and editions named with their year in ``sentence``, in text order."""
    named, place, numbered, numbered_data, before = _patterns()
    found: list[Edition] = []

    def add(m: regex.Match[str], span: tuple[date, date] | None) -> None:
        if span and not any(m.start() < e.end and e.start < m.end() for e in found):
            linked = m.re is place or bool(before.search(sentence, 0, m.start()))
            found.append(Edition(m.start(), m.end(), *span, linked=linked))

    # Both patterns below need a year's four digits, the numbered one a digit: a sentence
    # without is not searched (most sentences name no year).
    has_year = _YEAR_DIGITS.search(sentence) is not None
    for m in named.finditer(sentence) if has_year else ():
        first = int(m["y"])
        last = first
        if m["y2"]:
            last = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
            if not first < last <= first + 10:  # "2023-2019", "2023-12": no season
                continue
        add(m, _years(first, last))
    for m in place.finditer(sentence) if has_year else ():
        add(m, _years(int(m["y"]), int(m["y"])))
    if numbered is not None and (has_year or _DIGIT.search(sentence) is not None):
        for m in numbered.finditer(sentence):
            year = numbered_data[m["n"]].get(m["k"])
            if year is not None:
                add(m, _years(year, year))
    return tuple(sorted(found, key=lambda e: e.start))
