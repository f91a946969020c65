"""A figure that opens a clause of its own is no part of the list of parts before it.

"11 ont été remontés vivants, dont 4 grièvement blessés, et 12 ont péri": "dont" lists part
of the 11 (4 injured), and "12 ont péri" is a figure with a verb of its own, a count beside
the 11 (both of the 23 miners), not a further part of it. So is "58 ont été secourus, dont 12
enfants, 6 sont morts et 4 sont portés disparus". A figure opens a clause of its own when one
of ``[structure] clause_verbs`` of ``lang/<code>/crossref.toml`` (a finite auxiliary or verb)
follows it within its clause, after at most ``clause_verb_reach`` words of its noun ("12
mineurs ont péri") and before any of ``clause_verb_stops`` ("6 femmes qui ont été": a relative
clause of the noun, not the figure's verb).
"""

from __future__ import annotations

from functools import cache

import regex

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.sum_sentences import Sentence, rel
from factcheck.lang import load_data

_CLAUSE_END = regex.compile(r"[,;:()\[\]«»\"]|\.(?:\s|$)")
_WORD = regex.compile(r"[\p{L}][\p{L}'\u2019-]*")


@cache
def _cues(code: str = "fr") -> tuple[frozenset[str], frozenset[str], int]:
    data = load_data(code, "crossref").get("structure", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower().replace("\u2019", "'") for w in data.get(key, ()))

    return words("clause_verbs"), words("clause_verb_stops"), int(data.get("clause_verb_reach", 0))


def own_verb(figure: ClaimView, s: Sentence, code: str = "fr") -> bool:
    """Whether ``figure`` (a figure of ``s``) is followed by a verb of its own (module
    docstring): "12 ont péri", "6 sont morts"; not "4 grièvement blessés", "12 enfants"."""
    verbs, stops, reach = _cues(code)
    rest = s.text[rel(figure, s)[1]:]
    cut = _CLAUSE_END.search(rest)
    for word in _WORD.findall(rest[: cut.start()] if cut else rest)[: reach + 1]:
        word = word.lower().replace("\u2019", "'")
        if word in verbs:
            return True
        if word in stops:
            return False
    return False
