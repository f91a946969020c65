"""Lists of parts written without a cue word, and lists that count their entries
(:mod:`factcheck.crossref.structures`).

- A list whose entries each carry their figure in brackets after a label ("dont Lyon (6),
  Grenoble (5) et Annecy (3)"): a bracket closing right after a part and one opening right
  before the next, with a short label between, does not end the list (:func:`labelled`).
- A figure followed by its noun and an opening bracket that holds a list of figures of its own kind
  ("12 médailles (5 en or, 4 en argent, 3 en bronze)") is a total and its parts
  (:func:`opens_bracket`; partial: nothing says the list is complete). Not when the figures
  are shares (a rate and the rates of its groups) or each of a period of its own (earlier
  values of the total, not its parts: :func:`own_periods`).
- A sentence that takes up the noun of the figure ending the sentence before by a pronoun
  (``[structure] anaphora`` of ``lang/<code>/crossref.toml``, "Le Var en compte 60, les
  Alpes-Maritimes 50 et le Vaucluse 30" after "140 interventions") and lists at least two
  figures leaving that noun unsaid breaks the total down (:func:`takes_up`), partially.
  Parts with no time of their own are of the total's time. Nothing but the pronoun ties
  them to the total: parts that exceed it may be its peers ("les pompiers français en ont
  mené 140. L'Espagne en compte 60, l'Italie 50 et le Portugal 40"), so such a structure is
  never a ``sum_mismatch``, only uncertain (reason ``taken_up`` of ``sum_identity``).
- A total whose value is the number of parts listed after it, which they do not add up to,
  counts the entries of the list ("300 postes, répartis sur trois sites : 120 à Lyon, 100 à
  Grenoble et 80 à Annecy": three sites, not a sum of three) when a figure of another noun
  before it can own the list, a part exceeds it or a part names a noun of its own: the parts
  are then of the figure right before it in its clause, if any (:func:`counts_entries`,
  :func:`whole_before`), partially (that figure may count more than the entries listed).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.crossref.matching import ClaimView
from factcheck.crossref.sum_sentences import Sentence, rel
from factcheck.lang import load_data

#: Longest label between two bracketed entries ("), Alpes-de-Haute-Provence (").
MAX_LABEL = 40
_LABELLED = regex.compile(rf"\s*\)\s*(?:,|;|et\b|ainsi que\b)\s*[^()\d,;:.!?]{{1,{MAX_LABEL}}}"
                          r"\(\s*$", regex.V1)
#: Words of the total's noun between it and the bracket opening its parts ("12 hôpitaux (").
MAX_NOUN_WORDS = 3
_OPENING = regex.compile(rf"\s*(?:[\p{{L}}'’-]+\s+){{0,{MAX_NOUN_WORDS}}}\(\s*$", regex.V1)
_WORD = regex.compile(r"[\p{L}'’]+", regex.V1)
_TOKEN = regex.compile(r"[\p{L}]+['’]?|[^\s\p{L}]", regex.V1)
#: Where the complement of a part ends: a sign, a figure, or a word joining the next part.
_PART_END = regex.compile(r"[,;:()\d]|\s(?:et|ou|ainsi que)\s", regex.V1)


@dataclass(frozen=True, slots=True)
class ListCues:
    anaphora: regex.Pattern[str]  # a pronoun and at most two words, right before a figure
    stops: frozenset[str]  # words that cannot end the verb group before the figure
    entries_breaks: frozenset[str]  # words and signs ending the clause of a list's whole
    bracket_breaks: frozenset[str]  # words of a complement between a figure and a bracket
    bracket_kinds: dict[str, str]  # preposition -> kind of complement of a bracketed part


@cache
def list_cues(code: str = "fr") -> ListCues:
    data = load_data(code, "crossref").get("structure", {})
    pronouns = "|".join(regex.escape(w) for w in data.get("anaphora", ()))
    pattern = (rf"(?<![\p{{L}}'’])(?:{pronouns})\s+(?:[\p{{Ll}}'’]+\s+){{1,2}}$" if pronouns
               else r"(?!)")
    return ListCues(regex.compile(pattern, regex.V1),
                    frozenset(w.lower() for w in data.get("anaphora_stops", ())),
                    frozenset(w.lower() for w in data.get("entries_breaks", ())),
                    frozenset(w.lower() for w in data.get("bracket_breaks", ())),
                    {w.lower(): k for w, k in data.get("bracket_kinds", {}).items()})


def labelled(gap: str, lead: str) -> bool:
    """Whether ``gap``, the text between two parts, closes the bracket of the first and opens
    the bracket of the second after a label ("), Menton ("), the first part's bracket having
    opened right after a label too (``lead``, the text before it, ends with "(")."""
    return lead.rstrip().endswith("(") and bool(_LABELLED.match(gap))


def opens_bracket(gap: str, code: str = "fr") -> bool:
    """Whether nothing but the figure's noun ("hôpitaux") and an opening bracket stands
    between a figure and the next one; not a complement (a word of ``bracket_breaks``: "dont
    dix en or (12 en argent, 11 en bronze)" gives siblings of the figure, not its parts)."""
    if not _OPENING.match(gap):
        return False
    breaks = list_cues(code).bracket_breaks
    return not any(t.lower() in breaks for t in _TOKEN.findall(gap))


def own_periods(total: ClaimView, parts: list[ClaimView]) -> bool:
    """Whether the parts are each dated at a time of its own, or at another time than the
    total: values of other periods ("300 000 (280 000 en 2023, 250 000 en 2022)")."""
    dated = [p.period for p in parts if p.period and p.period[0] == "explicit"]
    if len(set(dated)) >= 2:
        return True
    return bool(dated) and total.period[:1] == ("explicit",) and dated[0] != total.period


def complement_kind(part: ClaimView, code: str = "fr") -> str:
    """The kind of the complement after ``part`` up to the next sign, "et" or figure: the
    first word of ``bracket_kinds`` in it ("4 en championnat" → "en", "7 à l'extérieur" →
    "à"), "" when it has none ("5 hommes", a bare figure)."""
    if part.sentence_start is None:
        return ""
    rest = _PART_END.split(part.sentence[part.end - part.sentence_start:], maxsplit=1)[0]
    kinds = list_cues(code).bracket_kinds
    return next((kinds[t.lower()] for t in _TOKEN.findall(rest) if t.lower() in kinds), "")


def bracket_parts(total: ClaimView, parts: list[ClaimView]) -> bool:
    """Parts opened by a bracket right after ``total`` that make a breakdown of it: all of
    its dimension, of its period, and counted by one kind of complement ("4 en championnat,
    3 en coupe"), not by criteria that overlap ("6 en coupe, 8 à l'extérieur": trophies won
    away may be cup ones)."""
    return len(parts) >= 2 and total.dimension != "share" \
        and all(p.dimension == total.dimension for p in parts) \
        and not own_periods(total, parts) \
        and len({complement_kind(p) for p in parts}) == 1


def takes_up(lead: str, first: ClaimView, parts: list[ClaimView], s: Sentence,
             code: str = "fr") -> bool:
    """Whether the sentence ``s`` lists ``parts`` of the noun of the figure before it: a
    pronoun standing for that noun, its verb right before the first part ("Le Var en compte
    60"), the first part naming no noun of its own, at least two parts, none of its own time
    apart."""
    cues = list_cues(code)
    found = cues.anaphora.search(lead)
    if found is None or len(parts) < 2:
        return False
    words = _WORD.findall(found.group(0))
    if not words or words[-1].lower() in cues.stops:
        return False  # "en hausse de 60": a change, not a verb taking up a noun
    after = s.text[rel(first, s)[1]:].lstrip()
    return (not after or not after[0].isalpha()) and not own_periods(first, parts)


def undated(parts: list[ClaimView]) -> bool:
    """Whether no part names a time of its own (parts taken up by a pronoun are then of the
    total's time: "140 interventions depuis samedi. Le Var en compte 60, ...")."""
    return all(p.period[:1] != ("explicit",) for p in parts)


def counts_entries(total: ClaimView, parts: list[ClaimView], s: Sentence,
                   code: str = "fr") -> bool:
    """Whether ``total`` is the number of the entries listed (``parts``), not their sum: its
    value is their number, which they do not add up to, and something shows they are not its
    pieces: a figure before it of another noun that the list can belong to ("250 embauches
    réparties sur deux usines : 160 à Metz et 100 à Nancy", :func:`whole_before`), a part
    larger than the total alone ("trois ateliers : 40 à Brest, ...") or a part naming a noun
    of its own. Otherwise the list is the total's ("3 morts : 2 dans le Var, 1 [...] et 1
    [...]" adds up to 4: a sum error, not a count of places)."""
    if total.dimension != "count" or total.value is None or len(parts) < 2:
        return False
    values = [p.value for p in parts]
    if total.value != len(parts) or any(v is None for v in values):
        return False
    known = [v for v in values if v is not None]  # all of them (checked above), typed
    if sum(known) == total.value:
        return False
    whole = whole_before(s, total, code)
    return (whole is not None and whole.subject != total.subject) \
        or any(v > total.value for v in known) \
        or any(p.subject != total.subject for p in parts)


def whole_before(s: Sentence, total: ClaimView, code: str = "fr") -> ClaimView | None:
    """The figure of ``s`` right before ``total``, of its dimension, in its clause: what a
    list of entries ("trois sites : 120 à Lyon, ...") breaks down ("300 postes répartis sur
    trois sites"); None when a word of ``entries_breaks`` stands between them ("emploie 3 000
    salariés et ouvre deux usines : 150 à Metz et 100 à Nancy": another clause's figure)."""
    before = [v for v in s.members if v.end <= total.start]
    if not before or before[-1].dimension != total.dimension:
        return None
    between = s.text[rel(before[-1], s)[1]: rel(total, s)[0]]
    tokens = {t.lower() for t in _TOKEN.findall(between)}
    return None if tokens & list_cues(code).entries_breaks else before[-1]
