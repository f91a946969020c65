"""Typed access to the context language data (``lang/<code>/context_*.toml``, ``actors.toml``,
``places.toml``, ``categories.toml``), read through :func:`factcheck.lang.load_data`.

Engines in ``factcheck.context`` hold no French word: everything they match comes from here.
Actors, places and categories (``actors.toml``, ``places.toml``, ``categories.toml``) are read
by :mod:`factcheck.context.world`. Function words (``context_grammar.toml``) are typed in
``_grammar_data``; :func:`grammar` is re-exported here. Words of time and of mood
(``context_time.toml``, ``context_modality.toml``) are typed in ``_time_data``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from factcheck.context._data_fields import _table, _words
from factcheck.context._grammar_data import GrammarData as GrammarData
from factcheck.context._grammar_data import grammar as grammar
from factcheck.context._source_data import SourceData as SourceData
from factcheck.context._source_data import source_data as source_data
from factcheck.lang import LanguageDataError, load_data


@dataclass(frozen=True, slots=True)
class UnitSubject:
    """What a unit says is measured (``[unit_subjects]``): the subject, the nouns that name
    the same metric, and the words the figure must follow (empty: anywhere)."""

    subject: str
    nouns: frozenset[str]
    after: frozenset[str]


@dataclass(frozen=True, slots=True)
class SubjectData:
    containers: frozenset[str]
    bases: frozenset[str]
    not_subjects: frozenset[str]
    time_nouns: frozenset[str]
    appositions: frozenset[str]
    ellipsis_markers: frozenset[str]
    determiners: frozenset[str]
    contractions: frozenset[str]
    des_after_pos: frozenset[str]
    date_events: frozenset[str]
    scale_words: frozenset[str]
    number_words: frozenset[str]
    variation_nouns: frozenset[str]
    part_states: frozenset[str]
    change_nouns: frozenset[str]
    change_markers: frozenset[str]
    compounds: tuple[tuple[str, ...], ...]
    lemmas: dict[str, str]
    wrapping_nouns: frozenset[str] = frozenset()
    wrapping_locutions: tuple[tuple[str, ...], ...] = ()
    object_first_verbs: frozenset[str] = frozenset()
    packaging_nouns: frozenset[str] = frozenset()
    age_subject: str = ""
    age_units: frozenset[str] = frozenset()
    age_markers: frozenset[str] = frozenset()
    age_holders: frozenset[str] = frozenset()
    age_comparatives: frozenset[str] = frozenset()
    age_group_markers: frozenset[str] = frozenset()
    age_group_articles: frozenset[str] = frozenset()
    anniversary_determiners: frozenset[str] = frozenset()
    age_had_subjects: frozenset[str] = frozenset()  # and the four below: _had's words
    age_had_skips: frozenset[str] = frozenset()
    age_had_part_pronouns: frozenset[str] = frozenset()
    age_deadline_links: frozenset[str] = frozenset()
    age_purpose_links: frozenset[str] = frozenset()
    prenominal: frozenset[str] = frozenset()
    intensifiers: frozenset[str] = frozenset()
    elliptic_after_de: frozenset[str] = frozenset()
    topic_markers: frozenset[str] = frozenset()
    proform_nouns: frozenset[str] = frozenset()
    how_many: frozenset[str] = frozenset()
    partitive_determiners: frozenset[str] = frozenset()
    people_participles: frozenset[str] = frozenset()
    elliptic_state_endings: tuple[str, ...] = ()
    feminine_participle_endings: tuple[str, ...] = ()
    comparison_terms: frozenset[str] = frozenset()
    sum_containers: frozenset[str] = frozenset()
    counting_containers: frozenset[str] = frozenset()
    plural_marks: tuple[str, ...] = ()
    opening_quotes: frozenset[str] = frozenset()
    closing_quotes: frozenset[str] = frozenset()
    straight_quotes: frozenset[str] = frozenset()
    generic_nouns: frozenset[str] = frozenset()
    gloss_links: frozenset[str] = frozenset()
    attribute_determiners: frozenset[str] = frozenset()
    state_prepositions: frozenset[str] = frozenset()
    relative_units: frozenset[str] = frozenset()
    threshold_words: frozenset[str] = frozenset()
    threshold_links: frozenset[str] = frozenset()
    unit_subjects: dict[str, UnitSubject] = field(default_factory=dict)
    share_subject: str = ""
    share_verbs: frozenset[str] = frozenset()
    alone_pronouns: frozenset[str] = frozenset()
    alone_words: frozenset[str] = frozenset()
    equating_verbs: frozenset[str] = frozenset()
    contender_nouns: frozenset[str] = frozenset()
    vote_nouns: frozenset[str] = frozenset()
    contender_not_before: frozenset[str] = frozenset()
    contender_sides: frozenset[str] = frozenset()
    score_nouns: frozenset[str] = frozenset()
    contender_links: frozenset[str] = frozenset()
    score_verb_forms: frozenset[str] = frozenset()
    absolute_change_kinds: frozenset[str] = frozenset()
    estimate_nouns: frozenset[str] = frozenset()
    restating_openers: frozenset[str] = frozenset()  # "c'est 2,9 % de plus"
    difference_words: frozenset[str] = frozenset()
    known_change_determiners: frozenset[str] = frozenset()
    partitive_clitics: frozenset[str] = frozenset()
    pronoun_forms: frozenset[str] = frozenset()
    among_them: tuple[str, ...] = ()
    relative_subjects: frozenset[str] = frozenset()
    relative_objects: frozenset[str] = frozenset()
    object_level_verbs: frozenset[str] = frozenset()
    purpose_links: frozenset[str] = frozenset()
    share_quantifiers: frozenset[str] = frozenset()
    forecast_verbs: frozenset[str] = frozenset()
    change_pronouns: frozenset[str] = frozenset()
    assessed_participles: frozenset[str] = frozenset()
    purpose_complements: frozenset[str] = frozenset()
    locution_nouns: frozenset[str] = frozenset()
    adverbial_nouns: frozenset[str] = frozenset()
    adverbial_links: frozenset[str] = frozenset()
    purpose_complement_links: frozenset[str] = frozenset()
    relation_participles: frozenset[str] = frozenset()
    gap_scopes: frozenset[str] = frozenset()
    gap_pronouns: frozenset[str] = frozenset()
    gap_openers: frozenset[str] = frozenset()
    population_nouns: frozenset[str] = frozenset()
    whole_prepositions: frozenset[str] = frozenset()
    among_pronouns: frozenset[str] = frozenset()
    other_scope_prepositions: frozenset[str] = frozenset()
    coordinated_clitics: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    point_words: frozenset[str] = frozenset()
    part_only_states: frozenset[str] = frozenset()
    other_words: frozenset[str] = frozenset()
    compared_prepositions: frozenset[str] = frozenset()
    comparison_words: frozenset[str] = frozenset()  # "inférieur au 1,2 million"
    comparison_links: frozenset[str] = frozenset()
    estimate_scope_links: frozenset[str] = frozenset()  # "sa prévision de 1,6 % pour"
    estimate_scope_times: frozenset[str] = frozenset()
    indefinite_articles: frozenset[str] = frozenset()
    infinitive_endings: frozenset[str] = frozenset()
    change_level_links: frozenset[str] = frozenset()
    level_noun_blockers: frozenset[str] = frozenset()
    out_of_words: frozenset[str] = frozenset()
    aside_relatives: frozenset[str] = frozenset()
    aside_dashes: frozenset[str] = frozenset()
    toll_containers: frozenset[str] = frozenset()  # "le bilan des victimes"
    toll_counted: frozenset[str] = frozenset()  # "des victimes", not "des frappes"
    trailing_bounds: frozenset[str] = frozenset()  # "10 % maximum"
    act_amounts: dict[str, str] = field(default_factory=dict)  # "verser" -> "versement"
    act_passive_only: frozenset[str] = frozenset()
    act_object_clitics: frozenset[str] = frozenset()  # "la Région leur a versé"
    clause_money_nouns: frozenset[str] = frozenset()
    state_amounts: dict[str, str] = field(default_factory=dict)  # "endetter" -> "dette"
    state_amount_links: tuple[tuple[str, ...], ...] = ()  # ("à", "hauteur", "de")
    finite_plural_endings: tuple[str, ...] = ()
    present_plural_endings: tuple[str, ...] = ()
    manner_adverb_endings: tuple[str, ...] = ()


@cache
def subject_data(code: str = "fr") -> SubjectData:
    d = load_data(code, "context_subject")
    f = "context_subject"
    return SubjectData(
        containers=_words(d, "containers", f),
        bases=_words(d, "bases", f),
        not_subjects=_words(d, "not_subjects", f),
        time_nouns=_words(d, "time_nouns", f),
        appositions=_words(d, "appositions", f),
        ellipsis_markers=_words(d, "ellipsis_markers", f),
        determiners=_words(d, "determiners", f),
        contractions=_words(d, "contractions", f),
        des_after_pos=frozenset(d.get("des_after_pos", [])),
        date_events=_words(d, "date_events", f),
        scale_words=_words(d, "scale_words", f),
        number_words=_words(d, "number_words", f),
        variation_nouns=_words(d, "variation_nouns", f),
        part_states=_words(d, "part_states", f),
        change_nouns=_words(d, "change_nouns", f),
        wrapping_nouns=_words(d, "wrapping_nouns", f),
        wrapping_locutions=tuple(
            tuple(w.split()) for w in sorted(_words(d, "wrapping_locutions", f))),
        object_first_verbs=_words(d, "object_first_verbs", f),
        change_markers=_words(d, "change_markers", f),
        compounds=tuple(
            tuple(c.lower().replace("'", "' ").split()) for c in d.get("compounds", [])
        ),
        lemmas={k.lower(): v for k, v in _table(d, "lemmas", f).items()},
        packaging_nouns=_words(d, "packaging_nouns", f),
        age_subject=str(_table(d, "durations", f)["age_subject"]),
        age_units=_words(_table(d, "durations", f), "age_units", f),
        age_markers=_words(_table(d, "durations", f), "age_markers", f),
        **{name: _words(_table(d, "durations", f), name, f) for name in (
            "age_holders", "age_comparatives", "age_group_markers", "age_group_articles",
            "anniversary_determiners", "age_had_subjects", "age_had_skips",
            "age_had_part_pronouns", "age_deadline_links", "age_purpose_links")},
        prenominal=_words(d, "prenominal", f),
        intensifiers=_words(d, "intensifiers", f),
        elliptic_after_de=_words(d, "elliptic_after_de", f),
        topic_markers=_words(d, "topic_markers", f),
        proform_nouns=_words(d, "proform_nouns", f),
        how_many=_words(d, "how_many", f),
        elliptic_state_endings=tuple(sorted(_words(d, "elliptic_state_endings", f))),
        comparison_terms=_words(d, "comparison_terms", f),
        sum_containers=_words(d, "sum_containers", f),
        counting_containers=_words(d, "counting_containers", f),
        feminine_participle_endings=tuple(
            sorted(_words(d, "feminine_participle_endings", f))),
        plural_marks=tuple(sorted(_words(d, "plural_marks", f))),
        finite_plural_endings=tuple(sorted(_words(d, "finite_plural_endings", f))),
        present_plural_endings=tuple(sorted(_words(d, "present_plural_endings", f))),
        manner_adverb_endings=tuple(sorted(_words(d, "manner_adverb_endings", f))),
        generic_nouns=_words(d, "generic_nouns", f),
        gloss_links=_words(d, "gloss_links", f),
        attribute_determiners=_words(d, "attribute_determiners", f),
        state_prepositions=_words(d, "state_prepositions", f),
        relative_units=_words(d, "relative_units", f),
        threshold_words=_words(d, "threshold_words", f),
        threshold_links=_words(d, "threshold_links", f),
        unit_subjects=_unit_subjects(_table(d, "unit_subjects", f), f),
        share_subject=str(d.get("share_subject", "")),
        **{name: _words(d, name, f) for name in (
            "share_verbs", "alone_pronouns", "alone_words", "equating_verbs",
            "contender_nouns", "vote_nouns", "contender_not_before",
            "contender_sides", "score_nouns", "contender_links",
            "score_verb_forms",
            "absolute_change_kinds", "estimate_nouns", "known_change_determiners",
            "restating_openers", "difference_words",
            "partitive_clitics",
            "pronoun_forms", "relative_subjects", "relative_objects", "object_level_verbs",
            "purpose_links", "share_quantifiers",
            "forecast_verbs", "change_pronouns", "assessed_participles",
            "purpose_complements", "purpose_complement_links", "relation_participles",
            "locution_nouns", "adverbial_nouns", "adverbial_links",
            "gap_scopes", "gap_pronouns", "gap_openers", "population_nouns", "whole_prepositions",
            "among_pronouns", "other_scope_prepositions", "coordinated_clitics",
            "place_prepositions",
            "point_words", "part_only_states", "other_words",
            "compared_prepositions", "comparison_words", "comparison_links",
            "estimate_scope_links", "estimate_scope_times",
            "indefinite_articles",
            "infinitive_endings", "change_level_links", "level_noun_blockers",
            "partitive_determiners", "people_participles", "opening_quotes",
            "closing_quotes", "straight_quotes",
            "out_of_words", "aside_relatives", "aside_dashes", "toll_containers",
            "toll_counted", "trailing_bounds")},
        among_them=tuple(sorted(_words(d, "among_them", f))),
        act_amounts={k: v for k, v in _table(d, "act_amounts", f).items() if isinstance(v, str)},
        act_passive_only=_words(_table(d, "act_amounts", f), "passive_only", f),
        act_object_clitics=_words(_table(d, "act_amounts", f), "object_clitics", f),
        clause_money_nouns=_words(_table(d, "clause_money", f), "nouns", f),
        state_amounts={k: v for k, v in _table(d, "state_amounts", f).items()
                       if isinstance(v, str)},
        state_amount_links=tuple(tuple(w.split()) for w in sorted(
            _words(_table(d, "state_amounts", f), "links", f), key=len, reverse=True)),
    )


def _unit_subjects(table: dict[str, Any], f: str) -> dict[str, UnitSubject]:
    out = {}
    for unit, entry in table.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("subject"), str):
            raise LanguageDataError(f"{f}.toml: unit_subjects.{unit} needs a 'subject'")
        out[unit] = UnitSubject(entry["subject"], _words(entry, "nouns", f),
                                _words(entry, "after", f))
    return out
