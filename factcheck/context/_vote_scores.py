"""A contender's score in a vote, read as a share of the votes the article counts: "Le parti
remporte 33 % des voix. L'alliance de gauche obtient 28 % (25 % en 2022)" gives the second
and third figures the "voix" of the first, not the alliance that obtains them. Whose score a
share of votes is (:func:`contender_of`) is the figure's doer, so that two contenders' scores
of one round are never one figure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from factcheck.context._act_amounts import subject_span
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
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


#: Tokens that close a clause: the contender of a figure is not looked for past them.
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "«", "»", "\"", "–", "—", "."})


def contender_of(sentence: str, toks: tuple[Tok, ...], fig: Figure, subject: str | None,
                 kind: Kind, data: SubjectData) -> str | None:
    """Whose score a share of votes or seats is, as written: for a percentage or a count read
    as one of ``score_nouns`` ("voix", "suffrage", "siège"), the contender after one of
    ``contender_links`` right after the figure and its noun ("27 % pour son adversaire"), else
    the contender the figure glosses in brackets ("devant la liste écologiste (22 %)"), else
    the subject of the verb that takes the figure in its clause ("la liste d'opposition a
    obtenu 47 % des voix", "le parti arrive en tête avec 31 % des voix"), no other figure
    between; None when no contender is named (a pronoun, no verb before the figure)."""
    if kind not in (Kind.PERCENT, Kind.COUNT) or subject not in data.score_nouns:
        return None
    span = _contender_after(toks, fig.last, data) or _contender_glossed(toks, fig.first, data)
    if span is not None:
        return sentence[toks[span[0]].start:toks[span[1]].end]
    for j in range(fig.first - 1, -1, -1):
        t = toks[j]
        if t.text in _CLAUSE_MARKS or t.pos == "NUM":
            return None  # "31 % contre 27 %": the verb before is the first figure's
        if t.pos == "VERB" or t.lower in data.score_verb_forms:
            span = subject_span(toks, j)
            return sentence[toks[span[0]].start:toks[span[1]].end] if span else None
    return None


def _contender_after(toks: tuple[Tok, ...], j: int,
                     data: SubjectData) -> tuple[int, int] | None:
    """The first and last token of the contender after ``contender_links`` at ``j``, over the
    figure's noun of votes ("des voix pour la liste de gauche"), its determiners left out."""
    if j + 1 < len(toks) and toks[j].lower in grammar().de_links \
            and toks[j + 1].lemma in data.score_nouns:
        j += 2
    if j >= len(toks) or toks[j].lower not in data.contender_links:
        return None
    j += 1
    while j < len(toks) and toks[j].pos == "DET":
        j += 1
    k = j
    while k < len(toks) and (toks[k].pos in ("PROPN", "NOUN", "ADJ") or (
            k > j and toks[k].lower in data.contender_not_before and k + 1 < len(toks)
            and toks[k + 1].pos in ("PROPN", "NOUN"))):
        k += 1
    return (j, k - 1) if k > j and toks[j].pos in ("PROPN", "NOUN") else None


def _contender_glossed(toks: tuple[Tok, ...], first: int,
                       data: SubjectData) -> tuple[int, int] | None:
    """The first and last token of the noun phrase right before the bracket that opens at
    ``first - 1`` ("la liste écologiste (22 %)", "le candidat de la droite (31 %)"), from
    its first noun or name after its determiner; None unless a name or a contender's noun
    (``contender_nouns``) heads it, or after a figure."""
    if first < 2 or toks[first - 1].text != "(":
        return None
    last = first - 2
    k = last
    while k >= 0 and (toks[k].pos in ("PROPN", "NOUN", "ADJ", "DET")
                      or toks[k].lower in data.contender_not_before):
        if toks[k].pos == "DET" and (k == 0 or toks[k - 1].lower not in
                                     data.contender_not_before):
            break
        k -= 1
    if k >= 0 and toks[k].pos in ("NUM", "ADP"):
        return None  # "28,5 % (25,6 % en 2022)", "lors du second tour (53 %)": no contender
    head = next((i for i in range(k + 1, last + 1) if toks[i].pos in ("PROPN", "NOUN")), None)
    if head is None or not (toks[head].pos == "PROPN" or toks[head].text[:1].isupper()
                            or toks[head].lemma in data.contender_nouns):
        return None  # "21 000 voix (55 %)": no contender glossed
    return (head, last) if toks[last].pos in ("PROPN", "NOUN", "ADJ") else None
