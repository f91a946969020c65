"""A change in brackets right after a bare noun of change, for :mod:`.subject`: "Les loyers
ont connu une hausse (+4 %)", "après la hausse historique (+49 %) de 2022". The noun of
change names no metric (a change of what?), so the figure is not the rise's: it measures
the metric that rises, as "une hausse de 4 %" does (:func:`._subject_clauses.change_subject`):
the subject of the verb whose object the noun of change is ("les loyers ont connu une
hausse"), else, for a known change (``known_change_determiners``: "la hausse", "cette
baisse") with no verb, the metric of the relative figure before it in its sentence or, with
none, of the first figure of its kind in the sentence before
(``definite_metric_open``). A complement after the bracket
naming what changes ("une hausse (+4 %) des loyers") or a complement before it ("la hausse
des loyers (+4 %)", :func:`.parentheses.parenthesis_head`) is read elsewhere."""

from __future__ import annotations

from factcheck.context._subject_clauses import change_subject
from factcheck.context.anaphora import level_verb
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.measures import relative
from factcheck.context.nlp import Figure, Tok
from factcheck.context.parentheses import parenthesis_opening
from factcheck.context.pending import SubjectResult
from factcheck.context.phrases import lemma_of

_EPITHETS = 2  # epithets walked over between the noun of change and the bracket
_TIME_COMPLEMENT = 4  # words of a time complement, "de la semaine précédente"

Results = list[SubjectResult | None]


def bracketed_change(toks: tuple[Tok, ...], figs: list[Figure], results: Results,
                     pending: dict[int, str], n: int,
                     data: SubjectData) -> SubjectResult | str | None:
    """What the relative figure ``n``, opening a parenthesis right after a bare noun of
    change, measures (see the module docstring); None when it opens no such parenthesis."""
    fig = figs[n]
    o = parenthesis_opening(toks, fig)
    if o is None or o != fig.first - 1 or not relative(fig, data) or _named_after(toks, fig, data):
        return None
    k = _time_complement(toks, o - 1, data)
    steps = 0
    while k > 0 and steps < _EPITHETS and lemma_of(toks[k], data) not in data.change_nouns \
            and toks[k].pos in ("ADJ", "NOUN") and toks[k].is_word and not toks[k].is_title:
        # its epithets, which the small model may tag as nouns ("la hausse historique")
        k -= 1
        steps += 1
    if k < 1 or lemma_of(toks[k], data) not in data.change_nouns:
        return None
    d = k - 1
    while d > 0 and toks[d].pos == "ADJ":
        d -= 1  # "une forte hausse"
    if d > 0 and toks[d].pos == "NOUN" and toks[d].is_word and not toks[d].is_title \
            and toks[d - 1].pos == "DET":
        d -= 1  # "une nette progression": an epithet before it the small model took for a noun
    if toks[d].pos != "DET":
        return None
    v = d - 1
    while v >= 0 and toks[v].pos == "ADV":
        v -= 1
    if v >= 0 and toks[v].pos in ("VERB", "AUX"):
        if not level_verb(toks, v):
            # "Le gouvernement a annoncé une hausse (+4 %)", "les élus ont voté une
            # augmentation (+2 %)": who announces or votes it is not what rises.
            return None
        # "les loyers ont connu une hausse (+4 %)": the verb's subject changes.
        return change_subject(toks, figs, results, pending, n, d, data)
    if toks[d].lower not in data.known_change_determiners:
        return None
    if any(relative(figs[m], data) and figs[m].mention.kind == fig.mention.kind
           for m in range(n)):
        return "ellipsis"  # "en hausse de 7 %, bien moins que la hausse d'avant (+47 %)"
    # "après la hausse historique (+49 %)": the metric of a figure of its kind before (not
    # a count of another noun: "Avec 57 000 procédures, [...] en hausse de 36 %").
    return SubjectResult(lemma_of(toks[k], data), k, (), "definite_metric_open")


def _time_complement(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int:
    """The word before a time complement ending at ``k`` ("l'augmentation de la semaine
    précédente"), else ``k``."""
    de = grammar().de
    for j in range(k, max(0, k - _TIME_COMPLEMENT), -1):
        if toks[j].lower in de or toks[j].lower in data.contractions:
            inner = [t for t in toks[j + 1:k + 1] if t.pos == "NOUN"]
            if len(inner) == 1 and lemma_of(inner[0], data) in data.time_nouns \
                    and all(t.pos in ("DET", "ADJ", "NOUN") for t in toks[j + 1:k + 1]):
                return j - 1
            return k
    return k


def _named_after(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """Whether a complement after the closing bracket names what changes ("une hausse
    (+4 %) des loyers"), not a time ("(+49 %) de 2022", "de l'an dernier")."""
    j = fig.last
    while j < len(toks) and toks[j].text != ")":
        j += 1
    j += 1
    if j >= len(toks) or toks[j].lower.replace("’", "'") not in grammar().de_links:
        return False
    j += 1
    while j < len(toks) and toks[j].pos in ("DET", "ADJ"):
        j += 1
    return j < len(toks) and toks[j].pos in ("NOUN", "PROPN") \
        and lemma_of(toks[j], data) not in data.time_nouns
