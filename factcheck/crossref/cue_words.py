"""French cue words for cross-referencing, loaded from ``factcheck/lang/fr/crossref.toml``.

The engines (``matching``, ``structures``, ``relations``, ``rules``) only read this lexicon;
they hold no French word. A newsroom adapts the cues by editing the TOML file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import regex

from factcheck.crossref._cue_anchored import anchored_cues
from factcheck.crossref._cue_patterns import (
    _following,
    _locative,
    _outcome_before,
    _predicate,
    _subject_place,
)
from factcheck.crossref.bodies import BodyCues, body_cues
from factcheck.crossref.causes import CauseCues, cause_cues
from factcheck.crossref.cue_sets import (
    CueSet,
    PopulationCues,
    QualifierCues,
    RestatementCues,
    _any_of,
    _cue_set,
    _pattern,
    _population,
    _qualifiers,
    day_cues,
    restatement_cues,
    stretch_cues,
    verb_family,
)
from factcheck.crossref.cue_tables import (
    comparison_cues,
    counter_side_cues,
    dimensions_by_family,
    families_by_first_word,
    lemma,
    place_spellings,
    story_settings,
)
from factcheck.crossref.scope_counted import CountedCues, counted_complement
from factcheck.crossref.share_heads import ShareHeads, share_heads
from factcheck.crossref.staff_strikes import StaffStrikeCues, staff_strike_cues
from factcheck.crossref.victims import VictimCues, victim_cues
from factcheck.crossref.word_profiles import StorySettings
from factcheck.lang import load_data

LEXICON_PATH = Path(__file__).resolve().parents[1] / "lang" / "fr" / "crossref.toml"


@dataclass(frozen=True, slots=True)
class Lexicon:
    partial: regex.Pattern[str]
    exhaustive: regex.Pattern[str]
    detail: regex.Pattern[str]
    remainder: regex.Pattern[str]
    total: regex.Pattern[str]
    restatement: regex.Pattern[str]
    #: "dont le nombre": a relative owning a metric of the figure before, no cue of parts.
    owning_relative: regex.Pattern[str]
    back_reference: regex.Pattern[str]  # "ces" right before a figure: one given earlier
    separators: regex.Pattern[str]
    sum_alternatives: regex.Pattern[str]  # "contre" between two figures: no two parts
    enumeration_breaks: regex.Pattern[str]
    clause_breaks: regex.Pattern[str]
    new_clause: regex.Pattern[str]
    elision_followers: frozenset[str]
    coordinators: frozenset[str]
    share_base: regex.Pattern[str]  # "47 % des techniciens": the population of a share
    since: regex.Pattern[str]  # "depuis": a total over a longer time than its listed parts
    group_nouns: frozenset[str]  # lemmas of nouns counting groups ("compagnies", "syndicats")
    stopwords: frozenset[str]
    #: Words joining a metric's noun to its complement ("encours de la dette").
    complement_links: tuple[str, ...]
    #: Inflection endings two forms of one describing word differ by (crossref/word_forms.py).
    form_endings: tuple[str, ...]
    #: Describing words that keep a form of their own (crossref/word_forms.py): "marché" is
    #: no form of "marche", "partie" none of "parti".
    form_kept: frozenset[str]
    generic_subjects: frozenset[str]
    attribute_subjects: frozenset[str]
    outcome_families: dict[str, str]
    #: Outcome cues that give a generic subject no family ("vivent à l'étranger").
    family_not_cues: frozenset[str]
    #: What a generic subject did ("ont manifesté") → its family; negations cancel a cue.
    activities: CueSet
    activity_negation: regex.Pattern[str]
    #: A generic subject counted in a march (``[outcome_families.gathering]``): its family,
    #: the cues right after the figure, right before it, and the words naming a march.
    gathering_family: str
    gathering_after: regex.Pattern[str]
    gathering_before: regex.Pattern[str]
    gathering_march: regex.Pattern[str]
    #: A verb of turning out after a figure: marchers in an article naming a march.
    gathering_turnout: regex.Pattern[str]
    #: A generic subject's own verb right after its noun (``[outcome_families.predicate]``,
    #: group ``verb``), and the stems of verbs of counting that are not read.
    predicate: regex.Pattern[str]
    counting_verbs: tuple[str, ...]
    places: dict[str, str]  # lower-case spelling → normal form
    locative: regex.Pattern[str]  # a place where a figure happened ("à Kharkiv")
    subject_place: regex.Pattern[str]  # a place opening the sentence ("La Chine reste")
    outcome: CueSet
    side: CueSet
    population: PopulationCues
    #: What qualifies the counted thing ("hospitalisés", "résultat net"), by set.
    qualifiers: QualifierCues
    national: regex.Pattern[str]  # "au niveau national": the whole country
    national_place: str
    projected: regex.Pattern[str]
    projected_exclusions: regex.Pattern[str]  # "mieux que prévu": no projection
    denied: regex.Pattern[str]
    provisional: regex.Pattern[str]
    revised: regex.Pattern[str]
    cumulative: regex.Pattern[str]
    cumulative_since: regex.Pattern[str]  # "depuis le 1er octobre": a count since a day
    cumulative_verbs: frozenset[str]  # "cumule": its complement is the figure, no event
    toll_outcomes: frozenset[str]
    contrast: regex.Pattern[str]
    comparison: regex.Pattern[str]  # "contre", "vs": a figure set against its earlier value
    comparison_reach: int
    #: "de plus qu'en août (73 693)": a change's earlier moment, its figure in brackets.
    comparison_bracketed: regex.Pattern[str]
    comparison_bracket_reach: int
    comparison_named_links: tuple[str, ...]  # "contre une perte de 1,9 milliard"
    #: "par rapport aux 3 167 tués de 2024": the year a term of comparison names for itself.
    comparison_term_year: regex.Pattern[str]
    comparison_more: regex.Pattern[str]  # "de plus": a change stated as a rise
    comparison_opposites: dict[str, int]  # lemma → group of one signed amount (bénéfice/perte)
    comparison_less: regex.Pattern[str]
    comparison_object: regex.Pattern[str]  # "que la moyenne", "par rapport à 2019", "en dix ans"
    score_links: regex.Pattern[str]  # a score's two terms, "3 buts à 1" (crossref.tallies)
    range_openers: regex.Pattern[str]  # a range instead, "de 3 à 5" (crossref.tallies)
    decrease: regex.Pattern[str]
    increase: regex.Pattern[str]
    other_basis: regex.Pattern[str]
    toll_cues: regex.Pattern[str]
    cumulative_exclusions: regex.Pattern[str]
    event: regex.Pattern[str]
    span_window: regex.Pattern[str]  # a count over a stretch of time: the whole sentence
    span_total: regex.Pattern[str]  # a running total: the nearest figure
    span_remaining: regex.Pattern[str]  # what still is at the time of the count
    remaining_reach: int
    span_change: regex.Pattern[str]  # a change since an earlier moment: the nearest figure
    change_reach: int
    earlier: regex.Pattern[str]  # a past moment: the figures after it are of that moment
    families: dict[str, str]  # subject lemma → family name
    stories: StorySettings
    family_nature: dict[str, str]  # family name → "stock" | "event"
    duration_days: dict[str, float]
    unit_multiples: dict[str, tuple[str, float]]  # "Mt" → ("t", 1e6)
    calendar_tolerance: float
    fraction_tolerance: float
    relation_labels: dict[str, str]
    outcome_labels: dict[str, str]
    side_labels: dict[str, str]
    population_all: str  # how a figure about no particular group is named ("ensemble")
    words: dict[str, object]
    templates: dict[str, str]
    #: Union of every cue :func:`factcheck.crossref.scope.assign_cues` looks for: a sentence
    #: it finds nothing in gets no cue, with one search (None: look for each cue).
    scope_cues: regex.Pattern[str] | None = None
    #: A figure given as a part of another of its sentence ([series]): the text before it
    #: ends with ``part_before``, the text after it starts with ``part_after``.
    part_before: regex.Pattern[str] | None = None
    part_after: regex.Pattern[str] | None = None
    whole_before: regex.Pattern[str] | None = None  # "9,5 millions sur [10 millions]"
    back_partial: regex.Pattern[str] | None = None  # "Sur cette enveloppe, [9 millions]"
    other_holder: regex.Pattern[str] | None = None  # "contre [48 %] pour son adversaire"
    same_period: regex.Pattern[str] | None = None  # "[1,1 million] sur la même période"
    #: Names of one metric ([metric_names]): subject lemma → the metric's name, and the
    #: families each name covers; read by :mod:`factcheck.crossref.renamed`.
    metric_names: dict[str, str] = field(default_factory=dict)
    metric_families: dict[str, str] = field(default_factory=dict)
    #: One noun of a metric for another ([subject_synonyms]): a subject word's lemma → the
    #: lemma of the noun its metric family is named by ("cadavre" → "corps").
    subject_synonyms: dict[str, str] = field(default_factory=dict)
    #: The dimensions a family is measured in ([family_dimensions]): family → the bases of
    #: dimensions ("count", "money") it takes; a family not in it takes any.
    family_dimensions: dict[str, frozenset[str]] = field(default_factory=dict)
    #: What a generic subject underwent, read right before the figure
    #: ([outcome_families.before]): the text before it ends with a cue of an outcome
    #: ("ont coûté la vie à [des dizaines de] personnes"); the outcome's name in ``verb``.
    outcome_before: regex.Pattern[str] | None = None
    #: What a count of "victimes" counts ([victims]; :mod:`factcheck.crossref.victims`).
    victims: VictimCues | None = None
    #: Who or what caused an outcome ([causes]; :mod:`factcheck.crossref.causes`).
    causes: CauseCues | None = None
    #: What makes the second of two figures of a sentence restate the first
    #: ([restated_figure]: "soit", a dash): see :mod:`factcheck.crossref.sentence_restatements`.
    restated_figure: RestatementCues | None = None
    #: A generic counted noun and its complement right after a figure ([scope.counted]:
    #: "cas de rougeole"), the complement in group ``word``; read by scope.assign_qualifiers.
    counted: CountedCues | None = None
    #: Heads naming a rate or share without its metric ([share_heads]: "le taux de réussite"):
    #: read by share_heads.family_from_head.
    share_heads: ShareHeads | None = None
    #: Nouns of a change naming no metric ([change_heads]: "la hausse des impôts de 40
    #: milliards"): the amount takes the family of their complement (share_heads.py).
    change_heads: ShareHeads | None = None
    #: Generic nouns of a tally ([tally_nouns]: "faits"), which name no metric: in a
    #: parenthesis after a figure, the count of that figure's metric (glosses.py).
    #: Nouns of a toll naming what they count by their complement ([toll_heads]: "le bilan
    #: des victimes"), read for the families of [families] only (share_heads.py).
    toll_heads: ShareHeads | None = None
    tally_nouns: frozenset[str] = frozenset()
    #: Words that introduce a topic, never a metric ([topic_words]: "Côté lycées, 202 M€"):
    #: a figure with such a subject has no family.
    topic_words: frozenset[str] = frozenset()
    #: Nouns counting people by a nationality named after them ([nationality_heads]:
    #: "ressortissants thaïlandais"), and the endings of a qualifier that is no nationality.
    nationality_heads: frozenset[str] = frozenset()
    nationality_not_endings: tuple[str, ...] = ()
    #: The two-word names of ``families`` by their first word: "résultat" → {"net": family}
    #: (read by metric_families.family_named_in_sentence for every figure: built once here).
    two_word_families: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Who counts a crowd, by side ([counter_sides]): a word or phrase of a source →
    #: "authorities" or "organisers"; read by :mod:`factcheck.crossref.link_identity`, for
    #: the families of ``side_families`` only. ``side_alone``: names that are a side only as
    #: a whole source name; ``not_sides``: phrases naming no side ("syndicat mixte").
    counter_sides: dict[str, str] = field(default_factory=dict)
    side_families: frozenset[str] = frozenset()
    #: Words by which a figure's sentence names a crowd (a march, a strike): a count or a
    #: share given there is one the two sides count too, whatever its subject.
    crowd_words: regex.Pattern[str] | None = None
    side_alone: frozenset[str] = frozenset()
    not_sides: tuple[str, ...] = ()
    #: Families counting what happens on one day ([day_counts]): marchers, a night's arrests.
    day_counts: frozenset[str] = frozenset()
    #: The families of ``outcome_families``, and those of its outcomes that are no toll's
    #: (the displaced): read by scope.assign_cues for every outcome cue, derived once here.
    outcome_family_set: frozenset[str] = frozenset()
    displaced_families: frozenset[str] = frozenset()
    #: The cues telling a body from its branch ([body_scope], crossref/bodies.py).
    bodies: BodyCues = field(default_factory=BodyCues)
    #: The shares of a staff read as a strike rate ([staff_strikes], crossref/staff_strikes.py).
    staff_strikes: StaffStrikeCues = field(default_factory=StaffStrikeCues)

    def say(self, key: str, **values: object) -> str:
        """The French explanation template ``key`` filled with ``values``."""
        try:
            return self.templates[key].format(**values)
        except KeyError as exc:
            raise KeyError(f"{LEXICON_PATH}: template {key!r} misses {exc}") from exc


@lru_cache(maxsize=4)
def load_lexicon(code: str = "fr") -> Lexicon:
    """The cross-reference cues of language ``code`` (``lang/<code>/crossref.toml``, and the
    places of ``places.toml``), through :func:`factcheck.lang.load_data`."""
    data = load_data(code, "crossref")
    structure = data["structure"]
    modality = data["modality"]
    place_data = load_data(code, "places")
    places = place_spellings(place_data.get("places", {}))
    # Names that are also common words, rivers or other cities ([ambiguous]) are left to the
    # context stage, which reads them with their article ("dans la Somme").
    written = {spelling: norm for norm, spellings in place_data.get("as_written", {}).items()
               for spelling in spellings}
    families: dict[str, str] = {}
    for family, words in data["families"].items():
        for word in words:
            families[lemma(word)] = family
        families[lemma(family)] = family
    outcome_families = dict(data["outcome_families"]["families"])
    toll_outcomes = frozenset(data["toll"]["outcomes"])
    sides, nationality = data.get("counter_sides", {}), data.get("nationality_heads", {})
    lexicon = Lexicon(
        partial=_pattern([*structure["partial"], *structure["back_partial"]]),
        exhaustive=_pattern(structure["exhaustive"]),
        detail=_pattern(structure["detail"]),
        remainder=_pattern(structure["remainder"]),
        total=_pattern(structure["total"]),
        restatement=_pattern(structure["restatement"]),
        owning_relative=_pattern(structure["owning_relative"]),
        separators=_pattern(structure["separators"]),
        sum_alternatives=_pattern(structure["alternatives"]),
        enumeration_breaks=_pattern(structure["enumeration_breaks"]),
        clause_breaks=_pattern(structure["clause_breaks"]),
        new_clause=_pattern(structure["new_clause"]),
        elision_followers=frozenset(w.lower() for w in structure["elision_followers"]),
        coordinators=frozenset(w.lower() for w in structure["coordinators"]),
        group_nouns=frozenset(lemma(w) for w in structure["group_nouns"]),
        since=_pattern(structure["since"]),
        share_base=_following(structure["share_base"]),
        stopwords=frozenset(w.lower() for w in data["description"]["stopwords"]),
        complement_links=tuple(data["description"].get("complement_links", ())),
        form_endings=tuple(data["description"].get("form_endings", ())),
        form_kept=frozenset(lemma(w) for w in data["description"].get("form_kept", ())),
        generic_subjects=frozenset(w.lower() for w in data["outcome_families"]["generic"]),
        attribute_subjects=frozenset(lemma(w) for w in data["attributes"]["subjects"]),
        outcome_families=outcome_families | data["outcome_families"].get("acts", {}),
        outcome_family_set=frozenset(outcome_families.values()),
        displaced_families=frozenset(family for name, family in outcome_families.items()
                                     if name not in toll_outcomes),
        family_not_cues=frozenset(w.lower() for w in data["outcome_families"].get("not_cues", [])),
        activities=_cue_set(data["outcome_families"]["activities"]),
        gathering_family=str(data["outcome_families"]["gathering"]["family"]),
        gathering_after=_pattern(data["outcome_families"]["gathering"]["after"]),
        gathering_march=_pattern(data["outcome_families"]["gathering"]["march"]),
        gathering_turnout=_pattern(data["outcome_families"]["gathering"].get("turnout", [])),
        predicate=_predicate(data["outcome_families"]["predicate"]),
        counting_verbs=tuple(data["outcome_families"]["predicate"]["counting"]),
        places=places,
        locative=_locative(data["places"]["locative"], places, written,
                           tuple(place_data.get("unaccented_preps", {}))),
        subject_place=_subject_place(data["places"], places, written),
        outcome=_cue_set(data["scope"]["outcome"], data["scope"].get("outcome_unless_next")),
        side=_cue_set(data["scope"]["side"]),
        population=_population(data["scope"]["population"]),
        qualifiers=_qualifiers(data["scope"]["qualifiers"],
                               data["scope"]["not_qualifiers"]["words"],
                               data["scope"]["sentence_qualifiers"]["sets"]),
        national=_pattern(data["scope"]["national"]["cues"]),
        national_place=str(data["scope"]["national"]["place"]),
        projected=_pattern(modality["projected"]),
        projected_exclusions=_pattern(data["exclusions"]["projected"]),
        denied=_pattern(modality["denied"]),
        provisional=_pattern(modality["provisional"]),
        revised=_pattern(modality["revised"]),
        cumulative=_pattern(data["cumulative"]["cues"]),
        cumulative_since=_pattern(day_cues(data["cumulative"].get("since_day", {}))),
        cumulative_verbs=frozenset(w.lower() for w in data["cumulative"].get("verbs", ())),
        toll_outcomes=toll_outcomes,
        contrast=_pattern(data["change_check"]["contrast"]),
        **comparison_cues(data["comparison"]),
        score_links=_pattern(data["score"]["links"]),
        range_openers=_pattern(data["score"]["range_openers"]),
        decrease=_pattern(data["change_check"]["decrease"]),
        increase=_pattern(data["change_check"]["increase"]),
        other_basis=_pattern(data["change_check"]["other_basis"]),
        toll_cues=_pattern(data["toll"]["cues"]),
        cumulative_exclusions=_pattern(data["exclusions"]["cumulative"]),
        event=_pattern(data["event"]["cues"]),
        span_window=_pattern([*data["span"]["window"],
                              *stretch_cues(data["span"].get("stretch", {}))]),
        span_total=_pattern(data["span"]["running_total"]),
        span_remaining=_pattern([*data["span"]["remaining"], *verb_family(
            data["span"]["remaining_verbs"], data["span"]["remaining_endings"])]),
        remaining_reach=int(data["span"]["remaining_reach"]),
        span_change=_pattern(data["span"]["change"]),
        change_reach=int(data["span"]["change_reach"]),
        earlier=_pattern(data["earlier"]["cues"]),
        families=families,
        stories=story_settings(data["stories"], data["description"]["stopwords"],
                               data.get("story_countries", {}), data.get("story_levels", {})),
        family_nature=dict(data["families_nature"]),
        duration_days={k.lower(): float(v) / 86400
                       for k, v in data["durations"]["seconds"].items()},
        unit_multiples={str(k): (str(base), float(factor))
                        for k, (base, factor) in data["unit_multiples"].items()},
        calendar_tolerance=float(data["durations"]["calendar_tolerance"]),
        fraction_tolerance=float(data["durations"]["fraction_tolerance"]),
        relation_labels=dict(data["explain"]["relations"]),
        outcome_labels=dict(data["explain"]["outcome"]),
        side_labels=dict(data["explain"]["side"]),
        population_all=str(data["explain"]["population"]["all"]),
        words=dict(data["explain"]["words"]),
        templates=dict(data["templates"]),
        **anchored_cues(data, load_data(code, "context_subject")["anaphora"]["demonstratives"]),
        metric_names={lemma(w): name for name, words in data["metric_names"].items()
                      if name != "families" for w in words},
        metric_families={family: name for name, families in
                         data["metric_names"]["families"].items() for family in families},
        **counter_side_cues(sides),
        day_counts=frozenset(data.get("day_counts", {}).get("families", ())),
        family_dimensions=dimensions_by_family(data.get("family_dimensions", {})),
        subject_synonyms={lemma(w): lemma(noun) for noun, words in
                          data.get("subject_synonyms", {}).items() for w in words},
        outcome_before=_outcome_before(data["outcome_families"].get("before", {})),
        victims=victim_cues(data.get("victims", {})),
        causes=cause_cues(data.get("causes", {})),
        restated_figure=restatement_cues(data.get("restated_figure", {})),
        share_heads=share_heads(data.get("share_heads", {}), lemma),
        change_heads=share_heads(data.get("change_heads", {}), lemma),
        toll_heads=share_heads(data.get("toll_heads", {}), lemma),
        tally_nouns=frozenset(lemma(w) for w in data.get("tally_nouns", {}).get("nouns", ())),
        topic_words=frozenset(lemma(w) for w in data.get("topic_words", {}).get("words", ())),
        nationality_heads=frozenset(lemma(w) for w in nationality.get("heads", ())),
        nationality_not_endings=tuple(nationality.get("not_endings", ())),
        two_word_families=families_by_first_word(families),
        counted=counted_complement(data["scope"].get("counted", {})),
        bodies=body_cues(data.get("body_scope", {})),
        staff_strikes=staff_strike_cues(data.get("staff_strikes", {})),
    )
    return replace(lexicon, scope_cues=_any_of([
        *lexicon.outcome.patterns, *lexicon.side.patterns, lexicon.population.pattern,
        lexicon.projected, lexicon.cumulative, lexicon.cumulative_since, lexicon.event,
        lexicon.national,
        lexicon.provisional, lexicon.revised, lexicon.span_window, lexicon.span_remaining,
        lexicon.span_total, lexicon.span_change]))
