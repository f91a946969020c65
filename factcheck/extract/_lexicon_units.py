"""The unit fields of :class:`factcheck.extract.lexicon.Lexicon`: currencies, percentages and
percentage points, durations, physical quantities and rates ("par mois").

Every word comes from ``lang/<code>/currencies.toml`` and ``units.toml``; this module only
turns the word lists into lookup tables and patterns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from factcheck.patterns import _alt, _spaced_alt, leading


def _words_alt(words: Iterable[str]) -> str:
    """Alternation of phrases whose spaces may be any run of spaces."""
    return _spaced_alt(words)


def currency_fields(
    cur: dict[str, Any], scale_abbreviations: Iterable[str], grammar: dict[str, Any]
) -> dict[str, Any]:
    """Lexicon fields built from ``currencies.toml`` (and the scale abbreviations, which
    may stand before a currency symbol, "3 Md€", or its word, "3 Mds d'euros"), by field
    name."""
    currency_words: dict[str, str] = {}
    currency_ambiguous: dict[str, str] = {}
    currency_symbols: dict[str, str] = {}
    currency_factor: dict[str, float] = {}
    codes: list[str] = []  # ISO codes, which may also stand before the number: "EUR 300 millions"
    for entry in cur["currency"]:
        for wd in entry["words"]:
            currency_words[wd.lower()] = entry["code"]
            if wd == entry["code"] and regex.fullmatch(r"[A-Z]{3}", wd):
                codes.append(wd)
            if "factor" in entry:
                currency_factor[wd.lower()] = float(entry["factor"])
        for wd in entry.get("ambiguous", []):
            currency_ambiguous[wd.lower()] = entry["code"]
        for sym in entry.get("symbols", []):
            currency_symbols[sym] = entry["code"]
    cur_w = _words_alt(currency_words)
    cur_amb = _words_alt(currency_ambiguous)
    cur_sym = _alt(list(currency_symbols))
    of = leading(grammar["of"])
    cents = _words_alt(cur["cents"]["followers"])
    return {
        "currency_words": currency_words,
        "currency_ambiguous": currency_ambiguous,
        "currency_symbols": currency_symbols,
        "currency_factor": currency_factor,
        "scale_abbrev_after": regex.compile(
            rf"\s?({_alt(list(scale_abbreviations))})"
            rf"(?=\s?(?:{cur_sym})|\s+{of}?\s*(?:{cur_w})(?![\p{{L}}])"
            rf"|(?:\s|[.,;:)!?]|$)(?!\s*{of}?\p{{Ll}}))",
            0,
        ),
        "currency_after": regex.compile(rf"(?:\s*({cur_sym})|\s+({cur_w}))(?![\p{{L}}])", regex.I),
        "currency_after_scale": regex.compile(
            rf"\s*{of}?(?:({cur_sym})|({cur_w}|{cur_amb}))(?![\p{{L}}])",
            regex.I,
        ),
        "currency_symbol_before": regex.compile(rf"(?:{cur_sym})\s?$"),
        "cents_after": regex.compile(
            rf" (\d{{2}})(?=\s*(?:$|[.,;:!?)»]|\s+(?:{cents})"
            rf"(?![\p{{L}}'’])))",
            regex.I,
        ),
        "currency_code_before": regex.compile(rf"(?<![\p{{L}}\d])({_alt(codes)}) $"),
    }


def unit_fields(
    units: dict[str, Any], months: Iterable[str], grammar: dict[str, Any]
) -> dict[str, Any]:
    """Lexicon fields built from ``units.toml`` (and the month names, which tell "un mois
    de février" from a duration), by field name."""
    pct = units["percent"]
    duration_units: dict[str, str] = {}
    duration_days: dict[str, float] = {}
    for unit, spec in units["durations"].items():
        duration_days[unit] = float(spec["days"])
        for wd in spec["words"]:
            duration_units[wd.lower()] = unit
    abbrevs = set(units["duration_abbreviations"])
    full_words = [x for x in duration_units if x not in abbrevs]
    quantity_units: dict[str, str] = {}
    for unit, forms in units["quantities"].items():
        for f in forms:
            quantity_units[f] = unit
    per = units["per"]
    # "journées-skieurs": a counted compound, no length of time; "jours-là" is none.
    followers = units.get("duration_count_followers", [])
    particles = _alt(units.get("demonstrative_particles", [])) or "(?!)"
    not_counted = rf"(?![\p{{L}}\d]|-(?!(?:{particles})(?![\p{{L}}\d]))\p{{L}})" + (
        rf"(?!\s+(?:{_words_alt(followers)})(?![\p{{L}}]))" if followers else ""
    )
    per_forms = {
        g: _alt([f for forms in per[g].values() for f in forms]) for g in ("any", "measure")
    }
    return {
        "percent_words": tuple(pct["words"]),
        "duration_units": duration_units,
        "duration_days": duration_days,
        "quantity_units": quantity_units,
        "quantity_multiples": {
            written: (str(base), float(factor))
            for written, (base, factor) in units.get("quantity_multiples", {}).items()
        },
        "per_units": {
            f.lower(): name
            for group in ("any", "measure")
            for name, forms in per[group].items()
            for f in forms
        },
        "percent_after": regex.compile(rf"\s*(?:{_words_alt(pct['words'])})(?![\p{{L}}])", regex.I),
        "percent_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_words_alt(pct['before'])})\s+$", regex.I
        ),
        "pp_after": regex.compile(
            rf"\s*(?:{_words_alt(units['percentage_points']['words'])})(?![\p{{L}}])",
            regex.I,
        ),
        "pp_bare_after": regex.compile(
            rf"\s*(?:{_alt(grammar['points'])})(?![\p{{L}}])"
            rf"(?!\s+(?:{_words_alt(grammar['points_not_before'])}))",
            regex.I,
        ),
        "pp_half_after": regex.compile(
            rf"\s+(?:{_alt(grammar['half_points'])})(?![\p{{L}}])", regex.I
        ),
        "duration_after": regex.compile(
            rf"\s+(?:(?:{_alt(units.get('duration_adjectives', []))})\s+)?"
            rf"({_alt(full_words)}){not_counted}",
            regex.I,
        ),
        "duration_abbrev_after": regex.compile(rf"\s?({_alt(list(abbrevs))})(?![\p{{L}}\d°])"),
        "duration_after_scale": regex.compile(
            rf"\s+{leading(grammar['of'])}({_alt(full_words)}){not_counted}", regex.I
        ),
        "hyphen_duration_after": regex.compile(rf"-({_alt(full_words)})(?![\p{{L}}\d])", regex.I),
        "month_of_after": regex.compile(
            rf"\s+{leading(grammar['of'])}(?:{_alt(list(months))})(?![\p{{L}}])", regex.I
        ),
        # "l'an" is no litre: a unit symbol is never followed by an apostrophe.
        "quantity_after": regex.compile(rf"\s?({_alt(list(quantity_units))})(?![\p{{L}}\d²³'])"),
        "quantity_units_lower": {u.lower(): n for u, n in quantity_units.items() if len(u) > 3},
        # After a scale, a unit written in words takes "de": "373 millions de tonnes".
        "quantity_after_scale": regex.compile(
            rf"\s+{leading(grammar['of'])}({_alt([u for u in quantity_units if len(u) > 3])})"
            r"(?![\p{L}\d²³'])",
            regex.I,
        ),
        "per_after": regex.compile(
            rf"(?:\s+(?:{_alt(per['qualifiers'])}))?\s*"
            rf"(?:{leading(per['introducers'])}"
            rf"(?:(?P<any>{per_forms['any']})|(?P<measure>{per_forms['measure']}))"
            rf"|{leading(per['measure_introducers'])}(?P<measure2>{per_forms['measure']}))"
            r"(?![\p{L}\d²³'’])",  # "par l'Union": no litre
            regex.I,
        ),
    }
