"""The sentences of an article with their figures, as the parts/total structures read them
(:mod:`factcheck.crossref.structures`), and where a cue in the text between two figures may
introduce the second as a part of the first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex

from factcheck.crossref.matching import ClaimView

_CLOSED_BRACKET = regex.compile(r"\([^()]*\)")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    text: str
    members: tuple[ClaimView, ...]


def rel(v: ClaimView, s: Sentence) -> tuple[int, int]:
    """Offsets of ``v`` in the text of ``s``."""
    return v.start - s.start, v.end - s.start


def between(s: Sentence, a: ClaimView, b: ClaimView) -> str:
    """The text of ``s`` from the end of ``a`` to the start of ``b``."""
    return s.text[rel(a, s)[1] : rel(b, s)[0]]


def by_article(views: list[ClaimView]) -> dict[str, list[Sentence]]:
    """The sentences carrying figures, by article, in reading order."""
    grouped: dict[tuple[str, int, str], list[ClaimView]] = defaultdict(list)
    for v in views:
        if v.sentence_start is not None:
            grouped[(v.article_id, v.sentence_start, v.sentence)].append(v)
    out: dict[str, list[Sentence]] = defaultdict(list)
    for (article, start, text), members in grouped.items():
        members.sort(key=lambda v: v.start)
        out[article].append(Sentence(start, text, tuple(members)))
    for sentences in out.values():
        sentences.sort(key=lambda s: s.start)
    return out


def cue_zone(gap: str) -> str:
    """``gap`` with what cannot introduce the next figure as a part blanked out (offsets kept):
    a bracket opened and closed in it is an aside ("68 sièges, Rassemblement national et alliés
    (dont LR Ciotti) : 143 sièges": the "dont" names who is in the label, not a part of 68),
    and after a line break, a cue belongs to the next line of a list, not to the figure above."""
    masked = _CLOSED_BRACKET.sub(lambda m: " " * len(m.group(0)), gap)
    line_end = masked.find("\n")
    return masked if line_end == -1 else masked[:line_end] + " " * (len(masked) - line_end)


def denominator_owner(s: Sentence, j: int, whole_before: regex.Pattern[str] | None,
                      owner: ClaimView | None) -> ClaimView | None:
    """The total of the figures after figure ``j``, when ``owner`` (the figure before the cue)
    is the whole the previous figure is taken of ("une majorité de 328 sièges sur 630 : 208
    [...] et 120 [...]"): the list details the 328, and the 630 is a denominator, never a
    total of a list (``[series] whole_before``); not when it counts a noun of its own (the
    entries of the list: :mod:`factcheck.crossref.sum_lists`). Else ``owner``."""
    if owner is not s.members[j] or j == 0 or whole_before is None:
        return owner
    previous = s.members[j - 1]
    if previous.dimension != owner.dimension:
        return owner
    if owner.subject and owner.subject != previous.subject:
        return owner  # a count of its own noun ("250 embauches réparties sur deux usines :")
    return previous if whole_before.search(s.text[rel(previous, s)[0] : rel(owner, s)[0]]) \
        else owner
