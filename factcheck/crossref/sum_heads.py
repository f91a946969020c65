"""The count a "dont" takes up when the figure right before it sits in a complement.

"146 personnes ont été secourues lors de onze opérations, a indiqué la préfecture, dont 58
femmes": the figure before the cue ("onze") is a complement of the clause (after a preposition
of ``[structure] complement_openers``: "lors de", "en", "pendant"), and an incise stands
between it and the cue (", a indiqué ..., ", ", selon ..., "). The cue then takes up the count
heading the clause (146 people), which the parts are a kind of, not the operations or the
nights the clause is spread over. Without an incise ("lors de onze opérations, dont deux de
nuit") the figure before the cue is kept: nothing says the cue reaches past it.
"""

from __future__ import annotations

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.sum_groups import group_cues
from factcheck.crossref.sum_sentences import Sentence
from factcheck.crossref.sum_sentences import rel as _rel

#: Between the head count and the complement's figure: a clause closed, no head of it.
_CLAUSE_BREAKS = (";", ":", "(", ")")


def _in_complement(s: Sentence, j: int) -> bool:
    """Figure ``j`` follows a preposition opening a complement ("lors de onze")."""
    start = _rel(s.members[j], s)[0]
    before = s.text[_rel(s.members[j - 1], s)[1] if j else 0 : start]
    return group_cues().opener.search(before) is not None


def _incise_before(gap: str, cue_start: int) -> bool:
    """An incise between the figure and its cue: two commas before the cue (", a indiqué la
    préfecture, dont")."""
    return gap[:cue_start].count(",") >= 2


def clause_head(s: Sentence, j: int, gap: str, cue_start: int) -> ClaimView | None:
    """The count heading the clause of figure ``j`` when ``j`` sits in a complement and an
    incise parts it from the cue at ``cue_start`` of ``gap`` (the text after it), else None:
    the last figure before it of its dimension, itself in no complement, with no clause break
    between them."""
    if j == 0 or not _in_complement(s, j) or not _incise_before(gap, cue_start):
        return None
    figure = s.members[j]
    for k in range(j - 1, -1, -1):
        head = s.members[k]
        between = s.text[_rel(head, s)[1] : _rel(figure, s)[0]]
        if any(b in between for b in _CLAUSE_BREAKS):
            return None
        if head.dimension == figure.dimension and head.value is not None \
                and not _in_complement(s, k):
            return head
    return None
