"""Whether a verb of expectation governs a figure ("La commune attend 48 millions d'euros de
recettes cette année", "table sur une croissance de 2 %", "les 300 recrues attendues"): the
figure is then expected over the whole current year, month or week (``timeref.
_expected_whole``). An expectation word elsewhere in the clause is not the figure's: "a
supprimé 3 000 postes cette année comme attendu" is a past fact, "comme attendu" a comment on
it. Words in ``lang/fr/context_time.toml`` (``expectation_*``)."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._time_data import time_data
from factcheck.context._time_terms import cue_pattern

#: Words at most between a verb of expectation and its object figure ("table sur une
#: croissance de", "s'attend à une hausse de"), or between a figure and its participle
#: ("48 millions de recettes sont attendues").
_GAP_WORDS = 5
_WORD = regex.compile(r"\w+(?:['’])?")


def expects_figure(low: str, start: int, end: int, cs: int, ce: int) -> bool:
    """Whether a word of ``expectation_words`` in the clause ``[cs, ce)`` of ``low`` governs
    the figure at ``[start, end)``: before it with only its object's words between (none of
    ``expectation_gap_stops``: another clause, a past auxiliary), or a participle of
    ``expectation_participles`` after it the same way; never a word right after one of
    ``expectation_not_after`` ("comme attendu", "qu'attendu": a comment; "a attendu": a past
    tense)."""
    for m in cue_pattern("expectation_words").finditer(low, cs, ce):
        if _not_after().search(low, cs, m.start()):
            continue
        if m.end() <= start and _gap(low, m.end(), start):
            return True
        if m.start() >= end and low[m.start():m.end()] in _participles() \
                and _gap(low, end, m.start()):
            return True
    return False


def _gap(low: str, a: int, b: int) -> bool:
    """Whether ``low[a:b]`` is the few words of one phrase: no figure, no stop word."""
    between = low[a:b]
    if regex.search(r"\d", between):
        return False
    words = _WORD.findall(between)
    return len(words) <= _GAP_WORDS and not _stops().search(between)


@cache
def _participles() -> frozenset[str]:
    return frozenset(time_data().words.get("expectation_participles", ()))


@cache
def _not_after() -> regex.Pattern[str]:
    words = time_data().words.get("expectation_not_after", ())
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return regex.compile(rf"(?<!\w)(?:{alt})\s*\Z")


@cache
def _stops() -> regex.Pattern[str]:
    words = time_data().words.get("expectation_gap_stops", ())
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return regex.compile(rf"(?<!\w)(?:{alt})(?:(?<=['’])|(?!\w))")
