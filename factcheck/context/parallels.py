"""Figures whose noun the text leaves out and the figure they stand parallel to.

* A gapped conjunct repeats the structure of the clause before it without its verb and
  without its noun: "420 personnes sont hébergées dans les 35 gymnases de la ville et 9
  dans les salles des fêtes", "6 millions pour les 9 000 apprentis et 3 millions pour
  l'achat", "48 cas pour 10 consultations contre 120 en Guadeloupe". The bare figure takes
  the place of the first conjunct's figure that stands outside a complement, never of a
  figure inside the complement the gapped clause renews ("dans les 35 gymnases" answers
  "dans les salles des fêtes", not "9").
* A bare count after "parmi les" in an aside counts the noun the aside completes: "Le
  plus gros feu, parmi les quatre toujours actifs, ..." (four fires).
* A sentence opened by "Parmi elles," / "Parmi eux," counts, where its figures name no noun
  of their own, the people or things named before (left to the earlier sentences).
* Restated changes: "2,13 euros, soit une hausse de 6 centimes" (the price's metric), "72 %
  des Français soutiennent les grèves (+4 points)" (the share's change); a verb coordinated
  without a subject of its own ("... et s'est vendu à 2,07 €") shares the first verb's.
"""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData, grammar, subject_data
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import head_before
from factcheck.models import Kind


