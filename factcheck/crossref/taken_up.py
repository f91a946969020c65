"""A count taken up by a demonstrative in a later sentence of its article: "118 300 demandeurs
d'emploi à la fin du premier trimestre [...]. Ces 113 800 demandeurs d'emploi sont inscrits
depuis moins d'un an". The context dates the later figure at its antecedent's time
(:mod:`factcheck.context.taken_up`); here the pair is described alike whatever the words of
their two sentences: the demonstrative (``[anaphora] demonstratives`` of
``lang/<code>/context_subject.toml``, read as ``Lexicon.back_reference``) says the second is
the first stated again, so an equal value is one fact and another value of one source is that
source giving two values.
"""

from __future__ import annotations

from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView


def points_back(v: ClaimView, lexicon: Lexicon) -> bool:
    """A demonstrative stands right before the figure ("ces 60 milliards")."""
    if v.sentence_start is None:
        return False
    return bool(lexicon.back_reference.search(v.sentence[: v.start - v.sentence_start]))


def taken_up(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Whether the later of ``a`` and ``b`` takes up the earlier by a demonstrative: one
    article, two sentences, one subject and one period read from the text (the antecedent's,
    given by the context), a demonstrative right before the later figure."""
    if a.article_id != b.article_id or a.sentence_start == b.sentence_start:
        return False
    earlier, later = (a, b) if a.start < b.start else (b, a)
    return bool(earlier.subject) and earlier.subject == later.subject \
        and earlier.dimension == later.dimension \
        and earlier.period[:1] == ("explicit",) and earlier.period == later.period \
        and points_back(later, lexicon)
