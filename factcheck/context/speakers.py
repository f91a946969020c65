"""Finding who speaks in a sentence's tokens: "selon X", inverted speech verbs ("...,
a indiqué le ministère"), passive agents, and turning the words found into a name (articles,
titles and documents dropped; in ``_clean_name``, re-exported here); the speaker of a
forward verb ("Le ministère a annoncé que ...") is in ``_forward_speaker``. Used by
``factcheck.context.source``."""

from __future__ import annotations

from factcheck.context._clean_name import clean_name as clean_name
from factcheck.context._clean_name import names_author as names_author
from factcheck.context._name_place import place_in_name
from factcheck.context._speaker_tokens import is_number, is_participle, next_figure_at
from factcheck.context._speech_words import (
    PARTICIPLE_ENDINGS,
    speech_at,
    speech_cues,
    speech_words,
)
from factcheck.context._time_data import time_data
from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.nlp import Tok

_MAX_SPEAKER = 12  # words in a speaker's name after an inverted verb

_QUOTES = frozenset({"«", "»", '"', "“", "”"})
#: Tokens that end a speaker's noun phrase (shared with ``_agents``).
NP_END = frozenset({",", ".", ";", ":", "!", "?", "»", '"', "”", ")", "(", "«"})
# Parts of speech that never open a name, even capitalised at the start of a sentence.


def topic_incise(toks: tuple[Tok, ...], j: int, data: SourceData) -> bool:
    """Whether ``toks[j]`` ends an incise such as "quant à elle" (three words)."""
    return j >= 2 and " ".join(t.lower for t in toks[j - 2 : j + 1]) in data.topic_incises


def np_after(toks: tuple[Tok, ...], j: int, data: SourceData) -> list[Tok]:
    """The source named after an inverted verb: "a indiqué mercredi le ministre de l'Economie,
    Eric Lombard" -> the apposed name when there is one."""
    g = grammar()
    j = _skip_when(toks, j, data)
    if j < len(toks) and toks[j].lower in speech_words().adverbial_preps:
        # "assurent dans un communiqué Alain Rousset", "a indiqué sur X le ministère".
        k = j + 1
        while k < len(toks) and k <= j + 6 and toks[k].text not in NP_END:
            if k > j + 2 and (toks[k].pos == "DET" or toks[k].is_title):
                j = k
                break
            k += 1
    if j < len(toks) and toks[j].lower in g.addressee_preps:
        # "a dit à l'AFP le ministre": skip the addressee.
        k = j + 1
        while k < len(toks) and (toks[k].pos == "DET" or toks[k].lower in g.source_articles):
            k += 1
        first = run = k
        while run < len(toks) and toks[run].is_title and toks[run].pos != "DET":
            run += 1  # capitalised words; an article after them: "à France Info le maire"
        if run > first + 1 and not (run < len(toks) and toks[run].pos == "DET"):
            k = first + 1  # "a déclaré à l'AFP Mosa Ashari": one word addressed, a name after
        else:
            while k < len(toks) and toks[k].pos != "DET" and toks[k].text not in NP_END:
                k += 1
        if k < len(toks) and (toks[k].pos == "DET" or (k == first + 1 and toks[k].is_title)):
            j = k
    out: list[Tok] = []
    while j < len(toks) and toks[j].text not in NP_END:
        if out and (toks[j].lower in data.stops or next_figure_at(toks, j)):
            k = place_in_name(toks, j - len(out), j)
            if k == j:
                break
            out.extend(toks[j:k])  # "a indiqué la Direction générale des étrangers en France"
            j = k
            continue
        out.append(toks[j])
        j += 1
    if out and j + 1 < len(toks) and toks[j].text == ",":
        k = j + 1
        while (
            k < len(toks)
            and toks[k].is_word
            and (toks[k].is_title or (toks[k].lower in g.name_particles and k > j + 1))
        ):
            k += 1
        if k - (j + 1) >= 2 and (k == len(toks) or toks[k].text in NP_END):
            return list(toks[j + 1 : k])
    return out


