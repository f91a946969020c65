"""A contender's score in a vote, read as a share of the votes the article counts: "Le parti
remporte 33 % des voix. L'alliance de gauche obtient 28 % (25 % en 2022)" gives the second
and third figures the "voix" of the first, not the alliance that obtains them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from factcheck.context.lexicon import SubjectData
from factcheck.context.nlp import Tok
from factcheck.context.pending import SubjectResult
from factcheck.models import Context, Kind


def _names_a_list(toks: Sequence[Tok], noun: int | None, data: SubjectData) -> bool:
    """The contender's noun at ``noun`` has a complement of its own, a bare noun after a
    link of ``contender_not_before`` ("la liste d'attente", "la liste des candidats") and no
    side in politics (``contender_sides``, "de gauche"): a list of things, no contender."""
    if noun is None or noun + 2 >= len(toks):
        return False
    link, head = toks[noun + 1], toks[noun + 2]
    return link.lower in data.contender_not_before and head.pos == "NOUN" \
        and head.text[:1].islower() and head.lemma not in data.contender_sides


def vote_share(sub: SubjectResult, kind: Kind, metrics: Sequence[tuple[float | None, Context]],
               here: Sequence[Context], toks: Sequence[Tok],
               data: SubjectData) -> SubjectResult:
    """``sub`` read as a share of votes when it is a percentage whose subject is a contender
    (``contender_nouns``, not a list of things, :func:`_names_a_list`) and a share of votes
    (``vote_nouns``) was read earlier in its paragraph, in its sentence (``here``) or the
    paragraph's sentences before (``metrics``): the last one; else ``sub`` unchanged. The
    contender stays a qualifier with its own words ("de gauche"), telling one list's score
    from another's."""
    if kind != Kind.PERCENT or sub.subject not in data.contender_nouns \
            or _names_a_list(toks, sub.noun, data):
        return sub
    earlier = [*(c for _, c in metrics), *here]
    vote = next((c for c in reversed(earlier) if c.subject in data.vote_nouns), None)
    if vote is None:
        return sub
    return replace(sub, subject=vote.subject, noun=None,
                   qualifiers=tuple(dict.fromkeys((sub.subject, *sub.qualifiers))),
                   rule="vote_share")
