"""What the context stage reads off a figure of a sentence before its context: whether it is
situated (gets an actor and a place), the basis of a rate, the year a year figure names,
whether its value was given before. Private to ``factcheck.context`` (``_sentence``)."""

from __future__ import annotations

from factcheck.context._report import ArticleState
from factcheck.context.nlp import Figure
from factcheck.extract.rates import basis_of
from factcheck.models import MEASURE_KINDS, Kind, Mention

#: Kinds that get an actor and a place: quantities, not dates, durations or labels.
SITUATED_KINDS = MEASURE_KINDS - {Kind.DURATION}
#: The scanner's rule of a bare part read in its whole's unit ("quatre ans de prison dont
#: deux ferme"; factcheck.extract._parts).
_PART_RULE = "part_unit"


def is_situated(m: Mention) -> bool:
    """Whether the figure gets an actor and a place: a quantity (``SITUATED_KINDS``), or a
    length of time given as the part of another ("quatre ans de prison dont deux ferme"; so
    is one whose subject is read as such a part, "dont deux ans ferme"): the term a court or
    a body decided, situated like the figures around it."""
    return m.kind in SITUATED_KINDS or (m.kind == Kind.DURATION and m.rule == _PART_RULE)


def rate_basis(sentence: str, start: int, figs: list[Figure], n: int) -> str | None:
    """The basis of a rate or a change ("sur un an", "par rapport à 2019"), else None."""
    m = figs[n].mention
    if m.kind != Kind.PERCENT and m.role != "change_by":
        return None
    nxt = figs[n + 1].mention.start - start if n + 1 < len(figs) else None
    first_rate = not any(f.mention.kind == Kind.PERCENT or f.mention.role == "change_by"
                         for f in figs[:n])
    return basis_of(sentence, m.start - start, m.end - start, nxt, lead=first_rate)


def year_of(m: Mention) -> int | None:
    """The year a year figure names (its value, else its four digits), else None."""
    if m.kind != Kind.YEAR:
        return None
    if m.value is not None:
        return int(m.value)
    return int(m.surface) if m.surface.isdigit() and len(m.surface) == 4 else None


def given_before(m: Mention, subject: str | None, state: ArticleState) -> bool:
    """Whether a figure's value was given before: by a figure of the same subject, or by
    any figure of the same kind in the sentence before ("deux corps de migrants" then "Les
    deux victimes"; not "3 %" then "les trois régions")."""
    if m.value is None:
        return False
    return any(v == m.value and c.subject == subject for v, c in state.metrics) \
        or any(v == m.value and k == m.kind for v, k, _ in state.last_figures)
