"""The origin of a figure a relay passes on (:func:`origin_of_relay`): the body a relay
cites ("selon Reuters, qui cite le ministère"), or the speaker whose reported clause a verb
of relay reports ("Le Kremlin a affirmé que ..., rapporte l'agence Tass"). Private to
``factcheck.context`` (used by ``source``)."""

from __future__ import annotations

from factcheck.context._forward_speaker import forward
from factcheck.context._speech_words import speech_at, speech_words
from factcheck.context.lexicon import SourceData
from factcheck.context.nlp import Figure, Tok
from factcheck.context.speakers import clean_name, np_after


def origin_of_relay(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, np: list[Tok], name: str, rule: str,
    data: SourceData,
) -> tuple[list[Tok], str, str]:
    """The words, name and rule of the one whose words a relay passes on: "selon Reuters,
    qui cite le ministère" and "rapporte Le Figaro, citant la préfecture" -> the body cited;
    "Le Kremlin a affirmé que 40 drones ..., rapporte l'agence Tass" -> the subject of the
    verb of speech whose clause holds the figure (a verb of relay after it reports that
    speech); so does a "selon X" closing the sentence after that clause ("Le maire a indiqué
    que 300 foyers étaient privés d'eau, selon Ouest-France": X relays the mayor)."""
    w = speech_words()
    end = np[-1].i + 1
    if end + 2 < len(toks) and toks[end].text == ",":
        c = end + 1 + (toks[end + 1].lower in w.relatives)
        if (c > end + 1 and toks[c].lower in w.citing_forms) \
                or (c == end + 1 and toks[c].lower in w.citing_participles):
            origin = np_after(toks, c + 1, data)
            origin_name = clean_name(origin, data) if origin else None
            if origin_name:
                return origin, origin_name, rule
    fig = figs[n]
    if rule == "selon":
        relayed = _trailing_selon(toks, figs, n, np, data)
    elif rule == "inverted":
        relayed = any(speech_at(toks, i, data) in w.relay_participles
                      for i in range(fig.last, np[0].i))
    else:
        return np, name, rule
    speaker = forward(toks, fig.first, data) if relayed else None
    if speaker and rule == "selon" and not any(
            t.lower in w.restrictive for t in toks[speaker[-1].i + 1 : fig.first]):
        speaker = None  # "Moscou revendique la destruction de 32 drones, dont 6 ..., selon
        # le ministère": no reported clause ("que"), the selon names who speaks
    speaker_name = clean_name(speaker, data) if speaker else None
    if speaker and speaker_name:
        return speaker, speaker_name, "speech_verb"
    return np, name, rule


def _trailing_selon(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, np: list[Tok], data: SourceData,
) -> bool:
    """The "selon X" of the figure comes after it, past one comma (no other) and no other
    figure: it scopes the whole statement, not a count of its own ("..., contre 800 000
    selon la police" has its own figure); a document ("selon une étude", "selon les
    chiffres de l'Insee": ``documents``) is where the figure is read, no relay."""
    fig = figs[n]
    i = np[0].i - 1
    while i > fig.last and toks[i].pos == "DET":
        i -= 1
    intro = {x for phrase in data.introducers for x in phrase.split()}
    if i <= fig.last or toks[i].lower not in intro:
        return False
    while i > fig.last and toks[i - 1].lower in intro:
        i -= 1  # "d'après" read as two tokens
    if toks[i - 1].text != "," or any(t.text == "," for t in toks[fig.last : i - 1]):
        return False  # "..., qui abrite 500 000 personnes, des déplacés, selon l'ONU": an
        # aside between them, the selon is the aside's
    head = next((t for t in np if t.pos != "DET"), None)
    if head is None or head.lower in data.documents or head.lemma in data.documents:
        return False  # "..., selon une étude du Snes": a document the figure is read in
        # passes on no one's speech
    if head.lower not in data.relay_outlets and head.lemma not in data.relay_outlets:
        return False  # "..., selon l'Insee": a body the figure comes from, no outlet
    return not any(fig.last <= f.first < np[0].i for k, f in enumerate(figs) if k != n)
