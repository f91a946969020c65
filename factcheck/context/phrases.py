"""Noun phrases in a sentence's tokens, for ``factcheck.context.subject``: lemmas (and the
compound nouns kept whole), which words can be what is counted, the head of the nearest noun
phrase that is not a prepositional complement (the small model's tags are repaired in
``factcheck.context.mistags``)."""

from __future__ import annotations

from functools import cache

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.mistags import orphan_adjective
from factcheck.context.nlp import Tok
from factcheck.context.world import world_data

_PP_PREPS = frozenset({"ADP"})


def subject_at(toks: tuple[Tok, ...], k: int, data: SubjectData) -> str:
    """Lemma of the noun at ``k``, or the compound noun it belongs to ("chiffre d'affaires",
    "free cash flow" from any of its words)."""
    if (words := _compound_at(toks, k, data)[1]) is not None:
        compound = " ".join(words).replace("' ", "'")
        return data.lemmas.get(compound, compound)  # "chiffres d'affaires"
    return lemma_of(toks[k], data)


def _compound_at(toks: tuple[Tok, ...], k: int,
                 data: SubjectData) -> tuple[int, tuple[str, ...] | None]:
    """The first token and the words of the compound noun (``compounds``) token ``k`` is part
    of; ``(k, None)`` when it is part of none."""
    if toks[k].lower not in _compound_words(data.compounds):
        return k, None  # (a compound holding token k holds its word)
    for words in data.compounds:
        n = len(words)
        for first in range(max(0, k - n + 1), k + 1):
            if first + n <= len(toks) \
                    and tuple(t.lower for t in toks[first : first + n]) == words:
                return first, words
    return k, None


def _opens_compound(toks: tuple[Tok, ...], j: int, data: SubjectData) -> bool:
    """Whether a compound noun of ``compounds`` opens at token ``j``."""
    first, words = _compound_at(toks, j, data)
    return words is not None and first == j


