"""Clauses and terms of comparison around a figure, for :mod:`factcheck.context.timeref`:
where a figure's clause begins and ends, whether a period named near it belongs to another
term of a comparison ("59 % contre 39 % en 2022"), and the period a date or a year is of
itself."""

from __future__ import annotations

import regex

from factcheck.context.calendar_spans import month_end
from factcheck.context.lexicon import time_data
from factcheck.models import Kind, Mention


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


def own_period(m: Mention) -> tuple[str | None, str | None] | None:
    """The period a date or a year is of itself ("2023", "2023-05", "2023-05-31"), else None."""
    if m.kind not in (Kind.DATE, Kind.YEAR) or not m.resolved:
        return None
    r = m.resolved
    if regex.fullmatch(r"\d{4}", r):
        return f"{r}-01-01", f"{r}-12-31"
    if regex.fullmatch(r"\d{4}-\d{2}", r):
        y, mo = int(r[:4]), int(r[5:])
        return f"{r}-01", month_end(y, mo).isoformat()
    return r, r
