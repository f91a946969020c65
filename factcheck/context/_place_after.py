"""Places written after a figure that are not its own (``places.toml``), for
:func:`factcheck.context.where.place_of`, which otherwise takes the first place between a
figure and the next quantity:

* the set a trailing superlative or average compares the figure with ("dans l'Aisne ...
  11,4 %, le plus élevé des Hauts-de-France", "..., au-dessus de la moyenne de
  l'Occitanie": ``trailing_comparison_heads`` after a comma);
* the place opening the next figure's clause ("Dans le Nord, 10,2 %, et dans l'Aisne à
  11,4 %", "En Corrèze, 2 100 ; en Creuse, 1 800"): after a comma, a semicolon or a joiner
  (``next_clause_joiners``) and nothing but a preposition and an article, with at most
  ``next_clause_reach`` words to the next figure (or a comma right before it after a
  semicolon or a joiner).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from factcheck.context.lexicon import grammar
from factcheck.context.world import world_data
from factcheck.lang import load_data
from factcheck.patterns import whole_words


def _fold(text: str) -> str:
    return text.replace("’", "'").lower()


@dataclass(frozen=True, slots=True)
class _AfterData:
    heads: regex.Pattern[str] | None
    links: frozenset[str]  # "de", "des": the superlative's set, not a locative "en"
    joiners: frozenset[str]
    openers: frozenset[str]  # the words of a place's preposition and article
    turns: frozenset[str]  # "contre", "soit": the next figure is a term of comparison
    reach: int
    joined_words: int  # words of its own a joined clause may have before its place


@lru_cache(maxsize=1)
def _data() -> _AfterData:
    places = load_data("fr", "places")
    heads = [_fold(str(w)) for w in places.get("trailing_comparison_heads", [])]
    openers = {word for p in world_data().place_prepositions for word in _words(p)}
    openers |= set(grammar().definite_articles)
    turns = set(world_data().scope_turns) | set(world_data().scope_carry_on) \
        | set(world_data().place_not_after)
    return _AfterData(
        heads=whole_words(heads) if heads else None,
        links=frozenset(_fold(str(w)) for w in places.get("trailing_comparison_links", [])),
        joiners=frozenset(_fold(str(w)) for w in places.get("next_clause_joiners", [])),
        openers=frozenset(openers),
        turns=frozenset(word for t in turns for word in _words(t)),
        reach=int(places.get("next_clause_reach", 0)),
        joined_words=int(places.get("next_clause_joined_words", 0)),
    )


_TOKEN = regex.compile(r"[,;:()]|[^\s,;:()']+'?|'")


def _words(text: str) -> list[str]:
    return _TOKEN.findall(_fold(text))


def not_own_after(sentence: str, fend: int, start: int, end: int, nxt: int | None) -> bool:
    """Whether the place at ``start``-``end`` of ``sentence``, after a figure ending at
    ``fend``, is not the figure's: the set of a trailing comparison, or the place opening
    the clause of the next figure (starting at ``nxt``, None when no quantity follows)."""
    return compared_after(sentence, fend, start) \
        or (nxt is not None and opens_next(sentence, fend, start, end, nxt))


def compared_after(sentence: str, fend: int, start: int) -> bool:
    """A superlative or an average set off by a comma after the figure, with no clause mark
    between it and the place, which "de" introduces ("11,4 %, le plus élevé des
    Hauts-de-France"; not "1 200 morts, le plus meurtrier en Turquie")."""
    d = _data()
    if d.heads is None:
        return False
    gap = _fold(sentence[fend:start])
    head = next(reversed(list(d.heads.finditer(gap))), None)
    if head is None or "," not in gap[: head.start()] \
            or regex.search(r"[,;:()]", gap[head.end() :]):
        return False
    words = _words(gap[head.end() :])
    while words and words[-1] in grammar().definite_articles:
        words.pop()
    return bool(words) and words[-1] in d.links


def opens_next(sentence: str, fend: int, start: int, end: int, nxt: int) -> bool:
    """The place opens the next figure's clause: a break, then only its preposition and
    article before it, and the next figure close after it ("..., et dans l'Aisne à 11,4 %")."""
    d = _data()
    before = _words(sentence[fend:start])
    cut = next((k for k in range(len(before) - 1, -1, -1)
                if before[k] in (",", ";") or before[k] in d.joiners), None)
    if cut is None:
        return False
    between = before[cut + 1 :]
    after = _words(sentence[end:nxt])
    if not all(w in d.openers for w in between):
        # ", et même dépassée à Tarbes avec 7 000": a clause joined after a comma, a few
        # words of its own (its verb: what it says of the place), then the place and the
        # next figure close after it, whatever links them ("avec")
        words = [w for w in between if w not in d.openers]
        return (before[cut] in d.joiners and cut > 0 and before[cut - 1] == ","
                and 0 < len(words) <= d.joined_words and between[-1] in d.openers
                and len(after) <= d.reach
                and not any(w in (",", ";", ":", "(", ")") for w in after))
    if after == [","]:
        # "En Corrèze, 2 100 ; en Creuse, 1 800", not "10 %, en Bretagne, 2 points de plus"
        return before[cut] != ","
    return len(after) <= d.reach and not any(
        w in (",", ";", ":", "(", ")") or w in d.turns for w in after)
