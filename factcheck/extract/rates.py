"""The basis of a rate ("3,2 % sur un an", "en glissement annuel", "par rapport à 2019").

A basis is part of what a rate measures, not a figure: :func:`drop_rate_bases` removes the
durations that only name the basis of a rate or a change of their sentence ("sur un an" after
"ont augmenté de 3,2 %"), and :func:`basis_of` reads the basis of a figure for the context
stage. The phrases are data (``lang/<code>/rates.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.deadline import checkpoint
from factcheck.lang import load_data
from factcheck.models import Kind, Mention

#: How far after (or before) a figure its basis is looked for, in characters.
WINDOW = 60


@dataclass(frozen=True, slots=True)
class RateData:
    bases: dict[str, str]
    pattern: regex.Pattern[str]
    comparison: regex.Pattern[str]
    comparison_end: regex.Pattern[str]
    preps: frozenset[str]
    lengths: frozenset[tuple[float, str]]


@cache
def rate_data(code: str = "fr") -> RateData:
    data = load_data(code, "rates")
    bases = {k.lower(): v for k, v in data["bases"].items()}
    alternatives = "|".join(regex.escape(k) for k in sorted(bases, key=len, reverse=True))
    intro = "|".join(regex.escape(k) for k in sorted(data["comparison"]["introducers"],
                                                      key=len, reverse=True))
    ends = "|".join(regex.escape(e) for e in data["comparison"]["ends"])
    return RateData(
        bases=bases,
        pattern=regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.IGNORECASE),
        comparison=regex.compile(rf"(?<!\w)(?:{intro})\s+", regex.IGNORECASE),
        comparison_end=regex.compile(ends),
        preps=frozenset(p.lower() for p in data["duration_basis"]["preps"]),
        lengths=frozenset((float(v), str(u)) for v, u in data["duration_basis"]["lengths"]),
    )


def _is_rate(m: Mention) -> bool:
    return m.kind == Kind.PERCENT or m.role == "change_by"


def drop_rate_bases(text: str, mentions: list[Mention], code: str = "fr") -> list[Mention]:
    """``mentions`` without the durations that only name the basis of a rate or change of
    their sentence ("ont augmenté de 3,2 % sur un an": "un an" is no figure)."""
    data = rate_data(code)
    rates = [m for m in mentions if _is_rate(m)]
    if not rates:
        return mentions
    keep = []
    for m in mentions:
        checkpoint()
        if m.kind == Kind.DURATION and (float(m.value or 0), str(m.unit)) in data.lengths:
            before = text[max(0, m.start - 12) : m.start].split()
            if before and before[-1].lower() in data.preps and any(
                abs(r.start - m.start) <= WINDOW and _same_sentence(text, r, m) for r in rates
            ):
                continue
        keep.append(m)
    return keep


def _same_sentence(text: str, a: Mention, b: Mention) -> bool:
    lo, hi = sorted((a.end, b.start)) if a.start < b.start else sorted((b.end, a.start))
    return "." not in text[lo:hi].replace(",", "")


def basis_of(sentence: str, start: int, end: int, next_figure: int | None = None,
             code: str = "fr", lead: bool = True) -> str | None:
    """The basis of the rate at ``sentence[start:end]``: a phrase of ``rates.toml`` after it
    (up to the next figure) or just before it in its clause, a phrase heading the sentence
    when ``lead`` (the sentence's first rate only: "Sur un an, les prix ont augmenté de 3,2 %,
    et le chômage est de 7,3 %"), else a comparison base ("par rapport à 2019")."""
    data = rate_data(code)
    stop = min(len(sentence), end + WINDOW, next_figure if next_figure is not None else
               len(sentence))
    after = data.pattern.search(sentence, end, stop)
    if after:
        return data.bases[after.group(0).lower()]
    clause = max(sentence.rfind(c, 0, start) for c in ",;:(") + 1
    before = list(data.pattern.finditer(sentence, max(clause, start - WINDOW), start))
    if before:
        return data.bases[before[-1].group(0).lower()]
    head = data.pattern.match(sentence, len(sentence) - len(sentence.lstrip())) if lead else None
    if head and head.end() < start:  # "Sur un mois, les prix reculent de 0,4 %."
        return data.bases[head.group(0).lower()]
    comparison = data.comparison.search(sentence, end, stop)
    if comparison:
        cut = data.comparison_end.search(sentence, comparison.end())
        tail_end = min(cut.start() if cut else len(sentence), comparison.end() + 40)
        base = sentence[comparison.start() : tail_end].strip()
        return " ".join(base.split()) or None
    return None
