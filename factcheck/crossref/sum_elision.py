"""A unit left unsaid in a breakdown: "850 millions d'euros : 600 pour les routes et 250 pour le
rail", "1,2 milliard, dont 700 millions pour les lycées", "67 sièges, à savoir 39 pour la droite".

Newsrooms write the unit (and often the scale) of a total once and leave it out of the parts
that follow a cue (":", "dont"). Such a part is read as a bare count; :func:`elided` gives it the
total's unit, and the total's scale when it is written without one ("600" of "850 millions"),
so that the parts are checked against their total; a bare count after a count ("39" of "67
sièges") is of the total's kind. A part is taken to leave its unit unsaid
only when nothing names another one: right after it comes a word of ``[structure]
elision_followers`` of the language ("pour", "à", "dans" ...), a separator or the end of the
sentence ("600 salariés" counts people, not euros). A bare part followed by a time frame
("1 500 interpellations en trois nuits [...], dont 612 dans la seule nuit de lundi") is placed
in time by it: it never takes the noun of a total counting time frames (``[structure]
time_frames``), which it is no count of.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Protocol

import regex

from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.matching import CHANGE, ClaimView, precision
from factcheck.crossref.sum_groups import group_cues, time_frame

#: Dimension of plain counts (no unit).
COUNT = "count"
#: A figure written in digits only ("600", "1 250", "2,5").
_DIGITS = regex.compile(r"\d{1,3}(?:[  \u202f.'’]\d{3})*(?:,\d+)?|\d+(?:,\d+)?", regex.V1)
_NEXT = regex.compile(r"\s*([\p{L}'’]+|[,;:.!?)]|$)", regex.V1)
#: After a follower word, a determiner and "seul(e)" before the noun of a time frame.
_FRAME = regex.compile(r"\s*[\p{L}'’]+\s+(?:(?:la|le|les|l['’]|une?|cette|ce|cet)\s*)?"
                       r"(?:seule?s?\s+)?([\p{L}-]+)", regex.V1 | regex.I)


class Sentence(Protocol):
    start: int
    text: str


def written_number(surface: str) -> float | None:
    """The number as written at the start of ``surface`` ("850" of "850 millions d'euros")."""
    found = _DIGITS.match(surface.strip())
    if not found:
        return None
    digits = regex.sub(r"[  \u202f.'’]", "", found.group(0)).replace(",", ".")
    return float(digits)


def _scale(total: ClaimView) -> float | None:
    """The power of ten the total's written number is multiplied by (1e6 for "850 millions")."""
    written = written_number(total.surface)
    if total.value is None or not written:
        return None
    ratio = abs(total.value) / written
    power = round(math.log10(ratio)) if ratio > 0 else 0
    return 10.0 ** power if power >= 0 and math.isclose(ratio, 10.0 ** power, rel_tol=1e-6) \
        else None


def unit_left_out(part: ClaimView, s: Sentence, lexicon: Lexicon) -> bool:
    """Nothing after ``part`` names a unit of its own: a follower word, a separator or the end."""
    found = _NEXT.match(s.text, part.end - s.start)
    if found is None:
        return False
    word = found.group(1).lower()
    return not word or not word[0].isalpha() or word in lexicon.elision_followers


def _in_time_frame(part: ClaimView, s: Sentence) -> bool:
    """A time frame follows ``part`` after its follower word ("612 dans la seule nuit")."""
    found = _FRAME.match(s.text, part.end - s.start)
    if found is None:
        return False
    return lemma(found.group(1)) in group_cues().time_frames


def elided(part: ClaimView, total: ClaimView, s: Sentence, lexicon: Lexicon,
           like: ClaimView | None = None) -> ClaimView:
    """``part`` with the unit (and scale) of ``total`` when it leaves them unsaid, else as is;
    ``like`` is the first part of the enumeration, whose noun a bare count leaves unsaid."""
    kind = like or total
    if time_frame(kind) and _in_time_frame(part, s):
        return part  # "trois nuits [...], dont 612 dans la seule nuit": not a count of nights
    if part.dimension == COUNT == kind.dimension and part.family != kind.family \
            and _DIGITS.fullmatch(part.surface.strip()) and unit_left_out(part, s, lexicon):
        # "67 sièges, à savoir 39 pour la droite"; "355 000 clients en Bretagne, 145 000 en
        # Normandie": the noun left unsaid is the one before.
        return replace(part, family=kind.family, subject_family=kind.subject_family)
    if part.dimension != COUNT or total.dimension in (COUNT, "share") \
            or total.dimension.endswith(CHANGE) or part.value is None \
            or total.value is None or not unit_left_out(part, s, lexicon):
        return part
    scale = _scale(total)
    if scale is None:
        return part
    bare = _DIGITS.fullmatch(part.surface.strip()) is not None
    value = part.value * scale if bare else part.value
    if value > abs(total.value) * 1.5:
        return part  # a larger bare figure is no part of this total
    # Written at the total's scale, the part is as precise as its digits there: "600" of
    # "850 millions" is 599,5 to 600,5 millions, not a round "600 millions" give or take 50.
    written = written_number(part.surface)
    decimals = len(part.surface.split(",", 1)[1].split()[0]) if "," in part.surface else 0
    slack = (0.5 * value / written * 10.0 ** -decimals) if written else precision(value)
    # The unit it leaves unsaid makes it an amount of the total's kind ("600" of a plan).
    return replace(part, dimension=total.dimension, value=value, lo=value - slack,
                   hi=value + slack, stated=(value, value), family=total.family,
                   subject_family=total.subject_family)
