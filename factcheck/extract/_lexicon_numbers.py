"""The number fields of :class:`factcheck.extract.lexicon.Lexicon`: cardinals and scales, digits,
ordinals, halves, fractions and vague groups ("une dizaine").

Every word comes from ``lang/<code>/numbers.toml``; this module only turns the word lists
into lookup tables and patterns.
"""

from __future__ import annotations

from typing import Any

import regex

from factcheck.patterns import _alt, _lower_map, _spaced_alt, leading


def number_fields(nums: dict[str, Any], grammar: dict[str, Any]) -> dict[str, Any]:
    """Lexicon fields built from ``numbers.toml``, by field name."""
    cardinals = frozenset(nums["cardinals"])
    scales = _lower_map(nums["scales"])
    card_words = sorted(cardinals | set(scales), key=len)
    w = _alt(card_words)
    et = _alt(nums["joiners"])
    et_next = rf"(?=(?:{_alt(nums['joiner_followers'])})(?![\p{{L}}]))"
    joiner = rf"(?:-(?!\s)|\s+(?:{et})\s+{et_next}|-(?:{et})-{et_next}|\s+)"
    ord_words = _lower_map(nums["ordinal_words"])
    suffixes = tuple(sorted(nums["ordinal_suffixes"], key=len, reverse=True))
    rel = _lower_map(nums["relative_ordinals"])
    halves = _lower_map(nums["halves"])
    fractions = _lower_map(nums["fractions"])
    groups = _lower_map(nums["vague_groups"])
    vague_det = _spaced_alt(nums["vague_plural"] + nums["vague_singular"])

    big = _alt([word for word, factor in scales.items() if factor >= 1e6])
    joiners = list(nums["joiners"])
    articles = list(nums["article_words"])
    return {
        "tens_without_joiner": regex.compile(
            rf"\b({_alt(nums['tens_before_joiner'])})[\s-]({_alt(nums['joiner_followers'])})\b"
        ),
        "joiner_word": joiners[0],
        "final_joiner_tails": tuple(
            tail for j in joiners for a in articles for tail in (f" {j} {a}", f"-{j}-{a}")
        ),
        "cardinals": cardinals,
        "article_words": frozenset(nums["article_words"]),
        "scales": scales,
        "lone_scales": frozenset(w.lower() for w in nums.get("lone_scales", [])),
        "scale_abbreviations": dict(nums["scale_abbreviations"]),
        "hundreds": _lower_map(nums["hundreds"]),
        "halves": halves,
        "fractions": fractions,
        "vague_groups": groups,
        "exact_groups": frozenset(nums["exact_groups"]),
        "vague_plural_low": float(nums["vague_plural_low"]),
        "vague_plural_high": float(nums["vague_plural_high"]),
        "ordinal_suffixes": suffixes,
        "first_only_ordinal_suffixes": frozenset(nums["first_only_ordinal_suffixes"]),
        "ordinal_stems": dict(nums["ordinal_stems"]),
        "ordinal_words": ord_words,
        "relative_ordinals": rel,
        "weak_words": frozenset(nums["weak_words"]),
        "word_number": regex.compile(
            rf"(?<![\p{{L}}\d])(?:{w})(?:{joiner}(?:{w}))*(?![\p{{L}}\d])", regex.I
        ),
        "digits": regex.compile(
            r"(?:(?<=^|[\s(\[«\"/:;])[-+](?=\d)|(?<![\p{L}\d.,])(?<!\p{L}-))"
            # Thousands grouped by spaces, dots or (Swiss) apostrophes: "21'000", "21’000".
            r"(?:\d{1,3}(?:[ .']\d{3}(?!\d))+|\d+"
            # "1.5 milliard", "2.5 %": an English decimal point, only before a scale or a
            # percent sign ("29.10", "12.05.2024" may be dates)
            rf"(?:\.\d{{1,2}}(?![\d.])(?=\s?(?:%|(?i:{big})(?![\p{{L}}]))))?"
            r"|(?=,\d))(?:,\d+)?"
            r"(?:[eE][-+]?\d+(?![\p{L}])|\^[-+]{0,2}\d+(?:,\d+)?)?(?:\s*/\s*\d+)?(?!\d)",
            0,
        ),
        "ordinal_word": regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?:{w}){joiner})*"
            rf"(?:\p{{L}}+?(?:{_alt(suffixes)})|{_alt(list(ord_words))})"
            r"(?![\p{L}\d])",
            regex.I,
        ),
        # Where an ordinal written in letters may end: a fast literal search, extended backwards.
        "ordinal_suffix_end": regex.compile(
            rf"(?:{_alt(suffixes)}|{_alt(list(ord_words))})(?![\p{{L}}\d])", regex.I
        ),
        "digit_ordinal_suffix": regex.compile(
            rf"(?:{_alt(nums['digit_ordinal_suffixes'])}|ᵉ|ʳᵉ|ᵉʳ)(?![\p{{L}}\d])"
        ),
        "roman_ordinal": regex.compile(
            r"(?<![\p{L}\d])(?=[IVXLCDM]*[IVX])([IVXLCDM]+)(er|re|ère|ème|e|ᵉ|ᵉʳ)s?(?![\p{L}\d])",
            0,
        ),
        "relative_ordinal": regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(list(rel))})(?![\p{{L}}])", regex.I
        ),
        "scale_after": regex.compile(rf"\s*({_alt(list(scales))})(?![\p{{L}}])", regex.I),
        "half_after": regex.compile(rf"\s+et\s+(?:{_alt(list(halves))})(?![\p{{L}}])", regex.I),
        "demi_scale_after": regex.compile(
            rf"\s*(?:{_alt(list(halves))})[\s-]({_alt(list(scales))})(?![\p{{L}}])", regex.I
        ),
        "fraction_noun": regex.compile(rf"\s*({_alt(list(fractions))})(?![\p{{L}}])", regex.I),
        "vague": regex.compile(
            rf"(?<![\p{{L}}])(?:({vague_det})\s+|(?<=\b[dl]'))?({_alt(list(groups))})"
            rf"(?:\s+{leading(grammar['of'])}({_alt(list(groups))}))?(?![\p{{L}}])",
            regex.I,
        ),
        "vague_group_word": regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(list(groups))})(?![\p{{L}}])", regex.I
        ),
        "decimal_word_after": regex.compile(rf"\s+(?:{_alt(nums['decimal_words'])})\s+", regex.I),
        "and_after": regex.compile(rf"\s+(?:{_alt(nums['joiners'])})\s+", regex.I),
        "exact_group_after": regex.compile(
            rf"\s+({_alt(list(nums['exact_groups']))})(?![\p{{L}}])", regex.I
        ),
    }
