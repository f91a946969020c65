"""Capitalised words that name what a count counts (for :mod:`.nouns`): inhabitants,
titles and makes are written with a capital ("200 Pakistanais", "deux Supercoupe d'Espagne",
"9 Canadairs, 5 Dash") yet are common nouns of the count, unlike a place or a person."""

from __future__ import annotations

from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.world import world_data
from factcheck.models import Kind

#: Marks after a list item ("9 Canadairs, 5 Dash").
_LIST_ENDS = frozenset({",", ";", ".", ")"})


def capitalised_counted(toks: tuple[Tok, ...], fig: Figure, j: int) -> bool:
    """A capitalised word right after a count that names what is counted, not a place or a
    person: inhabitants, titles and makes are written so ("200 Pakistanais", "deux Supercoupe
    d'Espagne", "9 Canadairs, 5 Dash"). The tagger reads it as a common noun, or as a proper
    noun standing alone as an item of a list (a comma, "et" or the end after it)."""
    if j != fig.last or fig.mention.kind != Kind.COUNT or j >= len(toks):
        return False
    t = toks[j]
    if not _unknown_capitalised(t):
        return False
    if t.pos == "NOUN":
        return True
    nxt = toks[j + 1].lower if j + 1 < len(toks) else "."
    return t.pos == "PROPN" and (nxt in grammar().noun_coordinators or nxt in _LIST_ENDS)


def counted_acronym(toks: tuple[Tok, ...], fig: Figure, j: int) -> bool:
    """An acronym right after a count that is what it counts, the count being the subject of
    the verb after it ("189 SDF ont été recensés", "et 19 FSI ont été blessés") or the
    acronym spelled out in the brackets after it ("125 CRPC (plaider coupable)"); not in a
    breakdown of seats ("32 NFP (20 LFI, 5 PS)", "37 RN, 2 alliés"), nor a known place or
    actor."""
    if j != fig.last or fig.mention.kind != Kind.COUNT or j + 1 >= len(toks):
        return False
    t = toks[j]
    w = world_data()
    if not (len(t.text) >= 2 and t.text.isupper() and t.text.isalpha()) \
            or t.lower in w.actor_names or t.lower in w.places or t.text in w.places_as_written:
        return False
    nxt = toks[j + 1]
    if nxt.pos == "AUX" or (nxt.pos == "VERB" and nxt.verbform == "Fin"):
        return True
    if nxt.text not in grammar().gloss_openers:
        return False
    inside = []
    for t2 in toks[j + 2:]:
        if t2.text == ")":
            break
        inside.append(t2)
    return bool(inside) and not any(any(c.isdigit() for c in t2.text) for t2 in inside)


def capitalised_common(t: Tok) -> bool:
    """A capitalised word the tagger reads as a common noun that is no known place or actor:
    "des Egyptiens (43)" glosses the Egyptiens."""
    return t.pos == "NOUN" and _unknown_capitalised(t)


def _unknown_capitalised(t: Tok) -> bool:
    w = world_data()
    return t.is_title and t.is_word and not t.text.isupper() and t.lower not in w.places \
        and t.text not in w.places_as_written and t.text not in w.places_ambiguous \
        and t.lower not in w.actor_names
