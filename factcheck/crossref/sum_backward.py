"""Totals stated after their parts ("17, 12 et 17, soit 46 au total"), as
:mod:`factcheck.crossref.structures` reads them: whether such a total is one more count of the
coordination rather than its sum, and whether its parts are all of it (moved out of
``structures.py``, unchanged)."""

from __future__ import annotations

from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.sum_sentences import Sentence, rel


def coordinated_total(gap: str, lexicon: Lexicon) -> bool:
    """"45 ont été arrêtées, 30 relâchées et au total 200 contrôlées": a total joined to the
    figures before it by "et" is one more count of the coordination, not their sum."""
    cue = lexicon.total.search(gap)
    words = gap[: cue.start()].split() if cue else []
    return bool(words) and words[-1].lower() in lexicon.coordinators


def backward_mode(s: Sentence, total: ClaimView, parts: list[ClaimView],
                  lexicon: Lexicon) -> str:
    """"17, 12 et 17, soit 46 au total": exhaustive, unless the total runs over a longer time
    than the periods its parts list ("80 000 en 2023, 95 000 en 2024, soit au total 400 000
    depuis 2019"): those parts are some of it only."""
    after = s.text[rel(total, s)[1] : rel(total, s)[1] + 20]
    if lexicon.since.match(after.lstrip()):
        return "partial"
    starts = [p.period[1] for p in parts if p.period[0] == "explicit" and p.period[1]]
    listed = len(starts) == len(parts) and len({p.period for p in parts}) == len(parts)
    if listed and total.period[0] == "explicit" and total.period[1] \
            and total.period[1] < min(starts):
        return "partial"
    return "exhaustive"
