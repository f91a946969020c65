"""The cue fields of :class:`factcheck.extract.lexicon.Lexicon`: approximators and ranges ("près
de", "entre ... et ..."), and the scanner's cues around a figure (change verbs, signs,
proportions, identifiers and named events that are no figures).

Every word comes from ``lang/<code>/approximators.toml``, ``scanner.toml`` and
``identifiers.toml``; this module only turns the word lists into patterns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import regex

from factcheck.extract._lexicon_units import _words_alt
from factcheck.patterns import _alt, _elided_alt, leading

Pattern = regex.Pattern


def approximator_fields(approx: dict[str, Any], grammar: dict[str, Any]) -> dict[str, Any]:
    """Lexicon fields built from ``approximators.toml``, by field name."""

    def before_alt(phrases: list[str]) -> str:
        return _elided_alt(phrases)  # before "$" with no group inside: see _elided_alt

    cls_before = approx["before"]
    verbs = approx["verbs"]
    fillers = _words_alt(approx["verb_fillers"])
    rng = approx["ranges"]
    return {
        "approx_before": regex.compile(
            r"(?<![\p{L}])(?:"
            + "|".join(
                rf"(?P<{cls}>{before_alt(cls_before[cls])})" for cls in ("approx", "lower", "upper")
            )
            + r")$",
            regex.I,
        ),
        "approx_verb_before": regex.compile(
            r"(?<![\p{L}])(?:"
            + "|".join(rf"(?P<{c}>{_words_alt(verbs[c])})" for c in verbs)
            + rf")(?:\s+(?:{fillers})|\s*(?<=')|\s+)*\s*$",
            regex.I,
        ),
        # A text holding none of these (a word of each verb phrase, the verb rather than
        # "ne"; words sharing their first four letters cut to what they share: "dépass")
        # has no verb of approximation, and the pattern above need not be searched in it.
        "approx_verb_words": _stems(_main_word(v.lower()) for c in verbs for v in verbs[c]),
        "approx_after": regex.compile(
            r"\s+(?:"
            + "|".join(rf"(?P<{c}>{_words_alt(approx['after'][c])})" for c in approx["after"])
            + r")(?![\p{L}])(?!\s*(?:(?:de|d'|que)(?![\p{L}])|\d))",
            regex.I,
        ),
        "range_entre_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(grammar['range_between'])})\s+$", regex.I
        ),
        "range_de_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(grammar['range_from'])})\s*$", regex.I
        ),
        "range_joiner": regex.compile(
            rf"\s*(?:({_alt(rng['joiners_after_entre'])})\s+"
            rf"|({_alt(rng['joiners_after_de'])})\s+|(-)\s*)",
            0,
        ),
        "alternative_joiner": regex.compile(
            rf"\s+(?:{_alt(rng['alternative_joiners'])})\s+", regex.I
        ),
        "extreme_reached": frozenset(cls_before["extreme_reached"]),
    }


def scanner_fields(
    extra: dict[str, Any],
    ident: dict[str, Any],
    fractions: Mapping[str, float],
    grammar: dict[str, Any],
) -> dict[str, Any]:
    """Lexicon fields built from ``scanner.toml`` and ``identifiers.toml`` (and the fraction
    nouns, for "les deux tiers"), by field name."""
    change_verbs = _words_alt(extra["change_verbs"])
    identifiers = [_identifier(entry) for entry in ident["patterns"]]
    signs = _alt(extra["negative_signs"])
    # Named events are matched whatever their case ("Seconde Guerre mondiale", "seconde
    # guerre mondiale"), which also lets the scanner search them in lower-cased text.
    named_alt = _words_alt(x.lower() for x in ident["named"])
    # Never inside a longer number word joined by hyphens ("quatre-vingt-sept millions",
    # "vingt-sept-mille"); a name after another prefix stays a name ("l'ex-Premier ministre").
    joined = _words_alt(ident["named_number_joins"])
    between = int(extra["proportion_words_between"])
    of = leading(grammar["of"])
    # What a change is of, between the change and its size: "réduire leur programme de vols
    # de 20 %", "une baisse de la production de blé tendre de 25 %".
    word = r"\p{L}[\p{L}-]*"
    changed = (rf"\s+{leading(extra['change_object_determiners'])}{word}"
               rf"(?:\s+{leading(extra['change_object_complements'])}{word})?(?:\s+{word})?")
    from_to_object = (rf"\s+{leading(extra['change_object_determiners'])}{word}(?:\s+{word})?"
                      rf"(?:\s+{leading(extra['change_object_complements'])}{word}"
                      rf"(?:\s+{word})?)?")
    return {
        "change_verb_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{change_verbs})(?:\s+\p{{L}}+){{0,2}}\s+{of}$", regex.I
        ),
        # Only before a rate: after a noun, "de plus de 10 ans", "de 40 m²", "de 30 élèves"
        # mostly say what the noun is ("le recul des ventes de voitures de plus de 10 ans").
        "change_object_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{change_verbs}){changed}\s+{of}$", regex.I
        ),
        "level_reached_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{change_verbs})(?:\s+\p{{L}}+){{0,2}}\s*$", regex.I
        ),
        "identifiers": tuple(regex.compile(p) for p, _ in identifiers),
        "identifier_needs": tuple(needs for _, needs in identifiers),
        "named": regex.compile(
            rf"(?<![\p{{L}}])(?<!(?<![\p{{L}}])(?:{joined})-)(?:{named_alt})"
            rf"(?![\p{{L}}])(?!-(?:{joined})(?![\p{{L}}]))", regex.I),
        "homograph_not_number": regex.compile(extra["homograph_not_number"], regex.I),
        "article_as_number_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_words_alt(extra['article_as_number_before'])})\s+$", regex.I
        ),
        "article_as_part_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_words_alt(extra['article_as_part_before'])})\s+$", regex.I
        ),
        "article_as_part_gap": int(extra["article_as_part_gap"]),
        "article_as_part_not_before": regex.compile(
            rf"\s+(?:{_words_alt(extra['article_as_part_not_before'])})(?![\p{{L}}])", regex.I
        ),
        "function_word_after": regex.compile(
            rf"\s+(?:{_alt(extra['function_words'])})(?![\p{{L}}])", regex.I
        ),
        "of_words": tuple(w.lower() for w in grammar["of"]),
        "named_anchors": tuple(sorted({x.lower().split()[0] for x in ident["named"]})),
        "year_complement_after": regex.compile(
            rf"\s+(?:{_alt(grammar['year_complement'])})\s*\d{{4}}(?!\d)", regex.I
        ),
        "fraction_sur": regex.compile(
            rf"\s+{regex.escape(extra['proportion_joiner'])}\s+", regex.I
        ),
        "spaced_minus_before": regex.compile(
            rf"(?:(?<![\p{{L}}'])(?:{_alt(extra['negative_sign_cues'])})[^\S\n]+|[(:][^\S\n]*)"
            rf"(?P<sign>{signs})[^\S\n]+$",
            regex.I,
        ),
        "spaced_sign": regex.compile(rf"(?:{signs})[^\S\n]+(?=\d)"),
        "change_noun_after": regex.compile(
            rf"[^\S\n]+(?:d'|d’|de[^\S\n]+)(?:(?:{_words_alt(extra['change_nouns_after'])})"
            rf"(?![\p{{L}}])|(?:{_words_alt(extra['change_comparatives_after'])})"
            rf"(?![\p{{L}}])(?![^\S\n]+(?:de|d'|d’|des|du)(?![\p{{L}}])))",
            regex.I,
        ),
        "change_reference_after": regex.compile(
            rf"[^\S\n]+(?:{_alt(extra['change_references_after'])})(?![\p{{L}}])", regex.I
        ),
        "sign_before": regex.compile(rf"(?:^|(?<=[\s(,:;]))(?:{signs}|\+)[^\S\n]*$"),
        "joined_of_before": regex.compile(
            rf"(?:(?<![\p{{L}}])(?:{_words_alt(extra['change_reference_joiners'])})|,)"
            rf"\s+{of}\s*$", regex.I
        ),
        "negative_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(extra['negative_words'])})\s+$"
            rf"|(?<=[\p{{L}}:][^\S\n]+)(?:{signs})[^\S\n]+$",
            regex.I,
        ),
        "negative_units": frozenset(extra["negative_units"]),
        "score_max": float(extra["score_max"]),
        "negative_units_after_colon": frozenset(extra["negative_units_after_colon"]),
        "negative_signs": tuple(extra["negative_signs"]),
        "score_cue_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(extra['score_cues'])})(?![\p{{L}}])", regex.I
        ),
        "article_elision_before": regex.compile(r"(?<![\p{L}])[lL]'$"),
        "next_word": regex.compile(r"\s+([\p{L}'-]+)"),
        "ordinal_determiner_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(extra['ordinal_determiners'])})\s*$", regex.I
        ),
        "fraction_with_determiner": regex.compile(
            rf"(?<![\p{{L}}])(?:{_words_alt(extra['fraction_determiners'])})"
            rf"\s*({_alt(list(fractions))})(?![\p{{L}}])",
            regex.I,
        ),
        "ordinal_fraction_follower": regex.compile(
            rf"\s*(?:(?:{_alt(extra['ordinal_fraction_followers'])})(?<=')"  # "d'avance"
            rf"|(?:{_alt(extra['ordinal_fraction_followers'])})(?![\p{{L}}])|[.,;:!?)»]|$)",
            regex.I,
        ),
        "proportion_after": regex.compile(
            rf"\s+(?:[\p{{L}}'-]+\s+){{1,{between}}}{regex.escape(extra['proportion_joiner'])}\s+",
            regex.I,
        ),
        "proportion_max_denominator": float(extra["proportion_max_denominator"]),
        "proportion_round_denominators": frozenset(
            float(x) for x in extra["proportion_round_denominators"]
        ),
        "pp_cue_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(extra['percentage_point_cues'])})(?![\p{{L}}])", regex.I
        ),
        # The verb, then at most four words or a noun phrase, its object: a determiner, a
        # noun and a word, and a complement of two words ("porte le salaire minimum de
        # branche de 1 910 à 2 005 euros").
        "from_to_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_words_alt(extra['from_to_verbs'])})"
            rf"(?:(?:\s+[\p{{L}}']+){{0,4}}|{from_to_object})\s+{of}$",
            regex.I,
        ),
    }


def article_continuation(fields: Mapping[str, Any], grammar: Mapping[str, Any]) -> Pattern:
    """What may follow an article for it to open a figure ("un million", "la moitié", "un
    sur deux", "un Français sur trois"), from the fields already built."""
    after_article = (
        list(fields["scales"])
        + list(fields["halves"])
        + list(fields["fractions"])
        + list(fields["vague_groups"])
        + list(fields["duration_units"])
        + list(fields["currency_words"])
        + [u for u in fields["quantity_units"] if len(u) > 3]
        + list(grammar["article_followers"])
    )
    return regex.compile(
        rf"\s*(?:{_alt(after_article)}|\p{{L}}*(?:{_alt(fields['ordinal_suffixes'])}))(?![\p{{L}}])"
        rf"|{fields['proportion_after'].pattern}",
        regex.I,
    )


def _identifier(entry: str | Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """An identifier pattern of ``identifiers.toml`` and the strings a text needs for it to
    match (none: always searched); ``{needs}`` in the pattern is their alternation."""
    if isinstance(entry, str):
        return entry, ()
    needs = tuple(entry["needs"])
    if not needs:
        raise ValueError(f"identifier pattern with an empty 'needs': {entry['pattern']!r}")
    return entry["pattern"].replace("{needs}", "|".join(regex.escape(n) for n in needs)), needs


def _main_word(phrase: str) -> str:
    """The first word of at least five letters of ``phrase`` ("ne dépasse pas" → "dépasse"),
    else its longest."""
    words = phrase.split()
    return next((w for w in words if len(w) >= 5), max(words, key=len))


def _stems(words: Iterable[str], key: int = 4) -> tuple[str, ...]:
    """``words`` grouped by their first ``key`` letters, each group cut to the beginning its
    words share: each word holds one of the stems, and there are few stems to look for."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:key], []).append(w)
    stems = []
    for group in groups.values():
        stem = group[0]
        for w in group[1:]:
            while not w.startswith(stem):
                stem = stem[:-1]
        stems.append(stem)
    return tuple(sorted(stems))