@cache
def _compound_words(compounds: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(w for words in compounds for w in words)


def lemma_of(t: Tok, data: SubjectData) -> str:
    if t.lower in data.lemmas:
        return data.lemmas[t.lower]
    cut = min((i for m in grammar().inclusive_marks if (i := t.lower.find(m)) > 0),
              default=-1)
    if cut > 0:
        return t.lower[:cut]  # "manifestant•es": inclusive writing, the masculine form
    if t.pos == "NOUN" and t.lemma:
        return t.lemma
    w = t.lower
    g = grammar()
    if len(w) < g.lemma_min_length or w.endswith(g.keep_endings) \
            or (t.is_title and w.endswith(g.demonym_endings)):
        return w
    for ending, replacement in g.lemma_suffixes:
        if w.endswith(ending):
            return w[: len(w) - len(ending)] + replacement
    return w


def nounish(t: Tok, data: SubjectData) -> bool:
    if not t.is_word:
        return False
    if t.is_title:
        # Inhabitants are capitalised nouns: "6,9 millions d'Ukrainiens".
        return t.lower in world_data().actor_adjectives
    if t.lower in data.not_subjects or t.lemma in data.not_subjects or number_word(t, data):
        return False
    # Not a verb: "le million annoncé" elides its noun; "140 000 tués" is tagged a noun.
    return t.pos in ("NOUN", "ADJ")


def number_word(t: Tok, data: SubjectData) -> bool:
    """ "soixante-dix-neuf", "cinquième": numbers in words are never what is counted."""
    g = grammar()
    words = [w for w in t.lower.split("-") if w != g.number_joiner]
    return bool(words) and all(
        w in data.number_words or w.endswith(g.ordinal_suffix) for w in words
    )


def is_np_head(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Whether the noun at ``k`` heads a noun phrase that is not a prepositional complement;
    a compound noun's phrase opens before its first word ("le free cash flow")."""
    j = _compound_at(toks, k, data)[0] - 1
    while (
        j >= 0
        and toks[j].lower not in data.determiners
        and (toks[j].pos in ("ADJ", "NUM", "ADV") or number_word(toks[j], data))
    ):
        j -= 1
    if _count_after_de(toks, j, data):
        return False
    if j < 0:
        return True
    t = toks[j]
    if t.lower in data.contractions or second_complement(toks, j, data):
        return False
    if t.lower in grammar().plural_de:
        return not (j > 0 and (toks[j - 1].pos in data.des_after_pos
                               or noun_tagged_verb(toks, j - 1)))
    if t.lower in grammar().de and j > 0 and toks[j - 1].pos == "NOUN":
        return False  # "le taux d'impayés de loyers": "de" tagged an article completes a noun
    if t.lower in data.determiners or t.pos == "DET":
        return not (j > 0 and (toks[j - 1].pos in _PP_PREPS
                               or _coordinated_complement(toks, j - 1, data)))
    return False


def noun_tagged_verb(toks: tuple[Tok, ...], k: int) -> bool:
    """A word the small model tagged as a finite verb right after "de"/"d'", where no finite
    verb stands: a noun ("le taux d'épargne des ménages")."""
    return k > 0 and toks[k].pos == "VERB" and toks[k].verbform == "Fin" \
        and toks[k - 1].lower in grammar().de


def _coordinated_complement(toks: tuple[Tok, ...], c: int, data: SubjectData) -> bool:
    """Whether the coordinator at ``c`` joins a second noun to a first one that completes a
    preposition other than "de": "dans les transports et la logistique" (both nouns are the
    complement's, neither heads a clause), not "la hausse des prix et la baisse"."""
    g = grammar()
    if toks[c].lower not in g.noun_coordinators:
        return False
    p = c - 1
    while p >= 0 and toks[p].pos == "ADJ":
        p -= 1
    if p < 1 or toks[p].pos != "NOUN" or toks[p].is_title:
        return False
    q = p - 1
    while q >= 0 and (toks[q].pos == "DET" or toks[q].lower in data.determiners):
        q -= 1
    return q >= 0 and q < p - 1 and toks[q].pos in _PP_PREPS \
        and _apos(toks[q].lower) not in g.de_links


def _count_after_de(toks: tuple[Tok, ...], j: int, data: SubjectData) -> bool:
    """Whether a figure in digits ends at ``j`` after a bound and "de" completing a noun,
    whatever the tagger calls its groups ("des villes de plus de 10 000 habitants", "10 000"
    read as determiners): the noun's size class, its counted noun no head (not "fait état
    de 3 369 victimes", the object)."""
    if j < 0 or not toks[j].text[:1].isdigit():
        return False
    while j >= 0 and toks[j].text[:1].isdigit():
        j -= 1
    de = grammar().de
    return j >= 3 and _apos(toks[j].lower) in de and toks[j - 1].pos == "ADV" \
        and _apos(toks[j - 2].lower) in de and toks[j - 3].pos == "NOUN"


#: Tokens a first conjunct may span back to its "de" ("de taille intermédiaire et de").
_CONJUNCT_REACH = 6


def second_complement(toks: tuple[Tok, ...], j: int, data: SubjectData) -> bool:
    """Whether the "de" at ``j``, right after "et"/"ou", repeats the "de" of a first conjunct
    that completes a noun: "les défaillances d'entreprises de taille intermédiaire et de
    grandes entreprises" (a second complement of défaillances, not a subject), not "par de
    fortes pluies et d'importantes rafales" (a first "de" after a preposition)."""
    g = grammar()
    if j < 2 or _apos(toks[j].lower) not in g.de or toks[j - 1].lower not in g.noun_coordinators:
        return False
    for i in range(j - 2, max(0, j - 2 - _CONJUNCT_REACH), -1):
        t = toks[i]
        if not t.is_word or t.pos in ("VERB", "AUX"):
            return False
        if _apos(t.lower) in g.de_links:
            return toks[i - 1].pos == "NOUN"
    return False


def _apos(word: str) -> str:
    """The word with a typographic apostrophe written straight ("d’" -> "d'")."""
    return word.replace("’", "'")


def unwrap_container(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int:
    """ "le nombre de soldats" -> soldats; "le prix du baril" -> baril; one container in
    another down to what they count ("le record du nombre de billets" -> billets)."""
    g = grammar()
    j = k + 1
    while j < len(toks) and toks[j].pos == "ADJ":
        j += 1
    if lemma_of(toks[k], data) in data.wrapping_nouns:
        j += _locution_at(toks, j, data)  # "une montée en puissance des investissements"
    if j < len(toks) and toks[j].lower in g.de_links:
        j += 1
        if j < len(toks) and (toks[j].lower in g.articles_after_de or (
                toks[j - 1].lower in g.de and toks[j].lower in data.determiners)):
            j += 1  # "la baisse de la marge", "la hausse de son budget", "le nombre de ses
            # clients"
        if j + 1 < len(toks) and toks[j - 1].lower in g.plural_de \
                and (toks[j].pos == "NUM" or toks[j].text[:1].isdigit()):
            j += 1  # "la barre des 1 000 victimes", "le cap des 100 000 morts"
            while j + 1 < len(toks) and toks[j].text[:1].isdigit():
                j += 1  # (its digit groups, whatever the tagger calls them)
        if j < len(toks) and (nounish(toks[j], data) or _opens_compound(toks, j, data) or (
                acronym(toks[j]) and lemma_of(toks[k], data) in data.change_nouns) or (
                toks[j].is_title and toks[j].is_word
                and lemma_of(toks[k], data) in data.counting_containers)):
            # ("la hausse du PIB": a common noun written as an acronym; not "la prévision
            # de l'OFCE", its maker; "le nombre de permis de construire": a compound noun
            # opening there, whatever the tags of its words)
            if lemma_of(toks[j], data) in data.containers:
                return unwrap_container(toks, j, data)
            return j
    return k


def _locution_at(toks: tuple[Tok, ...], j: int, data: SubjectData) -> int:
    """Length of a set phrase of ``wrapping_locutions`` starting at token ``j``, else 0."""
    for words in data.wrapping_locutions:
        if tuple(t.lower for t in toks[j : j + len(words)]) == words:
            return len(words)
    return 0


def before_phrase(toks: tuple[Tok, ...], k: int) -> int:
    """Index of the word before the noun phrase that token ``k`` heads, past its determiners,
    adjectives and numbers ("de la région" -> "de"); -1 when the phrase opens ``toks``."""
    j = k - 1
    while j >= 0 and toks[j].pos in ("DET", "ADJ", "NUM"):
        j -= 1
    return j


def head_before(toks: tuple[Tok, ...], pos: int, data: SubjectData) -> int | None:
    """The nearest noun-phrase head before token ``pos`` (the clause subject)."""
    k = pos
    inside = _opening(toks, pos) is not None  # (a figure in a parenthesis reads its own)
    while k > 0:
        k -= 1
        t = toks[k]
        if t.text == ")" and not inside and (o := _opening(toks, k)) is not None:
            k = o  # "la masse salariale (5 000 agents) a augmenté": a gloss, not the clause's
            continue
        if not t.is_word or (t.is_title and not acronym(t) and k > 0) \
                or any(c.isdigit() for c in t.text) or len(t.text) < 2:
            continue  # (nor a figure written in one token: "30M€", nor a lone letter: "A
            # Lille, ils étaient 3 000", the capital "A" written without its accent)
        if t.is_title and k + 1 < len(toks) and toks[k + 1].text == ":" and not acronym(t):
            continue  # "Nantes : 28 000 selon la police": a label, not what is counted
        if t.pos not in ("NOUN", "PROPN") and not orphan_adjective(toks, k, data):
            continue
        if t.pos == "PROPN" and not acronym(t):
            continue
        if acronym(t) and not determined(toks, k, data) and not _label(toks, k):
            continue  # "EDF a renoué avec les bénéfices": a name; "le PIB" is a noun
        lem = lemma_of(t, data)
        if lem in data.time_nouns or lem in data.not_subjects or number_word(t, data):
            continue
        if topic_marker(toks, k, data):
            continue  # "Côté lycées, 202 millions seront consacrés": a topic, not the subject
        if proform(toks, k, data):
            continue  # "comme c'est le cas depuis 2015 (+27 %)": the clause, not a metric
        if is_np_head(toks, k, data):
            if lem in data.containers or lem in data.wrapping_nouns:
                # "le nombre de soldats", "la hausse des cotisations": what they wrap.
                return unwrap_container(toks, k, data)
            return toll_counted(toks, k, data)
    return None


def _opening(toks: tuple[Tok, ...], k: int) -> int | None:
    """The "(" open before token ``k`` (the one a ")" at ``k`` closes), when it opens after
    the sentence's first token."""
    for j in range(k - 1, 0, -1):
        if toks[j].text == ")":
            return None
        if toks[j].text == "(":
            return j
    return None


def toll_counted(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int:
    """What a toll at ``k`` counts, a plural noun after "des" ("le bilan des victimes
    approche les 130 000" -> victime; "le bilan provisoire des morts"), one of ``toll_counted``,
    else ``k`` itself (not "le bilan du séisme" nor "le bilan des frappes", what it is of, nor
    "le bilan des autorités", who draws it up)."""
    if lemma_of(toks[k], data) not in data.toll_containers:
        return k
    j = k + 1
    while j < len(toks) and toks[j].pos == "ADJ":
        j += 1
    if j + 1 >= len(toks) or toks[j].lower not in grammar().plural_de:
        return k
    t = toks[j + 1]
    if t.pos != "NOUN" or t.is_title or t.number != "Plur" \
            or lemma_of(t, data) not in data.toll_counted:
        return k
    return j + 1


def proform(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Whether the noun at ``k`` stands for a clause (``proform_nouns``) after a definite
    article and a form of "être": "c'est le cas", "ce n'était pas le cas"."""
    if k < 2 or lemma_of(toks[k], data) not in data.proform_nouns \
            or toks[k - 1].lower not in grammar().definite_articles:
        return False
    j = k - 2
    while j > 0 and toks[j].pos == "ADV":
        j -= 1  # "n'est plus le cas", "n'était pas le cas"
    return toks[j].lemma in grammar().copula_lemmas


def topic_marker(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Whether token ``k`` is a noun marking a topic or a side (``topic_markers``): bare
    before a noun ("Côté lycées,", "Question budget,") or before "de" ("du côté de
    Draguignan", "du côté des recettes")."""
    if not {lemma_of(toks[k], data), toks[k].lower} & data.topic_markers:
        return False
    return not determined(toks, k, data) or (
        k + 1 < len(toks) and toks[k + 1].lower in grammar().de_links)


def _label(toks: tuple[Tok, ...], k: int) -> bool:
    """Whether token ``k`` opens its line as a label "X :" ("PIB : +0,3 % au deuxième
    trimestre"): the line's metric."""
    return k + 1 < len(toks) and toks[k + 1].text == ":" \
        and (k == 0 or "\n" in toks[k - 1].text or not toks[k - 1].text.strip())


def determined(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Whether a determiner opens the noun phrase of token ``k`` (over adjectives before it):
    a common noun written as an acronym takes one ("le PIB", "la TVA"), a body's or a
    company's name does not ("EDF", "TotalEnergies")."""
    j = k - 1
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    return j >= 0 and (toks[j].pos == "DET" or toks[j].lower in data.determiners
                       or toks[j].lower in grammar().de_links)


def noun_past_adjectives(toks: tuple[Tok, ...], k: int) -> int | None:
    """The common noun at ``k`` or before the adjectives ending there ("le chômage des
    jeunes", "son épargne brute"); None when no common noun stands there."""
    while k >= 0 and toks[k].pos == "ADJ":
        k -= 1
    if k < 0 or toks[k].pos != "NOUN" or toks[k].is_title:
        return None
    return k


def acronym(t: Tok) -> bool:
    """A common noun written as an acronym: "le PIB", "la TVA"."""
    return len(t.text) >= 2 and t.text.isupper() and t.text.isalpha()


#: Words a line's label may have before its colon ("Boulogne-sur-Mer :", "Le Havre :").
MAX_LABEL_WORDS = 4


def opens_with_label(toks: tuple[Tok, ...], first_figure: int) -> bool:
    """Whether the sentence is a line of a tally opened by a capitalised label and a colon
    before its first figure ("Nantes : 28 000 selon la police", "Le Havre : 30 000")."""
    if not toks or not toks[0].is_title:
        return False
    colon = next((k for k in range(min(first_figure, MAX_LABEL_WORDS + 1))
                  if toks[k].text == ":"), None)
    return colon is not None and colon > 0


def part_marker_before(toks: tuple[Tok, ...], first: int) -> int | None:
    """Index of the part marker ("dont", "(") opening the figure at token ``first``, past
    adverbs ("dont au moins 12"), or None: the figure is a part of a figure before it."""
    j = first - 1
    while j >= 0 and toks[j].pos == "ADV":
        j -= 1
    return j if j >= 0 and toks[j].lower in grammar().part_markers else None