def _skip_when(toks: tuple[Tok, ...], j: int, data: SourceData) -> int:
    """Past the words that only say when, between a verb and its inverted subject: "a
    annoncé ce samedi le ministère", "disait un peu plus tôt le ministère", "a affirmé
    samedi 17 août l'agence"."""
    months = time_data().months
    when = data.leading_time_words
    while j < len(toks):
        t = toks[j]
        if t.lower in when or t.lower in data.learned_preps or (
                t.pos == "ADV" and not t.is_title and t.lower not in data.stops):
            j += 1  # also an adverb of manner: "a confirmé officiellement le ministère"
        elif j + 1 < len(toks) and (
            (t.pos == "DET" and toks[j + 1].lower in when)  # "ce samedi"
            or (t.text[:1].isdigit() and toks[j + 1].lower in months)  # "17 août"
        ):
            j += 2
        elif j + 3 < len(toks) and t.lower == "en" and toks[j + 2].lower in ("de", "d'") \
                and toks[j + 1].lower in speech_words().time_span_openers \
                and toks[j + 3].lower in when:  # "en milieu de journée"
            j += 4
        else:
            break
    return j


def _pronoun_in(toks: list[Tok], data: SourceData) -> Tok | None:
    """The subject pronoun of an inverted "a-t-il déclaré"."""
    for t in toks:
        if t.lower.split("-")[-1] in data.pronouns:
            return t
    return None


def in_relative_after(toks: tuple[Tok, ...], np: list[Tok], fig: int, data: SourceData) -> bool:
    """Whether the figure at ``fig`` sits in a relative clause describing an unnamed inverted
    speaker ``np`` ("..., a raconté un retraité qui faisait la queue avec des centaines
    d'autres"): a witness's words came before. Not a body's own figure ("préviennent les
    secours, qui maintiennent 1 200 pompiers"), nor when the relative's verb states ("a
    annoncé la CGT, qui a compté 182 rassemblements")."""
    if np[0].lower not in ("un", "une"):
        return False
    k = np[-1].i + 1
    while k < fig and toks[k].text == ",":
        k += 1
    if k >= fig or toks[k].lower not in speech_words().relatives:
        return False
    verbs = [j for j in range(k + 1, fig) if toks[j].pos in ("VERB", "AUX")]
    return bool(verbs) and not any(
        speech_at(toks, j, data) or toks[j].lemma in speech_words().counting_verbs
        for j in verbs)


def inverted_antecedent(toks: tuple[Tok, ...], rel: int, data: SourceData) -> list[Tok] | None:
    """The inverted speaker a relative pronoun at ``rel`` stands for: ", a annoncé la CGT,
    qui" -> "la CGT"; None when no verb of speech with an inverted subject ends before it."""
    m = rel - 1
    while m >= 0 and (toks[m].text == "," or toks[m].pos in ("DET", "NOUN", "PROPN", "ADJ")):
        m -= 1
    if m < 0 or speech_at(toks, m, data) is None:
        return None
    np = inverted_at(toks, m, data)
    return np if np and np[-1].i < rel else None


def inverted_at(toks: tuple[Tok, ...], v: int, data: SourceData) -> list[Tok] | None:
    """The source of ", a indiqué X" when the speech verb at ``v`` is inverted."""
    j = v - 1
    fillers = []
    while j >= 0 and (
        toks[j].lower in data.verb_fillers
        or (toks[j].lower.startswith("-") and toks[j].lower.split("-")[-1] in data.pronouns)
    ):
        fillers.append(toks[j])
        j -= 1
    if toks[v].lower.endswith(PARTICIPLE_ENDINGS) and not any(f.pos == "AUX" for f in fillers):
        return None  # ", relevé par des nuitées en hausse": a bare participle, its agent
    if toks[v].verbform == "Inf" and not (v > 0 and toks[v - 1].lemma == "faire"):
        return None  # "..., pour dénoncer la recrudescence": no subject after an infinitive
        # (but ", a fait savoir le préfet")
    comparisons = speech_words().comparison_introducers
    if j >= 1 and toks[j].lower.replace("’", "'") in ("l'", "le") \
            and toks[j - 1].lower in comparisons:
        j -= 1  # "comme l'indique le ministère", "comme le souligne l'Insee"
    if j < 0 or (toks[j].text not in (",", "»", '"', "”") and toks[j].lower not in comparisons):
        return None
    if toks[j].text == "," and _apposition_before(toks, j) and not _closed_incise(toks, v, data):
        return None  # "Alain Rousset, son président, évoque": the subject came first
    pronoun = _pronoun_in(fillers, data)
    if pronoun is not None:
        return [pronoun]
    k = _skip_when(toks, v + 1, data)
    if k < len(toks) and (
        toks[k].lower in grammar().that or toks[k].pos in ("SCONJ", "PUNCT")
    ):
        return None  # "a confirmé (officiellement) que": the subject came before the verb
    np = np_after(toks, v + 1, data)
    end = v + 1 + len(np) if np else 0
    if np and toks[v + 1] is np[0] and end + 1 < len(toks) and toks[end].lower in \
            speech_words().valued_at and any(is_number(x) for x in toks[end + 1 : end + 4]):
        return None  # ", estime le taux des grévistes à 33 %": what is estimated, at a figure
    # A speaker, not an object: "prévoit la BCE", not "prévoit la livraison de 12 canons".
    if not np or len(np) > _MAX_SPEAKER or any(
        (t.pos == "NUM" and not t.is_title) or t.text[:1].isdigit() for t in np
    ):  # a capitalised word tagged a number is a name ("Lucie Roesch")
        return None
    return np


