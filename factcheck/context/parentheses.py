"""Parentheses that gloss what comes before them, for ``factcheck.context.subject``: whether a
figure opens one ("(138 734)", "(+7 %)"), the figure before it inside the same parenthesis
("(4 055, +13 %)"), and the head of the noun phrase a parenthesis glosses ("les escroqueries
(+7 %)", "victimes de violences enregistrées (191 679 personnes")."""

from __future__ import annotations

from factcheck.context.counted_names import capitalised_common
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.nouns import (
    MAX_COMPLEMENTS,
    before_determiners,
    change_phrase,
    governing_verb,
    lowercase_proper,
    phrase_head,
    phrase_top,
)
from factcheck.context.phrases import head_before, lemma_of
from factcheck.models import Kind

# Figures that rank or date, never measure: "(+ 26 % au 4e trimestre, contre + 34 %)" glosses
# no "trimestre".
_NOT_GLOSSING = frozenset({Kind.ORDINAL, Kind.DURATION, Kind.DATE, Kind.YEAR, Kind.TIME})


def parenthesis_mate(toks: tuple[Tok, ...], figs: list[Figure], n: int) -> int | None:
    """The figure before figure ``n`` in the same parenthesis, when ``n`` is not its first:
    "(4 055, +13 %)" glosses one noun phrase, so "+13 %" measures what "4 055" does (rather
    than an earlier percentage of the sentence)."""
    g = grammar()
    if parenthesis_opening(toks, figs[n]) == figs[n].first:
        return None  # "(-8 %": the bracket glued to the figure, which opens it
    opened = None
    for j in range(figs[n].first - 1, -1, -1):
        if toks[j].text in g.gloss_closers:
            return None
        if toks[j].text in g.gloss_openers:
            opened = j
            break
    if opened is None:
        return None
    inside = [m for m in range(n) if figs[m].first > opened
              and figs[m].mention.kind not in _NOT_GLOSSING]
    return inside[-1] if inside else None


