"""The head of a noun phrase, back over its "de" complements (:func:`phrase_head`,
:func:`phrase_top`), and a lowercase noun the tagger took for a proper one
(:func:`lowercase_proper`), for ``factcheck.context.nouns``, which re-exports them. Private
to ``factcheck.context``."""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData
from factcheck.context.nlp import Tok
from factcheck.context.phrases import acronym, lemma_of, noun_tagged_verb

#: Prepositions that join a complement to the noun it completes ("un taux de réussite au
#: baccalauréat", "une baisse de l'emprunt d'équilibre").
_COMPLEMENT_LINKS = frozenset({"de", "d'", "du", "des", "au", "aux"})
MAX_COMPLEMENTS = 3


def phrase_head(toks: tuple[Tok, ...], j: int, data: SubjectData) -> int:
    """The head of the noun phrase whose last noun is ``j``: back over its complements ("un
    taux de réussite au baccalauréat général de 95,7 %" measures the taux); a noun of change
    or estimate at the head hands over to its complement later (``subject_at``)."""
    chain = _complement_chain(toks, j, data)
    for i in range(1, len(chain)):
        if lemma_of(toks[chain[i]], data) in data.wrapping_nouns:
            # "une baisse de l'emprunt d'équilibre de 17 %": the emprunt; "sous l'effet de
            # la baisse du rendement (-6,9 %)": the noun of change, even as a complement,
            # hands over to what changes.
            return chain[i - 1]
    return chain[-1]


def phrase_top(toks: tuple[Tok, ...], j: int, data: SubjectData) -> int:
    """The first noun of the noun phrase whose last noun is ``j``, back over its complements
    ("la hausse des impôts" -> hausse), a noun of change included."""
    return _complement_chain(toks, j, data)[-1]


def _complement_chain(toks: tuple[Tok, ...], j: int, data: SubjectData) -> list[int]:
    """The nouns from ``j`` back to the head its "de" complements hang from ("un taux de
    réussite au baccalauréat" -> baccalauréat, réussite, taux)."""
    if j > 0 and toks[j - 1].pos == "NOUN" and not toks[j - 1].is_title \
            and toks[j].pos == "NOUN" and lemma_of(toks[j - 1], data) not in data.time_nouns:
        j -= 1  # "une dette nette de": a French noun phrase is headed by its first noun
    elif j > 0 and acronym(toks[j - 1]) and toks[j].pos == "NOUN" and toks[j].text.islower():
        j -= 1  # "une progression du PIB tricolore de 1,1 %": a word after an acronym qualifies it
    chain = [j]
    for _ in range(MAX_COMPLEMENTS):
        k = j - 1
        while k >= 0 and (toks[k].pos == "DET" or toks[k].lower in data.determiners) \
                and not (k > 0 and toks[k].lower in _COMPLEMENT_LINKS
                         and (toks[k - 1].pos in data.des_after_pos
                              or noun_tagged_verb(toks, k - 1))):
            k -= 1  # not the "des" of "la hausse des impôts", a preposition there
        purpose = lemma_of(toks[j], data) in data.purpose_complements
        if k < 1 or (toks[k].lower not in _COMPLEMENT_LINKS
                     and not (purpose and toks[k].lower in data.purpose_complement_links)):
            break
        if toks[k + 1].lower in data.indefinite_articles and not purpose:
            break  # "la faiblesse d'un fonds de 1 million": the figure is the fonds'
        h = k - 1
        if h > 0 and toks[h].lower in data.relation_participles:
            h -= 1  # "les dépenses liées aux infrastructures": the noun the participle ties
        while h >= 0 and toks[h].pos == "ADJ":
            h -= 1
        if h < 0 or (toks[h].pos != "NOUN" and not lowercase_proper(toks[h])
                     and not noun_tagged_verb(toks, h)) \
                or toks[h].is_title or not toks[h].is_word:
            break  # (nor the "%" of "20 % de grévistes")
        lem = lemma_of(toks[h], data)
        if lem in data.not_subjects or lem in data.time_nouns or lem in data.containers \
                or (lem in data.packaging_nouns and not purpose) or _locution(toks, h, data):
            break
        j = h
        chain.append(j)
        if purpose:
            break  # "un plan d'urgence de 8 millions", "une prime à la signature": the plan
    return chain


def _locution(toks: tuple[Tok, ...], h: int, data: SubjectData) -> bool:
    """The noun at ``h`` is part of a verbal locution ("tient compte de", "fait état de"): a
    word of ``locution_nouns`` with no determiner, adjective or preposition before it (the
    verb before may be tagged as a noun: "fait" in "le ministère fait état de")."""
    return toks[h].lower in data.locution_nouns and h > 0 \
        and toks[h - 1].pos not in ("DET", "ADJ", "ADP", "NUM", "PUNCT") \
        and toks[h - 1].lower not in data.determiners


def lowercase_proper(t: Tok) -> bool:
    """A lowercase word the small tagger took for a proper noun, as it does for a noun opening
    a list item ("- cambriolages (+3 %)"): a proper noun is capitalised, so this is a noun."""
    return t.pos == "PROPN" and t.is_word and t.text[:1].islower()
