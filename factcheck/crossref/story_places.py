"""Where each article's event happens, to keep apart two events of one kind that the words
of two articles tie into one story (:func:`factcheck.crossref.matching.same_story`).

Two earthquakes, two coach crashes, two epidemics share the words of their kind of news
("magnitude", "répliques", "cas", "réanimation"): their articles reach the stories' cosine,
and then only the reading of each figure keeps their tolls apart. What the articles state
about the event itself separates them: where it happened. Each article is read for

* ``places``: the places of its figures (the claims' ``place``, whatever its basis: the
  sentence's, the report's, the article's or the lead's) that the places data lists
  (``places.toml``), with the country of a capital among them ("Paris" is in France);
* ``spots``: each of those places beyond the wide areas (``[stories] wide_places`` of
  ``crossref.toml``: a continent holds countries, France towns, that the data does not
  place in them) with its country and its level, when every one of them has a known country
  (a country of ``[story_countries]``, a place it lists in one, a capital of ``[capitals]``,
  a place of ``[story_levels]``); none when one has not;
* ``named``: every listed place its title or its figures' sentences write, anywhere, and
  the country of a capital among them;
* ``marks``: its distinctive figures (three significant digits or more,
  :func:`factcheck.crossref.stories.event_marks`).

Two articles are apart (:func:`places_apart`) when both have spots, every spot of one is
another place than every spot of the other (two countries; or two places of one level of
``[story_levels]``: two regions, two departments, two towns), neither writes a place of the
other, and they report no distinctive figure in common. Places at two levels of one country
(a town and its territory or department, "Mamoudzou" and "Mayotte", "Nîmes" and "Gard") or
a place whose country the data does not give ("Valence", which may be the Spanish town, and
"Espagne") are no evidence of two events: unknown is not apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from factcheck.context.world import world_data
from factcheck.crossref.cells import cell_text


@dataclass(frozen=True, slots=True)
class ArticleWhere:
    """Where an article's event happens (see the module's docstring)."""

    places: frozenset[str]
    named: frozenset[str]
    marks: frozenset[str]
    spots: frozenset[tuple[str, str, str]]  # (place, country, level) beyond the wide areas


@lru_cache(maxsize=4)
def _spellings(code: str = "fr") -> tuple[dict[str, str], dict[str, str], regex.Pattern[str],
                                           regex.Pattern[str]]:
    """The places data's spellings: lower-case ones of ``[places]`` and as-written ones of
    ``[as_written]``, each to its normal form, and a pattern finding each table's."""
    world = world_data(code)
    lower, written = dict(world.places), dict(world.places_as_written)

    def pattern(spellings: Iterable[str], flags: int) -> regex.Pattern[str]:
        alternatives = "|".join(regex.escape(s) for s in sorted(spellings, key=len, reverse=True))
        return regex.compile(rf"(?<![\p{{L}}\p{{N}}-])(?:{alternatives})(?![\p{{L}}\p{{N}}-])",
                             flags | regex.V1)

    return lower, written, pattern(lower, regex.IGNORECASE), pattern(written, 0)


def listed_place(name: str, code: str = "fr") -> str:
    """The normal form of a place the places data lists, lower case; "" for any other."""
    lower, written, _, _ = _spellings(code)
    norm = lower.get(name.lower()) or written.get(name) or written.get(name.replace("'", "’"))
    return norm.lower() if norm else ""


def named_places(text: str, code: str = "fr") -> frozenset[str]:
    """The listed places a text writes, anywhere, in normal form (lower case)."""
    lower, written, any_case, as_written = _spellings(code)
    found = {lower[m.group().lower()].lower() for m in any_case.finditer(text)
             if m.group().lower() in lower}
    found.update(written[m.group()].lower() for m in as_written.finditer(text)
                 if m.group() in written)
    return frozenset(found)


def with_countries(places: set[str] | frozenset[str], code: str = "fr") -> frozenset[str]:
    """``places`` (normal forms, lower case) and the countries of the capitals among them
    (``[capitals]`` of article_place.toml: "paris" gives "france")."""
    return frozenset(places) | {country.lower() for capital, country
                                in world_data(code).capital_countries
                                if capital.lower() in places}


def article_where(places: Iterable[tuple[object, object]], texts: Iterable[tuple[str, str]],
                  marks: dict[str, frozenset[str]], wide: frozenset[str],
                  countries: dict[str, str] | None = None,
                  levels: dict[str, str] | None = None) -> dict[str, ArticleWhere]:
    """Each article's :class:`ArticleWhere`, from its figures' ``(article_id, place)`` pairs,
    its ``(article_id, text)`` (title and figures' sentences), its event marks (only the
    distinctive figures of which are kept, not the years), ``countries`` (a place, lower
    case -> its country) and ``levels`` (a place -> its level in its country)."""
    within = dict(countries or {})
    within.update((capital.lower(), country.lower())
                  for capital, country in world_data("fr").capital_countries)
    level = levels or {}
    own: dict[str, set[str]] = defaultdict(set)
    for article, place in places:
        name = listed_place(cell_text(place)) if cell_text(place) else ""
        if name:
            own[cell_text(article)].add(name)
    out: dict[str, ArticleWhere] = {}
    for article, text in texts:
        mine = frozenset(own.get(article, ()))
        spots = frozenset((p, within.get(p, ""), level.get(p, "")) for p in mine - wide)
        out[article] = ArticleWhere(
            with_countries(mine), with_countries(named_places(text) | mine),
            frozenset(m for m in marks.get(article, frozenset()) if m.startswith("n")),
            frozenset() if any(not country for _, country, _ in spots) else spots)
    return out


def _two_places(p: tuple[str, str, str], q: tuple[str, str, str]) -> bool:
    """Whether two spots are two places: two countries, or two places at one level."""
    return p[1] != q[1] or bool(p[2] and p[2] == q[2] and p[0] != q[0])


def places_apart(a: ArticleWhere | None, b: ArticleWhere | None) -> bool:
    """Two articles whose events happen in two places (module docstring): both with spots,
    each of one another place than each of the other, neither writing a place of the other,
    no distinctive figure in common."""
    if a is None or b is None or not a.spots or not b.spots:
        return False
    if not all(_two_places(p, q) for p in a.spots for q in b.spots):
        return False
    if a.places & b.named or b.places & a.named:
        return False
    return not a.marks & b.marks
