"""Where the noun a figure counts stands in its sentence, for ``factcheck.context.subject``:
right after it ("46 drones", "près de 60 % des foyers"), inside it ("un Français sur trois"),
before its "de" ("une enveloppe de 725 millions", a container handing over: "d'un montant de"),
the object after a verb of assessment ("estime à 4 730 le nombre de cas"), a container later
in the sentence ("c'est le montant de l'aide"), the verb a figure completes, the noun of
change of an adverbial phrase ("en hausse de") and the head of a noun phrase (its first noun,
back over its "de" complements). The noun right after a figure and the one an ordinal ranks
are read in :mod:`._noun_after` (re-exported here); parentheses in :mod:`.parentheses`."""

from __future__ import annotations

from factcheck.context._container_agents import agent_before
from factcheck.context._noun_after import noun_after as noun_after
from factcheck.context._noun_after import ordinal_noun as ordinal_noun
from factcheck.context._noun_after import past_prenominal as past_prenominal
from factcheck.context._phrase_heads import (
    _COMPLEMENT_LINKS,
    phrase_head,
    phrase_top,
)
from factcheck.context._phrase_heads import MAX_COMPLEMENTS as MAX_COMPLEMENTS
from factcheck.context._phrase_heads import lowercase_proper as lowercase_proper
from factcheck.context.anaphora import level_verb
from factcheck.context.lexicon import SubjectData, grammar, subject_data
from factcheck.context.mistags import (
    after_negation,
    change_verb,
    mistagged_noun,
    restrictive_que,
)
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import (
    acronym,
    head_before,
    lemma_of,
    noun_past_adjectives,
    nounish,
    number_word,
    unwrap_container,
)
from factcheck.models import Kind

_STRAIGHT_QUOTE = '"'
_CLOSING_QUOTES = frozenset({"»", _STRAIGHT_QUOTE, "”"})
#: Words a quoted term before "de" may have ("un « trou noir » de").
_QUOTED_WORDS = 4


