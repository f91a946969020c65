"""The noun right after a figure, for :mod:`.nouns` (which re-exports the public names):
what it counts ("46 drones", "près de 60 % des foyers", "988 milliards de dollars d'aide"),
over the adjectives placed before that noun ("6 000 nouveaux cas"), a quoted term ("huit
« zones rouges »"), a "de" that links it (not after a bare count: "12 de croisière"), and
nouns the small model tagged otherwise (participles, adverbs, capitalised words); the noun an
ordinal ranks ("la troisième nuit consécutive")."""

from __future__ import annotations

from factcheck.context._phrase_heads import lowercase_proper
from factcheck.context.counted_names import capitalised_counted, counted_acronym
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.mistags import mistagged_after_count, mistagged_pronoun
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import (
    acronym,
    lemma_of,
    nounish,
    number_word,
    topic_marker,
)
from factcheck.models import Kind

_CLOSING = frozenset({"»", '"', "”", ")"})
#: What a quoted counted term may be tagged as: a word of content, not a function word.
_QUOTED_POS = frozenset({"NOUN", "ADJ", "VERB", "PROPN"})
#: Words of a quoted term at most ("« zones rouges »", "« Gilets jaunes »"): a longer quote
#: is a saying, not a term.
_MAX_QUOTED_WORDS = 3


