"""Counts listed place by place: "ils étaient 5000 à Paris, 2000 à Nancy et 1500 à Metz".

A bare four-digit number between 1800 and 2100 reads as a year when nothing says otherwise;
in a list of counts by place it is a count like the others. This pure pass over the mentions
of a text, run after the scanner, makes such a year a count (``rule="by_place"``) when:

* the figure just before it is a count with a value (a list of years, "1998 à Paris et 2002
  à Yokohama", stays a list of years);
* the text between them is at most two words, a place word and the place, then a comma or a
  link word ("5000 à Paris, ", "4000 manifestants à Lyon et ");
* the number is followed by a place word too ("2000 à Nancy").

Words come from the ``[by_place]`` table of ``lang/<code>/scanner.toml``.
"""

from __future__ import annotations

from functools import cache

import regex

from factcheck.extract._mention_copy import replace
from factcheck.extract.lexicon import Lexicon
from factcheck.lang import load_data
from factcheck.models import Kind, Mention
from factcheck.patterns import _alt

RULE = "by_place"


@cache
def _patterns(code: str) -> tuple[regex.Pattern, regex.Pattern]:
    data = load_data(code, "scanner")["by_place"]
    places, links = _alt(data["places"]), _alt(data["links"])
    gap = regex.compile(
        rf"(?:\s+[\p{{L}}'-]+){{0,2}}?\s+(?:{places})\s+[^\d,;:.!?()«»\n]{{1,40}}?"
        rf"(?:\s*,\s*|\s+(?:{links})\s+|\s*,\s*(?:{links})\s+)",
        regex.I,
    )
    after = regex.compile(rf"\s+(?:{places})\s+\p{{L}}", regex.I)
    return gap, after


def by_place_counts(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``mentions`` (in text order) with the years of a list of counts by place read as
    counts (see the module)."""
    gap, after = _patterns(lex.code)
    out = list(mentions)
    for i in range(1, len(out)):
        year, before = out[i], out[i - 1]
        if year.kind != Kind.YEAR or year.value is None or year.surface != year.surface.strip():
            continue
        if before.kind != Kind.COUNT or before.value is None:
            continue
        if not year.surface.isdigit():
            continue
        if gap.fullmatch(text, before.end, year.start) and after.match(text, year.end):
            out[i] = replace(year, kind=Kind.COUNT, resolved=None, rule=RULE)
    return out
