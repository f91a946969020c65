"""What the small French model (no parser) gets wrong in news phrasing, read back from the
words around: a counted noun tagged as a pronoun or an adjective right after a count, a verb
tagged as a noun after a negation, the "que" of a restriction ("ne ... que"), a noun of change
used as a verb ("son épargne baisse de 4 %"); and the noun a count is said to be ("20 563
sont des prévenus"), which the model cannot tie to the count without a parser; and the
nouns it tags as verbs, adjectives or pronouns anywhere ("un nouveau gazoduc de", "des
dizaines de pompiers"), and the adjective it gives to a noun ("un nouveau prêt")."""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.models import Kind


def _plural_form(t: Tok, data: SubjectData) -> bool:
    """Whether the word is its lemma with a plural mark ("homicides", "lycéens")."""
    return any(t.lower == t.lemma + mark for mark in data.plural_marks)


def mistagged_after_count(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """The noun a bare count names, right after it, that the small model tagged otherwise: as
    a pronoun ("948 homicides ont été enregistrés": no word is a pronoun there but the
    pronouns themselves), as a plural adjective with no noun after it ("12 civils tués",
    not "trois différents endroits") or as a plural participle before an auxiliary ("200
    salariés ont été licenciés") or as a plural verb whose lemma is no infinitive ("11
    réacteurs sur 16 réparés")."""
    j = fig.last
    if j >= len(toks):
        return False
    t = toks[j]
    if not t.is_word or t.is_title or t.lower in data.not_subjects \
            or t.lower in data.prenominal or t.lower.replace("’", "'") in data.pronoun_forms:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if t.pos == "PRON":
        return True
    if t.pos == "VERB" and t.verbform == "Part" and nxt is not None and nxt.pos == "AUX" \
            and t.lower.endswith(tuple(data.plural_marks)):
        return True  # "200 salariés ont été licenciés": a participle never precedes its own
        # auxiliary, so a plural one between a count and an auxiliary is the count's noun
    if t.pos == "VERB" and _plural_form(t, data) \
            and not t.lemma.endswith(tuple(data.infinitive_endings)):
        return True  # "11 réacteurs sur 16": a verb's lemma is its infinitive, so a plural
        # word whose lemma is no infinitive is a noun the model tagged as a verb
    return t.pos == "ADJ" and _plural_form(t, data) \
        and (nxt is None or nxt.pos not in ("NOUN", "PROPN"))


def after_negation(toks: tuple[Tok, ...], j: int) -> bool:
    """Whether the word at ``j`` follows a negation, so is a verb whatever its tag ("les
    recettes n'augmentent que de": the small model reads "augmentent" as a noun)."""
    return j > 0 and toks[j].is_word and toks[j - 1].lower in grammar().negations


#: Tokens between a negation and the "que" of its restriction ("n'a pas progressé que").
_RESTRICTION_REACH = 4


def restrictive_que(toks: tuple[Tok, ...], j: int) -> bool:
    """Whether token ``j`` is the "que" of a restriction "ne ... que" right after its verb
    ("n'augmentent que de 11,6 %", "n'a progressé que de"): the figure completes that verb."""
    g = grammar()
    if toks[j].lower not in g.restriction_words or j < 1 \
            or not (toks[j - 1].pos in ("VERB", "AUX") or toks[j - 1].verbform == "Part"
                    or after_negation(toks, j - 1)):
        return False
    return any(toks[k].lower in g.negations for k in range(max(0, j - _RESTRICTION_REACH), j - 1))


def change_verb(toks: tuple[Tok, ...], j: int, data: SubjectData) -> bool:
    """Whether a noun of change is the clause's verb, which the small model tagged as a noun
    ("son épargne brute baisse de 4 %", "le chômage recule de 0,2 point"): no determiner nor
    preposition opens it ("une forte baisse de", "en baisse de"), the noun phrase before it
    ends right there."""
    from factcheck.context.phrases import lemma_of, noun_past_adjectives

    if lemma_of(toks[j], data) not in data.change_nouns or toks[j].is_title:
        return False
    k = noun_past_adjectives(toks, j - 1)
    if k is None:
        return False
    return k == j - 1 or toks[j - 1].lower not in data.prenominal


def copula_noun(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun a bare count is said to be: "Parmi les détenus, 20 563 sont des prévenus" ->
    prévenu (a count right before a finite "être", "des" and a common noun)."""
    g = grammar()
    j = fig.last
    if fig.mention.kind != Kind.COUNT or j + 2 >= len(toks):
        return None
    verb = toks[j]
    if verb.lemma not in g.copula_lemmas or verb.verbform != "Fin" \
            or toks[j + 1].lower not in g.plural_de:
        return None
    k = j + 2
    while k < len(toks) and toks[k].lower in data.prenominal:
        k += 1
    if k < len(toks) and toks[k].pos == "NOUN" and toks[k].is_word and not toks[k].is_title \
            and toks[k].lower not in data.not_subjects \
            and toks[k].lower not in data.wrapping_nouns:  # not "sont des estimations"
        return k
    return None


def orphan_adjective(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """An adjective the small model gave to a noun ("un nouveau prêt à Kiev")."""
    if toks[k].pos != "ADJ" or (k + 1 < len(toks) and toks[k + 1].pos in ("NOUN", "PROPN", "ADJ")):
        return False
    return _after_determiner(toks, k, data)


def mistagged_noun(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """A noun tagged as a verb or an adjective: not a finite verb or an infinitive, right after
    a determiner (and adjectives), and not followed by a noun ("un nouveau gazoduc de")."""
    t = toks[k]
    if _marked_change(toks, k, data):
        return True  # "658 M€, en recul de 34,2 %": "recul" tagged as a verb after "en"
    if t.pos not in ("VERB", "ADJ") or t.verbform in ("Fin", "Inf") or not t.is_word:
        return False
    if t.is_title:
        return False
    if k + 1 < len(toks) and toks[k + 1].pos in ("NOUN", "ADJ"):
        return False
    return _after_determiner(toks, k, data)


def _after_determiner(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """Token ``k`` follows a determiner, adjectives between them ("un nouveau <k>")."""
    j = k - 1
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    return j >= 0 and (toks[j].pos == "DET" or toks[j].lower in data.determiners)


def _marked_change(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    """A noun of change the model tagged as a verb or an adjective in a phrase of change
    opened by its marker ("en recul de", "en nette baisse de"): after "en" it is no verb."""
    t = toks[k]
    if t.pos not in ("VERB", "ADJ") or not t.is_word or t.is_title \
            or t.lower not in data.change_nouns:
        return False
    j = k - 1
    while j >= 0 and toks[j].pos in ("ADJ", "ADV") and toks[j].lower not in data.change_markers:
        j -= 1
    return j >= 0 and toks[j].lower in data.change_markers


def mistagged_pronoun(t: Tok, data: SubjectData) -> bool:
    """A noun the small model tagged as a pronoun ("des dizaines de pompiers", "60 km de
    digues"): a lower-case word tagged PRON that is no pronoun."""
    return t.pos == "PRON" and t.is_word and not t.is_title \
        and t.lower.replace("’", "'") not in data.pronoun_forms