def noun_inside(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """A noun inside a fraction: "un Français sur trois"."""
    if fig.mention.kind != Kind.FRACTION:
        return None
    for k in range(fig.first, fig.last):
        t = toks[k]
        if t.lower in data.scale_words or t.lemma in data.scale_words or number_word(t, data):
            continue
        if nounish(t, data) and (t.pos == "NOUN" or t.is_title):
            return k
    return None


def shares_next_noun(toks: tuple[Tok, ...], fig: Figure, nxt: Figure) -> bool:
    """Whether only "à", "et" or "ou" separates the figure from the next one, and the figure
    is bare or of the next one's kind: "de 3 % et 200 familles" joins two clauses, the
    percentage with its own unit (not "entre 10 et 15 % des centrales")."""
    if fig.mention.kind not in (Kind.COUNT, nxt.mention.kind):
        return False
    return nxt.first == fig.last + 1 and toks[fig.last].lower in grammar().range_links


def out_of_next(toks: tuple[Tok, ...], fig: Figure, nxt: Figure) -> bool:
    """Whether "des" alone separates the figure from the next one: "25 des 26 provinces"."""
    return nxt.first == fig.last + 1 and toks[fig.last].lower in grammar().plural_de


def noun_before(toks: tuple[Tok, ...], first: int, data: SubjectData) -> int | None:
    """The nearest common noun before token ``first``, over verbs, adverbs and prepositions
    only ("des cas recensés, avec 16 800 suspectés" -> cas)."""
    j = first - 1
    while j >= 0 and (toks[j].pos in ("VERB", "ADV", "ADP", "ADJ") or toks[j].text == ","):
        j -= 1
    if j < 0 or toks[j].pos != "NOUN" or toks[j].is_title:
        return None
    lem = lemma_of(toks[j], data)
    return None if lem in data.time_nouns or lem in data.not_subjects else j


def noun_before_de(toks: tuple[Tok, ...], first: int, data: SubjectData) -> int | None:
    g = grammar()
    j = first - 1
    while j > 0 and toks[j].pos == "ADV" and toks[j - 1].lower in g.de:
        j -= 1  # "en hausse de respectivement 2,7 % et 1,9 %"
    if j < 0 or toks[j].lower not in g.de:
        return None
    j -= 1
    if j >= 1 and toks[j].lower in data.adverbial_nouns \
            and toks[j - 1].lower in data.adverbial_links:
        j -= 2  # "a grimpé en moyenne de 10 %": an adverb, no noun of the figure
    if j >= 2 and toks[j].text in g.gloss_closers and acronym(toks[j - 1]) \
            and toks[j - 2].text in g.gloss_openers:
        j -= 3  # "une croissance du produit intérieur brut (PIB) de 1,1 %"
    if j >= 1 and toks[j].text in _CLOSING_QUOTES:
        # "un « trou noir » de 22 milliards": the term quoted (its first word) is the noun;
        # a straight quote closes what the same mark opened ('un "fonds de soutien" de').
        o = next((k for k in range(j - 1, max(-1, j - 1 - _QUOTED_WORDS), -1)
                  if toks[k].text in data.opening_quotes
                  or toks[k].text == toks[j].text == _STRAIGHT_QUOTE), None)
        if o is not None and o + 1 < j and toks[o + 1].is_word and not toks[o + 1].is_title:
            return o + 1
    if j >= 2 and toks[j - 1].lower in g.per_links and toks[j - 2].pos == "NOUN":
        j -= 2  # "les dividendes par action de 7,1 %": a noun per unit, not the unit
    if j >= 1 and toks[j].verbform == "Part" and toks[j].pos in ("VERB", "ADJ") \
            and toks[j].tense != "Pres" and not toks[j].lower.endswith("ant") \
            and lemma_of(toks[j - 1], data) in data.change_nouns:
        # "une croissance attendue de 2,3 %", "une baisse marquée de 0,3 point" (a past
        # participle; not "sa baisse passant de 8 380 euros": a level)
        j -= 1
    if j >= 1 and change_verb(toks, j, data):
        return head_before(toks, j, data)  # "son épargne brute baisse de 4 %"
    if j >= 1 and toks[j].pos == "ADJ" and level_verb(toks, j) \
            and not toks[j].lower.endswith(g.participle_endings) \
            and change_phrase(toks, j, data) is None:
        # "Le budget alloué à la culture progresse de 2 %": a finite verb of level the
        # model called an adjective: left to the clause rules (its subject, or the
        # antecedent of a relative: "l'économie, qui progresse de 6 %"), not the noun before.
        return None
    if j >= 0 and mistagged_noun(toks, j, data):
        pass  # "un nouveau gazoduc de": the small model made the noun a verb or adjective
    else:
        while j >= 0 and toks[j].pos == "ADJ":
            j -= 1
    if j > 0 and acronym(toks[j]) and _complement_of(toks, j, g.definite_articles) \
            and ((h := phrase_head(toks, j, data)) != j
                 or lemma_of(toks[phrase_top(toks, j, data)], data) in data.wrapping_nouns):
        # "une croissance du PIB de 0,8 %": the acronym completes the noun before it; "une
        # progression du PIB de 1 %": a noun of change hands over to it.
        return h
    if j < 0 or toks[j].pos not in ("NOUN", "ADJ", "VERB") or toks[j].is_title:
        return None
    if j > 0 and (toks[j - 1].pos == "AUX" or toks[j - 1].lower in g.aux_forms):
        return None  # "a bondi de 18 %": a participle the model called a noun
    if mistagged_infinitive(toks, j):
        return None  # "le PIB devrait croître de 0,7 %": an infinitive the model called a noun
    if toks[j].pos != "VERB" and level_verb(toks, j) and change_phrase(toks, j, data) is None:
        return None  # "et dépasse de 3 %": a verb of level the model called a noun (not
        # the noun of "un chiffre en baisse de 14 %")
    if toks[j].pos != "NOUN" and not mistagged_noun(toks, j, data):
        return None
    lem = lemma_of(toks[j], data)
    if lem in data.not_subjects or lem in data.time_nouns:
        return None
    if lem in data.containers and _complement_of(toks, j, g.definite_articles) \
            and lemma_of(toks[phrase_top(toks, j, data)], data) in data.wrapping_nouns:
        # "la hausse des prix de 4,5 %": the container completes a noun of change, which
        # hands over to it; it is the metric, not a wrapper of the phrase before.
        return j
    if lem in data.containers:
        # "d'un montant de X": the noun phrase the container describes, before it.
        k = j - 1
        while k >= 0 and toks[k].lower in g.container_gap:
            k -= 1
        h = head_before(toks, k + 1, data)
        if h is not None and agent_before(toks, h, k + 1, lem, data):
            return j  # "Le club a proposé un montant de 80 millions": the container itself
        return h
    return phrase_head(toks, j, data)


def _complement_of(toks: tuple[Tok, ...], j: int, definite: tuple[str, ...]) -> bool:
    """Whether the noun at ``j`` is joined to a noun before it as its complement: "du PIB",
    "des prix", and with a definite article after "de", "de la TVA", "de l'impôt"."""
    if j > 0 and toks[j - 1].lower in _COMPLEMENT_LINKS:
        return True
    return j > 1 and toks[j - 1].lower in definite and toks[j - 2].lower in _COMPLEMENT_LINKS


def object_after(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """A determiner and a noun right after the figure: the object of "estimer à X le coût"."""
    j = fig.last
    if j + 1 >= len(toks) or toks[j].pos != "DET" or toks[j].lower not in data.determiners:
        return None
    if toks[j + 1].pos != "NOUN" or toks[j + 1].is_title:
        return None
    lem = lemma_of(toks[j + 1], data)
    if lem in data.time_nouns or lem in data.not_subjects:
        return None
    if lem in data.containers or lem in data.wrapping_nouns:
        return unwrap_container(toks, j + 1, data)  # "estime à 4 730 le nombre de cas"
    return j + 1


def container_after(toks: tuple[Tok, ...], start: int, data: SubjectData) -> int | None:
    """ "2,5 milliards d'euros : c'est le montant de l'aide": the noun a later container
    wraps."""
    for k in range(start, len(toks)):
        if toks[k].pos == "NOUN" and lemma_of(toks[k], data) in data.containers:
            inner = unwrap_container(toks, k, data)
            return inner if inner != k else None
    return None


def change_phrase(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int | None:
    """The first token of "en (léger) recul" when the noun at ``k`` is a noun of change in
    such an adverbial phrase, else None."""
    if lemma_of(toks[k], data) not in data.change_nouns:
        return None
    while k > 0 and toks[k - 1].pos in ("ADJ", "ADV") \
            and toks[k - 1].lower not in data.change_markers:
        k -= 1  # "en très forte hausse"
    if k > 0 and toks[k - 1].lower in data.change_markers:
        return k - 1
    return None


def change_object(toks: tuple[Tok, ...], k: int, fig: Figure, data: SubjectData) -> int | None:
    """The determiner of "une hausse de 7 %" when a verb governs it ("les violences
    enregistrent une hausse de 7 %", "le bénéfice affiche un recul de 36 %") and the figure
    is relative (a percentage or points): the rise measures the verb's subject. None
    otherwise ("soit une hausse de 12,5 %" counts the rise itself)."""
    m = fig.mention
    if m.kind != Kind.PERCENT and m.unit not in data.relative_units:
        return None
    if lemma_of(toks[k], data) not in data.change_nouns:
        return None
    j = k - 1
    while j > 0 and toks[j].pos == "ADJ":
        j -= 1
    if j < 1 or toks[j].lower not in data.determiners:
        return None
    if toks[j - 1].lemma in data.forecast_verbs or toks[j - 1].lower in data.forecast_verbs:
        return None  # "les économistes prévoient une croissance de 1 %": the growth itself
    # A verb of level the tagger misread counts too ("enregistrent" tagged as an adverb).
    return j if toks[j - 1].pos in ("VERB", "AUX") or level_verb(toks, j - 1) else None


def governing_verb(toks: tuple[Tok, ...], first: int) -> int | None:
    j = first - 1
    links = grammar().verb_links
    data = subject_data()
    # The restriction of a verb of change or level ("n'augmentent que de 2 %", "ne
    # représentent que 5 %"), not of a forecast ("la Banque de France n'attend que 0,9 %":
    # the figure is the forecast's object, not its maker's measure).
    # An aside of emphasis is walked over ("concentre à lui seul 24 %").
    while (aside := emphatic_aside(toks, j, data)) is not None or (
            j >= 0 and (toks[j].pos in ("ADP", "ADV") or toks[j].lower in links
                        or (restrictive_que(toks, j)
                            and toks[j - 1].lemma not in data.forecast_verbs
                            and toks[j - 1].lower not in data.forecast_verbs))
            and not level_verb(toks, j)):
        j = j - 1 if aside is None else aside
    g = grammar()
    if j >= 2 and toks[j].lower in g.stressed_pronouns \
            and toks[j - 1].lower.replace("’", "'") in g.inserted_sources:
        j -= 2  # "qui rapportera selon elle 25 milliards": the verb before the source
    if j >= 0 and (toks[j].pos in ("VERB", "AUX") or toks[j].verbform == "Part"
                   or level_verb(toks, j) or mistagged_infinitive(toks, j)
                   or after_negation(toks, j)):
        return j
    return None


def emphatic_aside(toks: tuple[Tok, ...], j: int, data: SubjectData) -> int | None:
    """The word before an aside of emphasis ending at ``j``, "à lui seul", "à eux trois",
    over commas around it ("concentre, à elle seule, 18 %"); None when there is none."""
    comma = j >= 0 and toks[j].text == ","
    k = j - 1 if comma else j
    if k < 2 or toks[k].lower not in data.alone_words \
            or toks[k - 1].lower not in data.alone_pronouns \
            or toks[k - 2].lower not in grammar().verb_links:
        return None
    k -= 3
    return k - 1 if comma and k >= 0 and toks[k].text == "," else k


def mistagged_infinitive(toks: tuple[Tok, ...], j: int) -> bool:
    """A word the small model tagged as a noun right after a finite verb, with an
    infinitive's ending: the verb's infinitive ("le PIB devrait croître de 0,7 %")."""
    return j > 0 and toks[j].pos == "NOUN" and toks[j - 1].pos == "VERB" \
        and toks[j - 1].verbform == "Fin" \
        and toks[j].lower.endswith(tuple(subject_data().infinitive_endings))


def before_determiners(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int:
    j = k - 1
    while j >= 0 and (toks[j].pos == "DET" or toks[j].lower in data.determiners):
        j -= 1
    return j


def gapped_subject(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun phrase of a coordinated clause whose verb is left out: "l'Ebitda s'élève à
    16,1 milliards et son chiffre d'affaires à 75,5 milliards" (the second figure measures
    the chiffre d'affaires, not the first clause's subject). None otherwise."""
    g = grammar()
    j = fig.first - 1
    while j >= 0 and toks[j].pos == "ADV":
        j -= 1
    comma = j >= 2 and toks[j].lower in g.de and toks[j - 1].text == ","
    # "le déficit atteindrait 4,9 %, la dette 110 % et la croissance 1 %": a noun phrase
    # right before the figure, with no link, after a figure and a comma or "et"
    bare = j == fig.first - 1 and j >= 2 and toks[j].pos == "NOUN" and not toks[j].is_title
    if comma:
        j -= 1  # "et les vols de voitures, de 10 %": the comma marks the verb left out
    elif bare:
        j += 1
    elif j < 1 or toks[j].lower not in g.verb_links:
        return None
    k = noun_past_adjectives(toks, j - 1)
    if k is None:
        return None
    head = phrase_head(toks, k, data)
    b = before_determiners(toks, head, data)
    while b >= 1 and b == head - 1 and toks[b].lower in g.noun_coordinators \
            and toks[b - 1].pos == "NOUN" and not toks[b - 1].is_title:
        # "et les viols et tentatives de viols, de 10 %": nouns coordinated under one
        # determiner, the first heads the phrase
        head = phrase_head(toks, b - 1, data)
        b = before_determiners(toks, head, data)
    if b < 0 or b == head - 1 or not (toks[b].lower in g.noun_coordinators
                                      or (bare and toks[b].text in (",", ":"))):
        return None  # a determiner is needed: "et son chiffre d'affaires", not "et hausse"
    if bare and (head != k or lemma_of(toks[head], data) in data.time_nouns):
        return None  # (one noun: not "le taux de chômage des jeunes 18 %", nor a date)
    if bare and (toks[head].lower in data.population_nouns
                 or lemma_of(toks[head], data) in data.population_nouns):
        return None  # "le chômage a atteint 7,5 %, les jeunes 18 %": the young's chômage
    if bare and toks[b].text == ":":
        return head  # the list's first item: "Selon l'institut : le chômage 7,3 %, ..."
    if (comma or bare) and not _after_figure(toks, b):
        return None  # "de 44 % dans l'information et la communication, de 40 % dans": a list
    return head


#: Tokens a coordinator may stand after the figure of the clause it follows ("de 7 % et").
_FIGURE_REACH = 4


def _after_figure(toks: tuple[Tok, ...], b: int) -> bool:
    """Whether the coordinator at ``b`` follows a figure, over its unit only ("ont augmenté
    de 7 % et", "de 3 millions d'euros et"), not a noun of scope ("dans la communication et")."""
    for k in range(b - 1, max(-1, b - 1 - _FIGURE_REACH), -1):
        if any(c.isdigit() for c in toks[k].text):
            return True
        if toks[k].pos == "ADP" and toks[k].lower not in grammar().de:
            return False
    return False


def summed_change(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Whether the noun of change at ``k`` is wrapped by a container of an amount ("Le total
    des hausses d'impôts avoisine 40 milliards", "le montant de la baisse atteint"): the
    amount is the sum of the changes, so it measures them."""
    g = grammar()
    j = k - 1
    while j > 0 and toks[j].lower in data.determiners and toks[j].lower not in g.de_links:
        j -= 1  # "de la baisse"; "des" is the link itself
    if j < 1 or toks[j].lower not in g.de_links:
        return False
    return lemma_of(toks[j - 1], data) in data.sum_containers
