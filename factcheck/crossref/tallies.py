"""The terms of a score or a tally: "le FC Nantes a gagné 3 buts à 1", "l'emporte 2 à 0".

Each term is a figure the extractor reads as a count, but it counts nothing on its own: it is
one side of a result. Two sources giving another result ("3 buts à 2 selon un autre
journal") are not two counts of one thing at odds, and no flag may set a term against another
figure as one fact (:func:`factcheck.crossref.identity.identity` blocks it). A term is a
figure joined to the next count of its sentence by a score link alone (``[score]`` of
``lang/fr/crossref.toml``; the first term's noun may stand between: "3 buts à 1"), unless a
range opener comes right before the first ("de 3 à 5", "passé de 3 à 5")."""

from __future__ import annotations

import itertools
from functools import cache

import regex

from factcheck.crossref.cue_words import Lexicon

#: The text between two terms: the first one's noun at most, then the link.
_GAP = regex.compile(r"\s*(?:[\p{L}'’]+\s+)?(?P<link>\S+)\s*", regex.V1)
#: Characters before the first term read for a range opener.
OPENER_REACH = 14


@cache
def _opener_at_end(openers: str) -> regex.Pattern:
    """A range opener ("de", "entre") right before the first term, compiled once."""
    return regex.compile(rf"(?:{openers})\s*$", regex.IGNORECASE | regex.V1)


def score_terms(members: list[dict], sentence: str, lexicon: Lexicon) -> set[str]:
    """Claim ids of the figures of one sentence that are terms of a score (rows with offsets
    relative to the sentence, as :func:`factcheck.crossref.views.prepare_claims` prepares
    them)."""
    counts = sorted((m for m in members if m["_dim"] == "count"),
                    key=lambda m: m["_rel_start"])
    found: set[str] = set()
    for first, second in itertools.pairwise(counts):
        gap = _GAP.fullmatch(sentence, first["_rel_end"], second["_rel_start"])
        if gap is None or not lexicon.score_links.fullmatch(gap.group("link")):
            continue
        before = sentence[max(0, first["_rel_start"] - OPENER_REACH) : first["_rel_start"]]
        if _opener_at_end(lexicon.range_openers.pattern).search(before):
            continue  # "de 3 à 5 jours": a range
        found.update((first["claim_id"], second["claim_id"]))
    return found
