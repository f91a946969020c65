"""A count answered in the next sentence: "Selon la préfecture, 9 000 personnes ont défilé.
La CGT, elle, en a compté 25 000." The second sentence names its own body, sets it apart
from the body before with a marker (``[answers] markers`` of ``crossref.toml``: "de son
côté", "pour sa part", "quant à elle", ", lui,") and gives that body's count: the article
sets two bodies' counts of one thing against each other, as one sentence does ("9 000 selon
la préfecture, 25 000 selon la CGT"). :func:`answers` is that tie (``answer`` in
:mod:`factcheck.crossref.identity`, a tie of the kind of the sentence); it ties two figures
only, and every blocker of identity (two places, periods, qualifiers, reaches in time) still
keeps them apart.

Only between two different bodies, each named in its figure's own sentence (``source_mode``
explicit, :func:`factcheck.crossref.rivals.distinct_sources`): it can only make two counters
at odds (``sources_disagree``, low), never an error of one of them; the marker must follow
the answering body's name and come before its figure with no other number between (the
figure the marker introduces), and the two sentences must follow each other."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from factcheck.crossref.cells import WORD
from factcheck.crossref.cue_sets import _pattern
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.rivals import distinct_sources
from factcheck.lang import load_data

#: Characters at most between two sentences that follow each other (". ", a line break).
ADJACENT_GAP = 3
_DIGIT = regex.compile(r"\d")


@dataclass(frozen=True, slots=True)
class AnswerCues:
    markers: regex.Pattern[str]


@lru_cache(maxsize=4)
def answer_cues(code: str = "fr") -> AnswerCues:
    data = load_data(code, "crossref").get("answers", {})
    return AnswerCues(markers=_pattern(list(data.get("markers", []))))


def adjacent(a: ClaimView, b: ClaimView) -> bool:
    """``a`` and ``b`` in one sentence, or in two that follow each other."""
    if a.sentence_start is None or b.sentence_start is None:
        return True  # positions unknown (a table without them): identity alone decides
    if a.sentence_start > b.sentence_start:
        a, b = b, a
    return b.sentence_start - (a.sentence_start + len(a.sentence)) <= ADJACENT_GAP


def _names_its_body_then_marks(v: ClaimView, cues: AnswerCues) -> bool:
    """``v``'s sentence names ``v``'s body, then a marker, then ``v`` with no number
    between: "La CGT, elle, dénombre 300 000", "Le ministère n'a de son côté recensé que
    121 000"."""
    if v.sentence_start is None:
        return False
    at = v.start - v.sentence_start
    if not 0 < at <= len(v.sentence):
        return False
    before = v.sentence[:at]
    body = {w.casefold() for w in WORD.findall(v.source) if len(w) >= 3}
    for m in cues.markers.finditer(before):
        said = {w.casefold() for w in WORD.findall(before[:m.start()])}
        if body & said and not _DIGIT.search(before[m.end():]):
            return True
    return False


def answers(a: ClaimView, b: ClaimView, cues: AnswerCues | None = None) -> bool:
    """``a`` and ``b``, of one article and two sentences that follow each other, each named
    with its own body, the later one's sentence answering the earlier's with its body's count
    (see the module docstring)."""
    if a.article_id != b.article_id or a.sentence_start is None or b.sentence_start is None:
        return False
    if a.sentence_start == b.sentence_start or not adjacent(a, b):
        return False
    if a.source_mode != "explicit" or b.source_mode != "explicit":
        return False
    if a.compared_to or b.compared_to or not distinct_sources(a, b):
        return False
    later = b if b.sentence_start > a.sentence_start else a
    return _names_its_body_then_marks(later, cues or answer_cues())
