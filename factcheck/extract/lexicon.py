"""A language's figure vocabulary, compiled once into lookup tables and regular expressions.

Every word comes from the TOML files of ``factcheck/lang/<code>/``; this module and the
builders it merges only know how to turn word lists into patterns:
:mod:`factcheck.extract._lexicon_numbers` (numbers, ordinals, fractions, vague groups),
:mod:`factcheck.extract._lexicon_units` (currencies, percentages, durations, quantities, rates) and
:mod:`factcheck.extract._lexicon_cues` (approximators, ranges, scanner cues, identifiers).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from factcheck.extract._lexicon_calendar import CalendarLexicon, calendar_lexicon
from factcheck.extract._lexicon_cues import (
    approximator_fields,
    article_continuation,
    scanner_fields,
)
from factcheck.extract._lexicon_numbers import number_fields
from factcheck.extract._lexicon_units import currency_fields, unit_fields
from factcheck.lang import load_data
from factcheck.models import Kind

#: Units of a rate's change: percentage points and basis points.
_POINT_UNITS = frozenset({"pp", "pb"})

Pattern = regex.Pattern


@dataclass(frozen=True)
class Lexicon:
    code: str
    cardinals: frozenset[str]
    article_words: frozenset[str]
    tens_without_joiner: Pattern  # "vingt-un": read as "vingt et un"
    joiner_word: str  # "et"
    final_joiner_tails: tuple[str, ...]  # " et un", "-et-une": the end of "vingt et un"
    scales: dict[str, float]
    lone_scales: frozenset[str]  # "milliard": one of its scale, alone ("le milliard d'euros")
    scale_abbreviations: dict[str, float]
    hundreds: dict[str, float]
    halves: dict[str, float]
    fractions: dict[str, float]
    vague_groups: dict[str, float]
    exact_groups: frozenset[str]
    vague_plural_low: float
    vague_plural_high: float
    ordinal_suffixes: tuple[str, ...]
    first_only_ordinal_suffixes: frozenset[str]  # "er" in "Ier": never after "V" ("Vers")
    ordinal_stems: dict[str, str]
    ordinal_words: dict[str, int]
    relative_ordinals: dict[str, str]
    currency_words: dict[str, str]
    currency_ambiguous: dict[str, str]
    currency_symbols: dict[str, str]
    percent_words: tuple[str, ...]
    duration_units: dict[str, str]  # surface (lower) -> unit
    duration_days: dict[str, float]
    quantity_units: dict[str, str]  # surface -> unit
    quantity_multiples: dict[str, tuple[str, float]]  # "Mt" -> ("t", 1e6)
    # compiled patterns
    word_number: Pattern
    digits: Pattern
    ordinal_word: Pattern
    ordinal_suffix_end: Pattern
    article_continuation: Pattern
    vague_group_word: Pattern
    proportion_after: Pattern
    currency_factor: dict[str, float]
    pp_bare_after: Pattern
    pp_cue_before: Pattern
    pp_half_after: Pattern
    from_to_before: Pattern
    negative_before: Pattern
    negative_units: frozenset[str]
    digit_ordinal_suffix: Pattern
    roman_ordinal: Pattern
    relative_ordinal: Pattern
    scale_after: Pattern
    scale_abbrev_after: Pattern
    half_after: Pattern
    currency_after: Pattern
    currency_after_scale: Pattern
    currency_symbol_before: Pattern
    currency_code_before: Pattern
    cents_after: Pattern
    percent_after: Pattern
    percent_before: Pattern
    pp_after: Pattern
    duration_after: Pattern
    duration_abbrev_after: Pattern
    quantity_after: Pattern
    fraction_noun: Pattern
    vague: Pattern
    approx_before: Pattern
    approx_verb_before: Pattern
    approx_verb_words: tuple[str, ...]  # a word of each verb above: none in a text, no verb
    range_entre_before: Pattern
    range_de_before: Pattern
    range_joiner: Pattern
    change_verb_before: Pattern
    change_object_before: Pattern  # "réduire leur programme de vols de" before a rate
    identifiers: tuple[Pattern, ...]
    identifier_needs: tuple[tuple[str, ...], ...]  # per pattern: a text holds one, or no match
    named: Pattern
    homograph_not_number: Pattern
    article_as_number_before: Pattern  # "au moins" before "une défaillance"
    article_as_part_before: Pattern  # "dont" before "un en urgence absolue"
    article_as_part_gap: int
    article_as_part_not_before: Pattern  # "partie" after "dont une": a share left unsaid
    approx_after: Pattern  # "et plus" after "65 ans" (groups "lower" / "upper")
    function_word_after: Pattern
    calendar: CalendarLexicon
    fraction_sur: Pattern
    article_elision_before: Pattern
    demi_scale_after: Pattern
    decimal_word_after: Pattern
    and_after: Pattern
    exact_group_after: Pattern
    level_reached_before: Pattern
    weak_words: frozenset[str]
    next_word: Pattern
    ordinal_determiner_before: Pattern
    fraction_with_determiner: Pattern
    ordinal_fraction_follower: Pattern
    spaced_minus_before: Pattern  # "après - 0,1 %": the sign, in group "sign"
    spaced_sign: Pattern
    change_noun_after: Pattern  # " d'augmentation", " de plus": a percentage as a change
    change_reference_after: Pattern  # " par rapport à": the reference of a change
    sign_before: Pattern  # "- " or "+" right before a figure
    joined_of_before: Pattern  # "et de" right before a figure
    alternative_joiner: Pattern  # "deux ou trois millions"
    score_cue_before: Pattern
    score_max: float  # scores are small whole numbers
    negative_signs: tuple[str, ...]  # "-", "−", "–" set apart from the digits
    negative_units_after_colon: frozenset[str]  # "Variation : - 2,5 %", "- 3 pp", "- 4 °C"
    proportion_max_denominator: float
    proportion_round_denominators: frozenset[float]
    duration_after_scale: Pattern  # "une dizaine de jours"
    hyphen_duration_after: Pattern  # "une demi-heure"
    month_of_after: Pattern  # "un mois de février" is February, not a duration
    per_after: Pattern  # "par mois", "/m²", "le baril": groups "any" / "measure"
    extreme_reached: frozenset[str]  # "jusqu'à -12 °C": the extreme, not a bound
    per_units: dict[str, str]  # denominator form (lower) -> normalised name
    quantity_after_scale: Pattern  # "millions de tonnes"
    quantity_units_lower: dict[str, str]  # unit words in lower case -> unit
    of_words: tuple[str, ...]  # "de", "d'": what a verb of change ends with
    named_anchors: tuple[str, ...]  # first words of the named events, where they can start
    month_anchors: tuple[str, ...]  # where a month name can start
    vague_group_anchors: tuple[str, ...]  # where "dizaine", "milliers"... can start
    fraction_anchors: tuple[str, ...]  # "moitié", "tiers"...: none in a text, no "la moitié"
    ordinal_end_anchors: tuple[str, ...]  # where an ordinal ending can start
    year_complement_after: Pattern  # " en 2015" between the ends of a change

    def change_before(self, text: str, lo: int, start: int, kind: Kind, unit: str | None) -> bool:
        """A verb or noun of change ends right before the figure at ``start`` ("a bondi de"),
        or, before a rate or its points, one with what changes in between ("réduire leur
        programme de vols de", "revu sa prévision de croissance d'")."""
        rate = kind == Kind.PERCENT or unit in _POINT_UNITS
        return bool(self.change_verb_before.search(text, lo, start)) or (
            rate and bool(self.change_object_before.search(text, lo, start))
        )


def _merge(*parts: dict[str, Any]) -> dict[str, Any]:
    """The builders' fields in one mapping; a field built twice is a bug, not an override."""
    merged: dict[str, Any] = {}
    for part in parts:
        if twice := merged.keys() & part.keys():
            raise ValueError(f"lexicon fields built twice: {sorted(twice)}")
        merged.update(part)
    return merged


def lexicon(code: str = "fr") -> Lexicon:
    """The lexicon of the language ``code``, built once per process: ``lexicon()`` and
    ``lexicon("fr")`` are one cache entry (a cache keyed by the call as written built the
    whole lexicon a second time, a tenth of a second, for the rule that called it bare)."""
    return _lexicon(code)


@cache
def _lexicon(code: str) -> Lexicon:
    nums = load_data(code, "numbers")
    grammar = load_data(code, "grammar")
    calendar = calendar_lexicon(code)
    fields = _merge(
        number_fields(nums, grammar),
        currency_fields(load_data(code, "currencies"), nums["scale_abbreviations"], grammar),
        unit_fields(load_data(code, "units"), calendar.months, grammar),
        approximator_fields(load_data(code, "approximators"), grammar),
        scanner_fields(
            load_data(code, "scanner"), load_data(code, "identifiers"), nums["fractions"], grammar
        ),
    )
    return Lexicon(
        code=code,
        calendar=calendar,
        month_anchors=tuple(sorted(m.lower() for m in calendar.months)),
        vague_group_anchors=tuple(sorted(fields["vague_groups"])),
        fraction_anchors=tuple(sorted(fields["fractions"])),
        ordinal_end_anchors=tuple(
            sorted({*fields["ordinal_suffixes"], *(w.lower() for w in fields["ordinal_words"])})
        ),
        article_continuation=article_continuation(fields, grammar),
        **fields,
    )
