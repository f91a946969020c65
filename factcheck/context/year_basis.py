"""The basis of a change dated by one calendar year ("en hausse de 7 % en 2023"): the year
before, the same basis as "sur un an" (``[dated_change]`` of ``lang/<code>/rates.toml``).

French news dates a yearly change by its year and leaves the basis unsaid: "La délinquance a
augmenté de 8 % en 2023" is 2023 against 2022, the metric "+8 % sur un an" measures. The
basis enters a rate's identity (cross-referencing sets "+0,4 % sur un mois" apart from
"+3,2 % sur un an"), so a change read with a year and one read "sur un an" are one metric.
Only a change (the scanner's ``change_by``) without a basis of its own, whose period is
exactly one calendar year named in its own clause or heading its sentence ("qui ont progressé
de 7 % en 2023,", "En 2023, les ventes ont reculé de 12 %"; not carried from the lead's year
or a year of results, ``time_basis`` ``report``: "Au global, ce budget est en hausse de 3 %"
under a budget of 2024 may be told elsewhere "par rapport à 2023", a base this rule cannot
equate), and whose sentence names no other base ("de 9 % en 2023 par rapport à 2019": the
scanner's year stops the reading of the base after it); not the level a change starts from
("est passé de 935 l'année dernière à 1 031"), nor a level ("le taux est de 7 % en 2023").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from factcheck.context._time_terms import clause_bounds
from factcheck.extract.rates import rate_data
from factcheck.lang import load_data
from factcheck.models import Claim, Context
from factcheck.patterns import _alt

_YEAR_START = regex.compile(r"\d{4}-01-01")


@dataclass(frozen=True, slots=True)
class _DatedChange:
    basis: str
    year_named: regex.Pattern[str]
    opener: regex.Pattern[str]
    from_level: regex.Pattern[str]


def _words(words: list[str]) -> str:
    """The words as one alternation (``patterns._alt``), one matching nothing when none."""
    return _alt(words) or "(?!)"


@cache
def _dated_change(code: str = "fr") -> _DatedChange | None:
    data = load_data(code, "rates").get("dated_change", {})
    if not data.get("year"):
        return None
    year = r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)"
    return _DatedChange(
        basis=data["year"],
        year_named=regex.compile(rf"{year}|(?<!\w)(?:{_words(data.get('last_year', []))})(?!\w)",
                                 regex.IGNORECASE),
        opener=regex.compile(rf"\s*(?:{_words(data.get('openers', []))})\s+{year}\s*,",
                             regex.IGNORECASE),
        from_level=regex.compile(rf"(?<!\w)(?:{_words(data.get('from_level', []))})\s*$",
                                 regex.IGNORECASE),
    )


def _other_base(sentence: str) -> bool:
    """Whether ``sentence`` names a base of comparison or a rate's basis ("par rapport à
    2019", "comparé à", "sur un mois")."""
    data = rate_data()
    return bool(data.comparison.search(sentence) or data.pattern.search(sentence))


def _dated_by_a_year(claim: Claim, data: _DatedChange) -> bool:
    """Whether ``claim``'s change is dated by a year named in its own clause, or heading its
    sentence, and is not the level a change starts from."""
    sentence = claim.sentence
    start = claim.mention.start - claim.sentence_start
    end = claim.mention.end - claim.sentence_start
    if data.from_level.search(sentence[max(0, start - 30) : start]) or _other_base(sentence):
        return False
    cs, ce = clause_bounds(sentence, start, end)
    return bool(data.year_named.search(sentence, cs, ce) or data.opener.match(sentence))


def one_calendar_year(start: str | None, end: str | None) -> bool:
    """Whether ``start``-``end`` is one whole calendar year ("2023-01-01" to "2023-12-31")."""
    return bool(start and end and _YEAR_START.fullmatch(start)
                and end == f"{start[:4]}-12-31")


def year_based(claims: list[Claim], contexts: list[Context]) -> list[Context]:
    """``contexts`` with the basis of the year before on each change dated by one calendar
    year that says no basis of its own."""
    data = _dated_change()
    if data is None:
        return contexts
    return [
        replace(ctx, basis=data.basis)
        if ctx.basis is None and c.mention.role == "change_by" and ctx.time_basis is None
        and one_calendar_year(ctx.time_start, ctx.time_end) and _dated_by_a_year(c, data)
        else ctx
        for c, ctx in zip(claims, contexts, strict=True)
    ]
