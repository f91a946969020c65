"""Which figure of a sentence an outcome cue ("tués", "blessés", "portées disparues") is about:
the figure of its own clause it is the noun or the predicate of, read from the side of the cue
the figure stands on, not from mere distance. Language data: ``[scope.attachment]`` of
``factcheck/lang/fr/crossref.toml``.

"5000 personnes sont mortes, et au moins 10000 sont portées disparues": "mortes" follows the
5000 (its subject), "disparues" the 10000. "ont tué au moins 100 personnes" and "la mort d'au
moins 36 personnes" look ahead: an active verb or a noun with its determiner is about the
figure after it. Rows are the claims-table dicts of
:func:`factcheck.crossref.scope.assign_cues` (offsets ``_rel_start``/``_rel_end``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

#: Dimensions of figures no outcome is about ("deux jours de bombardements ont tué [...]").
NO_OUTCOME_DIMENSIONS = frozenset({"duration"})
#: At most this many words besides a coordinator between two coordinated figures ("12 soldats
#: et 3 civils").
COORDINATED_WORDS = 2
_WORD = regex.compile(r"\p{L}[\p{L}-]*'?|\d+", regex.V1)


@dataclass(frozen=True, slots=True)
class Attachment:
    """Clause boundaries and the words telling on which side of a cue its figure stands."""

    boundaries: regex.Pattern[str]
    auxiliaries: frozenset[str]
    adverbs: frozenset[str]
    determiners: frozenset[str]
    copulas: frozenset[str]
    coordinators: frozenset[str]


def load_attachment(table: dict[str, list[str]], coordinators: frozenset[str],
                    boundaries: regex.Pattern[str]) -> Attachment:
    """The ``[scope.attachment]`` table; ``boundaries`` is its compiled ``boundaries`` list."""

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower().replace("’", "'") for w in table[key])

    return Attachment(boundaries, words("auxiliaries"), words("adverbs"), words("determiners"),
                      words("copulas"), coordinators)


def clause_of(sentence: str, start: int, end: int, attachment: Attachment) -> tuple[int, int]:
    """Offsets of the clause holding ``sentence[start:end]``, between the boundaries around it."""
    lo, hi = 0, len(sentence)
    for m in attachment.boundaries.finditer(sentence):
        if m.end() <= start:
            lo = max(lo, m.end())
        elif m.start() >= end:
            hi = min(hi, m.start())
    return lo, hi


def _word_before(text: str, attachment: Attachment) -> str:
    """The last word of ``text`` that is not an adverb ("ont également" → "ont")."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text.replace("’", "'"))]
    while words:
        if words[-1] in attachment.adverbs:
            words.pop()
        elif len(words) >= 2 and " ".join(words[-2:]) in attachment.adverbs:
            del words[-2:]
        else:
            return words[-1]
    return ""


def _apposition(text: str, determiner: str) -> bool:
    """Whether the determiner ending ``text`` opens an apposition to what precedes: right
    after a comma ("[...] personnes, des déplacés"), not after a coordinator ("12 morts et des
    blessés", where the wounded are not counted)."""
    head = text.rstrip()
    cut = regex.search(rf"(?i){regex.escape(determiner)}\s*$", head.replace("’", "'"))
    return cut is not None and head[: cut.start()].rstrip().endswith(",")


def _coordinated(anchor: dict, inside: list[dict], sentence: str, cue_spans: list[tuple[int, int]],
                 attachment: Attachment) -> list[dict]:
    """Figures coordinated with ``anchor`` ("12 soldats et 3 civils"), outward from it, as long
    as no outcome cue of their own stands between them."""
    out: list[dict] = []
    i = inside.index(anchor)
    for step in (-1, 1):
        j, current = i + step, anchor
        while 0 <= j < len(inside):
            other = inside[j]
            first, second = (other, current) if step < 0 else (current, other)
            lo, hi = first["_rel_end"], second["_rel_start"]
            gap = sentence[lo:hi]
            words = [w.lower() for w in _WORD.findall(gap)]
            joined = any(w in attachment.coordinators for w in words) or "," in gap
            others = [w for w in words if w not in attachment.coordinators]
            if not joined or len(others) > COORDINATED_WORDS \
                    or any(lo <= s < hi for s, _ in cue_spans):
                break
            out.append(other)
            current, j = other, j + step
    return out


def outcome_owners(start: int, end: int, sentence: str, ordered: list[dict],
                   cue_spans: list[tuple[int, int]], attachment: Attachment) -> list[dict]:
    """Figures an outcome cue at ``sentence[start:end]`` is about (``ordered`` by offset;
    ``cue_spans``: every outcome cue of the sentence). An active verb or a noun with its
    determiner is about the first figure after it in its clause, else about none (or, after a
    comma, the figure it is in apposition to); any other cue about the last figure before it
    in its clause, else the first figure of each family after it. A predicate
    ("sont mortes", "ont tué") holds for the figures coordinated with its figure too."""
    lo, hi = clause_of(sentence, start, end, attachment)
    inside = [m for m in ordered if lo <= m["_rel_start"] and m["_rel_end"] <= hi
              and m.get("_dim") not in NO_OUTCOME_DIMENSIONS]
    before = [m for m in inside if m["_rel_end"] <= start]
    after = [m for m in inside if m["_rel_start"] >= end]
    word = _word_before(sentence[lo:start], attachment)
    ahead = word in attachment.auxiliaries or word in attachment.determiners
    if ahead:
        anchor = after[0] if after else None
        if anchor is None and word in attachment.determiners and before \
                and _apposition(sentence[lo:start], word):
            anchor = before[-1]  # "au moins 500 000 personnes, des déplacés internes"
    elif before:
        anchor = before[-1]
    else:
        # A cue heading its clause names what the clause counts ("le nombre de soldats tués
        # [...] dans les deux camps pourrait atteindre 2 millions"): the first figure of each
        # family after it.
        firsts: dict[object, dict] = {}
        for m in after:
            firsts.setdefault(m.get("_family"), m)
        return list(firsts.values())
    if anchor is None:
        return []
    if word in attachment.auxiliaries or word in attachment.copulas:
        return [anchor, *_coordinated(anchor, inside, sentence, cue_spans, attachment)]
    return [anchor]
