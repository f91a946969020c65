"""Readers of the tables of ``factcheck/lang/fr/crossref.toml`` (and of the places of
``places.toml``) into the values :func:`factcheck.crossref.cue_words.load_lexicon` gives the
:class:`~factcheck.crossref.cue_words.Lexicon`, and :func:`lemma`, the crude lemma its word
tables are keyed by. They hold no French word."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from factcheck.crossref._cue_patterns import _term_year
from factcheck.crossref.cue_sets import _norm, _pattern
from factcheck.crossref.word_profiles import StorySettings


@lru_cache(maxsize=100_000)
def lemma(subject: str) -> str:
    """A crude lemma of a subject phrase: lower case, plural mark removed from each word."""
    words = []
    for word in _norm(subject).split():
        if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def families_by_first_word(families: dict[str, str]) -> dict[str, dict[str, str]]:
    """The two-word names of ``families`` by their first word, their second → family."""
    out: dict[str, dict[str, str]] = {}
    for name, family in families.items():
        words = name.split(" ")
        if len(words) == 2:
            out.setdefault(words[0], {})[words[1]] = family
    return out


def place_spellings(table: dict) -> dict[str, str]:
    """Spellings of places (shared with factcheck.context: ``places.toml``) → normal form."""
    out: dict[str, str] = {}
    for norm, spellings in table.items():
        out[norm.lower()] = norm
        for spelling in spellings:
            out[str(spelling).lower()] = norm
    return out


def story_settings(table: dict, stopwords: list[str], countries: dict | None = None,
                   levels: dict | None = None) -> StorySettings:
    within = {str(k).lower(): str(k).lower() for k in (countries or {})}
    for country, places in (countries or {}).items():
        within.update((str(p).lower(), str(country).lower()) for p in places)
    level: dict[str, str] = {}
    for country, table_of_levels in (levels or {}).items():
        for name, places in table_of_levels.items():
            for place in places:
                within[str(place).lower()] = str(country).lower()
                level[str(place).lower()] = str(name)
    return StorySettings(
        language=str(table["language"]), threshold=float(table["threshold"]),
        max_days=int(table["max_days"]), common_zipf=float(table["common_zipf"]),
        sentence_threshold=float(table["sentence_threshold"]),
        sentence_shared=int(table["sentence_shared"]),
        sentence_max_days=int(table["sentence_max_days"]),
        index_words=int(table["index_words"]), max_postings=int(table["max_postings"]),
        stopwords=frozenset(w.lower() for w in stopwords),
        undated_threshold=float(table["undated_threshold"]),
        wide_places=frozenset(str(p).lower() for p in table.get("wide_places", [])),
        countries=tuple(sorted(within.items())), levels=tuple(sorted(level.items())))


def dimensions_by_family(table: dict) -> dict[str, frozenset[str]]:
    """``[family_dimensions]``: each group's dimensions given to the families it lists."""
    groups = table.get("families", {})
    return {family: frozenset(dims) for group, dims in table.items() if group != "families"
            for family in groups.get(group, ())}


#: Keys of ``[counter_sides]`` that are no side.
SIDE_KEYS = frozenset({"families", "crowd_words", "alone", "not_sides"})


def counter_side_cues(sides: dict) -> dict[str, Any]:
    """The :class:`~factcheck.crossref.cue_words.Lexicon` fields of ``[counter_sides]``: who
    counts a crowd, by side, the families read that way, the words naming a crowd, the names
    that are a side only alone and the phrases naming no side."""
    return {
        "counter_sides": {str(w).lower(): side for side, words in sides.items()
                          if side not in SIDE_KEYS for w in words},
        "side_families": frozenset(sides.get("families", ())),
        "crowd_words": _pattern(sides.get("crowd_words", [])),
        "side_alone": frozenset(str(w).lower() for w in sides.get("alone", ())),
        "not_sides": tuple(str(w).lower() for w in sides.get("not_sides", ())),
    }


def comparison_cues(table: dict) -> dict[str, Any]:
    """The :class:`~factcheck.crossref.cue_words.Lexicon` fields of ``[comparison]``: the cues
    setting a figure against an earlier value, their reach, the bracketed earlier moment, the
    named links and the year a term names, the words of a rise or a fall and the opposite
    signed amounts."""
    return {
        "comparison": _pattern(table["cues"]),
        "comparison_reach": int(table["reach"]),
        "comparison_bracketed": _pattern(table["bracket_cues"]),
        "comparison_bracket_reach": int(table["bracket_reach"]),
        "comparison_named_links": tuple(table["named_links"]),
        "comparison_term_year": _term_year(table["term_year_links"],
                                           int(table["term_year_words"])),
        "comparison_more": _pattern(table["more"]),
        "comparison_opposites": {lemma(w): i for i, group in
                                 enumerate(table.get("opposites", ())) for w in group},
        "comparison_less": _pattern(table["less"]),
        "comparison_object": _comparison_object(table),
    }


def _comparison_object(table: dict) -> regex.Pattern[str]:
    """What opens a comparison's object at the start of a text ("que la moyenne", "par rapport
    à 2019", "en dix ans"), after at most a comma."""
    objects = _pattern(table["objects"]).pattern
    preps = "|".join(regex.escape(w) for w in table["span_preps"])
    units = "|".join(regex.escape(w) for w in sorted(table["span_units"], key=len, reverse=True))
    span = rf"(?:{preps})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{units})(?!\w)"
    return regex.compile(rf"\s*,?\s*(?:{objects}|{span})", regex.IGNORECASE | regex.V1)
