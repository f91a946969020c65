"""A figure completing a relative clause whose "que" is the verb's object.

"un seuil que la chancelière a abaissé à 5 000 livres": the verb sets its object (the
relative "que", standing for "seuil") at the figure's level; the relative clause's subject
("la chancelière", a person; "le conseil", a body) is who sets it, never the metric. Only
verbs that always take an object (``object_level_verbs`` of ``context_subject.toml``) are
read so: after "que" opening a completive ("l'espoir que les prix baissent de 3 %") the
clause subject is the metric, and those verbs are left to the clause-subject rule.
"""

from __future__ import annotations

from factcheck.context._phrase_heads import phrase_head
from factcheck.context.lexicon import SubjectData
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import lemma_of

# The relative clause's subject is a short noun phrase or a pronoun ("la chancelière",
# "le conseil municipal", "elle"); a longer stretch is no such clause.
_MAX_SUBJECT = 5
_SUBJECT_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "PRON", "ADP"})
_REFLEXIVE = frozenset({"se", "s'", "s’"})


def object_relative_antecedent(
    toks: tuple[Tok, ...], fig: Figure, v: int, data: SubjectData
) -> int | None:
    """The noun "que" stands for when the verb at ``v`` (one of ``object_level_verbs``) has
    it as object and the figure as its level; None otherwise."""
    verb = toks[v]
    if verb.lemma not in data.object_level_verbs and verb.lower not in data.object_level_verbs:
        return None
    if _object_after(toks, fig):
        return None  # "que l'État fixe à 3 % le taux": the object is written after
    j = v - 1
    while j >= 0 and toks[j].pos in ("AUX", "ADV"):
        j -= 1
    if j >= 0 and toks[j].lower in _REFLEXIVE:
        return None  # "que le taux s'établit à": the verb has no object
    start = j
    while j >= 0 and start - j < _MAX_SUBJECT and toks[j].pos in _SUBJECT_POS \
            and toks[j].lower not in data.relative_objects:
        j -= 1
    if j == start or j < 1 or toks[j].lower not in data.relative_objects:
        return None
    return noun_before_relative(toks, j - 1, data, ",")  # "le plafond, que"


def noun_before_relative(toks: tuple[Tok, ...], j: int, data: SubjectData,
                         skipped: str) -> int | None:
    """The head of the noun phrase a relative pronoun stands for, the noun ending at or
    before ``j`` (adjectives and the punctuation of ``skipped`` passed over: "le plafond,
    que", "la dette, « qui"); None when no common noun that can be a metric ends there."""
    while j >= 0 and (toks[j].pos == "ADJ" or toks[j].text in skipped):
        j -= 1
    if j < 0 or toks[j].pos != "NOUN" or toks[j].is_title or not toks[j].is_word:
        return None
    lem = lemma_of(toks[j], data)
    if lem in data.time_nouns or lem in data.not_subjects:
        return None
    return phrase_head(toks, j, data)


def _object_after(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """Whether a determiner and a noun follow the figure (an object placed after it)."""
    k = fig.last
    return k + 1 < len(toks) and toks[k].pos == "DET" and toks[k + 1].pos in ("NOUN", "ADJ")