def noun_after(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    g = grammar()
    j = fig.last
    bracketed = (0 < fig.first <= len(toks) and toks[fig.first - 1].text in g.gloss_openers) \
        or (fig.first < len(toks) and toks[fig.first].text[:1] in g.gloss_openers)  # "(-8"
    while j < len(toks) and toks[j].text in _CLOSING:  # "« plusieurs dizaines de milliers » de"
        if bracketed and toks[j].text in g.gloss_closers and fig.mention.kind == Kind.PERCENT:
            return None  # "une saison en baisse (-12 %) faute de neige": a share or a change
            # in brackets glosses the words before them, not a noun after them
        j += 1
    if j + 1 < len(toks) and toks[j].text in data.opening_quotes and toks[j + 1].pos == "NOUN":
        j += 1  # "huit « zones rouges »": the term quoted is what is counted
    if j < len(toks) and toks[j].lower in g.de_links:
        if not _links_with_de(toks, fig, data) and toks[j].lower in g.de:
            return None
        j += 1
        if (
            j < len(toks)
            and toks[j - 1].lower in g.de
            and (toks[j].lower in g.articles_after_de or toks[j].lower in data.determiners)
        ):
            j += 1  # "de la richesse", "de son territoire"
    quoted = _quoted_term(toks, j, data)
    if quoted:
        j += 1  # "quelques centaines de « Gilets jaunes »", "près de 6 000 « insurgés »"
    elliptic = j < len(toks) and toks[j - 1].lower in g.de \
        and toks[j].lower in data.elliptic_after_de \
        and not _noun_after_other(toks, j + 1, data)
    if j == fig.last and fig.mention.kind == Kind.MONEY and j < len(toks) \
            and toks[j].pos in ("ADJ", "VERB"):
        return None  # "306 M€ dédiés aux transports": an amount's noun comes after "de"
    walked = j
    if not elliptic:
        j = past_prenominal(toks, j, data)  # "6 000 nouveaux cas", "trois premiers wagons"
    if j < len(toks) and toks[j].is_word and toks[j].lower.endswith(data.finite_plural_endings):
        return None  # "340 bénéficiaient d'une protection": the verb the figure is subject of
    if j == fig.last < len(toks) and _unlemmatised_present(toks[j], fig, data):
        return None  # "1 500 défilent à Lyon": a verb the small model could not read
    if j < len(toks) and (nounish(toks[j], data) or toks[j].lower in data.people_participles
                          or quoted or j > walked or (
            lowercase_proper(toks[j]) and not number_word(toks[j], data)) or (
            j > fig.last and toks[j - 1].lower in g.de and (
                mistagged_pronoun(toks[j], data) or _participle_noun(toks[j], data)
                or _inflected_adverb(toks[j], data))) or _counted_participle(toks, fig, j, data)
            or (j > fig.last and toks[j - 1].lower in g.plural_de and acronym(toks[j]))
            or capitalised_counted(toks, fig, j) or counted_acronym(toks, fig, j)
            or (j == fig.last and fig.mention.kind == Kind.COUNT
                and (_plural_adverb(toks[j], data) or mistagged_after_count(toks, fig, data)))):
        # ("70 % des TGV": a common noun written as an acronym, after "des"; "200 000
        # téléspectateurs" tagged as an adverb right after a count)
        lem = lemma_of(toks[j], data)
        if j > fig.last and topic_marker(toks, j, data):
            return None  # "ils étaient 300 du côté de Draguignan": where, not what
        own_noun = j == fig.last and fig.mention.kind == Kind.COUNT  # "3 000 produits"
        base = lem in data.bases or toks[j].lower in data.bases or (
            j + 1 < len(toks) and f"{lem} {toks[j + 1].lower}" in data.bases)
        if j == fig.last and lem in data.trailing_bounds:
            return None  # "une hausse de 10 % maximum": a bound, not what is counted
        if (base and not own_noun) or lem in data.time_nouns:
            return None  # "5,8 % du PIB", "7,3 % de la population active", "8 % fin 2025"
        if j + 1 < len(toks) and toks[j + 1].text in g.unit_ratio_marks:
            return None  # "62,4 q/ha": a unit per unit, not what is measured
        return j
    return None


def _quoted_term(toks: tuple[Tok, ...], j: int, data: SubjectData) -> bool:
    """An opening quote at ``j`` (after the figure or its "de") before a term of at most
    ``_MAX_QUOTED_WORDS`` words that the quote closes: the term is what is counted, whatever
    the tagger read it as ("près de 6 000 « insurgés » interpellés", a participle;
    "composé de quelques centaines de « Gilets jaunes »", a capitalised noun), not a
    function word ("« en moyenne »"), a number or a word never counted."""
    if j + 2 >= len(toks) or toks[j].text not in data.opening_quotes:
        return False
    t = toks[j + 1]
    if not t.is_word or t.pos not in _QUOTED_POS or t.lower in data.not_subjects \
            or number_word(t, data):
        return False
    end = min(len(toks), j + 2 + _MAX_QUOTED_WORDS)
    return any(toks[k].text in data.closing_quotes for k in range(j + 2, end))


def _unlemmatised_present(t: Tok, fig: Figure, data: SubjectData) -> bool:
    """A word right after a count above one, in the present's plural ending, that the tagger
    read as a noun or verb but left unlemmatised: the verb the count is subject of, not its
    (plural) noun ("dont 15 grièvement", an adverb, keeps its reading)."""
    return fig.mention.kind == Kind.COUNT and fig.mention.value != 1 \
        and t.pos in ("NOUN", "VERB") and t.is_word and not t.is_title and t.lemma == t.lower \
        and t.lower.endswith(data.present_plural_endings) \
        and not t.lower.endswith(data.manner_adverb_endings)


def _noun_after_other(toks: tuple[Tok, ...], j: int, data: SubjectData) -> bool:
    """Whether "d'autres" is an adjective before the noun at ``j`` ("d'autres riverains"),
    not an elided noun in a state ("d'autres blessées")."""
    return j < len(toks) and toks[j].pos == "NOUN" and not toks[j].is_title \
        and not toks[j].lower.endswith(data.elliptic_state_endings)


def _participle_noun(t: Tok, data: SubjectData) -> bool:
    """A past participle after "N % de": a noun ("84,9 % d'admis", "30 % de reçus")."""
    return t.pos == "VERB" and t.is_word and not t.is_title and t.verbform not in ("Fin", "Inf") \
        and t.lower.endswith(grammar().participle_endings) and t.lower not in data.not_subjects


def _inflected_adverb(t: Tok, data: SubjectData) -> bool:
    """A noun the small model tagged as an adverb after "millions de" ("12 millions de
    téléspectateurs"): adverbs do not inflect, so a word whose lemma differs from it is none."""
    return t.pos == "ADV" and t.is_word and not t.is_title and bool(t.lemma) \
        and t.lemma != t.lower and t.lower not in data.not_subjects


def _plural_adverb(t: Tok, data: SubjectData) -> bool:
    """A plural noun tagged as an adverb ("200 977 téléspectateurs"): the word is its lemma
    with a plural mark, which a verb tagged so ("sur 10 000 concernaient") is not."""
    return _inflected_adverb(t, data) \
        and any(t.lower == t.lemma + mark for mark in data.plural_marks)


def _counted_participle(toks: tuple[Tok, ...], fig: Figure, j: int, data: SubjectData) -> bool:
    """A participle used as a noun between a determiner and its complement or the end of the
    phrase: "les 51 accusés du procès", "ses 12 blessés,"; not "2 millions versés par"."""
    if j != fig.last or j >= len(toks) or fig.first < 1 or fig.mention.kind != Kind.COUNT:
        return False
    if toks[fig.first - 1].lower not in data.determiners or not _participle_noun(toks[j], data):
        return False
    if toks[fig.last - 1].lower in data.scale_words:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or nxt.pos in ("PUNCT", "AUX") or nxt.lower in grammar().de_links


def past_prenominal(toks: tuple[Tok, ...], j: int, data: SubjectData) -> int:
    """The noun after the adjectives placed before it ("nouveaux cas", "autres décès", "plus
    importantes majors"), else ``j`` itself."""
    k = j
    superlative = False
    while k < len(toks):
        if toks[k].lower in data.prenominal:
            k += 1
        elif toks[k].lower in data.intensifiers and k + 1 < len(toks) and toks[k + 1].pos == "ADJ":
            k += 2
            superlative = True
        else:
            break
    if k > j and k < len(toks) and toks[k].pos == "NOUN" and toks[k].is_word:
        return k  # "trois anciennes Régions": a common noun, capitalised or not
    if k > j and k < len(toks) and toks[k].pos == "ADJ" and _after_superlative(toks[k], data):
        return k  # "quatre fortes répliques", the noun tagged an adjective
    if superlative and k < len(toks) and _after_superlative(toks[k], data):
        return k  # "la deuxième plus faible récolte", the noun tagged an adjective or adverb
    return j


def _after_superlative(t: Tok, data: SubjectData) -> bool:
    """A lowercase word after "plus" and an adjective ("les cinq plus importantes majors"):
    a noun the small model tagged otherwise (adjective, or adverb by its inflection); the
    superlative of an elided noun is followed by "de", "que" or a punctuation, not a word."""
    if not t.is_word or t.is_title or t.lower in data.not_subjects:
        return False
    return t.pos == "ADJ" or _inflected_adverb(t, data)


def ordinal_noun(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun an ordinal ranks, right after it, time nouns included ("la troisième nuit
    consécutive", "pour la première fois", "la deuxième plus faible récolte")."""
    j = past_prenominal(toks, fig.last, data)
    if j < len(toks) and (toks[j].pos == "NOUN" or j > fig.last) and toks[j].is_word \
            and not toks[j].is_title and not number_word(toks[j], data):
        return j
    return None


def _links_with_de(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """Whether "de" after the figure introduces what it counts: after a unit, a percentage
    or a scale word ("2 millions de soldats"), not after a bare count ("12 de croisière")."""
    if fig.mention.kind != Kind.COUNT:
        return True
    if fig.last + 1 < len(toks) and toks[fig.last + 1].lower in data.partitive_determiners:
        return True  # "deux de ces athlètes": members of a group
    return fig.last > 0 and toks[fig.last - 1].lower in data.scale_words


def elided_before_state(toks: tuple[Tok, ...], figs: list[Figure], n: int, k: int,
                        data: SubjectData, before_noun: int | None = None) -> bool:
    """Whether the word ``k`` right after figure ``n`` is a participle stating what became of
    a noun left out, the noun of the figure before: the whole after "sur" ("12 réacteurs sur
    20 réparés", "30 sur les 48 lancés par"), or a clause parallel to a participle's ("310
    suspects ont été interpellés, 140 écroués"), or a participle opening its own complement
    that agrees with the noun of the figure before (``before_noun``), after a term of
    comparison ("par rapport aux 415 000 comptés par la même organisation", "contre 258
    enregistrés à la même période") or repeating the participle that noun had ("82 000
    personnes privées d'eau, près de 40 000 privées d'internet"). Participles naming people
    ("78 blessés", "342 passagers et 10 employés à son bord") and a noun with its complement
    ("30 accusés du procès") are what the figure counts."""
    fig = figs[n]
    if n > 0 and k == fig.last and _state_with_complement(toks, k, before_noun, data) \
            and (_after_comparison(toks, fig, data) or _same_state_before(toks, figs[n - 1], k)):
        return True
    if n == 0 or k != fig.last or not _state_form(toks, k, data):
        return False
    g = grammar()
    before = figs[n - 1]
    j = fig.first - 1
    if j > before.last and toks[j].lower in data.determiners:
        j -= 1  # "sur les 48"
    if j >= before.last and toks[j].lower in data.out_of_words:
        # Only the noun phrase of the figure before between them: "12 réacteurs sur 20".
        return all((t.pos in ("NOUN", "ADJ") or mistagged_after_count(toks, before, data))
                   and t.is_word for t in toks[before.last:j])
    if toks[fig.first - 1].lower not in g.coordinators:
        return False
    clause = toks[before.last:fig.first - 1]  # "ont été interpellés" before ", 140 écroués"
    return any(t.pos == "AUX" for t in clause) \
        and any(t.pos == "VERB" and t.verbform == "Part" for t in clause)


def _state_word(t: Tok, data: SubjectData) -> bool:
    """A lower-case word in a participle's ending saying what became of something, not a
    participle naming people ("blessés")."""
    return t.is_word and not t.is_title and t.pos in ("NOUN", "VERB", "ADJ") \
        and t.lower not in data.people_participles \
        and t.lower.endswith(data.elliptic_state_endings)


def _state_form(toks: tuple[Tok, ...], k: int, data: SubjectData) -> bool:
    if not _state_word(toks[k], data):
        return False
    return k + 1 >= len(toks) or toks[k + 1].lower not in grammar().de_links


def _after_comparison(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """Whether a term of comparison opens the figure ("contre 258", "par rapport aux
    415 000"): the figure compared with restates the noun of the figure before."""
    words = [t.lower for t in toks[max(0, fig.first - 2):fig.first]]
    return any(" ".join(words[-len(term.split()):]) == term for term in data.comparison_terms)


def _same_state_before(toks: tuple[Tok, ...], before: Figure, k: int) -> bool:
    """Whether the figure before is followed by its noun and the same participle opening its
    complement: "82 000 personnes privées d'eau, près de 40 000 privées d'internet" (not
    "11 600 emplois salariés privés ... sous la barre des 60 000 salariés pour")."""
    nxt = before.last + 1
    return nxt + 1 < k and toks[nxt].lower == toks[k].lower and toks[nxt + 1].pos == "ADP"


def _state_with_complement(toks: tuple[Tok, ...], k: int, before_noun: int | None,
                           data: SubjectData) -> bool:
    """A bare count's participle followed by a complement of the verb (an agent, a time, a
    thing lacked: a preposition) whose gender is the gender of the noun the figure before
    counts (or a noun the tagger gave no gender): a state of that noun left out, not a noun
    of people."""
    t = toks[k]
    if before_noun is None or not _state_word(t, data):
        return False
    if k + 1 >= len(toks) or toks[k + 1].pos != "ADP":
        return False
    noun = toks[before_noun]
    feminine = t.lower.endswith(data.feminine_participle_endings)
    return noun.pos == "NOUN" and (not noun.gender or (noun.gender == "Fem") == feminine)


def state_of_part(toks: tuple[Tok, ...], k: int, whole_noun: int | None,
                  data: SubjectData) -> bool:
    """Whether the word ``k`` right after a bare count in a part ("dont 40 placées en
    détention", "dont 30 jugés hors de danger") is a participle stating what became of part of
    the whole, not a noun of its own: a state word opening a complement of the verb (a
    preposition other than "de": "dont 300 salariés de l'usine" counts salariés) that agrees
    in gender with the whole's noun ("250 personnes, dont 40 placées"; "1 200 personnes,
    dont 300 salariés en CDI" counts salariés). A masculine one must be tagged a verb: in the
    masculine a participle and a noun of people look alike ("120 élus, dont 30 députés en
    exercice" counts députés), where a feminine one after a feminine whole is a state."""
    if k + 1 < len(toks) and toks[k + 1].lower in grammar().de_links:
        return False
    if toks[k].pos != "VERB" and not toks[k].lower.endswith(data.feminine_participle_endings):
        return False
    return _state_with_complement(toks, k, whole_noun, data)

