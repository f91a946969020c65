"""Counts set side by side, each with the body that counts it: "700 000 selon la CGT et
81 000 pour la préfecture" (``counted_by``), "pour les autorités, ce sont 1,3 million ...,
pour la CGT, 2,8 millions" (``fronted_counter``). Private to ``factcheck.context.source``."""

from __future__ import annotations

from factcheck.context._speaker_tokens import is_number, next_figure_at
from factcheck.context._speech_words import speech_words
from factcheck.context.known_places import known_places
from factcheck.context.lexicon import grammar, source_data
from factcheck.context.nlp import Figure, Tok
from factcheck.context.speakers import NP_END

_COMPLEMENT = 4  # words of "de grévistes", "des professeurs de collège" before "pour"


def _count_agent(toks: tuple[Tok, ...], fig: Figure, *, complement: bool = False
                 ) -> list[Tok] | None:
    """ "81 000 pour la préfecture", "30 000 (manifestants) par les syndicats": the noun
    phrase after "pour"/"par" right after the figure (one noun between at most, or with
    ``complement`` the figure's "de" complement: "40 % de grévistes pour le SNES"), up to
    the next count of the sentence."""
    w = speech_words()
    k = fig.last  # exclusive end of the figure's tokens
    if complement and k < len(toks) and toks[k].lower in w.body_complements:
        end = k + 1
        while end < min(len(toks), k + 1 + _COMPLEMENT) and (
                toks[end].pos in ("NOUN", "ADJ", "DET") or toks[end].lower in w.body_complements):
            end += 1
        if end > k + 1 and toks[end - 1].pos in ("NOUN", "ADJ"):
            k = end
    elif k < len(toks) and toks[k].pos == "NOUN" and toks[k].lower not in w.count_preps:
        k += 1
    if k >= len(toks) - 1 or toks[k].lower not in w.count_preps:
        return None
    np: list[Tok] = []
    j = k + 1
    while j < len(toks) and toks[j].text not in NP_END and not next_figure_at(toks, j):
        np.append(toks[j])
        j += 1
    return np or None


def _counter_head(np: list[Tok]) -> Tok | None:
    g = grammar()
    return next((t for t in np if t.pos != "DET" and t.lower not in g.source_articles), None)


def counted_by(toks: tuple[Tok, ...], figs: list[Figure], n: int) -> list[Tok] | None:
    """Each count with its own source in a sentence that contrasts them: "700 000 selon la
    CGT et 81 000 pour la préfecture", "22 000 recensés par la police et 30 000 par les
    syndicats", "25,2 Mt pour Argus Media, 26 Mt pour l'Association générale des producteurs
    de blé". The body after "pour"/"par" must be one that counts (``counters``); a proper
    name only when another count of the sentence has such a body ("5 % pour la France" is a
    share)."""
    np = _count_agent(toks, figs[n])
    parallel = _parallel_selon(toks, figs, n)
    if np is None and parallel:
        np = _count_agent(toks, figs[n], complement=True)
    head = _counter_head(np) if np else None
    if head is None or (not parallel
                        and figs[n].mention.kind in speech_words().beneficiary_kinds):
        return None  # "une aide de 500 000 euros pour les associations": whom it is for
    counters = speech_words().counters
    if head.lower in counters or head.lemma in counters:
        return np
    if not head.is_title:  # "Stratégie Grains" (tagged a noun)
        return None
    if parallel and head.lower not in grammar().region_nouns \
            and not known_places(" ".join(t.text for t in np)):
        return np  # "40 % de grévistes pour le SNES-FSU, 9,5 % selon le ministère"; not a
        # place the count is for ("3 millions pour la Région, 2 millions selon le préfet")
    for i, other in enumerate(figs):
        other_np = _count_agent(toks, other) if i != n else None
        other_head = _counter_head(other_np) if other_np else None
        if other_head is not None and (other_head.lower in counters
                                       or other_head.lemma in counters):
            return np
    return None


_FRONT_OPENERS = frozenset({":", ",", ";", "(", "–", "—"})


def _fronted_counters(toks: tuple[Tok, ...]) -> list[tuple[int, int, list[Tok]]]:
    """Every "pour <body that counts>," opening a clause: (index of "pour", index of the
    comma, the body's words): "pour les autorités, ce sont 1,3 million ..."."""
    w = speech_words()
    out = []
    for k, t in enumerate(toks):
        if t.lower != "pour" or not (k == 0 or toks[k - 1].text in _FRONT_OPENERS):
            continue
        j = k + 1
        while j < len(toks) and toks[j].text not in NP_END and not is_number(toks[j]):
            j += 1
        if j >= len(toks) or toks[j].text != "," or j == k + 1:
            continue
        np = list(toks[k + 1 : j])
        head = _counter_head(np)
        if head is not None and (head.lower in w.counters or head.lemma in w.counters):
            out.append((k, j, np))
    return out


def fronted_counter(toks: tuple[Tok, ...], figs: list[Figure], n: int) -> list[Tok] | None:
    """ "Les chiffres divergent : pour les autorités, ce sont 1,3 million de manifestants,
    pour la CGT, 2,8 millions": a body that counts, fronted by "pour" and a comma, is the
    source of the first count of its clause, when the sentence sets it against another
    count of another body (another such "pour", or a "selon"); alone, "pour la mairie, ..."
    may name whom the figure concerns."""
    fronted = _fronted_counters(toks)
    if not fronted or (len(fronted) < 2 and not _parallel_selon(toks, figs, n)):
        return None
    first = figs[n].first
    for _, comma, np in reversed(fronted):
        if comma >= first:
            continue
        between = toks[comma + 1 : first]
        if any(t.text in (";", ":", "(", ")") for t in between) \
                or any(comma < f.first < first for f in figs):
            return None  # another clause, or the clause's first count is another figure
        return np
    return None


def _parallel_selon(toks: tuple[Tok, ...], figs: list[Figure], n: int) -> bool:
    """Whether another count of the sentence has its source right after it ("9,5 % selon le
    ministère", at most one noun between) or right before it ("selon la CGT 40 000"): the
    sentence sets counts of several bodies side
    by side, so a name after "pour" is a count's body, not what it is for ("98 sièges pour
    Renaissance")."""
    intro = source_data().introducers
    for m, other in enumerate(figs):
        if m == n:
            continue
        k = other.last
        if k < len(toks) and toks[k].pos == "NOUN":
            k += 1
        if k < len(toks) and _introduces(toks, k, intro):
            return True
        for i in range(other.first - 1, max(-1, other.first - _SELON_BEFORE), -1):
            if toks[i].text in NP_END or is_number(toks[i]):
                break
            if _introduces(toks, i, intro):
                return True  # "..., selon la CGT 40 000"
    return False


_SELON_BEFORE = 6  # words of "selon la préfecture du Nord" right before a count


def _introduces(toks: tuple[Tok, ...], k: int, intro: tuple[str, ...]) -> bool:
    """ "selon", "d'après" (in one token or two) at ``k``."""
    return toks[k].lower in intro or (
        k + 1 < len(toks) and toks[k].lower + toks[k + 1].lower in intro)
