"""The noun phrase a figure gives the value of, for ``factcheck.context.subject``: the noun set
at the figure with "à" ("un premier tarif à 0,90 euro", "le taux de chômage à 7,3 %"), the noun a
participle of assessment describes ("un coût estimé à 10 millions"), the label a line opened by
an amount gives it after a colon ("159 millions d'euros : Perte ..."), and the noun a threshold
bounds ("des rafales supérieures à 100 km/h"). Split from ``measures``; words in
``context_subject.toml``."""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.nouns import phrase_head, phrase_top
from factcheck.context.phrases import acronym, lemma_of, unwrap_container
from factcheck.models import Kind


def level_of_noun(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun an amount or a percentage is set at with "à" right after it ("un premier tarif
    à 13 centimes", "le taux de chômage à 7,3 %", "une TVA à 20 %"): that noun phrase, not the
    clause around it. Not a noun of change ("un repli à 91 %": the level of what fell)."""
    if fig.mention.kind not in (Kind.MONEY, Kind.PERCENT):
        return None
    j = fig.first - 1
    if j < 1 or toks[j].lower not in data.change_level_links:
        return None
    j -= 1
    apposed = j >= 1 and toks[j].text == ","
    if apposed:
        j -= 1  # "l'énorme dette, à 100 % du PIB": an apposition gives the level of the noun
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    if j < 0 or toks[j].pos != "NOUN" or not toks[j].is_word \
            or (toks[j].is_title and not acronym(toks[j])):
        return None
    if any(t.pos == "NUM" or t.text[:1].isdigit() for t in toks[max(0, j - 3):j]):
        return None  # "de 21 % à 7 milliards", "de 3 millions d'euros à 5": another figure
        # (its digits whatever their tag: "de 5 000 euros à 4 000 euros")
    if j >= 1 and toks[j - 1].lower in data.state_prepositions:
        return None  # "s'est vendu en moyenne à 2 €": an adverbial phrase, no noun phrase
    head = phrase_head(toks, j, data)
    if apposed and (not _determined(toks, phrase_top(toks, j, data), data)
                    or _verb_adjunct(toks, phrase_top(toks, j, data))):
        return None  # "à midi, à 25 %": a bare noun of an adverbial phrase, no noun phrase;
        # "a reculé chez les jeunes, à 17 %": the level of the clause, not of its adjunct
    b = head - 1
    while b >= 0 and toks[b].text in data.opening_quotes:
        b -= 1
    if any(toks[i].lower in data.level_noun_blockers and not _coordinated_part(toks, i)
           for i in range(max(0, b - 1), b + 1)):
        return None  # "avec des pointes à 45 %", "selon le chiffrage officiel à 30 %"
    lem = lemma_of(toks[j], data)
    # A noun of change completing a noun of estimate is no change of its own: "sa prévision
    # de croissance à 1,1 %" is the level of the growth forecast.
    change = lem in data.change_nouns \
        and lemma_of(toks[phrase_top(toks, j, data)], data) not in data.estimate_nouns
    if change or lem in data.not_subjects or lem in data.time_nouns \
            or (lem in data.containers and unwrap_container(toks, j, data) == j):
        return None  # ("portant le total à 777 millions": the total of what, read elsewhere)
    return head


def _determined(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Whether a determiner opens the noun phrase at ``k``, over the adjectives before it."""
    k -= 1
    while k >= 0 and toks[k].pos == "ADJ":
        k -= 1
    return k >= 0 and (toks[k].pos == "DET" or toks[k].lower in data.determiners)


def _verb_adjunct(toks: tuple[Tok, ...], k: int) -> bool:
    """Whether the determined noun phrase at ``k`` is the object of a preposition other than
    "de" that follows a finite verb of its clause (no punctuation between): "Le chômage a
    reculé chez les jeunes", "a encore augmenté à la pompe" -- an adjunct of the verb, whose
    apposed level is the clause's. Not after a participle heading its own clause ("pointant
    le niveau de la dette", "insistant sur l'énorme dette"), nor a subject or an object."""
    k -= 1
    while k >= 0 and toks[k].pos == "ADJ":
        k -= 1
    k -= 1  # the determiner
    if k < 1 or toks[k].pos != "ADP" or toks[k].lower in grammar().de_links:
        return False
    for t in reversed(toks[:k]):
        if t.pos == "PUNCT":
            return False
        if t.pos in ("VERB", "AUX") and t.verbform == "Fin":
            return True
    return False


def _coordinated_part(toks: tuple[Tok, ...], i: int) -> bool:
    """ "des" after "et" or "dont": one more item of a list of parts ("dont des dépenses
    d'organisation à 2,8 milliards et des dépenses de sécurité à 1,4 milliard"), not the
    plural indefinite of an earlier metric's values ("avec des pointes à 45 %")."""
    g = grammar()
    return toks[i].lower in g.plural_de and i > 0 \
        and (toks[i - 1].lower in g.noun_coordinators or toks[i - 1].lower in g.part_markers)


def assessed_noun(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun a participle of assessment right before the figure describes: "pour un coût
    estimé à 10 millions", "des dommages évalués à 300 millions", "un fonds doté d'un
    million" measure the coût, the dommages, the fonds (not the clause around them)."""
    j = fig.first - 1
    if j < 2 or (toks[j].lower not in data.threshold_links and toks[j].lower not in grammar().de):
        return None
    j -= 1
    while j >= 0 and toks[j].pos == "ADV":
        j -= 1  # "estimé provisoirement à"
    if j < 1 or toks[j].lower not in data.assessed_participles:
        return None
    j -= 1
    if j >= 1 and toks[j].text == ",":
        j -= 1  # "Sa clause libératoire, fixée à 1 milliard": an apposed participle
    while j >= 0 and toks[j].pos == "ADJ" and toks[j].lower not in data.assessed_participles:
        j -= 1
    if j < 0 or toks[j].pos != "NOUN" or (toks[j].is_title and not acronym(toks[j])):
        return None
    lem = lemma_of(toks[j], data)
    if lem in data.not_subjects or lem in data.time_nouns or lem in data.containers:
        return None  # "un montant estimé à": the noun phrase it describes, read elsewhere
    return phrase_head(toks, j, data)


def label_after(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The label a line opened by an amount gives it after a colon ("159 millions d'euros :
    Perte liée au ...", "1,8 milliard : budget annuel d'investissement"): that noun."""
    j = fig.last
    if any(t.is_word for t in toks[:fig.first]) or j + 1 >= len(toks) or toks[j].text != ":":
        return None
    t = toks[j + 1]
    if t.pos != "NOUN" and not (t.pos == "PROPN" and t.is_title and not acronym(t)):
        return None
    lem = lemma_of(t, data)
    if lem in data.not_subjects or lem in data.time_nouns or lem in data.containers:
        return None
    return j + 1


def threshold_noun(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun a threshold bounds: "une densité supérieure ou égale à 200 %", "des rafales
    supérieures à 100 km/h", "une densité inférieure à 100 %" measure the densité, the
    rafales."""
    if fig.first > len(toks):
        return None
    j = fig.first - 1
    if fig.first < len(toks) and toks[fig.first].lower in data.threshold_words:
        j = fig.first  # "inférieure à 100 %" read as one figure (a bound)
    elif j < 1 or toks[j].lower not in data.threshold_links:
        return None
    else:
        j -= 1
    seen = False
    while j >= 0 and (toks[j].lower in data.threshold_words
                      or (seen and toks[j].lower in grammar().noun_coordinators)):
        seen = seen or toks[j].lower in data.threshold_words
        j -= 1
    if not seen:
        return None
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    if j < 0 or toks[j].pos != "NOUN" or toks[j].is_title:
        return None
    lem = lemma_of(toks[j], data)
    if lem in data.not_subjects or lem in data.time_nouns:
        return None
    return phrase_head(toks, j, data)  # "un taux d'absentéisme supérieur à": the taux
