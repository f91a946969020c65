"""The body a pronoun of a source stands for. A relative of a verb of speech or forecast
whose antecedent only stands for a body: "celle du gouvernement, qui table sur 1,2 %", "les
prévisions de l'Insee, qui anticipent 0,8 %", "l'anticipation du gouvernement qui table sur
1 %" -> the body (:func:`relative_owner`); a possessive document after "selon": "La dette
de la collectivité atteindra 8,8 milliards, selon ses projections" -> the collectivité
(:func:`possessive_owner`). Private to ``factcheck.context`` (used by ``_forward_speaker``
and ``source``)."""

from __future__ import annotations

from factcheck.context._speech_words import speech_words
from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.names import is_body, is_generic_source
from factcheck.context.nlp import Tok
from factcheck.context.speakers import clean_name
from factcheck.context.world import world_data


def relative_owner(np: list[Tok], data: SourceData) -> list[Tok]:
    """The antecedent ``np`` of a relative pronoun cut to the body it stands for: past a
    demonstrative pronoun and its "de" ("celle de la Commission européenne"), or past a
    document head and its link ("les prévisions de l'Insee", a document hands over to its
    author as after "selon"); ``np`` itself otherwise."""
    links = data.document_links
    for k in range(len(np) - 2, -1, -1):
        t = np[k]
        if t.lower in speech_words().relative_stand_ins and np[k + 1].lower in links:
            return np[k + 2 :]
    words = [k for k, t in enumerate(np)
             if t.pos != "DET" and t.lower not in grammar().source_articles]
    if words:
        head = np[words[0]]
        after = words[0] + 1
        while after < len(np) and np[after].pos == "ADJ":
            after += 1  # "les prévisions trimestrielles de"
        if (head.lower in data.documents or head.lemma in data.documents) \
                and after + 1 < len(np) and np[after].lower in links:
            return np[after + 1 :]
    return np


def names_a_body(name: str | None, data: SourceData) -> bool:
    """A body named by its head, with its adjectives ("le gouvernement sortant") or its
    complement ("le ministère de l'Économie"): the subject of a verb of forecast though it
    holds no capital ("Le gouvernement table sur 1 %", "celle du gouvernement, qui table sur
    1,2 %"); not a document, whose forecast is what it plans ("le rapport prévoit 300
    projets")."""
    if not name:
        return False
    head = name.split()[0].casefold()
    if head in data.documents:
        return False
    return is_generic_source(head) or is_body(name)


def possessive_owner(toks: tuple[Tok, ...], np: list[Tok], before: int, data: SourceData
                     ) -> list[Tok] | None:
    """The owner of a possessive document after "selon" ("selon ses projections", "selon
    leurs propres calculs"), for the figure at token ``before``: the subject of the figure's
    clause, the noun phrase before its finite verb, when it names a body ("Le gouvernement
    devrait atteindre 5 %, selon ses calculs") or, its head naming none, the body its "de"
    names ("La dette de la collectivité pourrait atteindre 8,8 milliards d'euros, selon ses
    projections"); never a place ("Le déficit de la France ..., selon ses prévisions": whose
    is not said); None otherwise."""
    words = [t for t in np[1:] if t.pos != "ADJ"]
    link = next((k for k, t in enumerate(words) if k and t.lower in grammar().de), None)
    if link is not None and all(t.lower == t.text for t in words[link:]):
        words = words[:link]  # "selon son rapport d'activité": a document of a kind, its own
    if np[0].lower not in speech_words().pledge_possessives or len(words) != 1 \
            or not (words[0].lower in data.documents or words[0].lemma in data.documents):
        return None
    v = next((k for k in range(before - 1, -1, -1)
              if toks[k].pos in ("VERB", "AUX") and toks[k].verbform == "Fin"), None)
    if v is None:
        return None
    j = v - 1
    while j >= 0 and toks[j].pos in ("NOUN", "PROPN", "DET", "ADP", "ADJ"):
        j -= 1
    subject = list(toks[j + 1 : v])
    links = speech_words().body_complements
    for k in range(len(subject) - 1, -1, -1):
        if subject[k].lower in links and _owner_name(subject[k + 1 :], data):
            return subject[k + 1 :]  # "la dette de la collectivité"
    return subject if _owner_name(subject, data) else None


def _owner_name(np: list[Tok], data: SourceData) -> bool:
    """A body ("la collectivité", "le ministère de la Santé") or a name that is no place
    ("l'Unédic")."""
    name = clean_name(np, data) if np else None
    if not name or any(t.pos in ("VERB", "AUX") for t in np):
        return False
    if names_a_body(name, data):
        return True
    w = world_data()
    return name[:1].isupper() and not (w.places_as_written.get(name) or w.places.get(name.lower()))
