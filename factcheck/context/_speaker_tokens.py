"""What single tokens are, for the readers of speakers and sources: a participle of speech
(:func:`is_participle`), a figure's number (:func:`is_number`), the word opening the next count
of a contrast or a count that ends a source's name (:func:`next_figure_at`,
:func:`count_opens_at`), a hyphen typed for a dash (:func:`spaced_hyphen`), a passive
participle (:func:`is_passive`). Split from ``_speech_words``, whose word lists they read."""

from __future__ import annotations

from factcheck.context._speech_words import speech_words
from factcheck.context._time_data import time_data
from factcheck.context.lexicon import subject_data
from factcheck.context.nlp import Tok


def is_participle(t: Tok) -> bool:
    """A participle of speech, also where the tagger reads its form as finite ("Le parti
    accusé de détournements", a headline without auxiliary): a regular participle ("-é",
    "-ées") is never a finite form."""
    return t.verbform == "Part" or (t.verbform in ("", "Fin")
                                    and t.lower in speech_words().participles)


_LIST_DASHES = frozenset({"-", "–", "—"})


def is_number(t: Tok) -> bool:
    """A figure's token ("81.000", "trois" tagged a number), not a capitalised name the
    tagger reads as one ("Lucie Roesch")."""
    return t.text[:1].isdigit() or (t.pos == "NUM" and not t.is_title)


def next_figure_at(toks: tuple[Tok, ...], j: int) -> bool:
    """Whether the word at ``j`` opens the next count of a contrast: a dash, or "et", "ou",
    "contre" with a number within three words ("selon la CGT et 81 000 pour la préfecture",
    "recensés par la police - et 30 000 par les syndicats"): a source's name ends there."""
    t = toks[j]
    if t.text in _LIST_DASHES:  # a dash between words, not inside one ("Président-Directeur")
        return j == 0 or toks[j - 1].end < t.start
    if t.lower not in speech_words().contrast_links:
        return False
    return any(is_number(x) for x in toks[j + 1 : j + 4])


def count_opens_at(toks: tuple[Tok, ...], j: int) -> bool:
    """Whether a count opens at ``j``, ending the name before it: a number followed by what
    it counts ("selon la police 6 000 personnes", "2,3 %"), or a word opening a count before
    a number ("selon la police environ 8 500"); not "selon France 2," nor "selon le bilan
    2023 du ministère" nor "selon les estimations de trois instituts"."""
    if j > 0 and toks[j - 1].pos in ("ADP", "DET"):
        return False  # "selon les estimations de trois instituts": part of the name
    if toks[j].lower in speech_words().figure_openers:
        return any(is_number(x) for x in toks[j + 1 : j + 3])
    if not is_number(toks[j]):
        return False
    k = j + 1
    while k < len(toks) and is_number(toks[k]):
        k += 1
    if k == j + 2 and _thousands(toks[j].text, toks[j + 1].text):
        return True  # "selon la CGT 80 000." : a number grouped by thousands names nobody
    if k >= len(toks) or toks[k].lower in time_data().months \
            or toks[k].lemma in subject_data().time_nouns:
        return False  # "selon un bilan publié le 13 juin par", "selon le bilan de 2 ans"
    return toks[k].pos == "NOUN" or toks[k].text == "%"


def _thousands(head: str, group: str) -> bool:
    """ "80" then "000": a number written in groups of three digits."""
    return head.isdigit() and len(head) <= 3 and group.isdigit() and len(group) == 3


def spaced_hyphen(toks: tuple[Tok, ...], j: int) -> bool:
    """A hyphen typed for a dash ("Paris, le 08/02/2024 - Airbus"), not inside a word."""
    return toks[j].text == "-" and 0 < j < len(toks) - 1 and toks[j - 1].end < toks[j].start \
        and toks[j].end < toks[j + 1].start


def is_passive(toks: tuple[Tok, ...], v: int) -> bool:
    """A participle after a form of "être" ("est estimée", "a été annoncé"): passive."""
    j = v - 1
    while j >= 0 and toks[j].pos == "ADV":
        j -= 1
    return j >= 0 and toks[j].lemma == "être"
