"""Numbers listed before the unit their last one names: "à deux, quatre puis onze mois",
"des pics à 12, 15 et 18 tonnes", "10, 20 ou 30 euros".

News text writes the unit once, after the last number of a list; the numbers before it are
of that unit, not counts of something ("trois doses : à deux, quatre, puis onze mois" gives
ages, not doses). This module is a pure pass over the mentions of a text, run after the
scanner: such a bare count takes the kind and unit of the list's last number, with
``rule="listed_unit"``. It only does so when everything agrees:

* the last number is a length of time, a quantity or a sum of money with its unit, and no
  scale word (millions, milliards: those are left to the scanner's alternatives, "2 ou 3
  millions d'euros");
* the numbers before it are counts with no unit and no scale word, each followed only by a
  comma, or by a comma and a link word ("et", "ou", "puis") before the next one: a noun after
  one ("3 enfants, 2 et 4 ans") ends the list; a single number before a comma and a link word
  ends a clause ("ils étaient 300, et 40 minutes plus tard"), and a unit followed by "plus
  tard", "après" (``not_before``) names a moment, not the list's unit.

The link words come from the ``[listed]`` table of ``lang/<code>/scanner.toml``.
"""

from __future__ import annotations

from functools import cache

import regex

from factcheck.extract._mention_copy import replace
from factcheck.extract._parts import scale_of
from factcheck.extract.lexicon import Lexicon
from factcheck.lang import load_data
from factcheck.models import Kind, Mention
from factcheck.patterns import _alt

RULE = "listed_unit"
#: Kinds whose unit a list shares with its last number.
_LAST = frozenset({Kind.DURATION, Kind.QUANTITY, Kind.MONEY})


@cache
def _gaps(code: str) -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    data = load_data(code, "scanner")["listed"]
    comma = regex.compile(r"\s*,\s*")
    linked = regex.compile(rf"\s*,?\s*(?:{_alt(data['links'])})\s+", regex.I)
    after_not = regex.compile(rf"\s+(?:{_alt(data['not_before'])})(?!\p{{L}})", regex.I)
    return comma, linked, after_not


def listed_units(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``mentions`` (in text order) with the bare counts of a list given the unit of its last
    number (see the module)."""
    comma, linked, after_not = _gaps(lex.code)
    out = list(mentions)
    for i, last in enumerate(out):
        if last.kind not in _LAST or not last.unit or scale_of(last, lex) > 1:
            continue
        j, seen_link = i - 1, False
        while j >= 0:
            m, nxt = out[j], out[j + 1]
            gap = text[m.end : nxt.start]
            member = m.kind == last.kind and m.unit == last.unit  # "20 ou 30 euros", read
            if not member and (m.kind != Kind.COUNT or m.unit or scale_of(m, lex) > 1
                               or m.value is None):
                break
            if linked.fullmatch(gap):
                if seen_link:
                    break  # "2 et 3, 4 et 5 ans": two lists
                seen_link = True
            elif not comma.fullmatch(gap):
                break
            j -= 1
        if not seen_link:
            continue  # "12, 18 tonnes" with no "et"/"ou": no list read
        if i - (j + 1) < 2 and "," in text[out[i - 1].end : last.start]:
            # "Ils étaient 300, et 40 minutes plus tard": one number, a comma and a link
            # word end a clause; a list of one number before the last is "2 ou 3 jours".
            continue
        if after_not.match(text, last.end):
            continue  # "et 3 heures plus tard": a moment, not a list's unit
        for k in range(j + 1, i):
            if out[k].kind == Kind.COUNT:
                out[k] = replace(out[k], kind=last.kind, unit=last.unit, rule=RULE)
    return out

