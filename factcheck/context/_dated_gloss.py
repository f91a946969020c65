"""A figure in brackets right after a year, for :mod:`._subject_forms`: "la plus faible
récolte des vingt dernières années, derrière 2016 (27,6 Mt)", "Plus de cas ont été recensés
cette année que durant toute l'année 2023 (14 838)". The year has no subject to lend, and
the bracket gives the value at that time of the metric its clause is about: the first
noun before the year, back over what only places it in time (prepositions, determiners,
adjectives, adverbs, nouns of time and months, the verb of the clause, other times and
durations), inside the clause: a comma is crossed only before a complement opened by a
preposition (", derrière 2016"). None when another figure measures there (the
bracket glosses that one: "3 millions en 2023 (+5 %)") or the noun names no metric, and
after a term of comparison (``comparison_terms``: "par rapport à 2023 (259 M€)"), whose
bracket gives the base, read as before."""

from __future__ import annotations

from factcheck.context._time_data import time_data
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import lemma_of
from factcheck.models import Kind

_TIMES = frozenset({Kind.YEAR, Kind.DATE, Kind.DURATION, Kind.TIME, Kind.ORDINAL})
_WALKED = frozenset({"ADP", "DET", "ADJ", "ADV", "SCONJ", "VERB", "AUX"})
#: Words walked back over from the year to the noun of its clause.
MAX_WALK = 20


def dated_noun(toks: tuple[Tok, ...], figs: list[Figure], n: int, opening: int,
               data: SubjectData) -> int | None:
    """The noun whose value at a time figure ``n`` gives, when its parenthesis (opened at
    ``opening``) follows a year right away (see the module docstring); else None."""
    if n == 0 or figs[n - 1].last != opening or figs[n - 1].mention.kind != Kind.YEAR:
        return None
    words = [t.lower for t in toks[max(0, figs[n - 1].first - 2):figs[n - 1].first]]
    if any(" ".join(words[-len(term.split()):]) == term for term in data.comparison_terms):
        return None  # "en hausse de 5 % par rapport à 2023 (259 M€)": the base's level
    timed = {j for f in figs[:n] if f.mention.kind in _TIMES for j in range(f.first, f.last)}
    measured = {j for f in figs[:n] if f.mention.kind not in _TIMES
                for j in range(f.first, f.last)}
    months = time_data().months
    de_links = grammar().de_links
    j = figs[n - 1].first - 1
    while j >= 0 and figs[n - 1].first - j <= MAX_WALK:
        t = toks[j]
        if j in measured:
            return None
        if t.pos == "ADJ" and j + 1 < len(toks) and toks[j + 1].lower in de_links:
            return None  # "la plus faible récolte des vingt dernières années": a noun mistagged
        if t.text[-1:] in "'’" and len(t.text) <= 2:
            j -= 1  # "l’", which the small model may tag as a noun
            continue
        if j in timed or t.pos in _WALKED or t.lower in months or (
                t.pos == "NOUN" and lemma_of(t, data) in data.time_nouns):
            j -= 1
            continue
        if t.text == "," and toks[j + 1].pos == "ADP" and j + 1 < figs[n - 1].first:
            j -= 1  # "[...] des vingt dernières années, derrière 2016"
            continue
        if t.pos != "NOUN" or not t.is_word or t.is_title:
            return None
        lem = lemma_of(t, data)
        if lem in data.not_subjects or lem in data.bases or lem in data.change_nouns:
            return None
        return j
    return None
