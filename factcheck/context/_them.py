"""A figure whose noun is a pronoun standing for a plural noun of the sentence before: "Les
étudiants ont répondu au questionnaire. Seuls 12 % d'entre eux ont une bourse" -> étudiant;
"Parmi elles, 40 % ...", "Ils étaient 6 500 selon la préfecture", "Elles sont 3 000 à ...".

Read only when the sentence before has no figure (else the figure takes up that sentence's
metric, :mod:`.anaphora`): the first plural noun of that sentence heading its noun phrase (not
a complement after a preposition) whose gender is the pronoun's ("eux", "ils" masculine or
mixed, "elles" feminine), not a name, a place or a time noun; a noun right after another
is its adjective misread ("des manifestants radicaux"); an agent after "par" may be one ("a
été perturbée par des manifestants. [...] 150 d'entre eux"); none agreeing, no subject.
Words in ``context_subject.toml`` ``[them]``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.context.known_places import known_places
from factcheck.context.lexicon import subject_data
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import before_phrase, subject_at
from factcheck.lang import load_data

#: Words read between the pronoun's verb and the figure.
_GAP = 3


@dataclass(frozen=True, slots=True)
class ThemData:
    masculine: frozenset[str]
    feminine: frozenset[str]
    part_words: tuple[str, ...]
    being_forms: frozenset[str]
    approximators: frozenset[str]
    among: frozenset[str]  # "parmi"
    feminine_endings: tuple[str, ...] = ()
    of_words: frozenset[str] = frozenset()  # "de", "d'": after an approximator, before a complement


@cache
def them_data() -> ThemData:
    full = load_data("fr", "context_subject")
    d = full["them"]
    return ThemData(
        masculine=frozenset(d["masculine"]),
        feminine=frozenset(d["feminine"]),
        part_words=tuple(d["part_words"]),
        being_forms=frozenset(d["being_forms"]),
        approximators=frozenset(d["approximators"]),
        among=frozenset(subject_data().whole_prepositions),
        feminine_endings=tuple(d["feminine_endings"]),
        of_words=frozenset(d["of_words"]),
    )


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


@cache
def _opener() -> re.Pattern[str]:
    d = them_data()
    pron = "|".join(re.escape(w) for w in sorted(d.masculine | d.feminine, key=len, reverse=True))
    among = "|".join(re.escape(w) for w in sorted(d.among))
    being = "|".join(re.escape(w) for w in sorted(d.being_forms, key=len, reverse=True))
    return re.compile(
        rf"^\s*(?:{among})\s+(?:{pron})\b|d['’]\s?entre\s+(?:{pron})\b"
        rf"|(?:^|,)\s*(?:{pron})\s+(?:{being})\b", re.IGNORECASE)


def opens_with_them(sentence: str) -> bool:
    """Whether ``sentence`` may hold a figure standing for a group named before, read on its
    text ("Parmi elles,", "d'entre eux", "ils étaient")."""
    return _opener().search(sentence) is not None


def them_pronoun(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """The pronoun the figure's noun stands for, lower case, or None: "Parmi elles," opening
    the sentence, "d'entre eux" right after the figure, or "ils étaient" heading the clause
    right before it."""
    d = them_data()
    pronouns = d.masculine | d.feminine
    if len(toks) > 2 and _norm(toks[0].text) in d.among and _norm(toks[1].text) in pronouns \
            and toks[2].text == "," and fig.first > 2:
        return _norm(toks[1].text)
    j = fig.last
    if j < len(toks) and toks[j].text == "%":
        j += 1
    after = [_norm(t.text) for t in toks[j:j + len(d.part_words) + 1]]
    if after[:len(d.part_words)] == list(d.part_words) and len(after) > len(d.part_words) \
            and after[-1] in pronouns:
        return after[-1]
    k = fig.first - 1
    while k >= 0 and fig.first - k <= _GAP and (
            _norm(toks[k].text) in d.approximators or (
                _norm(toks[k].text) in d.of_words and k > 0
                and _norm(toks[k - 1].text) in d.approximators)):
        k -= 1
    if k >= 1 and _norm(toks[k].text) in d.being_forms and _norm(toks[k - 1].text) in pronouns \
            and (k - 1 == 0 or toks[k - 2].text == ","):
        return _norm(toks[k - 1].text)
    return None


def them_antecedent(toks: tuple[Tok, ...], fig: Figure, before: tuple[Tok, ...]
                    ) -> tuple[str | None] | None:
    """``(subject,)`` for a figure standing for a group named in ``before`` (the sentence
    before, without figures): the noun agreeing with its pronoun, ``(None,)`` when none
    agrees; None when the figure stands for no such pronoun."""
    p = them_pronoun(toks, fig)
    if p is None:
        return None
    gender = "Masc" if p in them_data().masculine else "Fem"
    data = subject_data()
    of_words = them_data().of_words
    for k, t in enumerate(before):
        if t.pos != "NOUN" or t.number != "Plur":
            continue
        j = before_phrase(before, k)
        if j >= 0 and (before[j].pos == "NOUN" or (
                before[j].pos == "ADP" and (before[j].lemma or _norm(before[j].text)) in of_words)):
            continue  # "des salariés du site": a complement; "manifestants radicaux"
        lemma = t.lemma or t.lower
        if (t.is_title and k > 0) or lemma in data.not_subjects or lemma in data.time_nouns \
                or t.lower in data.time_nouns or known_places(t.text):
            continue
        noun_gender = "Fem" if t.lower.endswith(them_data().feminine_endings) else t.gender
        if noun_gender == gender:
            return (subject_at(before, k, data),)
    return (None,)
