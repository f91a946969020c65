"""One figure stated twice in one sentence: a rounded figure and its exact value ("plus de 1 000
morts - 1 043 selon le dernier bilan", "près de 10 000 soignants, 9 800 selon le ministère"),
an amount restated in another multiple after "soit" ("1,2 milliard d'euros, soit 1 200
millions"), a bound and the range a labelled parenthesis gives ("plus de 70 ans (min-max :
71-95 ans)"). Two figures of one sentence are otherwise judged only when each has its own
source (:func:`factcheck.crossref.relations.cross_ok`); these pairs are one fact, linked
``same`` or ``compatible``, which no rule reads (the bare parenthesis is
:mod:`factcheck.crossref.glosses`).

The second figure must follow the first with nothing between but the first one's words and
a restatement cue (``[restated_figure]`` of ``lang/fr/crossref.toml``), and meet it: one
dimension, no two metric families, no scope cue telling them apart, bounds that meet.
"soit" giving another metric ("3 200 grévistes, soit 18 % des effectifs") is another
dimension; "soit 340 millions de plus" does not meet the amount: neither is linked, and
nothing is ever accused here.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.crossref.cue_sets import RestatementCues
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.glosses import successive_in_sentence
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.relations import distinct_sources, scope_reasons, value_relation

#: Characters at most between the two figures (the first one's noun phrase and verb).
REACH = 60
#: Counts below this are list items more often than a figure restated ("3 buts ... 3 buts").
MIN_COUNT = 10
#: Characters after the second figure read for what makes an apposition a restatement.
AFTER = 30


def restated_in_sentence(views: list[ClaimView], lexicon: Lexicon
                         ) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs of two figures following each other in one sentence, the second restating the
    first (see the module docstring)."""
    cues = lexicon.restated_figure
    if cues is None:
        return
    for a, b in successive_in_sentence(views):
        if _cued(a, b, cues) and _meet(a, b, lexicon):
            yield a, b


def _cued(a: ClaimView, b: ClaimView, cues: RestatementCues) -> bool:
    offset = a.sentence_start or 0
    between = a.sentence[a.end - offset : b.start - offset]
    if not 0 < len(between) <= REACH or any(ch.isdigit() or ch == ")" for ch in between):
        return False
    if cues.attribution.search(between):
        # The first figure has its own source there ("plus de 500 000 d'après la préfecture,
        # 800 000 selon les syndicats"): two counts set side by side, not one restated.
        return False
    if cues.openers.search(between) or cues.label.search(between):
        return True
    # "Au moins 50 personnes, 52 selon la Croix-Rouge, ont péri": an apposition after a
    # comma restates the figure when a source or a word of precision follows it at once.
    after = a.sentence[b.end - offset : b.end - offset + AFTER]
    return between.rstrip().endswith(",") and "(" not in between \
        and bool(cues.precise.search(after))


def _meet(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    if a.dimension != b.dimension or value_relation(a, b) == "incompatible":
        return False
    if a.family and b.family and a.family != b.family:
        return False
    if a.period != b.period and a.period[0] == b.period[0] == "explicit":
        return False  # "plus de 200 inscrits en 2026 - 210 en 2025": two dates, two figures
    if distinct_sources(a, b):
        return False  # two named sources: judged as such (relations.cross_ok)
    if any(v.dimension == "count" and v.value is not None and abs(v.value) < MIN_COUNT
           for v in (a, b)):
        return False
    return not scope_reasons(a, b, lexicon)
