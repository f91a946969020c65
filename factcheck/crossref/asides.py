"""A part set between a count and what it says of the count: "deux personnes, dont un
enfant, ont été tuées", "7 000 personnes, parmi lesquelles 3 000 enfants, ont été tuées".
The words after the aside say what happened to the whole, and the aside's own words ("12
personnes, dont 3 blessées, ont été évacuées") are said of the part only
(``scope.family_from_outcome``). The aside opens with a cue of ``[structure] partial`` of
``crossref.toml`` right after the count's own noun phrase and closes with a comma."""

from __future__ import annotations

import functools

import regex

#: Characters of the count's own words before the aside ("personnes", "civils palestiniens").
HEAD_REACH = 30
#: Characters of the aside itself ("dont plus de 3 000 enfants et 1 500 femmes").
ASIDE_REACH = 80


#: One character of the count's words or of the aside: a comma or a full stop between two
#: digits is a decimal mark ("dont 1,5 million d'enfants"), not the aside's end.
_CHAR = r"(?:[^,;:.()«»\"]|(?<=\d)[,.](?=\d))"


@functools.lru_cache(maxsize=4)
def _aside(partial: str) -> regex.Pattern[str]:
    return regex.compile(
        rf"^(?P<head>{_CHAR}{{0,{HEAD_REACH}}}),\s*(?:{partial})"
        rf"{_CHAR}{{1,{ASIDE_REACH}}},", regex.IGNORECASE | regex.V1)


def past_part_aside(after: str, partial: regex.Pattern[str]) -> str:
    """``after`` (the text right after a figure) with the aside of a part that opens it set
    aside: the count's own words, then what follows the aside; unchanged when it opens with
    none."""
    found = _aside(partial.pattern).match(after)
    if found is None:
        return after
    return found.group("head") + after[found.end():]
