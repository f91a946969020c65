"""Agents: the source of a figure named by a participle's agent ("le chiffre avancé par
Kiev", "3 milliards avancés par la presse") (the subject of a gapped clause, "et les
syndicats 22 000", is in ``_gapped``), the body that counts as subject of a verb of
counting, the agent of a passive of counting (the court that passed a sentence is in
``_courts``). Private to ``factcheck.context.source``."""

from __future__ import annotations

from functools import cache

from factcheck.context._speaker_tokens import is_number
from factcheck.context._speech_words import (
    speech_words,
)
from factcheck.context.lexicon import SourceData, grammar, subject_data
from factcheck.context.nlp import Figure, Tok
from factcheck.context.speakers import NP_END, np_after, topic_incise

_AGENT_REACH = 8  # words between a figure and "avancé par X" in its noun phrase
_AGENT_GAP = 6  # words between "recensés" and "par" ("recensés, en fin de journée, par")

def passive_agent(toks: tuple[Tok, ...], before: int, data: SourceData) -> list[Tok] | None:
    """ "Le chiffre avancé par Kiev, 50 000 soldats": the agent of a speech participle."""
    for v in range(before - 2, -1, -1):
        if toks[v + 1].lower in grammar().agent_preps and toks[v].lower in data.agent_verbs:
            if _relays_selon(toks, v, data):
                continue  # "Selon le club, cité par L'Équipe,": the outlet only relays
            np = np_after(toks, v + 2, data)
            if np and not any(t.pos == "NUM" for t in np):
                return np
    return None


def _relays_selon(toks: tuple[Tok, ...], v: int, data: SourceData) -> bool:
    """The participle at ``v`` is a verb of relay apposed to a "selon X" ("Selon le club,
    cité par L'Équipe, ..."): its agent passes on X's words."""
    if v < 3 or toks[v - 1].text != "," or (
            toks[v].lemma not in speech_words().relay_participles
            and toks[v].lower not in data.agent_after_verbs):
        return False
    k = v - 2
    while k > 0 and toks[k - 1].text not in NP_END:
        k -= 1
    first, second = toks[k].lower, toks[k + 1].lower
    return any(i in (first, first + second, f"{first} {second}") for i in data.introducers)


def _aux_of_participle(toks: tuple[Tok, ...], k: int, data: SourceData) -> bool:
    """ "avaient été dénombrés": auxiliaries before a participle of counting."""
    j = k + 1
    while j < len(toks) and toks[j].pos in ("AUX", "ADV"):
        j += 1
    return j < len(toks) and toks[j].lower in data.agent_after_verbs


def _agent_prep(toks: tuple[Tok, ...], k: int, preps: frozenset[str]) -> int | None:
    """Index of the "par" of the participle at ``k``: right after it, or past a phrase of
    place or time between commas or without punctuation ("ont été recensés, en fin de
    journée, par la préfecture", "dénombrés dans tout le pays par le ministère")."""
    for j in range(k + 1, min(len(toks), k + 2 + _AGENT_GAP)):
        t = toks[j]
        if t.lower in preps:
            return j
        if (t.text in NP_END and t.text != ",") or t.verbform == "Fin" or is_number(t):
            return None
    return None


_QUOTED_WORDS = 3  # words a writer sets in quotation marks inside a noun phrase


@cache
def _quote_marks() -> tuple[frozenset[str], frozenset[str]]:
    data = subject_data()  # opening and closing marks, a straight one either
    return data.opening_quotes | data.straight_quotes, data.closing_quotes | data.straight_quotes


def quoted_word(toks: tuple[Tok, ...], k: int) -> int:
    """Index of the closing mark when ``toks[k]`` opens a word or two the writer quotes
    inside a noun phrase ("1 000 manifestants « radicaux » ont été signalés par la
    préfecture"): a few words, no verb, no punctuation; else ``k``."""
    opening, closing = _quote_marks()
    if toks[k].text not in opening:
        return k
    for j in range(k + 1, min(len(toks), k + 2 + _QUOTED_WORDS)):
        if toks[j].text in closing:
            return j if j > k + 1 else k
        if toks[j].text in NP_END or toks[j].pos in ("VERB", "AUX", "PUNCT"):
            return k
    return k