def _complement_preposition(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """The preposition heading the complement a figure stands in ("dans les 35 gymnases" ->
    "dans"), other than the links of a verb or a noun ("de", "à"); None otherwise."""
    g = grammar()
    j = fig.first - 1
    while j >= 0 and toks[j].pos == "DET" and toks[j].lower not in g.de_links:
        j -= 1
    if j < 0 or toks[j].pos != "ADP":
        return None
    low = toks[j].lower
    if low in g.de_links or low in g.verb_links:
        return None
    return low


def gapped_prepositions(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> frozenset[str]:
    """The prepositions of the complements a gapped conjunct renews: the figure stands bare
    after a coordinator or a word of comparison ("et 9 dans les salles des fêtes", "contre 120
    en Guadeloupe pour 7 passages"), its first word after it a preposition; empty otherwise."""
    g = grammar()
    if fig.first < 1 or fig.last >= len(toks):
        return frozenset()
    if toks[fig.first - 1].lower not in data.gap_openers:
        return frozenset()
    nxt = toks[fig.last]
    if nxt.pos != "ADP" or nxt.lower in g.de_links or nxt.lower in g.verb_links:
        return frozenset()
    preps = set()
    for t in toks[fig.last:]:
        if t.pos == "PUNCT" or t.lower in g.noun_coordinators or t.pos in ("VERB", "AUX"):
            break
        if t.pos == "ADP" and t.lower not in g.de_links and t.lower not in g.verb_links:
            preps.add(t.lower)
    return frozenset(preps)


def in_renewed_complement(toks: tuple[Tok, ...], cand: Figure, preps: frozenset[str]) -> bool:
    """Whether figure ``cand`` stands in a complement that a gapped conjunct renews (one of
    ``preps``): it is the complement's figure, not the parallel of the bare one."""
    return bool(preps) and _complement_preposition(toks, cand) in preps


def aside_whole(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun a bare count after "parmi les" counts: "Le plus gros feu, parmi les quatre
    toujours actifs" -> the index of "feu". None when the count names a noun of its own
    or no noun stands right before the aside."""
    j = fig.first - 1
    if j < 1 or toks[j].pos != "DET" or toks[j - 1].lower not in data.whole_prepositions:
        return None
    if fig.last < len(toks) and toks[fig.last].pos in ("NOUN", "PROPN"):
        return None
    k = j - 2
    if k >= 0 and toks[k].text == ",":
        k -= 1
    while k >= 0 and toks[k].pos == "ADJ":
        k -= 1
    return k if k >= 0 and toks[k].pos == "NOUN" else None


def opens_among_pronoun(toks: tuple[Tok, ...], data: SubjectData) -> bool:
    """Whether the sentence opens with "Parmi elles," / "Parmi eux,": its bare figures count
    what the pronoun takes up, named before."""
    return len(toks) > 2 and toks[0].lower in data.whole_prepositions \
        and toks[1].pos == "PRON" and toks[1].lower in data.among_pronouns


def scope_opener_noun(toks: tuple[Tok, ...], data: SubjectData) -> int | None:
    """The noun of a group named to open a sentence or a list, with no figure of its own:
    "Parmi les blessés," / "Pour les autres accusés :" (only "les autres" after "pour": "Pour
    la région, ..." names a scope, not a group counted), or None."""
    if len(toks) < 4 or toks[1].pos != "DET":
        return None
    j = 2
    others = toks[j].lower in data.other_words
    if toks[0].lower not in data.whole_prepositions \
            and not (others and toks[0].lower in data.other_scope_prepositions):
        return None
    j += others
    end = next((i for i in range(j, len(toks)) if toks[i].text in (",", ":")), None)
    if end is None or end == j or any(c.isdigit() for t in toks[j:end] for c in t.text):
        return None
    while j + 1 < end and toks[j].lower in data.prenominal:
        j += 1  # "Parmi les nouveaux inscrits," "les jeunes diplômés": the noun after
    k = next((i for i in range(j, end) if toks[i].pos == "NOUN"), None)
    described = j + 2 == end and toks[j + 1].lower.endswith(grammar().participle_endings)
    if k is None and toks[j].pos in ("ADJ", "VERB") and (
            j + 1 == end or toks[j + 1].pos == "ADP" or described):
        k = j  # "Parmi les blessés," "Pour les autres accusés :" (a participle as noun)
    if k is None or toks[k].is_title or any(t.pos != "ADJ" for t in toks[j:k]):
        return None
    if k == j + 1 and described:
        return j  # "Parmi les salariés interrogés,": the noun the model called an adjective
    return k


def complement_of(toks: tuple[Tok, ...], fig: Figure, later: Figure) -> bool:
    """Whether figure ``later`` stands in a complement of ``fig``'s own phrase ("6 millions
    d'euros pour les 9 000 apprentis"): no punctuation, verb or coordinator between them, and
    ``later`` after a preposition of its own. It is no parallel of ``fig``."""
    if _complement_preposition(toks, later) is None:
        return False
    g = grammar()
    return not any(t.pos in ("PUNCT", "VERB", "AUX") or t.lower in g.noun_coordinators
                   for t in toks[fig.last:later.first])


def restated_change(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Whether the noun of change at ``k`` opens an apposition ("..., soit une hausse de 6
    centimes"): an absolute change restated after a level measures that level's metric."""
    j = k - 1
    while j >= 0 and toks[j].pos in ("DET", "ADJ"):
        j -= 1
    return j >= 1 and toks[j].lower in data.appositions and toks[j - 1].text == ","


def shared_subject_verb(toks: tuple[Tok, ...], v: int, data: SubjectData) -> int | None:
    """The finite verb of the clause before, when the verb at ``v`` is coordinated to it by
    "et" without a subject of its own ("Le litre de gazole a franchi la barre des 2 € et s'est
    vendu à 2,07 €": the verb "a"); None otherwise. Its subject is the first verb's."""
    g = grammar()
    j = v - 1
    while j >= 0 and _verb_group_word(toks[j], data):
        j -= 1
    if j < 1 or toks[j].lower not in g.noun_coordinators:
        return None
    i = _finite_verb_before(toks, j, stop=-1)
    if i is None:
        return None
    while i > 0 and _verb_group_word(toks[i - 1], data):
        i -= 1
    return i


def _verb_group_word(t: Tok, data: SubjectData) -> bool:
    """An auxiliary, an adverb or a clitic ("s'", "en") of a verb group, before its verb."""
    return t.pos in ("AUX", "ADV") or t.lower in data.coordinated_clitics


def _finite_verb_before(toks: tuple[Tok, ...], pos: int, stop: int) -> int | None:
    """The nearest finite verb before token ``pos`` (down to ``stop``, excluded) within its
    clause: None past a punctuation mark other than a comma."""
    for i in range(pos - 1, stop, -1):
        t = toks[i]
        if t.pos == "PUNCT" and t.text != ",":
            return None
        if t.pos in ("VERB", "AUX") and t.verbform == "Fin":
            return i
    return None


def coordinated_subject(toks: tuple[Tok, ...], pos: int, data: SubjectData) -> int | None:
    """The subject a figure's clause shares with the clause before it, when the nearest finite
    verb before token ``pos`` is coordinated to that clause without a subject of its own
    ("Le litre de gazole a franchi ... et s'est vendu la semaine passée en moyenne à 2,07
    €"): the head of the first clause's subject; None otherwise."""
    v = _finite_verb_before(toks, pos, stop=0)
    first = shared_subject_verb(toks, v, data) if v is not None else None
    return head_before(toks, first, data) if first is not None else None


def points_of_share(toks: tuple[Tok, ...], figs: list[Figure], n: int,
                    data: SubjectData) -> int | None:
    """The percentage whose change in points figure ``n`` gives in brackets at the end of its
    clause ("72 % des Français soutiennent les grèves (+4 points)"): the last figure before,
    a percentage, with no other clause between them (no punctuation but the bracket)."""
    fig = figs[n]
    m = next((i for i in range(n - 1, -1, -1) if figs[i].mention.kind not in _NOT_LEVELS), None)
    if m is None or figs[m].mention.kind != Kind.PERCENT:
        return None
    if not (fig.mention.unit in data.relative_units or (
            fig.last < len(toks) and toks[fig.last].lower in data.point_words)):
        return None
    between = toks[figs[m].last:fig.first - 1]
    if any(t.pos == "PUNCT" for t in between):
        return None
    return m


#: Figures that are no level a change in points is taken of ("au troisième trimestre").
_NOT_LEVELS = frozenset({Kind.ORDINAL, Kind.DATE, Kind.YEAR, Kind.TIME, Kind.DURATION})


def equated_figure(toks: tuple[Tok, ...], v: int, before: Figure) -> bool:
    """Whether the verb at ``v`` equates the figure ``before`` (the subject of its clause) with
    the change after it: an equating verb, no other verb between them."""
    data = subject_data()
    if toks[v].lemma not in data.equating_verbs and toks[v].lower not in data.equating_verbs:
        return False
    return before.last <= v and not any(t.pos in ("VERB", "AUX") for t in toks[before.last:v]
                                        if t.verbform == "Fin")



def counted_parallel(toks: tuple[Tok, ...], figs: list[Figure], n: int) -> int | None:
    """The count a gapped clause's count stands parallel to ("La police a estimé
    le cortège à 12 000 personnes et la CGT à 40 000"): the figure before it,
    a count too, after the same link word. None otherwise."""
    fig = figs[n]
    if n == 0 or fig.mention.kind != Kind.COUNT or fig.first < 1:
        return None
    prev = figs[n - 1]
    if prev.mention.kind != Kind.COUNT or prev.first < 1 \
            or toks[prev.first - 1].lower != toks[fig.first - 1].lower:
        return None
    return n - 1


def elided_other(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """Whether a bare count is followed by "autres" and no noun ("faisant six morts et
    blessant au moins 25 autres"): the noun of the figure it parallels is left out."""
    j = fig.last
    if j >= len(toks) or toks[j].lower not in data.other_words:
        return False
    return j + 1 >= len(toks) or toks[j + 1].pos not in ("NOUN", "PROPN", "ADJ")


def same_preposition_mate(toks: tuple[Tok, ...], figs: list[Figure], n: int,
                          data: SubjectData) -> int | None:
    """The earlier figure that stands after the same preposition as figure ``n`` ("avec 1,4
    million de voix, X a 38 députés ; avec 1,3 million, Y en a 16"): the one it parallels,
    its noun left out. None when figure ``n`` follows no such preposition."""
    prep = _complement_preposition(toks, figs[n])
    if prep is None or prep in data.compared_prepositions:
        return None  # "(contre 271 il y a une semaine)": compared to the figure before it
    return next((m for m in range(n - 1, -1, -1)
                 if _complement_preposition(toks, figs[m]) == prep), None)
