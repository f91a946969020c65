"""A coordinated clause that repeats the verb and the metric of the clause before and names
only a new scope: "La facture va augmenter de 9,8 % sur les tarifs heures creuses et sur les
tarifs de base de 8,6 %", "Le nombre d'inscrits a diminué de 1,6 % dans la première et celui
dans la seconde de 0,3 %". The second figure measures what the first one does; the scope
phrase ("sur les tarifs de base", "celui dans la seconde") is no noun of its own metric."""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok

#: How far back from the figure the coordination may stand ("et sur les tarifs de base de").
_REACH = 8


def parallel_scope(toks: tuple[Tok, ...], figs: list[Figure], n: int,
                   data: SubjectData) -> int | None:
    """The index of the figure whose verb and metric figure ``n`` repeats: the last one of its
    kind before it, when ``n`` ends a coordinated clause made of a scope phrase or a
    demonstrative pronoun and the same link word ("de", "à") as that figure. None otherwise."""
    fig = figs[n]
    m = next((i for i in range(n - 1, -1, -1) if figs[i].mention.kind == fig.mention.kind), None)
    if m is None:
        return None
    prev = figs[m]
    g = grammar()
    link = fig.first - 1
    if link < 1 or prev.first < 1 or toks[link].lower != toks[prev.first - 1].lower \
            or toks[link].lower not in g.de_links | g.verb_links:
        return None
    for k in range(link - 1, max(prev.last, link - _REACH) - 1, -1):
        if toks[k].lower in g.noun_coordinators:
            opener = toks[k + 1].lower if k + 1 < link else ""
            if opener not in data.gap_scopes and opener not in data.gap_pronouns:
                return None
            if any(toks[i].pos == "DET" and toks[i - 1].pos in ("NOUN", "ADJ")
                   for i in range(k + 2, link)):
                return None  # "et dans le même temps les prix de 3 %": a subject of its own
            return m
        if toks[k].pos in ("VERB", "AUX", "PUNCT") or (
                toks[k].pos == "NUM" and not any(f.first <= k < f.last for f in figs)):
            return None  # a verb of its own: not a gapped clause
    return None
