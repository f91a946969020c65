"""Figures set against one before them, that leave it their unit: "le blé se vend 452 euros la
tonne, contre 410 un an plus tôt", "un loyer de 12,5 euros le mètre carré, contre 11,8 à
Lyon", "une récolte de 43 millions d'hectolitres (contre 49 l'an dernier)".

After "contre" (the `cues` of the ``[compared]`` table of ``lang/<code>/scanner.toml``), news
text gives the figure of another time or place as a bare number: its unit, its basis ("la
tonne", "par habitant") and its scale are those of the figure it is set against, written
once. This module is a pure pass over the mentions of a text, run after the currency
ellipses: such a count takes the kind and unit of that figure, with ``rule="unit_compared"``
(the claims table's ``rule`` says the unit was carried, not written). It only does so when
everything agrees:

* the figure before (dates, years and times aside) is a sum of money, a quantity, a share in
  percent or a length of time with its unit (a rate too: its basis is carried), in the same
  sentence, at most ``gap`` characters before the cue;
* the figure is a count with no unit of its own, right after the cue (and one of the
  ``fillers``: "contre seulement 410");
* nothing follows it that it could count: punctuation, a word of time or place
  (``followers``: "la semaine dernière", "un an plus tôt", "à Lyon", "en 2022"), never a noun
  ("contre 410 salariés");
* a bare number set against a scaled one takes its scale ("43 millions d'hectolitres, contre
  49" is 49 millions), and the two values are within a factor of ``max_ratio`` of each other
  ("1,2 milliard d'euros, contre 900" says neither 900 euros nor 900 milliards: left a count).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.deadline import checkpoint
from factcheck.extract._ellipsis import (
    ellipsis_lexicon,
    listed_head,
    next_sentence_start,
    parallel,
)
from factcheck.extract._mention_copy import replace
from factcheck.extract._parts import scale_of
from factcheck.extract.lexicon import Lexicon
from factcheck.lang import load_data
from factcheck.models import Kind, Mention
from factcheck.patterns import _spaced_alt

RULE = "unit_compared"
#: An enumeration: "42 000 dollars en France, 48 000 en Allemagne".
LIST_RULE = "unit_listed_after"
#: The next sentence restates the measure: "Le déficit atteint 300 millions d'euros. Il était
#: de 250 millions en 2022."
RESTATED_RULE = "unit_restated"
_CARRIED = frozenset({Kind.MONEY, Kind.QUANTITY, Kind.PERCENT, Kind.DURATION})
#: Kinds skipped when looking for the figure set against: they situate, they do not measure.
_SITUATING = frozenset({Kind.DATE, Kind.YEAR, Kind.TIME, Kind.IDENTIFIER, Kind.ORDINAL})
_SENTENCE_END = regex.compile(r"[.!?;](?!\d)")


@dataclass(frozen=True)
class ComparedLexicon:
    cue_before: regex.Pattern  # "contre" (and fillers) right before the figure
    follower_after: regex.Pattern  # what may follow the figure
    gap: int
    max_ratio: float
    from_to: regex.Pattern  # "à" right before the later value of "passé de 1,80 euro à 2,10"
    head_before: regex.Pattern  # "à", "avec" before the figure and before the one listed first
    separator: regex.Pattern
    list_gap: int
    measure_noun: regex.Pattern  # "le nombre de lignes à 5": a measure of its own, no carry
    restating: regex.Pattern  # the words that open the next sentence before the figure


@cache
def compared_lexicon(code: str) -> ComparedLexicon:
    data = load_data(code, "scanner")["compared"]
    cues, fillers = _spaced_alt(data["cues"]), _spaced_alt(data["fillers"])
    followers = _spaced_alt(data["followers"])
    return ComparedLexicon(
        cue_before=regex.compile(
            rf"(?<![\p{{L}}])(?:{cues})(?:\s*(?<=['’])|\s+)(?:(?:{fillers})\s+)*$", regex.I),
        follower_after=regex.compile(
            rf"\s*(?:$|[.,;:!?)\]»–—]|(?:{followers})(?![\p{{L}}]))", regex.I),
        gap=int(data["gap"]),
        max_ratio=float(data["max_ratio"]),
        from_to=regex.compile(rf"\s*(?:{_spaced_alt(data['from_to'])})\s+$", regex.I),
        head_before=regex.compile(
            rf"(?<![\p{{L}}'’])(?P<head>{_spaced_alt(data['list_heads'])})\s+$", regex.I),
        separator=regex.compile(r"[,;]|(?<![\p{L}])(?:et|puis)(?![\p{L}])", regex.I),
        list_gap=int(data["list_gap"]),
        measure_noun=regex.compile(
            rf"(?<![\p{{L}}])(?:{_spaced_alt(data['list_measure_nouns'])})(?![\p{{L}}])",
            regex.I),
        restating=regex.compile(
            rf"[\s«\"]*(?:{_spaced_alt(data['restating'])})"
            rf"(?:\s*(?<=['’])|\s+)(?:(?:{fillers})\s+)*", regex.I),
    )


def compared_units(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``mentions`` (sorted by position) with the bare counts after "contre" read in the unit
    of the figure they are set against."""
    if not any(m.kind in _CARRIED and m.unit for m in mentions):
        return mentions
    data = compared_lexicon(lex.code)
    out: list[Mention] = []
    before: Mention | None = None  # the last figure that is not a date, a year or a time
    for m in mentions:
        checkpoint()
        if m.kind in _SITUATING:
            out.append(m)
            continue
        if before is not None and m.kind == Kind.COUNT and not m.unit:
            m = _as_compared(text, before, m, lex, data) or m
        out.append(m)
        before = m
    return out


