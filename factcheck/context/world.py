"""Typed access to the world the context reads figures against: actors (sides and bodies),
places and categories (``lang/<code>/actors.toml``, ``places.toml``, ``categories.toml``),
read through :func:`factcheck.lang.load_data`. The rest of the context language data is in
:mod:`factcheck.context.lexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.context.lexicon import _table, _words
from factcheck.lang import LanguageDataError, load_data


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    description: str
    subjects: frozenset[str]
    qualifiers: frozenset[str]
    kinds: frozenset[str]
    only_with_qualifier: frozenset[str]


@dataclass(frozen=True, slots=True)
class WorldData:
    """Actors (sides and bodies), places and categories."""

    actor_names: dict[str, str]  # lower-case name -> normal form
    actor_adjectives: dict[str, str]  # lower-case adjective -> normal form
    body_aliases: dict[str, str]  # lower-case alias -> normal form
    places: dict[str, str]  # [places]: lower-case spelling -> normal form
    place_prepositions: tuple[str, ...]
    place_not_after: frozenset[str]
    categories: tuple[Category, ...]
    places_as_written: dict[str, str]  # [as_written]: spelling as written -> normal form
    places_ambiguous: dict[str, str]  # [ambiguous]: spelling as written -> normal form
    ambiguous_cities: dict[str, str]  # [ambiguous_cities]: spelling as written -> city
    ambiguous_after: frozenset[str]
    ambiguous_city_after: frozenset[str]
    not_places: frozenset[str]  # names as written that hold a place but are none
    town_preps: frozenset[str] = frozenset()  # an unknown name after these is a town ("à")
    #: "à Ribaute (Aude)", "les habitants de Bouc (Bouches-du-Rhône)": a name a bracketed
    #: place locates is a town after these prepositions, or after these nouns and "de".
    bracket_town_preps: frozenset[str] = frozenset()
    bracket_town_nouns: frozenset[str] = frozenset()
    event_town_nouns: frozenset[str] = frozenset()
    #: "l'attaque de Barsalogho a fait": the verbs an event does, its town read before them.
    event_town_verbs: frozenset[str] = frozenset()
    #: [persons] of actors.toml, lower case: last names that are never a town.
    person_names: frozenset[str] = frozenset()
    counting_verbs: frozenset[str] = frozenset()  # "la France compte": its subject is the place
    detached_openers: tuple[str, ...] = ()  # "Originaire de Lille, ...": places the subject
    #: Names as written that are a body, never a place ("Parlement", "Reuters").
    body_words: frozenset[str] = frozenset()
    #: "au niveau national": a sentence whose figures take no carried place.
    widening_scope: tuple[str, ...] = ()
    scope_turns: frozenset[str] = frozenset()  # "contre": a date is not placed across it
    widening_world: tuple[str, ...] = ()  # "au niveau mondial": no carried place at all
    #: "dans le reste du pays", "hors de Paris": the country without the story's town.
    remainder_scope: tuple[str, ...] = ()
    scope_carry_on: tuple[str, ...] = ()  # ", soit une baisse par rapport aux": scope goes on
    #: "le reste, soit": a figure stating what its sentence's parts leave, no part's place.
    remainder_parts: tuple[str, ...] = ()
    #: A capital's country ([capitals] of article_place.toml, inverted): "Paris" -> "France".
    capital_countries: tuple[tuple[str, str], ...] = ()
    part_openers: frozenset[str] = frozenset()  # "dont l'une aux Halles": the part's place
    source_openers: frozenset[str] = frozenset()  # "selon X, ..., à Paris": another clause's
    #: "A Paris, le taux ...": a capital written without its accent at a clause start,
    #: before a capitalised word, for the preposition it stands for ("A" -> "à").
    unaccented_preps: tuple[tuple[str, str], ...] = ()
    #: The countries ``article_place.toml`` knows (its national bodies and adjectives): a
    #: carried country survives a sentence widened to the whole country.
    countries: frozenset[str] = frozenset()
    #: "qu'en Allemagne", "contre 3,1 % en Allemagne": a place as the term of a comparison.
    comparison_place_words: tuple[str, ...] = ()
    comparison_place_far: frozenset[str] = frozenset()
    comparison_place_que: frozenset[str] = frozenset()  # "qu'", after a comparative word
    comparison_place_comparatives: frozenset[str] = frozenset()  # "plus", "moins"
    comparison_place_reach: int = 0


@cache
def world_data(code: str = "fr") -> WorldData:
    actors = load_data(code, "actors")
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for norm, entry in _table(actors, "actors", "actors").items():
        names[norm.lower()] = norm
        for n in _words(entry, "names", "actors"):
            names[n] = norm
        for a in _words(entry, "adjectives", "actors"):
            adjectives[a] = norm
    bodies: dict[str, str] = {}
    for norm, entry in _table(actors, "bodies", "actors").items():
        bodies[norm.lower()] = norm
        for a in _words(entry, "aliases", "actors"):
            bodies[a] = norm
    places_file = load_data(code, "places")
    article_place = load_data(code, "article_place")
    places = {k.lower(): v for k, v in _place_table(places_file, "places").items()}
    as_written = _place_table(places_file, "as_written")
    ambiguous = _place_table(places_file, "ambiguous")
    cities = _place_table(places_file, "ambiguous_cities")
    cats = []
    for entry in load_data(code, "categories").get("category", []):
        if "name" not in entry:
            raise LanguageDataError("categories.toml: every [[category]] needs a name")
        cats.append(
            Category(
                name=entry["name"],
                description=entry.get("description", ""),
                subjects=_words(entry, "subjects", "categories"),
                qualifiers=_words(entry, "qualifiers", "categories"),
                kinds=_words(entry, "kinds", "categories"),
                only_with_qualifier=_words(entry, "only_with_qualifier", "categories"),
            )
        )
    return WorldData(
        actor_names=names,
        actor_adjectives=adjectives,
        body_aliases=bodies,
        places=places,
        place_prepositions=tuple(
            sorted((p.lower() for p in places_file.get("prepositions", [])), key=len, reverse=True)
        ),
        place_not_after=_words(places_file, "not_after", "places"),
        categories=tuple(cats),
        places_as_written=as_written,
        places_ambiguous=ambiguous,
        ambiguous_cities=cities,
        ambiguous_after=_words(places_file, "ambiguous_after", "places"),
        ambiguous_city_after=_words(places_file, "ambiguous_city_after", "places"),
        not_places=frozenset(str(n) for n in places_file.get("not_places", [])),
        town_preps=_words(places_file, "town_after", "places"),
        bracket_town_preps=_words(places_file, "bracket_town_after", "places"),
        bracket_town_nouns=_words(places_file, "bracket_town_nouns", "places"),
        event_town_nouns=_words(places_file, "event_town_nouns", "places"),
        event_town_verbs=_words(places_file, "event_town_verbs", "places"),
        person_names=_words(_table(actors, "persons", "actors"), "names", "actors"),
        counting_verbs=_words(places_file, "counting_verbs", "places"),
        detached_openers=tuple(sorted(_words(places_file, "detached_openers", "places"),
                                      key=len, reverse=True)),
        body_words=frozenset(str(w) for w in [*places_file.get("body_words", []),
                                              *article_place.get("agencies", [])]),
        countries=frozenset([*article_place.get("bodies", {}),
                             *article_place.get("national", {}).get("adjectives", {})]),
        widening_scope=tuple(sorted(_words(places_file, "widening_scope", "places"))),
        scope_turns=_words(places_file, "scope_turns", "places"),
        widening_world=tuple(sorted(_words(places_file, "widening_world", "places"))),
        remainder_scope=tuple(sorted(_words(places_file, "remainder_scope", "places"))),
        scope_carry_on=tuple(sorted(_words(places_file, "scope_carry_on", "places"))),
        remainder_parts=tuple(sorted(_words(places_file, "remainder_parts", "places"))),
        capital_countries=tuple((str(v), str(k)) for k, v in
                                article_place.get("capitals", {}).items()),
        part_openers=_words(places_file, "part_openers", "places"),
        source_openers=_words(places_file, "source_openers", "places"),
        unaccented_preps=tuple((str(k), str(v)) for k, v in
                               places_file.get("unaccented_preps", {}).items()),
        comparison_place_words=tuple(sorted(_words(places_file, "comparison_place_words",
                                                   "places"))),
        comparison_place_far=_words(places_file, "comparison_place_far", "places"),
        comparison_place_que=_words(places_file, "comparison_place_que", "places"),
        comparison_place_comparatives=_words(places_file, "comparison_place_comparatives",
                                             "places"),
        comparison_place_reach=int(places_file.get("comparison_place_reach", 0)),
    )


def _place_table(data: dict[str, Any], key: str) -> dict[str, str]:
    """Spelling -> normal form of one table of ``places.toml``, each spelling with "'" also
    with the typographic apostrophe ("Val-d’Oise"). Only [places] takes its normal forms as
    spellings too; the other tables list them ("Vienne (département)" is not one)."""
    out: dict[str, str] = {}
    for norm, spellings in _table(data, key, "places").items():
        if not isinstance(spellings, list):
            raise LanguageDataError(f"places.toml: [{key}] {norm!r} must be a list of spellings")
        for s in [norm, *spellings] if key == "places" else spellings:
            out[str(s)] = norm
            out[str(s).replace("'", "’")] = norm
    return out
