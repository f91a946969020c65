"""Typed access to the function words the context engines walk over, by role
(``lang/<code>/context_grammar.toml``). Private to ``factcheck.context``: read it through
:func:`factcheck.context.lexicon.grammar`, which re-exports it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.lang import LanguageDataError, load_data


@dataclass(frozen=True, slots=True)
class GrammarData:
    """Function words the engines walk over, by role (``context_grammar.toml``)."""

    de_links: frozenset[str]
    articles_after_de: frozenset[str]
    de: frozenset[str]
    container_gap: frozenset[str]
    part_markers: frozenset[str]
    range_links: frozenset[str]
    verb_links: frozenset[str]
    restriction_words: frozenset[str]
    negations: frozenset[str]
    per_links: frozenset[str]
    copula_lemmas: frozenset[str]
    reflexive_clitics: frozenset[str]
    coordinators: frozenset[str]
    noun_coordinators: frozenset[str]
    gloss_openers: frozenset[str]
    gloss_closers: frozenset[str]
    unit_ratio_marks: frozenset[str]
    aux_adverbs: frozenset[str]
    aux_forms: frozenset[str]
    plural_de: frozenset[str]
    date_articles: frozenset[str]
    participle_endings: tuple[str, ...]
    relative_subjects: frozenset[str]
    lemma_suffixes: tuple[tuple[str, str], ...]
    keep_endings: tuple[str, ...]
    demonym_endings: tuple[str, ...]
    lemma_min_length: int
    inclusive_marks: tuple[str, ...]
    ordinal_suffix: str
    number_joiner: str
    clause_marks: frozenset[str]
    list_colons: frozenset[str]
    clause_start_words: frozenset[str]
    speaker_boundaries: frozenset[str]
    source_articles: frozenset[str]
    document_links: frozenset[str]
    name_particles: frozenset[str]
    addressee_preps: frozenset[str]
    verb_coordinators: frozenset[str]
    agent_preps: frozenset[str]
    apres: frozenset[str]
    elided_de: frozenset[str]
    that: frozenset[str]
    scope_determiners: frozenset[str]
    scope_not_after: frozenset[str]
    side_marker: frozenset[str]
    complement_preps: frozenset[str]
    definite_articles: tuple[str, ...]
    country_preps: frozenset[str]
    region_nouns: tuple[str, ...]
    dative_preps: tuple[str, ...]
    subject_position_verbs: tuple[str, ...]
    name_compare_drop: frozenset[str]
    inserted_sources: frozenset[str]
    stressed_pronouns: frozenset[str]


@cache
def grammar(code: str = "fr") -> GrammarData:
    d = load_data(code, "context_grammar")
    f = "context_grammar"
    values: dict[str, Any] = {}
    for name, typ in GrammarData.__annotations__.items():
        if name not in d:
            raise LanguageDataError(f"{f}.toml: '{name}' is missing")
        raw = d[name]
        if typ == "int":
            values[name] = int(raw)
        elif typ == "str":
            values[name] = str(raw)
        elif name == "lemma_suffixes":
            values[name] = tuple((str(a), str(b)) for a, b in raw)
        elif typ.startswith("tuple"):
            values[name] = tuple(str(w) for w in raw)
        else:
            values[name] = frozenset(str(w) for w in raw)
    return GrammarData(**values)
