"""A share of a school staff read as a strike rate only when its own clause says the strike.

"25 % des enseignants étaient en grève", "23,7 % des enseignants sont mobilisés", "18 % des
professeurs ont débrayé": the share of the staff on strike, one metric with "11,9 % de
grévistes" and "le taux de grève" (the family ``[staff_strikes] family``). A share of the same
staff whose clause says no strike is no strike rate, even in a strike story: "60 % des
professeurs soutiennent la grève" (a poll), "45 % des enseignants se disent épuisés" keep the
family of their noun. The clause is the text right after the figure, up to the next figure of
its sentence or a clause break (``[staff_strikes] breaks``: "tandis que", ";"); a cue
(``cues``) there says the strike, unless a word of opinion or intent (``not_before``:
"soutiennent", "se disent", "prêts à") comes before it ("60 % des enseignants soutiennent les
collègues en grève")."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.crossref.cue_sets import _pattern

#: The reach of a figure's clause after it, in characters.
CLAUSE_REACH = 90


@dataclass(frozen=True, slots=True)
class StaffStrikeCues:
    """``[staff_strikes]``: the strike-rate family, the lemmas of the staffs whose shares join
    it, the cues of the strike, the words of opinion or intent that void a cue after them, and
    the clause breaks. ``family`` empty: nothing is read."""

    family: str = ""
    staff: frozenset[str] = frozenset()
    cues: regex.Pattern[str] | None = None
    not_before: regex.Pattern[str] | None = None
    breaks: regex.Pattern[str] | None = None


def staff_strike_cues(data: dict, lemma: object) -> StaffStrikeCues:
    """The cues of ``[staff_strikes]`` (none when the language gives none); ``lemma`` folds
    the staff nouns as subjects are folded."""
    if not data.get("family"):
        return StaffStrikeCues()
    return StaffStrikeCues(
        family=str(data["family"]),
        staff=frozenset(lemma(w) for w in data.get("staff", ())),  # type: ignore[operator]
        cues=_pattern(list(data.get("cues", ()))),
        not_before=_pattern(list(data.get("not_before", ()))),
        breaks=_pattern(list(data.get("breaks", ()))),
    )


def staff_strike_family(subject_lemma: str, sentence: str, end: int, next_start: int | None,
                        cues: StaffStrikeCues) -> str | None:
    """The strike-rate family for a share whose subject is a staff of ``cues.staff`` and whose
    clause after the figure (from ``end`` to the next figure at ``next_start``, a clause break
    or CLAUSE_REACH characters) holds a cue of the strike with no word of opinion or intent
    before it; None otherwise (the figure keeps the family of its noun)."""
    if not cues.family or cues.cues is None or not any(
            word in cues.staff for word in subject_lemma.split()):
        return None
    stop = min(len(sentence), end + CLAUSE_REACH)
    if next_start is not None and end <= next_start < stop:
        stop = next_start
    clause = sentence[end:stop]
    if cues.breaks is not None and (cut := cues.breaks.search(clause)) is not None:
        clause = clause[: cut.start()]
    found = cues.cues.search(clause)
    if found is None:
        return None
    if cues.not_before is not None and cues.not_before.search(clause[: found.start()]):
        return None
    return cues.family