def opens_parenthesis(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """Whether the figure is the first word of a parenthesis: "(138 734)", "(+7 %)"."""
    return parenthesis_opening(toks, fig) is not None


def parenthesis_opening(toks: tuple[Tok, ...], fig: Figure) -> int | None:
    """The token of the "(" the figure opens: the one before it, or the figure's first token
    when the tagger glued the bracket to a signed number ("(-8" of "(-8 %)"); else None."""
    openers = grammar().gloss_openers
    if fig.first >= 1 and toks[fig.first - 1].text in openers:
        return fig.first - 1
    t = toks[fig.first].text if fig.first < len(toks) else ""
    if len(t) > 1 and t[:1] in openers and not t[1:2].isspace():
        return fig.first
    return None


def parenthesis_head(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The head of the noun phrase a parenthesis opened right before the figure glosses ("les
    escroqueries (+7 %)", "victimes de violences enregistrées (191 679 personnes"), back over
    complements ("les vols avec armes (+2 %)") to the first of coordinated nouns ("les
    destructions et dégradations volontaires (+3 %)"); after a verb or "en hausse", the
    clause subject ("les cambriolages continuent d'augmenter (+3 %)"). None when the phrase
    is itself a complement ("liés au chikungunya (10 directement")."""
    o = parenthesis_opening(toks, fig)
    k = (fig.first - 1 if o is None else o) - 1
    participle = False
    while k >= 0:
        if toks[k].verbform == "Part" or _trailing_participle(toks, k, data):
            participle = True
        elif participle and (o := _aside_opening(toks, k)) is not None:
            # "victimes de coups (sur personnes de 15 ans ou plus) enregistrées (+5 %)": an
            # aside between the noun phrase and its participle is no part of the phrase.
            k = o - 1
            participle = False
            continue
        elif toks[k].pos not in ("ADJ", "ADV"):
            if k > 0 and toks[k].lower in grammar().noun_coordinators \
                    and toks[k + 1].pos == "ADJ" and toks[k - 1].pos == "NOUN":
                # "coups et blessures volontaires": a noun after "et" the model took for an
                # adjective; the phrase is the coordinated nouns, read from the first.
                k -= 1
            break
        k -= 1
    if k > 0 and toks[k].is_title and (v := _verb_before_place(toks, k, data)) is not None:
        return head_before(toks, v, data)  # "se stabilise en Petite Couronne (-0,1 %)"
    if k < 0 or not toks[k].is_word or (toks[k].is_title and not (
            # "des Egyptiens (43)": inhabitants after a plural determiner
            k > 0 and toks[k - 1].lower in grammar().plural_de and capitalised_common(toks[k]))):
        return None
    if toks[k].pos in ("VERB", "AUX"):
        return head_before(toks, k, data)
    if k >= 2 and toks[k].pos == "NOUN" and toks[k - 1].lower in data.state_prepositions \
            and toks[k - 2].pos in ("VERB", "AUX"):
        # "54 relais sont hors service (4,2 %)": a state after the verb, no noun phrase.
        return head_before(toks, k - 2, data)
    if (v := _copula_before_attribute(toks, k, data)) is not None:
        # "416 des détenus sont des femmes (6,9 %)": the share of the clause subject (the
        # attribute is its population), not of the attribute.
        return head_before(toks, v, data)
    if toks[k].pos != "NOUN" and not lowercase_proper(toks[k]):
        return None
    if (c := change_phrase(toks, k, data)) is not None:
        v = governing_verb(toks, c)
        if v is not None:
            return head_before(toks, v, data)
        n = _noun_before_change(toks, c)
        if n is None:
            return None
        k = n  # "des dépenses en forte augmentation (+5,2 %)": the noun that changes
    lem = lemma_of(toks[k], data)
    if lem in data.time_nouns or lem in data.not_subjects or lem in data.bases \
            or lem in data.change_nouns:
        return None
    g = grammar()
    head = k
    for _ in range(MAX_COMPLEMENTS):
        head = phrase_head(toks, head, data)
        j = before_determiners(toks, head, data)
        if j >= 1 and (toks[j].lower in g.noun_coordinators or toks[j].lower in data.gloss_links):
            h = j - 1
            while h >= 0 and toks[h].pos == "ADJ":
                h -= 1
            if h >= 0 and not toks[h].is_title and (toks[h].pos == "NOUN"
                                                    or _mistagged_complement(toks, h)):
                head = h
                continue
        break
    if phrase_top(toks, head, data) != head:
        return head  # "l'effet de la baisse du rendement (-6,9 %)": what the change is of
    j = before_determiners(toks, head, data)
    if j >= 0 and (toks[j].lower in g.complement_preps or toks[j].lower in data.contractions):
        if _wrapped_conjunct(toks, j, data):
            return head  # "la baisse des surfaces (-10 %) et du rendement (-5 %)": the rendement
        if (c := _compound_before(toks, head + 1, data)) is not None:
            return c  # "- mis en cause pour usage de stupéfiants (+4 %)": the compound noun
        return None  # "liés au chikungunya (10 ...": a complement ("tout comme les" is not)
    return head


def _compound_before(toks: tuple[Tok, ...], j: int, data: SubjectData) -> int | None:
    """The first word of a compound noun of several words (``compounds``) ending right before
    token ``j``, which the small model tags as a verb and its complement ("mis en cause"), when
    no preposition makes it a complement itself."""
    g = grammar()
    for words in data.compounds:
        first = j - len(words)
        if len(words) > 1 and first >= 0 \
                and tuple(t.lower for t in toks[first:j]) == words \
                and (first == 0 or toks[first - 1].lower not in g.complement_preps):
            return first
    return None


def _noun_before_change(toks: tuple[Tok, ...], c: int) -> int | None:
    """The common noun a verbless "en (forte) hausse" right after it describes: "et des
    dépenses en forte augmentation (+5,2 %)" glosses the dépenses. None when no noun (over
    its adjectives) stands right before the phrase."""
    j = c - 1
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    if j >= 0 and toks[j].pos == "NOUN" and toks[j].is_word and not toks[j].is_title:
        return j
    return None


def _wrapped_conjunct(toks: tuple[Tok, ...], j: int, data: SubjectData) -> bool:
    """Whether the complement opened by ``j`` ("du") is coordinated ("et du", "ou du") with
    a complement of a noun of change ("la baisse des surfaces (-10 %) et du rendement"): it
    is what changes too, as the first one is."""
    if j < 2 or toks[j].lower not in grammar().de | data.contractions \
            or toks[j - 1].lower not in grammar().noun_coordinators:
        return False
    h = j - 2
    if (o := _aside_opening(toks, h)) is not None:
        h = o - 1  # over the first complement's own bracket
    while h >= 0 and toks[h].pos == "ADJ":
        h -= 1
    if h < 0 or toks[h].pos != "NOUN":
        return False
    top = phrase_top(toks, h, data)
    return top != h and lemma_of(toks[top], data) in data.wrapping_nouns


def _copula_before_attribute(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int | None:
    """The form of "être" whose indefinite attribute is the noun at ``k`` ("sont des femmes",
    "étaient surtout des enfants"), None if the noun is no such attribute."""
    if k < 2 or toks[k].pos != "NOUN" or toks[k - 1].lower not in data.attribute_determiners:
        return None
    v = k - 2
    while v > 0 and toks[v].pos == "ADV":
        v -= 1
    if toks[v].pos in ("VERB", "AUX") and toks[v].lemma in grammar().copula_lemmas:
        return v
    return None


def _mistagged_complement(toks: tuple[Tok, ...], h: int) -> bool:
    """A lowercase word after "de" and a noun that the small model tagged as no noun ("une
    mention de grippe parmi les décès": "grippe" read as a pronoun); a noun's complement."""
    return h >= 2 and toks[h].is_word and toks[h].text[:1].islower() \
        and toks[h].pos not in ("VERB", "AUX", "ADP", "DET", "CCONJ", "SCONJ") \
        and toks[h - 1].lower in grammar().de and toks[h - 2].pos == "NOUN"


def _trailing_participle(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """A participle after a noun phrase that the small model tagged as a noun ("violences
    intrafamiliales enregistrées")."""
    t = toks[k]
    if t.pos != "NOUN" or not t.lower.endswith(grammar().participle_endings) or k == 0:
        return False
    o = _aside_opening(toks, k - 1)
    if o is not None and o == 0:
        return False
    before = toks[k - 1] if o is None else toks[o - 1]
    return before.pos == "NOUN" or (before.pos == "ADJ" and before.lower not in data.prenominal)


#: Tokens an aside in brackets may hold: a short one only ("(sur personnes de 15 ans ou plus)").
MAX_ASIDE = 12


def _aside_opening(toks: tuple[Tok, ...], k: int) -> int | None:
    """The "(" of a short aside in brackets closed at ``k``, None if ``k`` closes none."""
    if toks[k].text != ")":
        return None
    for o in range(k - 1, max(-1, k - MAX_ASIDE - 1), -1):
        if toks[o].text == ")":
            return None
        if toks[o].text == "(":
            return o
    return None


#: Words a place name may have between its preposition and the bracket ("en Petite Couronne").
MAX_PLACE_WORDS = 4


def _verb_before_place(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int | None:
    """The verb before the place name ending at ``k`` ("se stabilise en Petite Couronne"):
    a preposition of place right before the capitalised name, a verb right before it."""
    j = k
    while j > 0 and k - j < MAX_PLACE_WORDS and (toks[j].is_title or toks[j].pos == "DET"
                                                 or toks[j].lower in grammar().de):
        j -= 1
    if j < 1 or toks[j].lower not in data.place_prepositions or not toks[j + 1].is_title:
        return None
    return j - 1 if toks[j - 1].pos in ("VERB", "AUX") else None


#: Words a label of a list may have before its bracket ("des Egyptiens", "à la Réunion").
MAX_LABEL = 5
#: Marks that join the words of one name ("Seine-Saint-Denis", "Côte-d'Or").
_LABEL_JOINERS = frozenset({"-", "'", "’"})


def listed_gloss(toks: tuple[Tok, ...], figs: list[Figure], n: int) -> int | None:
    """The figure opening the parenthesis of the item before, when figure ``n`` opens the
    parenthesis of a later item of a list of capitalised labels ("à Montpellier (9 500
    personnes) et Mulhouse (5 500)", "des Syriens (47), des Egyptiens (43)"): the items are
    parallel, so the figure measures what the first one does, not the label. None otherwise."""
    o = parenthesis_opening(toks, figs[n])
    sep = _label_start(toks, o - 1) if o is not None else None
    if sep is None or sep < 2:
        return None
    g = grammar()
    close = sep - 1
    if toks[sep].lower in g.noun_coordinators and toks[close].text == ",":
        close -= 1  # ", et Mulhouse"
    elif toks[sep].text != "," and toks[sep].lower not in g.noun_coordinators:
        return None
    if toks[close].text != ")":
        return None
    opened = _aside_opening(toks, close)
    if opened is None or _label_start(toks, opened - 1, bounded=False) is None:
        return None
    return next((m for m in range(n) if parenthesis_opening(toks, figs[m]) == opened), None)


def _label_start(toks: tuple[Tok, ...], k: int, bounded: bool = True) -> int | None:
    """The token right before a capitalised label ending at ``k`` (its determiner and its
    preposition of place included: "à Montpellier", "des Egyptiens", "la Creuse"), None when
    the words up to ``k`` are no such label; ``bounded``: a later item, opened by a comma or
    "et"/"ou" (the first item of a list may follow any word)."""
    g = grammar()
    titled = False
    j = k
    while j >= 0 and k - j < MAX_LABEL:
        t = toks[j]
        if t.text == "," or t.lower in g.noun_coordinators:
            break
        if t.is_title and t.is_word:
            titled = True
        elif t.pos not in ("DET", "ADP") and t.text not in _LABEL_JOINERS:
            if not bounded and titled:
                break  # "ont eu lieu à Montpellier": the first item
            return None  # a verb, a figure, a lowercase noun: no label
        j -= 1
    if not titled or j == k or (bounded and (j < 0 or (
            toks[j].text != "," and toks[j].lower not in g.noun_coordinators))):
        return None
    return j
