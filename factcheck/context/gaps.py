"""A coordinated clause that repeats the verb and the metric of the clause before and names
only a new scope: "La facture va augmenter de 9,8 % sur les tarifs heures creuses et sur les
tarifs de base de 8,6 %", "Le nombre d'inscrits a diminué de 1,6 % dans la première et celui
dans la seconde de 0,3 %". The second figure measures what the first one does; the scope
phrase ("sur les tarifs de base", "celui dans la seconde") is no noun of its own metric."""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import lemma_of

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


#: How far back from the figure a demonstrative pronoun may open its clause ("celui des
#: vaccins reculant de 6 %").
_PRONOUN_REACH = 8


def pronoun_metric(toks: tuple[Tok, ...], figs: list[Figure], subjects: list[int | None],
                   n: int, data: SubjectData) -> tuple[str, int] | None:
    """A clause opened after "," or "et" by a demonstrative pronoun and its "de" complement
    ("celui des vaccins reculant de 6 %", "ceux de l'énergie, de 2,8 %") measures the metric
    of the figure before: ``("same", m)``, ``m`` the last earlier figure with a subject noun
    (``subjects`` holds each figure's noun index, None when not read yet); when that noun is
    the complement of a container ("les prix de l'alimentation"), the pronoun stands for the
    container and its own complement is the metric: ``("own", k)``. None otherwise."""
    g = grammar()
    fig = figs[n]
    p = None
    for j in range(fig.first - 1, max(-1, fig.first - 1 - _PRONOUN_REACH), -1):
        t = toks[j]
        if any(c.isdigit() for c in t.text) or (t.pos == "PUNCT" and t.text != ",") \
                or t.lower in g.relative_subjects or t.lower in g.that:
            return None
        if t.lower in data.gap_pronouns:
            p = j
            break
    if p is None or p + 2 >= fig.first or toks[p + 1].lower not in g.de_links \
            or not (p == 0 or toks[p - 1].text == "," or toks[p - 1].lower in g.noun_coordinators):
        return None
    m = next((i for i in range(n - 1, -1, -1) if subjects[i] is not None), None)
    if m is None:
        return None
    h = subjects[m]
    assert h is not None
    b = h - 1
    while b >= 0 and (toks[b].pos == "DET" or toks[b].lower in data.determiners):
        b -= 1
    if b >= 1 and toks[b].lower in g.de_links and lemma_of(toks[b - 1], data) in data.containers:
        q = p + 2
        while q < fig.first and toks[q].pos != "NOUN":
            q += 1
        return ("own", q) if q < fig.first else None
    return ("same", m)
