"""Who speaks for a figure beyond the words of its sentence (:func:`incise_on_next_line`: an
inverted verb of speech opening the next line; :func:`role_subject`: a role opening the
sentence of a pronoun that speaks). Private to ``factcheck.context`` (used by ``source``)."""

from __future__ import annotations

from factcheck.context._speech_words import speech_at
from factcheck.context.lexicon import source_data
from factcheck.context.nlp import Tok
from factcheck.context.resolution import is_role
from factcheck.context.speakers import inverted

_ROLE_OPENING = 6  # tokens in which a sentence's subject role is looked for
_INCISE_CHARS = 160  # of the line after a sentence ending with a comma


def incise_on_next_line(article_text: str, sentence_start: int, toks: tuple[Tok, ...]
                         ) -> list[Tok] | None:
    """ "[...] soit 40 millions d'euros supplémentaires,⏎a souligné Joël Canicave": a
    sentence ending with a comma whose next line opens with an inverted verb of speech."""
    if not toks or toks[-1].text != ",":
        return None
    end = sentence_start + toks[-1].end
    rest = article_text[end : end + _INCISE_CHARS]
    tail = rest.lstrip()
    if "\n" not in rest[: len(rest) - len(tail)] or not tail[:1].islower():
        return None
    line = tail.split("\n", 1)[0]
    from factcheck.context.nlp import parse_sentences  # the tail is parsed only here

    return inverted(parse_sentences([", " + line])[0], 0, source_data())


#: The gender and number of the subject pronouns of an inverted verb of speech.
_PRONOUNS = {"il": ("Masc", "Sing"), "elle": ("Fem", "Sing"), "ils": ("Masc", "Plur"),
             "elles": ("Fem", "Plur")}


def role_subject(toks: tuple[Tok, ...], before: int, pronoun: str | None = None
                 ) -> str | None:
    """ "Le procureur n'a pas le chiffre exact : « 41 ou 42 » morts, déclare-t-il": a role
    opening the pronoun's sentence as its subject, when no one was named before. With
    ``pronoun``, only a role agreeing with it ("Le maire conteste ces chiffres : « ... »,
    assure-t-il": the mayor, not a body named in an earlier sentence)."""
    for k in range(min(before, _ROLE_OPENING) - 1):  # after a live blog's "19h40 :"
        if toks[k].pos == "DET" and toks[k + 1].pos == "NOUN":
            role = toks[k + 1].text if is_role(toks[k + 1].lower) else None
            if role is None or pronoun is None:
                return role
            return _role_words(toks, k + 1) if _agrees(toks[k], toks[k + 1], pronoun) \
                else None
    return None


def _role_words(toks: tuple[Tok, ...], k: int) -> str:
    """The role at ``k`` with its complement ("président de l'agglomération"), up to a verb,
    a punctuation or a word that is no part of a noun phrase."""
    end = k + 1
    while end + 1 < len(toks) and toks[end].lower in ("de", "du", "des", "d'", "d’") \
            and toks[end + 1].pos in ("DET", "NOUN", "PROPN"):
        end += 1
        while end < len(toks) and toks[end].pos in ("DET", "NOUN", "PROPN", "ADJ") \
                and speech_at(toks, end, source_data()) is None:
            end += 1  # "le président de l'agglomération réplique": not the verb
    words = toks[k:end]
    return "".join(t.text + (" " if i + 1 < len(words) and t.end < words[i + 1].start else "")
                   for i, t in enumerate(words))


def _agrees(det: Tok, noun: Tok, pronoun: str) -> bool:
    """Whether a personal pronoun ("il", "elle") agrees with a noun, by the gender and
    number read on the noun or its determiner ("Le maire": masculine singular)."""
    want = _PRONOUNS.get(pronoun.lower().replace("’", "'").split("-")[-1])
    if want is None:
        return False
    gender = noun.gender or det.gender
    number = noun.number or det.number
    return bool(gender) and gender == want[0] and number in ("", want[1])
