"""A language's figure vocabulary, compiled once into lookup tables and regular expressions.

Every word comes from the TOML files of ``factcheck/lang/<code>/``; this module only knows
how to turn word lists into patterns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.calendar_lexicon import CalendarLexicon, calendar_lexicon
from factcheck.lang import load_data
from factcheck.patterns import _alt, _elided_variants, _lower_map, _spaced

Pattern = regex.Pattern


@dataclass(frozen=True)
class Lexicon:
    code: str
    cardinals: frozenset[str]
    article_words: frozenset[str]
    scales: dict[str, float]
    scale_abbreviations: dict[str, float]
    hundreds: dict[str, float]
    halves: dict[str, float]
    fractions: dict[str, float]
    vague_groups: dict[str, float]
    exact_groups: frozenset[str]
    vague_plural_low: float
    vague_plural_high: float
    ordinal_suffixes: tuple[str, ...]
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
    range_entre_before: Pattern
    range_de_before: Pattern
    range_joiner: Pattern
    change_verb_before: Pattern
    identifiers: tuple[Pattern, ...]
    named: Pattern
    homograph_not_number: Pattern
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
    alternative_joiner: Pattern  # "deux ou trois millions"
    score_cue_before: Pattern
    proportion_max_denominator: float
    proportion_round_denominators: frozenset[float]
    duration_after_scale: Pattern  # "une dizaine de jours"
    hyphen_duration_after: Pattern  # "une demi-heure"
    month_of_after: Pattern  # "un mois de février" is February, not a duration
    per_after: Pattern  # "par mois", "/m²", "le baril": groups "any" / "measure"
    extreme_reached: frozenset[str]  # "jusqu'à -12 °C": the extreme, not a bound
    per_units: dict[str, str]  # denominator form (lower) -> normalised name


@cache
def lexicon(code: str = "fr") -> Lexicon:
    nums = load_data(code, "numbers")
    approx = load_data(code, "approximators")
    cur = load_data(code, "currencies")
    units = load_data(code, "units")
    ident = load_data(code, "identifiers")
    extra = load_data(code, "scanner")

    cardinals = frozenset(nums["cardinals"])
    scales = _lower_map(nums["scales"])
    card_words = sorted(cardinals | set(scales), key=len)
    w = _alt(card_words)
    et = _alt(nums["joiners"])
    et_next = rf"(?=(?:{_alt(nums['joiner_followers'])})(?![\p{{L}}]))"
    joiner = rf"(?:-(?!\s)|\s+(?:{et})\s+{et_next}|-(?:{et})-{et_next}|\s+)"
    word_number = regex.compile(
        rf"(?<![\p{{L}}\d])(?:{w})(?:{joiner}(?:{w}))*(?![\p{{L}}\d])", regex.I
    )
    digits = regex.compile(
        r"(?:(?<=^|[\s(\[«\"/:;])[-+](?=\d)|(?<![\p{L}\d.,])(?<!\p{L}-))"
        r"(?:\d{1,3}(?:[ .]\d{3}(?!\d))+|\d+|(?=,\d))(?:,\d+)?"
        r"(?:[eE][-+]?\d+(?![\p{L}])|\^[-+]{0,2}\d+(?:,\d+)?)?(?:\s*/\s*\d+)?(?!\d)",
        0,
    )
    ord_words = _lower_map(nums["ordinal_words"])
    suffixes = tuple(sorted(nums["ordinal_suffixes"], key=len, reverse=True))
    ordinal_word = regex.compile(
        rf"(?<![\p{{L}}\d])(?:(?:{w}){joiner})*(?:\p{{L}}+?(?:{_alt(suffixes)})|{_alt(list(ord_words))})"
        r"(?![\p{L}\d])",
        regex.I,
    )
    # Where an ordinal written in letters may end: a fast literal search, extended backwards.
    ordinal_suffix_end = regex.compile(
        rf"(?:{_alt(suffixes)}|{_alt(list(ord_words))})(?![\p{{L}}\d])", regex.I
    )
    digit_ordinal_suffix = regex.compile(
        rf"(?:{_alt(nums['digit_ordinal_suffixes'])}|ᵉ|ʳᵉ|ᵉʳ)(?![\p{{L}}\d])"
    )
    roman_ordinal = regex.compile(
        r"(?<![\p{L}\d])(?=[IVXLCDM]*[IVX])([IVXLCDM]+)(er|re|ère|ème|e|ᵉ|ᵉʳ)s?(?![\p{L}\d])",
        0,
    )
    rel = _lower_map(nums["relative_ordinals"])
    relative_ordinal = regex.compile(rf"(?<![\p{{L}}])(?:{_alt(list(rel))})(?![\p{{L}}])", regex.I)
    scale_after = regex.compile(rf"\s*({_alt(list(scales))})(?![\p{{L}}])", regex.I)
    abbrev = nums["scale_abbreviations"]
    halves = _lower_map(nums["halves"])
    half_after = regex.compile(rf"\s+et\s+(?:{_alt(list(halves))})(?![\p{{L}}])", regex.I)

    currency_words: dict[str, str] = {}
    currency_ambiguous: dict[str, str] = {}
    currency_symbols: dict[str, str] = {}
    currency_factor: dict[str, float] = {}
    for entry in cur["currency"]:
        for wd in entry["words"]:
            currency_words[wd.lower()] = entry["code"]
            if "factor" in entry:
                currency_factor[wd.lower()] = float(entry["factor"])
        for wd in entry.get("ambiguous", []):
            currency_ambiguous[wd.lower()] = entry["code"]
        for sym in entry.get("symbols", []):
            currency_symbols[sym] = entry["code"]
    cur_w = _alt([_spaced(x) for x in currency_words], escape=False)
    cur_amb = _alt([_spaced(x) for x in currency_ambiguous], escape=False)
    cur_sym = _alt(list(currency_symbols))
    scale_abbrev_after = regex.compile(
        rf"\s?({_alt(list(abbrev))})(?=\s?(?:{cur_sym})|(?:\s|[.,;:)!?]|$)(?!\s*(?:de\s|d')?\p{{Ll}}))",
        0,
    )
    currency_after = regex.compile(rf"(?:\s*({cur_sym})|\s+({cur_w}))(?![\p{{L}}])", regex.I)
    currency_after_scale = regex.compile(
        rf"\s*(?:(?:de|d')\s*)?(?:({cur_sym})|({cur_w}|{cur_amb}))(?![\p{{L}}])",
        regex.I,
    )
    currency_symbol_before = regex.compile(rf"(?:{cur_sym})\s?$")

    pct = units["percent"]
    percent_after = regex.compile(
        rf"\s*(?:{_alt([_spaced(x) for x in pct['words']], escape=False)})(?![\p{{L}}])",
        regex.I,
    )
    percent_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt([_spaced(x) for x in pct['before']], escape=False)})\s+$",
        regex.I,
    )
    pp = units["percentage_points"]
    pp_after = regex.compile(
        rf"\s*(?:{_alt([_spaced(x) for x in pp['words']], escape=False)})(?![\p{{L}}])",
        regex.I,
    )
    duration_units: dict[str, str] = {}
    duration_days: dict[str, float] = {}
    for unit, spec in units["durations"].items():
        duration_days[unit] = float(spec["days"])
        for wd in spec["words"]:
            duration_units[wd.lower()] = unit
    abbrevs = set(units["duration_abbreviations"])
    full_words = [x for x in duration_units if x not in abbrevs]
    duration_after = regex.compile(rf"\s+({_alt(full_words)})(?![\p{{L}}\d])", regex.I)
    duration_abbrev_after = regex.compile(rf"\s?({_alt(list(abbrevs))})(?![\p{{L}}\d°])")
    quantity_units: dict[str, str] = {}
    for unit, forms in units["quantities"].items():
        for f in forms:
            quantity_units[f] = unit
    # "l'an" is no litre: a unit symbol is never followed by an apostrophe.
    quantity_after = regex.compile(rf"\s?({_alt(list(quantity_units))})(?![\p{{L}}\d²³'])")

    fractions = _lower_map(nums["fractions"])
    fraction_noun = regex.compile(rf"\s*({_alt(list(fractions))})(?![\p{{L}}])", regex.I)
    groups = _lower_map(nums["vague_groups"])
    vague_det = _alt(
        [_spaced(x) for x in nums["vague_plural"] + nums["vague_singular"]], escape=False
    )
    vague = regex.compile(
        rf"(?<![\p{{L}}])(?:({vague_det})\s+|(?<=\b[dl]'))?({_alt(list(groups))})"
        rf"(?:\s+(?:de|d')\s*({_alt(list(groups))}))?(?![\p{{L}}])",
        regex.I,
    )

    vague_group_word = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt(list(groups))})(?![\p{{L}}])", regex.I
    )

    def before_alt(phrases: list[str]) -> str:
        return "|".join(_elided_variants(phrases))

    cls_before = approx["before"]
    approx_before = regex.compile(
        r"(?<![\p{L}])(?:"
        + "|".join(
            rf"(?P<{cls}>{before_alt(cls_before[cls])})" for cls in ("approx", "lower", "upper")
        )
        + r")$",
        regex.I,
    )
    verbs = approx["verbs"]
    fillers = _alt([_spaced(x) for x in approx["verb_fillers"]], escape=False)
    approx_verb_before = regex.compile(
        r"(?<![\p{L}])(?:"
        + "|".join(rf"(?P<{c}>{_alt([_spaced(x) for x in verbs[c]], escape=False)})" for c in verbs)
        + rf")(?:\s+(?:{fillers})|\s*(?<=')|\s+)*\s*$",
        regex.I,
    )
    rng = approx["ranges"]
    range_entre_before = regex.compile(r"(?<![\p{L}])entre\s+$", regex.I)
    range_de_before = regex.compile(r"(?<![\p{L}])(?:de|d'|du|des)\s*$", regex.I)
    range_joiner = regex.compile(
        rf"\s*(?:({_alt(rng['joiners_after_entre'])})\s+|({_alt(rng['joiners_after_de'])})\s+|(-)\s*)",
        0,
    )
    change_verb_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt([_spaced(x) for x in extra['change_verbs']], escape=False)})"
        r"(?:\s+\p{L}+){0,2}\s+(?:de|d')\s*$",
        regex.I,
    )
    identifiers = tuple(regex.compile(p) for p in ident["patterns"])
    # Named events are matched whatever their case ("Seconde Guerre mondiale", "seconde
    # guerre mondiale"), which also lets the scanner search them in lower-cased text.
    named_alt = _alt([_spaced(x.lower()) for x in ident["named"]], escape=False)
    named = regex.compile(rf"(?<![\p{{L}}])(?:{named_alt})(?![\p{{L}}])", regex.I)
    homograph_not_number = regex.compile(extra["homograph_not_number"], regex.I)
    function_word_after = regex.compile(
        rf"\s+(?:{_alt(extra['function_words'])})(?![\p{{L}}])", regex.I
    )
    fraction_sur = regex.compile(r"\s+sur\s+", regex.I)
    signs = _alt(extra["negative_signs"])
    spaced_minus_before = regex.compile(
        rf"(?:(?<![\p{{L}}'])(?:{_alt(extra['negative_sign_cues'])})[^\S\n]+|[(:][^\S\n]*)"
        rf"(?P<sign>{signs})[^\S\n]+$",
        regex.I,
    )
    spaced_sign = regex.compile(rf"(?:{signs})[^\S\n]+(?=\d)")
    alternative_joiner = regex.compile(
        rf"\s+(?:{_alt(approx['ranges']['alternative_joiners'])})\s+", regex.I
    )
    score_cue_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt(extra['score_cues'])})(?![\p{{L}}])", regex.I
    )
    duration_after_scale = regex.compile(
        rf"\s+(?:de\s+|d')({_alt(full_words)})(?![\p{{L}}\d])", regex.I
    )
    hyphen_duration_after = regex.compile(rf"-({_alt(full_words)})(?![\p{{L}}\d])", regex.I)
    per = units["per"]
    per_units = {
        f.lower(): name
        for group in ("any", "measure")
        for name, forms in per[group].items()
        for f in forms
    }
    per_forms = {
        g: _alt([f for forms in per[g].values() for f in forms]) for g in ("any", "measure")
    }
    per_after = regex.compile(
        rf"(?:\s+(?:{_alt(per['qualifiers'])}))?\s*"
        rf"(?:(?:/\s*|(?:par|chaque)\s+)(?:(?P<any>{per_forms['any']})|(?P<measure>{per_forms['measure']}))"
        rf"|(?:l'|(?:le|la|du|de\s+la)\s+)(?P<measure2>{per_forms['measure']}))"
        r"(?![\p{L}\d²³])",
        regex.I,
    )
    month_of_after = regex.compile(
        rf"\s+(?:de\s+|d')(?:{_alt(list(calendar_lexicon(code).months))})(?![\p{{L}}])", regex.I
    )
    article_elision_before = regex.compile(r"(?<![\p{L}])[lL]'$")

    demi_scale_after = regex.compile(
        rf"\s*(?:{_alt(list(halves))})[\s-]({_alt(list(scales))})(?![\p{{L}}])", regex.I
    )
    level_reached_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt([_spaced(x) for x in extra['change_verbs']], escape=False)})"
        r"(?:\s+\p{L}+){0,2}\s*$",
        regex.I,
    )
    decimal_word_after = regex.compile(rf"\s+(?:{_alt(nums['decimal_words'])})\s+", regex.I)
    and_after = regex.compile(rf"\s+(?:{_alt(nums['joiners'])})\s+", regex.I)
    exact_group_after = regex.compile(
        rf"\s+({_alt(list(nums['exact_groups']))})(?![\p{{L}}])", regex.I
    )
    next_word = regex.compile(r"\s+([\p{L}'-]+)")
    ordinal_determiner_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt(extra['ordinal_determiners'])})\s*$", regex.I
    )
    fraction_dets = _alt([_spaced(x) for x in extra["fraction_determiners"]], escape=False)
    fraction_with_determiner = regex.compile(
        rf"(?<![\p{{L}}])(?:{fraction_dets})"
        rf"\s*({_alt(list(fractions))})(?![\p{{L}}])",
        regex.I,
    )
    ordinal_fraction_follower = regex.compile(
        rf"\s*(?:(?:{_alt(extra['ordinal_fraction_followers'])})(?![\p{{L}}])|[.,;:!?)»]|$)",
        regex.I,
    )

    between = int(extra["proportion_words_between"])
    proportion_after = regex.compile(
        rf"\s+(?:[\p{{L}}'-]+\s+){{1,{between}}}{regex.escape(extra['proportion_joiner'])}\s+",
        regex.I,
    )
    pp_bare_after = regex.compile(r"\s*(?:points?|pts?)(?![\p{L}])(?!\s+de\s+base)", regex.I)
    pp_cue_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt(extra['percentage_point_cues'])})(?![\p{{L}}])", regex.I
    )
    pp_half_after = regex.compile(r"\s+demi-points?(?![\p{L}])", regex.I)
    from_to_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt([_spaced(x) for x in extra['from_to_verbs']], escape=False)})"
        r"(?:\s+[\p{L}']+){0,4}\s+(?:de|d')\s*$",
        regex.I,
    )
    negative_before = regex.compile(
        rf"(?<![\p{{L}}])(?:{_alt(extra['negative_words'])})\s+$"
        rf"|(?<=[\p{{L}}:][^\S\n]+)(?:{_alt(extra['negative_signs'])})[^\S\n]+$",
        regex.I,
    )
    after_article = (
        list(scales)
        + list(halves)
        + list(fractions)
        + list(groups)
        + list(duration_units)
        + list(currency_words)
        + [u for u in quantity_units if len(u) > 3]
        + ["sur", "et"]
    )
    article_continuation = regex.compile(
        rf"\s*(?:{_alt(after_article)}|\p{{L}}*(?:{_alt(suffixes)}))(?![\p{{L}}])"
        rf"|{proportion_after.pattern}",
        regex.I,
    )

    return Lexicon(
        code=code,
        cardinals=cardinals,
        article_words=frozenset(nums["article_words"]),
        scales=scales,
        scale_abbreviations=dict(abbrev),
        hundreds=_lower_map(nums["hundreds"]),
        halves=halves,
        fractions=fractions,
        vague_groups=groups,
        exact_groups=frozenset(nums["exact_groups"]),
        vague_plural_low=float(nums["vague_plural_low"]),
        vague_plural_high=float(nums["vague_plural_high"]),
        ordinal_suffixes=suffixes,
        ordinal_stems=dict(nums["ordinal_stems"]),
        ordinal_words=ord_words,
        relative_ordinals=rel,
        currency_words=currency_words,
        currency_ambiguous=currency_ambiguous,
        currency_symbols=currency_symbols,
        percent_words=tuple(pct["words"]),
        duration_units=duration_units,
        duration_days=duration_days,
        quantity_units=quantity_units,
        word_number=word_number,
        digits=digits,
        ordinal_word=ordinal_word,
        ordinal_suffix_end=ordinal_suffix_end,
        article_continuation=article_continuation,
        vague_group_word=vague_group_word,
        proportion_after=proportion_after,
        currency_factor=currency_factor,
        pp_bare_after=pp_bare_after,
        pp_cue_before=pp_cue_before,
        pp_half_after=pp_half_after,
        from_to_before=from_to_before,
        negative_before=negative_before,
        negative_units=frozenset(extra["negative_units"]),
        digit_ordinal_suffix=digit_ordinal_suffix,
        roman_ordinal=roman_ordinal,
        relative_ordinal=relative_ordinal,
        scale_after=scale_after,
        scale_abbrev_after=scale_abbrev_after,
        half_after=half_after,
        currency_after=currency_after,
        currency_after_scale=currency_after_scale,
        currency_symbol_before=currency_symbol_before,
        percent_after=percent_after,
        percent_before=percent_before,
        pp_after=pp_after,
        duration_after=duration_after,
        duration_abbrev_after=duration_abbrev_after,
        quantity_after=quantity_after,
        fraction_noun=fraction_noun,
        vague=vague,
        approx_before=approx_before,
        approx_verb_before=approx_verb_before,
        range_entre_before=range_entre_before,
        range_de_before=range_de_before,
        range_joiner=range_joiner,
        change_verb_before=change_verb_before,
        identifiers=identifiers,
        named=named,
        homograph_not_number=homograph_not_number,
        function_word_after=function_word_after,
        calendar=calendar_lexicon(code),
        fraction_sur=fraction_sur,
        spaced_minus_before=spaced_minus_before,
        spaced_sign=spaced_sign,
        alternative_joiner=alternative_joiner,
        score_cue_before=score_cue_before,
        proportion_max_denominator=float(extra["proportion_max_denominator"]),
        proportion_round_denominators=frozenset(
            float(x) for x in extra["proportion_round_denominators"]
        ),
        duration_after_scale=duration_after_scale,
        hyphen_duration_after=hyphen_duration_after,
        month_of_after=month_of_after,
        per_after=per_after,
        extreme_reached=frozenset(approx["before"]["extreme_reached"]),
        per_units=per_units,
        article_elision_before=article_elision_before,
        demi_scale_after=demi_scale_after,
        decimal_word_after=decimal_word_after,
        and_after=and_after,
        exact_group_after=exact_group_after,
        level_reached_before=level_reached_before,
        weak_words=frozenset(nums["weak_words"]),
        next_word=next_word,
        ordinal_determiner_before=ordinal_determiner_before,
        fraction_with_determiner=fraction_with_determiner,
        ordinal_fraction_follower=ordinal_fraction_follower,
    )
