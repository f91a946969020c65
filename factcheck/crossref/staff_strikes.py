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
collègues en grève"). A share with no strike cue after it is one too when the text right before
it names the strike's participation (``before``: "une participation de 40 % des professeurs")
in a sentence that names the strike (``strike_words``: "Grève du 6 février : ..."), or when it
states no noun of its own after the first share of its sentence, which it takes with its
reading ("40 % des professeurs sont en grève pour le syndicat, 9,5 % selon le ministère")."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.crossref.cue_sets import _pattern
from factcheck.crossref.cue_tables import lemma

_WORD = regex.compile(r"\w+")

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
    before: regex.Pattern[str] | None = None
    strike_words: regex.Pattern[str] | None = None
    incises: regex.Pattern[str] | None = None
    other_events: regex.Pattern[str] | None = None
    negations: regex.Pattern[str] | None = None
    #: A population named right after a strike rate ("de 36,8 % chez les conducteurs"): the
    #: cue and the noun (``population``), and the lemmas of the staffs so named.
    population: regex.Pattern[str] | None = None
    populations: frozenset[str] = frozenset()


def staff_strike_cues(data: dict) -> StaffStrikeCues:
    """The cues of ``[staff_strikes]`` (none when the language gives none)."""
    if not data.get("family"):
        return StaffStrikeCues()
    return StaffStrikeCues(
        family=str(data["family"]),
        staff=frozenset(lemma(w) for w in data.get("staff", ())),
        cues=_pattern(list(data.get("cues", ()))),
        not_before=_pattern(list(data.get("not_before", ()))),
        breaks=_pattern(list(data.get("breaks", ()))),
        before=regex.compile(rf"(?:{_pattern(list(data.get('before', ()))).pattern})\s*$",
                             regex.IGNORECASE | regex.V1),
        strike_words=_pattern(list(data.get("strike_words", ()))),
        incises=regex.compile(rf",\s*(?:{_pattern(list(data.get('incises', ()))).pattern})[^,]*,",
                              regex.IGNORECASE | regex.V1) if data.get("incises") else None,
        other_events=_pattern(list(data.get("other_events", ()))),
        negations=_pattern(list(data.get("negations", ()))),
        population=regex.compile(
            rf"\s*(?:{_pattern(list(data['population_cues'])).pattern})\s+(?P<noun>\p{{L}}+)",
            regex.IGNORECASE | regex.V1) if data.get("population_cues") else None,
        populations=frozenset(lemma(w) for w in data.get("populations", ())),
    )


def _clause(sentence: str, end: int, next_start: int | None, cues: StaffStrikeCues) -> str:
    """The text after a figure ending at ``end`` up to the next figure (``next_start``), a
    clause break or CLAUSE_REACH characters."""
    stop = min(len(sentence), end + CLAUSE_REACH)
    if next_start is not None and end <= next_start < stop:
        stop = next_start
    clause = sentence[end:stop]
    if cues.breaks is not None and (cut := cues.breaks.search(clause)) is not None:
        clause = clause[: cut.start()]
    return clause


def is_staff(subject_lemma: str, cues: StaffStrikeCues) -> bool:
    return bool(cues.family) and any(word in cues.staff for word in subject_lemma.split())


def staff_strike_family(subject_lemma: str, sentence: str, start: int, end: int,
                        next_start: int | None, cues: StaffStrikeCues) -> str | None:
    """The strike-rate family for a share whose subject is a staff of ``cues.staff`` and whose
    clause after the figure (from ``end`` to the next figure at ``next_start``, a clause break
    or CLAUSE_REACH characters) holds a cue of the strike with no word of opinion or intent
    before it, or which a cue of ``before`` ends right before (at ``start``) in a sentence
    naming the strike; None otherwise (the figure keeps the family of its noun)."""
    if cues.cues is None or not is_staff(subject_lemma, cues):
        return None
    clause = _clause(sentence, end, next_start, cues)
    if _participation(sentence[:start], clause, cues):
        return cues.family
    found = cues.cues.search(clause)
    if found is None:
        return None
    voids = [p for p in (cues.not_before, cues.negations) if p is not None]
    if any(p.search(clause[: found.start()]) for p in voids):
        return None
    return cues.family


def _participation(before: str, clause: str, cues: StaffStrikeCues) -> bool:
    """A share right after a cue of ``before`` ("une participation de 40 % des professeurs")
    whose own clause names the strike: a strike word in the text before it, a relative incise
    (``incises``) left out, or in its clause after it; and no participation in another event
    (``other_events``: "au vote") nor a word of opinion (``not_before``) after it."""
    if cues.before is None or cues.strike_words is None or not cues.before.search(before):
        return False
    if any(p is not None and p.search(clause) for p in (cues.other_events, cues.not_before)):
        return False
    own = cues.incises.sub(",", before) if cues.incises is not None else before
    return bool(cues.strike_words.search(own) or cues.strike_words.search(clause))


def elided_staff(subject_lemma: str, sentence: str, end: int, next_start: int | None,
                 cues: StaffStrikeCues) -> bool:
    """A share of a staff that states no noun of that staff in its clause after it ("9,5 %
    selon le ministère"): its subject was taken from an earlier figure of its sentence."""
    if not is_staff(subject_lemma, cues):
        return False
    words = {lemma(w) for w in _WORD.findall(_clause(sentence, end, next_start, cues))}
    return not words & set(subject_lemma.split())


def population_named(sentence: str, end: int, cues: StaffStrikeCues) -> str | None:
    """The staff a strike rate ending at ``end`` is the rate of, named right after it ("le
    taux de grévistes était de 36,8 % chez les conducteurs", "77 % pour les conducteurs de
    train"): the noun, when its lemma is one of ``populations``; None otherwise."""
    if cues.population is None:
        return None
    found = cues.population.match(sentence, end)
    if found is None or lemma(found.group("noun").lower()) not in cues.populations:
        return None
    return found.group("noun")