_HEAD_LINKS = 2  # "un plan d'économies de 2 milliards": complements walked back to the head


def _presented(toks: tuple[Tok, ...], first: int, data: SourceData) -> bool:
    """Whether the figure at token ``first`` completes a plan, a budget or a document
    (``presented_nouns``, ``documents``), whose presenter states it: "un plan de 800
    suppressions de postes présenté par la direction", "un plan d'économies de 2 milliards";
    not "contre 30 % pour la liste présentée par le RN"."""
    links = grammar().de_links
    j = first - 1
    for _ in range(_HEAD_LINKS):
        if j < 1 or toks[j].lower.replace("’", "'") not in links:
            return False
        j -= 1
        while j > 0 and toks[j].pos == "ADJ":
            j -= 1
        if toks[j].lower in data.presented_nouns or toks[j].lower in data.documents:
            return True
        j -= 1
    return False


def _agent_end(np: list[Tok], data: SourceData) -> int:
    """Where the agent after "par" ends: at a verb ("cité par l'AFP circule depuis hier"), a
    word of purpose or a negation ("évoqué par la presse pour le transfert"), or a determiner
    no preposition opens: a phrase of time ("par la direction générale la semaine dernière")
    or the object of a verb the model tagged an adjective, cut with it and its adverbs
    ("présenté par la direction inquiète les syndicats")."""
    links = grammar().de_links
    for i, x in enumerate(np):
        if x.pos in ("VERB", "AUX") or x.lower in data.speech_negations \
                or x.lower in data.agent_stops:
            return i
        if i > 1 and x.pos == "DET" and x.lower.replace("’", "'") not in links \
                and np[i - 1].pos != "ADP":
            if i + 1 < len(np) and np[i + 1].lower in data.leading_time_words:
                return i
            while i > 2 and np[i - 1].pos == "ADV":
                i -= 1  # "la direction inquiète fortement les élus"
            return i - (np[i - 1].pos == "ADJ")
    return len(np)


def agent_after(toks: tuple[Tok, ...], fig: Figure, data: SourceData) -> list[Tok] | None:
    """ "le chiffre de 3 milliards d'euros avancé par la presse": the agent of a speech
    participle in the figure's own noun phrase (no punctuation or finite verb between; a
    word in quotation marks is part of it, ``quoted_word``); a participle of presenting only
    for a figure of a plan or a document (:func:`_presented`)."""
    preps = grammar().agent_preps
    skip = -1
    after = fig.last
    for k in range(after, min(len(toks) - 1, after + _AGENT_REACH)):
        t = toks[k]
        if k <= skip:
            continue
        if (skip := quoted_word(toks, k)) > k:
            continue
        if t.text in NP_END or (t.verbform == "Fin" and t.pos == "VERB"):
            return None
        if t.pos == "AUX" and t.verbform == "Fin" and not _aux_of_participle(toks, k, data):
            return None  # "ont été recensés par": the passive's auxiliaries, no other verb
        by = _agent_prep(toks, k, preps) if t.lower in data.agent_after_verbs and (
            t.lower not in data.presenting_verbs or _presented(toks, fig.first, data)) else None
        if by is not None:
            np = np_after(toks, by + 1, data)
            np = np[:_agent_end(np, data)]
            if np and not any(x.pos == "NUM" for x in np):
                return np
            return None
    return None


_COUNT_REACH = 6  # words between a verb of counting and its figure ("prévoient de vendre")