def _apposition_before(toks: tuple[Tok, ...], comma: int) -> bool:
    """Whether the words before ``comma`` are only a subject and its apposition, the verb
    after the comma being that subject's: "Alain Rousset, son président, évoque"; "Par
    ailleurs, la consommation, dopée par les soldes, a soutenu l'activité" and "Les
    résultats publiés par le ministère, encore provisoires, confirment la hausse" (what
    follows the verb is its object, not an inverted speaker). No finite verb, figure or
    quotation before (", a indiqué X" after a clause of its own is an incise); a name
    before the first comma, or a determiner and a noun in a section before the last."""
    before = toks[:comma]
    if not before or not before[0].is_title or any(
        (t.pos in ("VERB", "AUX") and t.verbform == "Fin") or t.pos == "NUM"
        or t.text[:1].isdigit() or t.text in _QUOTES for t in before
    ):
        return False
    first = next((i for i, t in enumerate(before) if t.text == ","), None)
    if first is None:
        return False
    if any(t.pos == "PROPN" for t in before[:first]):
        return True
    # The last section between commas must be an apposition: "dopée par les soldes",
    # "encore provisoires"; not a subject after a time phrase ("À la mi-journée, le taux de
    # participation, a annoncé le ministère").
    last = max(i for i, t in enumerate(before) if t.text == ",")
    if last + 1 >= len(before) or not _opens_apposition(before[last + 1]):
        return False
    return any(before[i].pos == "DET" and before[i + 1].pos in ("NOUN", "PROPN")
               for i in range(last - 1))


def _opens_apposition(t: Tok) -> bool:
    """A participle, an adjective or an adverb opens an apposition ("dopée par", "encore
    provisoires"), and so does a name after its role ("Le président de la République,
    Emmanuel Macron,"); a determiner opens a noun phrase, the subject itself."""
    return t.pos in ("ADJ", "ADV", "PROPN") or is_participle(t)


def _closed_incise(toks: tuple[Tok, ...], v: int, data: SourceData) -> bool:
    """ ", a annoncé le ministère, atteignait 25,9 %": the verb at ``v`` has its speaker after
    it, closed by a comma, and the sentence goes on with a finite verb (the subject's, named
    before the incise): an incise, never an apposition's verb."""
    np = np_after(toks, v + 1, data)
    if not np:
        return False
    end = next((k for k in range(v + 1, len(toks)) if toks[k] is np[-1]), None)
    if end is None or end + 2 >= len(toks) or toks[end + 1].text != ",":
        return False
    k = end + 2
    while k < len(toks) and toks[k].pos in ("PRON", "ADV"):  # "s'élevait", "n'a pas"
        k += 1
    return k < len(toks) and toks[k].pos in ("VERB", "AUX") and toks[k].verbform == "Fin"


def inverted(toks: tuple[Tok, ...], after: int, data: SourceData, *,
             keep_unnamed: bool = False) -> list[Tok] | None:
    """The subject of the first inverted verb of speech after ``after``; one whose words name
    no one ("soutenu par la consommation des ménages, a indiqué l'Insee": "soutenir" read
    as speech) leaves the place to the next verb's. Without one, ``keep_unnamed`` gives those
    words back (the figure's rules read them as naming no one: rule ``unsourced``, and no
    source named earlier carried over), else None."""
    junk: list[Tok] | None = None
    forms, lemmas = speech_cues(data)
    for v in range(after, len(toks)):
        t = toks[v]
        if (t.lower in forms or t.lemma in lemmas) and speech_at(toks, v, data) is not None:
            np = inverted_at(toks, v, data)
            if np and (clean_name(np, data) is not None
                       or clean_name(np, data, check_head=False) is None):
                return np
            junk = junk or np
    return junk if keep_unnamed else None
