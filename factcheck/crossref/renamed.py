"""One figure stated again under another name of its metric: "8,6 millions de tickets" in one
outlet and "8,6 millions de billets vendus" in another, "plus d'un million de personnes" and
"plus d'un million de manifestants". Blocking meets figures through their metric family, so
two names of one metric keep them apart; the names a newsroom uses for one metric are
language data (``[metric_names]`` of ``lang/fr/crossref.toml``).

Identity before accusation: a name in common is weaker evidence than a family, so only links
come of it, and only when the two figures state one amount (one value within its rounding, or
one bound: ``same`` or ``compatible`` links, which no rule reads). A bound met by a figure
("plus de 170" / "181") says too little under two names, and two values that differ under two
names are not compared at all. A generic subject ("personnes") names any count of people: it
meets the families that count people, which never meet each other by that name (morts and
blessés are two metrics). The noun one figure is counted by, named by the other figure (the
complement of its subject or a word describing it), is such a name too, read on one side only
(:func:`factcheck.crossref.word_forms.named_forms`): "l'encours de la dette, 409,6 millions
d'euros" and "une dette de près de 410 millions d'euros".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.link_identity import link_blockers
from factcheck.crossref.matching import ClaimView, midpoint, precision, same_story
from factcheck.crossref.relations import days_apart, scope_reasons, value_relation
from factcheck.crossref.repeats import EQUAL_DAYS
from factcheck.crossref.word_forms import named_forms

#: Figures compared with each figure: those up to this ratio of its size (one amount stated
#: again, within rounding, is far closer).
RENAMED_RATIO = 1.5
#: Counts below this are too common to say which figure they are ("deux membres").
MIN_COUNT = 10


def metric_names(v: ClaimView, lexicon: Lexicon) -> dict[str, bool]:
    """The names of ``v``'s metric (``[metric_names]``), each with whether its subject names
    it (True) or only its family does (False)."""
    names: dict[str, bool] = {}
    lem = lemma(v.subject)
    for word in (lem, *lem.split()) if lem else ():
        name = lexicon.metric_names.get(word)
        if name:
            names[name] = True
    name = lexicon.metric_families.get(v.family or "")
    if name:
        names.setdefault(name, False)
    return names


def _telling(v: ClaimView) -> bool:
    return v.value is not None and not (v.dimension == "count" and abs(v.value) < MIN_COUNT)


def renamed_pairs(views: list[ClaimView], lexicon: Lexicon
                  ) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs of figures of one story and one dimension, of two blocks, whose metrics share a
    name (by the subject of one of them at least) and whose values agree
    (:func:`agree`)."""
    groups: dict[tuple[str, str, str], list[tuple[ClaimView, bool]]] = defaultdict(list)
    for v in views:
        if v.modality == "denied" or not _telling(v):
            continue
        for name, by_subject in metric_names(v, lexicon).items():
            groups[(v.dimension, "name", name)].append((v, by_subject))
        for form, by_subject in named_forms(v, lexicon).items():
            groups[(v.dimension, "form", form)].append((v, by_subject))
    seen: set[tuple[str, str]] = set()
    for (_, kind, _), members in groups.items():
        one_side = kind == "form"
        # Sorted by size: a figure meets the figures up to RENAMED_RATIO times its own.
        members.sort(key=lambda m: (midpoint(m[0]) or 0.0, m[0].claim_id))
        for i, (a, a_subject) in enumerate(members):
            mid = midpoint(a) or 0.0
            # Agreeing values differ by at most the precision of ``a`` (value_relation's
            # tolerance is the smaller of the two precisions; a bound stated twice is one
            # value): past it no figure can agree, and the window stays narrow for a name
            # as common as "personnes" (RENAMED_RATIO alone made it grow with the square of
            # the figures of one name).
            reach = precision(a.value) if a.value is not None else 0.0
            top = min(mid * RENAMED_RATIO, mid + reach + abs(mid) * 1e-9)
            yield from _agreeing(a, a_subject, members[i + 1:],
                                 lambda x, top=top: x > top, seen, lexicon, one_side=one_side)
            if a.approx != "approx":
                continue
            # An approximate figure ("près de 85 %") also reaches down by its own rounding, to
            # the finer value it rounds ("84,9 %"), which sorts before it.
            bottom = mid - reach - abs(mid) * 1e-9
            yield from _agreeing(a, a_subject, reversed(members[:i]),
                                 lambda x, bottom=bottom: x < bottom, seen, lexicon, below=True,
                                 one_side=one_side)


def _agreeing(a: ClaimView, a_subject: bool, others: Iterable[tuple[ClaimView, bool]],
              past: Callable[[float], bool], seen: set[tuple[str, str]], lexicon: Lexicon,
              below: bool = False, one_side: bool = False
              ) -> Iterator[tuple[ClaimView, ClaimView]]:
    """The figures of ``others`` (sorted away from ``a``, up to the first whose midpoint is
    ``past`` the window) of another block that agree with ``a``, one of the two named by its
    subject (``one_side``: exactly one); each pair in order of size (``below``: the other
    figure first), once (``seen``, updated)."""
    for b, b_subject in others:
        if past(midpoint(b) or 0.0):
            break
        x, y = (b, a) if below else (a, b)
        key = (x.claim_id, y.claim_id)
        if key in seen or not (a_subject or b_subject) or a.block == b.block:
            continue
        if one_side and a_subject and b_subject:
            continue
        if agree(x, y, lexicon):
            seen.add(key)
            yield x, y


def agree(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Two figures of one story state one amount: the same value (within its rounding) or the
    same bound ("plus d'un million" twice), nothing in
    their scope tells them apart (outcome, side, group, basis, place), no two periods read
    from the text differ, and two dated articles are at most EQUAL_DAYS apart."""
    if value_relation(a, b) != "same" and not (a.approx == b.approx and a.stated == b.stated) \
            and not rounded_to(a, b) and not rounded_to(b, a):
        return False  # a bound met by a figure ("plus de 170" / "181") says too little
    if a.article_id != b.article_id and a.published and b.published \
            and days_apart(a, b) > EQUAL_DAYS:
        return False
    if a.period[0] == b.period[0] == "explicit" and a.period != b.period:
        return False
    if a.modality != b.modality or scope_reasons(a, b, lexicon) or link_blockers(a, b, lexicon):
        return False
    return same_story(a, b, lexicon)


def rounded_to(a: ClaimView, b: ClaimView) -> bool:
    """``a`` is ``b``'s value given roughly ("près de 85 %", "environ 1 600" for "84,9 %",
    "1 556"): an approximation, no bound, of a value within the rounding of its last digit
    (a bound met by a figure says too little; "près de 85 %" names the amount)."""
    if a.approx != "approx" or b.approx not in ("none", "approx"):
        return False
    if a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= precision(a.value)