def counting_subject(toks: tuple[Tok, ...], first: int, data: SourceData) -> list[Tok] | None:
    """The body that counts or expects the figure it governs: "la CGT a compté 800 000
    manifestants", "les autorités attendaient 900 000 personnes", "les organisateurs
    prévoient de vendre 10 millions de billets" -> the subject, when its head is a body that
    counts (``counters``, ``gapped_speakers``); "le Tour comptera 21 étapes" names none.
    "La police n'a compté que 4 500 manifestants": a restriction ("ne ... que"), not a
    denial, keeps the subject. A participle clause with its own subject ("..., la CGT en
    revendiquant 2,3 millions") and a subject taken up by a stressed pronoun ("La CGT, elle,
    a compté") count too.

    The verb is the one governing the figure: a verb tagged finite, or a participle after its
    auxiliary, or a form the tagger misreads found in the tables of the verbs of speech
    (``speech_forms``, the derived finite forms), so only for the verbs of counting that are
    verbs of speech too ("revendiquer", "recenser", "chiffrer"); a form after a determiner
    is a noun ("le chiffre de"). Not the test of ``_counting_place._counting_verb`` (a place as
    subject, anywhere in the clause) nor of ``_stating_bodies.acts_on_count`` (any word of stating
    between a body and its figure): see there."""
    w = speech_words()
    restricted = False
    gerund = False
    for v in range(first - 1, max(-1, first - 1 - _COUNT_REACH), -1):
        t = toks[v]
        known = data.speech_forms.get(t.lower) or w.finite.get(t.lower)  # mis-tagged forms
        if v > 0 and (toks[v - 1].pos == "DET" or toks[v - 1].lower in w.noun_openers):
            known = None  # a noun indeed: "évoque le chiffre de 900 000"
            if t.pos in ("VERB", "AUX"):
                continue
        if (known or t.lemma) in w.counting_verbs and (known or (t.pos in ("VERB", "AUX") and (
            t.verbform == "Fin" or (t.verbform == "Part" and _after_aux(toks, v, data))
        ))):
            break
        if t.lemma in w.counting_verbs and t.pos == "VERB" \
                and t.lower.endswith(w.present_participle_endings):
            gerund = True  # "la CGT en revendiquant 2,3 millions": a clause of its own
            break
        if t.lower in w.restrictive and not restricted:
            restricted = True  # "n'a compté que": read on only if a "ne" comes before the verb
            continue
        if restricted and t.lower in data.speech_negations:
            return None  # "n'attendait pas que 4 500 manifestants défilent"
        if t.text in NP_END or t.pos in ("NUM", "PRON", "SCONJ", "CCONJ") or (
            t.pos in ("VERB", "AUX") and t.verbform != "Inf"
        ):
            return None
    else:
        return None
    j = v - 1
    if gerund:
        return _gerund_subject(toks, j - (j >= 0 and toks[j].lower in w.gerund_marker))
    particle = False
    while j >= 0:
        if topic_incise(toks, j, data):
            j -= 3  # "La CGT a quant à elle dénombré"
            continue
        if not (toks[j].pos in ("AUX", "ADV", "PART") or toks[j].lower in data.verb_fillers
                or toks[j].lower in w.restrictive_particles):
            break
        if toks[j].lower in w.restrictive_particles and restricted:
            particle = True  # "n'a compté que 4 500": a restriction, not a denial
        elif toks[j].lower in data.speech_negations:
            return None  # "la police n'attendait pas 900 000 personnes"
        j -= 1
    if restricted and not particle:
        return None  # "... a compté que": a clause, not the count
    if j >= 2 and toks[j].text == "," and toks[j - 1].lower in w.stressed_pronouns \
            and toks[j - 2].text == ",":
        j -= 3  # "La CGT, elle, a compté": the subject the pronoun takes up
    return _counter_np(toks, j) or _before_apposition(toks, j)


_APPOSITION_REACH = 8  # words of an apposition between a subject and its verb


def _before_apposition(toks: tuple[Tok, ...], j: int) -> list[Tok] | None:
    """ "Le SNES-FSU, premier syndicat du secondaire, a compté": the subject before an
    apposition set off by commas (nouns, adjectives and their complements only, no verb nor
    figure in it), when it is a body that counts."""
    if j < 0 or toks[j].text != ",":
        return None
    for k in range(j - 1, max(-1, j - 1 - _APPOSITION_REACH), -1):
        if toks[k].text == ",":
            return _counter_np(toks, k - 1) if k < j - 1 else None
        if toks[k].pos not in ("DET", "NOUN", "PROPN", "ADJ", "ADP"):
            return None
    return None


def _after_aux(toks: tuple[Tok, ...], v: int, data: SourceData) -> bool:
    """Whether the participle at ``v`` (tagged one) follows its auxiliary, past the words
    between them: "a compté", "ont également enregistré", "a par ailleurs dénombré". A form
    tagged otherwise is left alone (see ``counting_subject``)."""
    j = v - 1
    aux = speech_words().auxiliaries
    while j >= 0 and not (toks[j].pos == "AUX" or toks[j].lower in aux) \
            and toks[j].lower in data.verb_fillers:
        j -= 1
    return j >= 0 and (toks[j].pos == "AUX" or toks[j].lower in aux)


