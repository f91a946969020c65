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
    w = world_data()
    if not (t.is_title and t.is_word) or t.text.isupper() or t.lower in w.places \
            or t.text in w.places_as_written or t.text in w.places_ambiguous \
            or t.lower in w.actor_names:
        return False
    if t.pos == "NOUN":
        return True
    nxt = toks[j + 1].lower if j + 1 < len(toks) else "."
    return t.pos == "PROPN" and (nxt in grammar().noun_coordinators or nxt in _LIST_ENDS)