def _as_compared(text: str, against: Mention, m: Mention, lex: Lexicon,
                 data: ComparedLexicon) -> Mention | None:
    if against.kind not in _CARRIED or not against.unit or against.value is None \
            or m.value is None:
        return None
    if not ends_no_count(text, m.end, lex):
        return None
    if _SENTENCE_END.search(text, against.end, m.start):
        rule = RESTATED_RULE if _restated(text, against, m, data) else None
    else:
        rule = _cue_rule(text, against, m, lex, data)
    if rule is None:
        return None
    value = in_scale_of(m, against, lex)
    if not comparable(value, against.value, data.max_ratio):
        return None
    f = value / m.value if m.value else 1.0
    low = None if m.low is None else m.low * f
    high = None if m.high is None else m.high * f
    role = against.role if against.role == "change_by" else m.role
    return replace(m, kind=against.kind, unit=against.unit, value=value, low=low, high=high,
                   role=role, rule=rule)


def _cue_rule(text: str, against: Mention, m: Mention, lex: Lexicon,
              data: ComparedLexicon) -> str | None:
    """Why ``m`` is read in the unit of ``against``: set against it ("contre", "à" after the
    earlier value of a change: "passé de 1,80 euro à 2,10"), or the next item of a list
    ("42 000 dollars en France, 48 000 en Allemagne", "le gazole à 1,72 euro, le SP95 à
    1,85"), else None."""
    if against.role == "change_from":
        return RULE if data.from_to.match(text, against.end, m.start) else None
    cue = data.cue_before.search(text, max(against.end, m.start - 24), m.start)
    if cue is not None:
        return RULE if cue.start() - against.end <= data.gap else None
    if m.start - against.end > data.list_gap:
        return None
    gap = text[against.end : m.start]
    ellipsis = ellipsis_lexicon(lex.code)
    if ellipsis.parallel_gap.match(gap):  # "42 000 dollars en France, 48 000 en Allemagne"
        return LIST_RULE if parallel(text, gap, m, ellipsis) else None
    then = listed_head(text, against, m, data.head_before, data.separator, 12)
    if then is None or _names_a_measure(text, against.end, then.start(), data):
        return None
    return LIST_RULE  # "le gazole à 1,72 euro, le SP95 à 1,85"


def _names_a_measure(text: str, start: int, end: int, data: ComparedLexicon) -> bool:
    """The later item of a list names a measure of its own before its head word, after the
    last separator: "le nombre de lignes à 5", "l'âge minimum à 16" (`list_measure_nouns`)."""
    item = start
    for sep in data.separator.finditer(text, start, end):
        item = sep.end()
    return data.measure_noun.search(text, item, end) is not None


def _restated(text: str, against: Mention, m: Mention, data: ComparedLexicon) -> bool:
    """``m`` is in the sentence right after ``against``'s, which it opens after a pronoun
    and a verb of level (`restating`: "Il était de", "Elle s'élevait à"): the same measure at
    another time or place."""
    start = next_sentence_start(text, against, m)
    return start is not None and data.restating.fullmatch(text, start, m.start) is not None


def ends_no_count(text: str, end: int, lex: Lexicon) -> bool:
    """Nothing follows ``end`` that a number there could count: punctuation, a word of time
    or place ("la semaine dernière", "à Lyon", "en 2022"), never a noun ("410 salariés")."""
    return bool(compared_lexicon(lex.code).follower_after.match(text, end)
                or ellipsis_lexicon(lex.code).follower_after.match(text, end))


def in_scale_of(m: Mention, against: Mention, lex: Lexicon) -> float:
    """The value of the bare ``m`` in the scale of ``against`` ("43 millions d'hectolitres,
    contre 49": 49 millions); ``m``'s own when it writes a scale."""
    value = m.value or 0.0
    scale = scale_of(against, lex)
    return value * scale if scale > 1 and scale_of(m, lex) == 1 else value


def comparable(a: float, b: float, max_ratio: float) -> bool:
    """Two values of one measure, set against each other: of one sign, within a factor."""
    a, b = abs(a), abs(b)
    if a == 0 or b == 0:
        return a == b
    return max(a, b) / min(a, b) <= max_ratio
