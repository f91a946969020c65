"""A wire agency's tag opening a text ("(AFP) - Le FMI a relevé ...", "(AOF) - À 3,2 %, les
projections du FMI ..."): the outlet that filed the dispatch, no part of its first sentence.
Tagged with the sentence, it reads as the sentence's opening noun phrase and hides the one
the sentence speaks of; :mod:`factcheck.context.nlp` tags the sentence without it."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.lang import load_data


@cache
def _wire_tag(code: str) -> regex.Pattern[str]:
    data = load_data(code, "article_place")
    agencies = sorted({str(a) for a in data.get("agencies", [])}, key=len, reverse=True)
    names = "|".join(regex.escape(a) for a in agencies) or "(?!)"
    # (not the sign of a figure opening the sentence: "(AFP) -0,5 % pour le PIB")
    return regex.compile(rf"\s*\(\s*(?:{names})\s*\)\s*[-–—](?!\d)\s*")


def wire_tag_end(sentence: str, code: str = "fr") -> int:
    """The offset where a wire agency's tag opening ``sentence`` ends ("(AFP) - "), else 0.
    Only the bare tag: a dateline naming a town or a date before it is left as written; a
    dash glued to a figure is its sign ("(AFP) -0,5 %"), no part of the tag."""
    m = _wire_tag(code).match(sentence)
    return m.end() if m and m.end() < len(sentence) else 0