def _counter_np(toks: tuple[Tok, ...], j: int) -> list[Tok] | None:
    """The noun phrase ending at token ``j``, when its head is a body that counts."""
    w = speech_words()
    g = grammar()
    np: list[Tok] = []
    while j >= 0 and toks[j].lower not in g.speaker_boundaries and toks[j].pos != "NUM":
        np.insert(0, toks[j])
        j -= 1
    while np and np[0].lower in w.clause_openers:
        np = np[1:]  # "quand les autorités en ont compté": the subject after the conjunction
    if np and np[0].lower in w.member_possessives and j > 0 \
            and toks[j].lower in g.verb_coordinators:
        return _counter_np(toks, j - 1)  # "la CGT et ses militants": the body named first
    at = next((k for k, x in enumerate(np) if x.pos != "DET" and x.lower not in g.source_articles),
              None)
    if at is None:
        return None
    # A union of a confederation names it after a hyphen ("le SNES-FSU", "la CFE-CGC").
    heads = [np[at], *(np[at + 2 : at + 3] if np[at + 1 : at + 2]
                       and np[at + 1].text == "-" else [])]
    if not any(x.lower in w.counting_subjects or x.lemma in w.counting_subjects for x in heads):
        return None
    return np


def _gerund_subject(toks: tuple[Tok, ...], j: int) -> list[Tok] | None:
    """ "..., la CGT en revendiquant 2,3 millions", "..., les organisateurs revendiquant
    30 000 participants": the subject of a participle clause of its own, a noun phrase right
    before it opened by a comma or a conjunction (not a verb's object: "a publié un bilan en
    recensant")."""
    k = j
    while k >= 0 and toks[k].pos in ("DET", "NOUN", "PROPN", "ADJ", "ADP") \
            and toks[k].lower not in grammar().speaker_boundaries:
        k -= 1
    if k >= 0 and toks[k].lower not in grammar().speaker_boundaries:
        return None
    return _counter_np(toks, j)


_PASSIVE_REACH = 12  # words from a figure to the auxiliary of its passive ("12 décès ... ont été")
_PASSIVE_AGENT = 14  # words from the participle to "par" ("classés comme liés au virus (...) par")


def passive_counted(toks: tuple[Tok, ...], fig: Figure, data: SourceData) -> list[Tok] | None:
    """The agent of the passive of counting whose subject the figure is: "12 décès survenus
    depuis mars ont été classés comme liés au virus (10 directement, 2 indirectement) par le
    comité d'experts" -> the committee. The participle is one of ``agent_after_verbs``; the
    "par" may come after a parenthesis, not after another clause."""
    j = fig.last
    while j < min(len(toks), fig.last + _PASSIVE_REACH) and not (
        toks[j].pos == "AUX" and toks[j].verbform == "Fin"
    ):
        if (end := quoted_word(toks, j)) > j:  # "1 000 manifestants « radicaux » ont été"
            j = end + 1
            continue
        if (toks[j].text in NP_END and toks[j].text not in (",", "(", ")")) or (
            toks[j].pos == "VERB" and toks[j].verbform == "Fin"
        ):
            return None
        j += 1
    if j >= len(toks) or toks[j].pos != "AUX":
        return None
    while j < len(toks) and toks[j].pos in ("AUX", "ADV"):
        j += 1
    if j >= len(toks) or toks[j].lower not in data.agent_after_verbs:
        return None
    depth = 0
    for k in range(j + 1, min(len(toks), j + 1 + _PASSIVE_AGENT)):
        t = toks[k]
        depth += (t.text == "(") - (t.text == ")")
        if depth > 0 or t.text in ("(", ")"):
            continue
        if t.text in (".", ";", ":", "!", "?") or (t.pos in ("VERB", "AUX")
                                                   and t.verbform == "Fin"):
            return None
        if t.lower in grammar().agent_preps:
            np = np_after(toks, k + 1, data)
            return np if np and not any(is_number(x) for x in np) else None
    return None
