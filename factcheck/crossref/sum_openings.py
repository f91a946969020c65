"""A total opening its sentence, and a remainder stated with its figure
(:mod:`factcheck.crossref.structures`), from ``[structure]`` of ``lang/<code>/crossref.toml``:

- A figure that opens its sentence after one of ``opening_wholes`` ("Sur les 420 dossiers
  déposés en mars, 260 ont été acceptés et 90 refusés"; "Parmi les 60 salariés, ...";
  "Des 35 blessés, ...") is the whole the figures after its phrase are taken of: a comma closes
  the phrase, and at most ``opening_reach`` words stand between that comma and the first
  part. The parts are partial (they may sum to less, never more), a remainder in words after
  them ("et le reste à Lyon") leaves a remainder that is not negative (:func:`opens_whole`).
- A remainder given with its figure right after the parts ("le reste, soit 70 dossiers"; "et
  le solde, 40"), one of ``remainder`` of ``[structure]`` then at most a comma and
  ``remainder_links``, is one more part, and makes the parts the whole: they must then add up
  to the total (:func:`stated_remainder`). A "le reste" computed so that the sum holds is
  consistent; one that does not is a real mismatch.
- Parts that may break down the first part rather than the whole are not the opening whole's
  ("Sur les 860 dossiers déposés, 610 ont été acceptés, 400 en première instance et 210 en
  appel"): the first part closes its own clause by a comma before the second, and the parts
  after it add up to at most the first; the structure is uncertain and not read
  (:func:`breaks_down_first`).
- Parts each followed by one of ``reason_links`` and a noun with no determiner ("dont 450
  pour violences, 400 pour menaces"; not "pour la liste A") may overlap (one person held for
  two offences): no partition, not read (:func:`overlapping_reasons`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.sum_sentences import Sentence, between, rel
from factcheck.lang import load_data

_WORD = regex.compile(r"[\p{L}\d]+", regex.V1)


@dataclass(frozen=True, slots=True)
class OpeningCues:
    lead: regex.Pattern[str]  # the whole text before a total that opens its sentence
    reach: int
    remainder: regex.Pattern[str]  # the end of the text between the last part and the rest
    reason: regex.Pattern[str]  # right after a part: the reason it counts ("pour violences")


def _alternatives(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


@cache
def opening_cues(code: str = "fr") -> OpeningCues:
    data = load_data(code, "crossref").get("structure", {})
    wholes = _alternatives(data.get("opening_wholes", []))
    rests = _alternatives(data.get("remainder", []))
    links = _alternatives(data.get("remainder_links", []))
    lead = rf"^\s*(?:{wholes})\s*$" if wholes else r"(?!)"
    rest = (rf"(?:^|[,;]|\s)\s*(?:et\s+)?(?:{rests})\s*,?\s*(?:(?:{links})\s*)?$"
            if rests and links else r"(?!)")
    reasons = _alternatives(data.get("reason_links", []))
    bare = _alternatives(data.get("reason_not_before", [])) or "(?!)"
    reason = (rf"^\s*(?:\p{{L}}+\s+)?(?:{reasons})\s+(?!(?:{bare})(?:(?<=['’])|(?!\p{{L}})))\p{{L}}"
              if reasons else r"(?!)")
    return OpeningCues(regex.compile(lead, regex.V1 | regex.I),
                       int(data.get("opening_reach", 0)),
                       regex.compile(rest, regex.V1 | regex.I),
                       regex.compile(reason, regex.V1 | regex.I))


def opens_whole(s: Sentence, j: int, gap: str, code: str = "fr") -> bool:
    """Whether figure ``j`` of ``s`` opens the sentence after a word of ``opening_wholes``
    and its phrase closes by a comma at most ``opening_reach`` words before the next figure
    (``gap``, the text between them): the whole of the figures that follow (module
    docstring)."""
    cues = opening_cues(code)
    if j != 0 or not cues.lead.match(s.text[: rel(s.members[0], s)[0]]):
        return False
    comma = gap.rfind(",")
    return comma != -1 and len(_WORD.findall(gap[comma + 1 :])) <= cues.reach


def stated_remainder(s: Sentence, parts: list[ClaimView], total: ClaimView,
                     code: str = "fr") -> ClaimView | None:
    """The figure of ``s`` right after the last of ``parts`` that states the remainder
    ("le reste, soit 70"), when it is of the parts' dimension and counts the total's thing
    (its family or none); else None (module docstring)."""
    if not parts:
        return None
    members = list(s.members)
    index = next((i for i, m in enumerate(members) if m is parts[-1]), None)
    if index is None or index + 1 >= len(members):
        return None
    rest = members[index + 1]
    if not opening_cues(code).remainder.search(between(s, parts[-1], rest)):
        return None
    if rest.dimension != parts[0].dimension:
        return None
    family, own = total.subject_family, rest.subject_family
    return rest if not (family and own and family != own) else None


def breaks_down_first(s: Sentence, parts: list[ClaimView]) -> bool:
    """Whether the parts after the first may be the first's own parts: the first closes its
    clause by a comma after words of its own, and the others add up to at most it (module
    docstring)."""
    if len(parts) < 3 or any(p.value is None for p in parts):
        return False
    gap = between(s, parts[0], parts[1])
    comma = gap.rfind(",")
    if comma == -1 or not _WORD.search(gap[:comma]):
        return False
    return sum(p.value or 0 for p in parts[1:]) <= (parts[0].value or 0)


def overlapping_reasons(s: Sentence, parts: list[ClaimView], code: str = "fr") -> bool:
    """Whether two or more of ``parts`` are each followed by the reason they count ("450
    pour violences"): reasons overlap, no partition (module docstring)."""
    reason = opening_cues(code).reason
    return sum(1 for p in parts if reason.match(s.text[rel(p, s)[1] :])) >= 2
