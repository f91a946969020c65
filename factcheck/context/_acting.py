"""A body acting on the figure: "le conseil d'administration s'est accordé sur un dividende de
3 euros", "la Haute autorité de santé a recommandé de vacciner les plus de 65 ans", "la
mairie a investi 12 millions d'euros". In news convention the body that decides, votes,
fixes, raises, allocates or recommends a figure is its source, though its verb is no verb of
speech. Private to ``factcheck.context.source``.

Only when:

* the subject's head is a body or an office (``acting_bodies``: a council, an authority, a
  bank, a government, a town hall, a ministry; or an acronym in capitals, "la BCE"), not a
  country nor a company named in words: "le Burundi a
  répertorié 173 cas" is the theme of another body's count);
* its verb is a verb of decision, allocation or recommendation (``acting_verbs``), finite
  or a participle after its auxiliary, not negated;
* the figure is that verb's object: no punctuation, pronoun, conjunction or other finite
  verb between them;
* no attribution in the sentence names someone else: no "selon", "d'après", no verb of
  speech (then the rules of speech decide, or nobody).
"""

from __future__ import annotations

from factcheck.context._speech_words import (
    introducer_pattern,
    lowered_text,
    speech_at,
    speech_words,
)
from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.speakers import NP_END

_ACT_REACH = 10  # words between the verb and its figure ("a recommandé début mars de vacciner
# en priorité les personnes de plus de 65 ans")


def _attributed(toks: tuple[Tok, ...], data: SourceData) -> bool:
    """Whether the sentence names a source by "selon"/"d'après" or a verb of speech."""
    if introducer_pattern(data.introducers).search(lowered_text(toks)):
        return True  # "selon", "d'après" (one token or two), "de source"
    for i, t in enumerate(toks):
        if t.pos in ("VERB", "AUX", "NOUN", "ADJ") and speech_at(toks, i, data):
            return True
    return False


def _verb_before(toks: tuple[Tok, ...], first: int) -> int | None:
    """Index of the verb of acting that governs the figure starting at ``first``."""
    w = speech_words()
    for v in range(first - 1, max(-1, first - 1 - _ACT_REACH), -1):
        t = toks[v]
        finite = t.pos in ("VERB", "AUX") and t.verbform == "Fin"
        if t.lemma in w.acting_verbs and t.pos == "VERB" and (
            finite or (t.verbform == "Part" and v > 0 and toks[v - 1].pos == "AUX")
        ):
            return v
        if t.text in NP_END or t.pos in ("NUM", "PRON", "SCONJ", "CCONJ") or finite \
                or (t.pos in ("VERB", "AUX") and t.verbform == "Part"):
            return None
    return None


def _subject(toks: tuple[Tok, ...], v: int, data: SourceData) -> list[Tok] | None:
    """The noun phrase before the verb at ``v`` (past its auxiliaries, adverbs and a
    reflexive clitic), when a word of its head is a body that acts."""
    w = speech_words()
    g = grammar()
    j = v - 1
    while j >= 0 and (toks[j].pos in ("AUX", "ADV") or toks[j].lower in w.acting_clitics
                      or toks[j].lower in data.verb_fillers):
        if toks[j].lower in data.speech_negations:
            return None  # "le conseil n'a pas voté les 3 millions"
        j -= 1
    np: list[Tok] = []
    while j >= 0 and toks[j].lower not in g.speaker_boundaries and toks[j].pos not in (
        "NUM", "VERB", "AUX", "PRON", "SCONJ"
    ):
        np.insert(0, toks[j])
        j -= 1
    while np and np[0].lower in w.clause_openers:
        np = np[1:]
    head: list[Tok] = []
    for t in np:  # the words before the complement: "conseil d'administration", "Haute autorité"
        if t.lower in w.body_complements or t.pos == "ADP":
            break
        head.append(t)
    if not any(t.lower in w.acting_bodies or t.lemma in w.acting_bodies or _acronym(t)
               for t in head):
        return None
    return np


def _acronym(t: Tok) -> bool:
    """ "BCE", "UE", "EDF": a body's initials in capitals."""
    return len(t.text) >= 2 and t.text.isalpha() and t.text.isupper()


def acting_body(toks: tuple[Tok, ...], fig: Figure, data: SourceData) -> list[Tok] | None:
    """The body acting on the figure with a verb of decision or allocation, or None."""
    v = _verb_before(toks, fig.first)
    if v is None or _attributed(toks, data):
        return None
    return _subject(toks, v, data)
