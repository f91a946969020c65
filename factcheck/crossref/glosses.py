"""A figure glossed in a parenthesis right after it: "plus de la moitié des candidats
(57,1 %)", "plus de 12 millions de billets vendus (12 132 647 exactement)", "la barre des
800 victimes (812, +4 %)". The parenthesis gives the same figure more precisely; the two
are one fact, which the judging never sees: two figures of one sentence are compared only
when each has its own source (:func:`factcheck.crossref.relations.cross_ok`).

Only ``same`` or ``compatible`` links come of it, which no rule reads: a parenthesis whose
figure does not meet the bounds of the one before it ("300 000 manifestants (dont 20 000 à
Paris)") is a part or another figure, and nothing is said of it.

An amount of money glossed in another currency ("40 milliards de livres (48 milliards
d'euros)") is that amount converted (:func:`converted_pairs`): linked ``compatible``, its
value never checked (no exchange rate is held, and a rate of the day is not the text's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import pairwise

from factcheck.crossref.matching import CHANGE, ClaimView
from factcheck.crossref.relations import value_relation

#: Characters at most between a figure and the parenthesis that glosses it (the noun phrase
#: and verb of the figure: "de billets ont été vendus (").
GLOSS_REACH = 60
OPENING, CLOSING = "(", ")"
MONEY = "money"
#: Counts below this glossed in a parenthesis are mostly broken down there ("2 Ensemble (2
#: Renaissance)"), not restated.
MIN_COUNT = 10


def glossed_pairs(views: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs of a figure and the figure that opens a parenthesis after it in its sentence,
    with nothing between but the figure's own words (no number, no parenthesis closed), of
    one dimension and whose bounds meet."""
    for a, b in _next_in_parenthesis(views):
        if a.dimension == b.dimension and not _small(a) \
                and value_relation(a, b) != "incompatible":
            yield a, b


def converted_pairs(views: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs of an amount of money and the amount in another currency that opens a
    parenthesis after it, as :func:`glossed_pairs` finds them, both changes or both levels."""
    for a, b in _next_in_parenthesis(views):
        ca, cb = _currency(a.dimension), _currency(b.dimension)
        same_kind = a.dimension.endswith(CHANGE) == b.dimension.endswith(CHANGE)
        if ca and cb and "?" not in (ca, cb) and ca != cb and same_kind:
            yield a, b


def _currency(dimension: str) -> str:
    """"money:GBP/year" -> "GBP"; "" for what is not money."""
    kind, _, rest = dimension.partition(":")
    return rest.split(":")[0].split("/")[0] if kind == MONEY else ""


def successive_in_sentence(views: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Each two figures that follow each other in one sentence (figures denied left out)."""
    by_sentence: dict[tuple[str, int], list[ClaimView]] = defaultdict(list)
    for v in views:
        if v.sentence_start is not None and v.modality != "denied":
            by_sentence[(v.article_id, v.sentence_start)].append(v)
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda v: v.start)
        for a, b in pairwise(members):
            if a.sentence == b.sentence:
                yield a, b


def _next_in_parenthesis(views: list[ClaimView]) -> Iterator[tuple[ClaimView, ClaimView]]:
    return ((a, b) for a, b in successive_in_sentence(views) if _glosses(a, b))


def _glosses(a: ClaimView, b: ClaimView) -> bool:
    """``b`` opens a parenthesis that follows ``a`` closely, with no number between (a year or
    another figure: "au moins 100 salariés en 2023 (185 défauts)" glosses something else)."""
    offset = a.sentence_start or 0
    return _opens_gloss(a.sentence[a.end - offset : b.start - offset])


def tally_families(members: list[dict], tally_nouns: frozenset[str],
                   subject_lemma: Callable[[dict], str]) -> None:
    """A count of a generic tally noun (``tally_nouns``, ``[tally_nouns]``: "faits") opening
    a parenthesis right after another figure of its sentence counts the metric that figure is
    about: "Les homicides sont en hausse de 5 % (812 faits recensés)" counts homicides, and
    takes the family of the 5 % (``members``: the rows of one sentence, with ``_rel_start``,
    ``_rel_end`` and ``_family``; ``subject_lemma`` reads a row's subject)."""
    if len(members) < 2 or not tally_nouns:
        return
    ordered = sorted(members, key=lambda r: r["_rel_start"])
    for a, b in pairwise(ordered):
        if b.get("kind") != "count" or not a.get("_family") \
                or subject_lemma(b) not in tally_nouns or subject_lemma(a) in tally_nouns:
            continue
        if _opens_gloss(b["sentence"][a["_rel_end"] : b["_rel_start"]]):
            b["_family"] = a["_family"]


def gloss_words(views: list[ClaimView], tally_nouns: frozenset[str],
                subject_lemma: Callable[[ClaimView], str]) -> list[ClaimView]:
    """``views`` with the figure that opens a parenthesis right after another described as
    that one too, when it restates it or counts what it is about: "la barre des 800 victimes
    d'homicide a été franchie (812, +4 %)" (the same figure more precisely, as
    :func:`glossed_pairs` finds it), "les homicides sont en hausse de 5 % (812 faits
    recensés)" (a count of a tally noun, which names no metric: the other figure's subject
    is what it counts, as :func:`tally_families` reads it). The words after the parenthesis
    describe the next item of the sentence, not the figure its opening follows."""
    extra: dict[str, frozenset[str]] = {}
    for a, b in _next_in_parenthesis(views):
        restated = a.dimension == b.dimension and not _small(a) \
            and value_relation(a, b) != "incompatible"
        tally = b.kind == "count" and subject_lemma(b) in tally_nouns \
            and subject_lemma(a) not in tally_nouns and bool(a.family) and a.family == b.family
        if tally:
            extra[b.claim_id] = a.words | {subject_lemma(a)}
        elif restated:
            extra[b.claim_id] = a.words
    if not extra:
        return views
    return [replace(v, words=v.words | extra[v.claim_id]) if v.claim_id in extra else v
            for v in views]


def _opens_gloss(between: str) -> bool:
    """The text between two figures of a sentence ends by opening a parenthesis that the
    second figure starts, with the first figure's own words only before it."""
    if not 0 < len(between) <= GLOSS_REACH or CLOSING in between:
        return False
    if any(ch.isdigit() for ch in between):
        return False
    head, mark, tail = between.rpartition(OPENING)
    return bool(mark) and OPENING not in head and not tail.strip()


def _small(v: ClaimView) -> bool:
    return v.dimension == "count" and v.value is not None and abs(v.value) < MIN_COUNT
