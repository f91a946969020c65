"""Quotations: the span of the quotation holding a figure, and who speaks it (named after
the closing mark, introducing it, or the subject of the sentence before). Private to
``factcheck.context.source``."""

from __future__ import annotations

import regex

from factcheck.context._forward_speaker import forward
from factcheck.context._relative_owner import names_a_body
from factcheck.context._speaker_beyond import role_subject
from factcheck.context._speech_words import speech_at
from factcheck.context.lexicon import SourceData, source_data
from factcheck.context.names import (
    fullest_name,
    is_person_like,
    previous_speaker,
)
from factcheck.context.nlp import Tok
from factcheck.context.resolution import is_role, role_holder
from factcheck.context.speakers import clean_name, inverted, inverted_at, np_after

OPEN_CLOSE = {"«": "»", "“": "”", '"': '"'}
_TAIL_VERB = 4  # tokens from a closing quotation mark to the verb naming its speaker
_SENTENCE_END = regex.compile(r"[.!?…][»\"”)]*\s+")


def in_quote(text: str, pos: int) -> tuple[int, int] | None:
    """Offsets of the opening and closing marks of the quotation containing ``pos`` (within
    its paragraph), if any."""
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    before = text[para_start:pos]
    for open_, close in OPEN_CLOSE.items():
        if open_ == close:
            if before.count(open_) % 2 == 1:
                end = text.find(close, pos, para_end)
                return (para_start + before.rfind(open_), end) if end >= 0 else None
        else:
            o = before.rfind(open_)
            if o >= 0 and before.rfind(close) < o:
                end = text.find(close, pos, para_end)
                return (para_start + o, end) if end >= 0 else None
    return None


def _tail_and_head(text: str, quote_start: int, quote_end: int) -> tuple[str, str, int]:
    """The rest of the quotation's line after it (160 characters at most), the start of its
    sentence before it (200 at most) and that start's offset."""
    tail_end = text.find("\n", quote_end)
    tail = text[quote_end + 1 : tail_end if tail_end >= 0 else len(text)][:160]
    head_start = max(text.rfind("\n", 0, quote_start) + 1, quote_start - 200)
    head = text[head_start:quote_start]
    ends = list(_SENTENCE_END.finditer(head))
    head_start += ends[-1].end() if ends else 0
    return tail, text[head_start:quote_start], head_start


def quote_texts(text: str, quote_start: int, quote_end: int) -> list[str]:
    """The texts :func:`quote_speaker` may parse for this quotation (the tail after it, else
    the closing mark and the tail, and the head before it), to parse them ahead with the
    sentences of a batch (``nlp.parsed_ahead``)."""
    tail, head, _ = _tail_and_head(text, quote_start, quote_end)
    out = []
    if tail.lstrip()[:1] == ",":
        out.append(tail)
    elif tail.strip():
        out.append(text[quote_end : quote_end + 1 + len(tail)])
    if head.strip():
        out.append(head)
    return out


_INCISE_NOT_VERB = frozenset({"DET", "ADP", "PROPN", "PRON", "CCONJ", "SCONJ", "NUM", "PUNCT"})


def _incise_speaker(toks: tuple[Tok, ...], data: SourceData) -> list[Tok] | None:
    """ "», s'est justifiée Rachel Reeves", "», fustige le maire", "», a-t-il ironisé": after
    a quotation and its comma, a verb with its subject inverted is an incise of speech
    whatever the verb (of mood, of manner: "ironiser", "pester", "s'exclamer"), which no list
    of verbs of speech holds whole; its subject speaks: a name, a role or a body, or the
    pronoun of the verb ("-t-il"). The verb is known by its place, not its tag (the small
    tagger reads "fustige" as a noun): one word after a reflexive and an auxiliary."""
    k = 1  # past the comma
    if k < len(toks) and toks[k].lower.replace("’", "'") in ("s'", "se"):
        k += 1
    if k < len(toks) and toks[k].pos == "AUX":
        k += 1
    pronoun = None
    if k + 1 < len(toks) and toks[k].lower == "-t" \
            and toks[k + 1].lower.lstrip("-") in data.pronouns:
        pronoun, k = toks[k + 1], k + 2
    if k >= len(toks) or not toks[k].is_word or toks[k].is_title \
            or toks[k].pos in _INCISE_NOT_VERB:
        return None
    if pronoun is not None:
        return [pronoun._replace(text=pronoun.text.lstrip("-"), lower=pronoun.lower.lstrip("-"))]
    if k + 1 >= len(toks) or not (toks[k + 1].pos in ("DET", "PROPN") or toks[k + 1].is_title):
        return None
    np = np_after(toks, k + 1, data)
    name = clean_name(np, data) if np else None
    if not name or not (any(ch.isupper() for ch in name) or is_role(name.split()[0].lower())
                        or names_a_body(name, data)):
        return None
    return np


def quote_speaker(
    text: str, quote_start: int, quote_end: int, speakers: list[tuple[int, str]] | None = None
) -> str | None:
    """Speaker of a quotation: named right after it ("», a martelé Volodymyr Zelensky"), else
    introducing it ("Dmitri Peskov a déclaré : « ...")."""
    from factcheck.context.nlp import parse_one

    data = source_data()
    tail, head, head_start = _tail_and_head(text, quote_start, quote_end)
    np = None
    if tail.lstrip()[:1] == ",":
        np = inverted(parse_one(tail), 0, data) or _incise_speaker(parse_one(tail), data)
    elif tail.strip():
        # "» estime Agreste, le service ...": the verb right after the closing mark.
        marked = parse_one(text[quote_end : quote_end + 1 + len(tail)])
        v = next((i for i, t in enumerate(marked[:_TAIL_VERB])
                  if speech_at(marked, i, data) is not None), None)
        np = inverted_at(marked, v, data) if v else None
    if not np and head.strip():
        toks = parse_one(head)
        np = forward(toks, len(toks), data)
    if not np and not head.strip():
        # A quotation opening its sentence continues the person the sentence before names
        # as its subject ("Alain Rousset, son président, n'a pas caché son agacement. « Pour
        # la Hesse, il est de 40 milliards »").
        before = text[max(text.rfind("\n", 0, max(head_start - 1, 0)) + 1, head_start - 300)
                      : head_start]
        ends = list(_SENTENCE_END.finditer(before.rstrip()))
        before = before[ends[-1].end() :] if ends else before
        person = previous_speaker(before, len(before)) if before.strip() else None
        if person and is_person_like(person):
            return fullest_name(person, text)
    if not np:
        return None
    name = clean_name(np, data)
    if name and name.lower().split("-")[-1] in data.pronouns:
        # "Le maire conteste ces chiffres : « ... », assure-t-il": the role opening the
        # quotation's sentence and agreeing with the pronoun, else the last speaker.
        head_toks = parse_one(head) if head.strip() else ()
        name = role_subject(head_toks, len(head_toks), pronoun=name) \
            or previous_speaker(text, quote_start, speakers, pronoun=name)
    if not name:
        return None
    return role_holder(name, text) or fullest_name(name, text)
