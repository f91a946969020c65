"""Who speaks for a figure beyond the words of its sentence (:func:`incise_on_next_line`: an
inverted verb of speech opening the next line; :func:`role_subject`: a role opening the
sentence of a pronoun that speaks). Private to ``factcheck.context`` (used by ``source``)."""

from __future__ import annotations

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


def role_subject(toks: tuple[Tok, ...], before: int) -> str | None:
    """ "Le procureur n'a pas le chiffre exact : « 41 ou 42 » morts, déclare-t-il": a role
    opening the pronoun's sentence as its subject, when no one was named before."""
    for k in range(min(before, _ROLE_OPENING) - 1):  # after a live blog's "19h40 :"
        if toks[k].pos == "DET" and toks[k + 1].pos == "NOUN":
            return toks[k + 1].text if is_role(toks[k + 1].lower) else None
    return None
