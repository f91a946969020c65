"""How far an elided noun is taken from a LATER figure, for :mod:`.pending`: "Pas 300 000, pas
150 000 : 31 000 soldats" counts soldiers three times, the bare figures of one list named by
the last. A figure written before another clause, or glossed apart, is no item of that list:
its noun is read from its own clause or left to the sentences before.

A later figure compared with the bare one ("inférieur au 1,2 million de manifestants",
"contre 800 000 manifestants", ``comparison_words``) measures the same thing and lends its
noun whatever stands between them. Else a later figure lends its noun to a bare figure
before it only when nothing between them opens another clause or another phrase
(:func:`lends_forward`):

* a finite verb: "le nombre d'un million constitue le bilan [...] inférieur au 1,3 million
  de manifestants", "16,6 milliards ont été distribués, avec une hausse des dividendes de
  7,1 %" (the later figure belongs to another verb);
* a parenthesis holding the bare figure, closed before the later one: "(445 millions
  d'euros), dans les transports (306 millions d'euros) et [...] (202 millions d'euros de
  crédits)" glosses its own phrase;
* a restatement or a part ("soit", "dont"): "a crû de 0,4 %, soit de 280 000 personnes", "6
  milliards d'euros dont des dépenses d'organisation à 2,77 milliards": a whole or a share
  does not count what restates it or what it holds;
* a later figure counted by a bare noun of estimate (``estimate_nouns``: "La croissance a
  ralenti à 0,7 % et Bercy maintient sa prévision de 1 % pour l'inflation"): an estimate
  names no metric of its own to lend (a compared one still does: "inférieur à la prévision");
* a later figure that completes another noun than its own ("de près de 25 % par rapport à la
  moyenne des 5 dernières récoltes"): it counts for that noun, not in a list with the bare
  figure ("après une prévision de 0,8 %" lends its own noun, "prévision").

A later figure after a determiner opens a noun phrase of its own, no item of a list of bare
figures ("164 millions, le Japon 180 millions, la Norvège 75 millions et les trois riches
monarchies"). An amount of money takes no noun from a later count ("prête à donner 164
millions, [...] et les trois émirats du Golfe": a count counts things, never money); a later
share still lends the whole it divides ("des investissements à hauteur de 24,9 milliards :
64 % des investissements").

The "=" of a sum, which the tagger may read as a verb, opens no clause ("258 + 39 = 297
sièges").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.models import Kind

if TYPE_CHECKING:
    from factcheck.context.pending import SubjectResult

_FINITE = ("VERB", "AUX")


#: Rules by which a figure measures the noun phrase heading its own (gapped) clause.
_OWN_CLAUSE_RULES = frozenset({"gapped_clause", "level_of_noun"})


def lends_forward(toks: tuple[Tok, ...], figs: list[Figure], n: int, m: int,
                  results: Sequence[SubjectResult | None], data: SubjectData) -> bool:
    """Whether figure ``m``, after figure ``n`` in its sentence, may lend its noun to the
    bare figure ``n`` (see the module docstring)."""
    g = grammar()
    bare, later = figs[n], figs[m]
    if bare.mention.kind == Kind.MONEY and later.mention.kind == Kind.COUNT:
        return False  # "164 millions, [...] et les trois émirats": money counts no emirates
    if later.first > 0 and toks[later.first - 1].lower in data.determiners:
        return False  # "la Norvège 75 millions et les trois émirats": a phrase of its own
    lent = results[m]
    noun = lent.noun if lent is not None else None
    if lent is not None and lent.rule in _OWN_CLAUSE_RULES and noun is not None \
            and bare.last <= noun < later.first:
        return False  # "s'élève à 16 milliards et son chiffre d'affaires à 75 milliards": the
        # later figure's noun heads its own gapped clause, not the bare figure's
    if _compared(toks, later, data):
        return True
    if lent is not None and lent.subject in data.estimate_nouns:
        return False  # "a ralenti à 0,7 % et maintient sa prévision de 1 % pour l'inflation"
    between = toks[bare.last:later.first]
    if any(t.pos in _FINITE and t.verbform == "Fin" and t.is_word for t in between):
        return False
    if any(t.text in g.gloss_closers for t in between) and _inside_parenthesis(toks, bare):
        return False
    if any(t.lower in data.appositions or (t.lower in g.part_markers
                                           and t.text not in g.gloss_openers) for t in between):
        return False
    f = later.first
    # "la moyenne des 5 dernières récoltes" (not "une prévision de 0,8 %": its own noun)
    return not (f >= 2 and toks[f - 1].lower in g.de_links and toks[f - 2].pos == "NOUN"
                and noun != f - 2)


def _compared(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """Whether a word of comparison stands right before the figure ("inférieur au 1,2
    million", "contre 800 000"), past "à" and its contractions."""
    j = fig.first - 1
    while j >= 0 and toks[j].lower in data.comparison_links:
        j -= 1
    return j >= 0 and toks[j].lower in data.comparison_words


def _inside_parenthesis(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """Whether a bracket is open at the figure (opened before it, not closed since)."""
    g = grammar()
    for j in range(fig.first - 1, -1, -1):
        if toks[j].text in g.gloss_closers:
            return False
        if toks[j].text in g.gloss_openers:
            return True
    t = toks[fig.first].text if fig.first < len(toks) else ""
    return t[:1] in g.gloss_openers
