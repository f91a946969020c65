"""Clauses and terms of comparison around a figure, for :mod:`factcheck.context.timeref`:
where a figure's clause begins and ends, whether a period named near it belongs to another
term of a comparison ("59 % contre 39 % en 2022"), and the period a date or a year is of
itself."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._time_data import modality_data, time_data
from factcheck.context.calendar_spans import month_end
from factcheck.models import Kind, Mention

#: A digit: a figure between two words ("aucun chiffre entre le verbe et la date").
DIGIT = regex.compile(r"\d")


def other_term(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` holds a term of comparison followed by a figure ("contre
    39 %", "après +14 %")."""
    words = time_data().words.get("other_term", ())
    if not words:
        return False
    pattern = _OTHER_TERMS.get(words)
    if pattern is None:
        alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = _OTHER_TERMS[words] = regex.compile(rf"(?<!\w)(?:{alt})\s+[^\d\s]{{0,2}}\d")
    return bool(pattern.search(low, start, end))


_OTHER_TERMS: dict[tuple[str, ...], regex.Pattern[str]] = {}


def contrast_between(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` holds a term of comparison ("contre", ``contrast``)."""
    words = time_data().words.get("contrast", ())
    return any(regex.search(rf"(?<!\w){regex.escape(w)}(?!\w)", low[start:end]) for w in words)


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence[start:end]``: between the punctuation marks around it."""
    marks = ',;:()«»"'
    cs = max(sentence.rfind(c, 0, start) for c in marks) + 1
    ends = [i for i in (sentence.find(c, end) for c in marks) if i >= 0]
    return cs, min(ends) if ends else len(sentence)


#: A resolved year ("2023") and a resolved month ("2023-05"), compiled once (``own_period``
#: is asked for every figure).
_YEAR = regex.compile(r"\d{4}")
_YEAR_MONTH = regex.compile(r"\d{4}-\d{2}")


def own_period(m: Mention) -> tuple[str | None, str | None] | None:
    """The period a date or a year is of itself ("2023", "2023-05", "2023-05-31"), else None."""
    if m.kind not in (Kind.DATE, Kind.YEAR) or not m.resolved:
        return None
    r = m.resolved
    if _YEAR.fullmatch(r):
        return f"{r}-01-01", f"{r}-12-31"
    if _YEAR_MONTH.fullmatch(r):
        y, mo = int(r[:4]), int(r[5:])
        return f"{r}-01", month_end(y, mo).isoformat()
    return r, r


@cache
def cue_pattern(key: str, tail: str = r"(?!\w)") -> regex.Pattern[str]:
    """The words of ``[patterns].key`` of ``lang/fr/context_time.toml`` as one pattern, each
    a whole word from its start (longest first), followed by ``tail``; a pattern matching
    nothing when the list is empty."""
    words = time_data().words.get(key, ())
    if not words:
        return regex.compile(r"(?!)")
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alt}){tail}")


def publication_day_stopped(low: str, end: int, cs: int, ce: int, start: int) -> bool:
    """Whether a period said from the writer's day ending at ``end`` in an earlier clause
    ("Il y a un an, il promettait 300 emplois") stops before the figure at ``start`` of the
    clause ``[cs, ce)``: a turn between them (``publication_day_stops``: "mais", ";"), or,
    past another figure, a time word of the figure's clause (``publication_day_own_words``:
    "..., 120 ont été créés depuis"): that clause is of the writer's day."""
    words = time_data().words
    between = low[end:start]
    if any(w in between if not w[0].isalnum() else regex.search(
            rf"(?<!\w){regex.escape(w)}(?!\w)", between)
           for w in words.get("publication_day_stops", ())):
        return True
    return bool(regex.search(r"\d", low[end:cs])) \
        and bool(cue_pattern("publication_day_own_words").search(low, cs, ce))


def future_verb(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` holds a lowercase word with a future tense's ending
    (``lead_year_future_endings``, not ``lead_year_not_future``): "atteindra", "reculeront"."""
    words = time_data().words
    endings = tuple(words.get("lead_year_future_endings", ()))
    not_future = tuple(words.get("lead_year_not_future", ()))
    return any(w.endswith(endings) and not w.endswith(not_future)
               for w in regex.findall(r"(?<!\w)\p{Ll}\w{3,}(?!\w)", sentence[start:end]))


@cache
def projection_cue() -> regex.Pattern[str]:
    """A word of projection ("prévoit", "devrait"; ``lead_year_future``: "doit", "sera"): a
    time still to come, not a report's."""
    words = (*modality_data().projection_words, *time_data().words.get("lead_year_future", ()))
    alt = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alt})(?!\w)") if alt else regex.compile(r"(?!)")


def past_cue() -> regex.Pattern[str]:
    """The pluperfect or a time then ("avaient été hébergées", "à l'époque"; not "alors
    que"): ``lead_year_past``."""
    return cue_pattern("lead_year_past", r"(?!\w)(?!\s+qu)")
