"""A percentage given as a bare estimate, for :mod:`.subject`: "et maintenu sa prévision de
1,2 % en 2025", "contre une prévision de 1,3 %": a noun of estimate with no complement
estimates the metric of the figure before it (an ellipsis), unless the words after the
figure name what it estimates ("sa prévision de 1,6 % pour l'inflation", "sur le
chômage": ``estimate_scope_links`` of ``context_subject.toml``, a noun that is no time):
the metric before is then another one, and the figure keeps its noun of estimate. A
compared estimate ("contre une prévision de 7,2 % pour la zone euro") measures what the
figure it is compared with measures, whatever scope follows. A known change (a definite
noun of change, ``known_change_determiners``) with no complement, after a change of the
same kind in its sentence, is an ellipsis the same way ("en hausse de 36 %, après la hausse
historique de 49 % en 2022")."""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.measures import bare_estimate, relative
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import lemma_of
from factcheck.models import Kind

_EPITHETS = 2  # epithets walked over after a noun of change
#: Figures that date a change rather than measure one ("au troisième trimestre", "en 2022").
_DATING_KINDS = frozenset({Kind.DATE, Kind.YEAR, Kind.TIME, Kind.ORDINAL})


def elided_estimate(toks: tuple[Tok, ...], fig: Figure, k: int | None,
                    data: SubjectData) -> bool:
    """Whether the relative figure ``fig``, completing the noun at ``k``, is a bare estimate
    of the metric of the figure before it (see the module docstring)."""
    if k is None or not relative(fig, data) or not bare_estimate(toks, k, data) \
            or not all(t.pos == "ADJ" for t in toks[k + 1:fig.first - 1]):
        return False
    return _compared(toks, k, data) or _scope_noun(toks, fig, data) is None


def elided_change(toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SubjectData) -> bool:
    """Whether the relative figure ``n``, completing a known noun of change with no
    complement, is a change of the metric of the relative figure before it in its sentence
    (see the module docstring). Between the noun of change and the "de" of the figure only
    its epithets, which the small model may tag as nouns ("la hausse historique de")."""
    fig = figs[n]
    before = next((figs[i] for i in range(n - 1, -1, -1)
                   if figs[i].mention.kind not in _DATING_KINDS), None)
    # "a progressé de 6 % au troisième trimestre, après la baisse de 2 %": the change before,
    # over the figures that date it.
    if before is None or not relative(fig, data) or not relative(before, data) \
            or before.mention.kind != fig.mention.kind:
        return False
    g = grammar()
    if fig.first < 2 or toks[fig.first - 1].lower not in g.de:
        return False
    k = fig.first - 2
    while k > fig.first - 2 - _EPITHETS and k > 0 and lemma_of(toks[k], data) not in \
            data.change_nouns and toks[k].pos in ("ADJ", "NOUN") and toks[k].is_word:
        k -= 1
    if lemma_of(toks[k], data) not in data.change_nouns:
        return False
    j = k - 1
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1  # "la légère hausse"
    if j < 0 or toks[j].lower not in data.known_change_determiners:
        return False
    # "la hausse de 5 % des tarifs": its complement after the figure names what changes, and
    # so does a scope, after the figure or its participle ("la hausse de 8 % annoncée pour
    # l'électricité").
    if fig.last < len(toks) and toks[fig.last].lower in g.de_links:
        return False
    after = fig.last
    if after < len(toks) and toks[after].pos in ("VERB", "ADJ") and toks[after].verbform == "Part":
        after += 1
    return _scope_at(toks, after, data) is None


def _compared(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """A term of comparison before the estimate's noun phrase ("contre une prévision de")."""
    j = k - 1
    while j >= 0 and toks[j].pos in ("DET", "ADJ"):
        j -= 1
    return j >= 0 and toks[j].lower in data.compared_prepositions


def _scope_noun(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun after "pour"/"sur" (and its determiner) right after the figure, when it
    names no time ("pour l'inflation", not "pour l'an prochain", "pour le quatrième
    trimestre", "pour 2025")."""
    return _scope_at(toks, fig.last, data)


def _scope_at(toks: tuple[Tok, ...], j: int, data: SubjectData) -> int | None:
    """The noun of a scope opened at token ``j`` (see :func:`_scope_noun`), else None."""
    if j >= len(toks) or toks[j].lower not in data.estimate_scope_links:
        return None
    j += 1
    while j < len(toks) and toks[j].pos in ("DET", "ADJ"):
        j += 1
    lem = lemma_of(toks[j], data) if j < len(toks) else ""
    if j >= len(toks) or toks[j].pos != "NOUN" or lem in data.time_nouns \
            or lem in data.estimate_scope_times:
        return None
    return j
