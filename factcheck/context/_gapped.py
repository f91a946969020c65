"""The subject of a gapped clause, whose verb of speech or of counting is left out: "la
préfecture a compté 15 500 manifestants et les syndicats 22 000" -> "les syndicats" for
22 000. Private to ``factcheck.context.source``."""

from __future__ import annotations

from factcheck.context._agents import counting_subject
from factcheck.context._forward_speaker import forward
from factcheck.context._speech_words import speech_at, speech_words
from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.nlp import Figure, Tok

_NOMINAL = ("DET", "NOUN", "PROPN", "ADJ")


def gapped(toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SourceData) -> list[Tok] | None:
    """The subject of a clause whose verb of speech is left out: "la préfecture a compté
    15 500 manifestants et les syndicats 22 000" -> "les syndicats" for 22 000, when the
    previous figure has a speaker before it; also right after the first value ("en a compté
    4 000 et la CGT 12 000"), with a complement ("et la préfecture de police 18 000") and
    with the verb's preposition repeated after a comma ("faisait état de 105 cas, et l'ARS,
    de 122"). The new subject is a name, an acronym or a body that counts."""
    if n == 0:
        return None
    first = figs[n].first
    valued = speech_words().valued_at
    prev = figs[n - 1].first
    if first > 0 and toks[first - 1].lower in valued and prev > 0 \
            and toks[prev - 1].lower in valued:
        # "la police a estimé le cortège à 12 000 et la CGT à 40 000": the
        # verb's "à" repeated before each value of the gapped clause
        first -= 1
    elif first > 1 and prev > 0 and toks[first - 1].pos == "ADP" \
            and toks[first - 1].lower == toks[prev - 1].lower and toks[first - 2].text == ",":
        # "l'agence faisait état de 105 cas, et l'ARS de Mayotte, de 122": the verb's
        # preposition repeated after the new subject set off by a comma
        first -= 2
    np, k = _subject_before(toks, first - 1, figs[n - 1].last)
    joined = toks[k].lower in grammar().verb_coordinators or toks[k].text == ","
    if not np or k < figs[n - 1].last or not joined:
        return None
    if any(speech_at(toks, i, data) for i in range(k + 1, first)):
        return None  # "et la CGT dénombre 300 000": a verb of its own, read forward
    speakers = speech_words().gapped_speakers
    if not any(t.pos == "PROPN" or t.lemma in speakers or t.lower in speakers
               or (len(t.text) > 1 and t.text.isalpha() and t.text.isupper()) for t in np):
        # a name, an acronym the tagger reads as a noun ("la FCPE"), or a body that counts
        return None
    before = figs[n - 1].first  # "la police a compté 4 000 personnes, les organisateurs
    # 10 000": a verb of counting governs the first value as well as a verb of speech
    return np if forward(toks, before, data) or counting_subject(toks, before, data) else None


def _subject_before(toks: tuple[Tok, ...], k: int, stop: int) -> tuple[list[Tok], int]:
    """The noun phrase ending at ``k`` (not before ``stop``) and the index before it: words
    of a noun phrase and a body's complement ("et la préfecture de police 18 000")."""
    np: list[Tok] = []
    links = speech_words().body_complements
    while k >= stop:
        t = toks[k]
        if t.pos in _NOMINAL or (np and t.lower in links and np[0].pos in ("NOUN", "PROPN", "DET")):
            np.insert(0, t)
            k -= 1
        else:
            break
    return np, k


