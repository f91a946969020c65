"""Figures of an act called for but not done (``[unperformed]`` of ``lang/fr/crossref.toml``).

A prison term requested ("le parquet a requis vingt ans de réclusion", "douze ans requis") or
the most a law allows ("il encourt sept ans d'emprisonnement", "passible de cinq ans") is no
sentence pronounced: it takes no family of ``families``, so that a request against the verdict
is neither two sources at odds nor an evolution. An act's noun after a verb of ordering ("la
préfecture a ordonné l'évacuation de 5 000 personnes") counts people the act was called for,
not people it was done to: :func:`ordered_act` tells the outcome read before a generic count
(``scope.family_from_outcome``) to give no family."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from factcheck.lang import load_data

#: Marks that end the clause a term's cues are read in.
_CLAUSE = regex.compile(r"[;:.!?()«»\"]|\s[-–—]\s")
_WORD = regex.compile(r"[\p{L}'’-]+")


def _words(words: list[str]) -> regex.Pattern[str]:
    """Any of ``words`` as a whole word, either apostrophe."""
    alternation = "|".join(regex.escape(w.replace("’", "'")).replace("'", "['’]")
                           for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}'’])(?:{alternation})(?![\p{{L}}])",
                         regex.IGNORECASE | regex.V1)


@dataclass(frozen=True, slots=True)
class UnperformedCues:
    """The families a term's cues take away, the cues before and after its figure, the
    verbs that pronounce a term, and the pattern of an ordering verb ending a text."""

    families: frozenset[str]
    words: int
    before: regex.Pattern[str]
    after: regex.Pattern[str]
    pronounced: regex.Pattern[str]
    ordering: regex.Pattern[str] | None


@lru_cache(maxsize=4)
def unperformed_cues(code: str = "fr") -> UnperformedCues:
    data = load_data(code, "crossref").get("unperformed", {})
    ordering = None
    if data.get("ordering"):
        verbs = "|".join(regex.escape(w).replace("'", "['’]")
                         for w in sorted(data["ordering"], key=len, reverse=True))
        gap = rf"(?:\s+\p{{L}}+){{0,{int(data.get('gap', 0))}}}"
        # The verb, a few words, then the noun's article ("l'", "la", "les"), or the
        # elided "d'" of "l'ordre d'" right before the noun.
        ordering = regex.compile(
            rf"(?<![\p{{L}}'’])(?:{verbs})(?:(?<=['’])|{gap}\s+(?:l['’]|la\s+|le\s+|les\s+|"
            rf"une?\s+|des\s+))$",
            regex.IGNORECASE | regex.V1)
    return UnperformedCues(
        frozenset(data.get("families", ())), int(data.get("words", 8)),
        _words(data.get("before", ["\uffff"])), _words(data.get("after", ["\uffff"])),
        _words(data.get("pronounced", ["\uffff"])), ordering)


def _clause_before(sentence: str, start: int, words: int) -> str:
    text = sentence[:start]
    marks = [m.end() for m in _CLAUSE.finditer(text)]
    text = text[marks[-1]:] if marks else text
    found = list(_WORD.finditer(text))[-words:]
    return text[found[0].start():] if found else ""


def _clause_after(sentence: str, end: int, words: int) -> str:
    text = sentence[end:]
    mark = _CLAUSE.search(text)
    text = text[: mark.start()] if mark else text
    comma = text.find(",")
    text = text[:comma] if comma >= 0 else text
    found = list(_WORD.finditer(text))[:words]
    return text[: found[-1].end()] if found else ""


def unpronounced(row: dict) -> None:
    """Take from ``row`` (a view's row: ``_family``, ``sentence``, ``_rel_start``,
    ``_rel_end``) a family of a pronounced term when its figure was requested or is a
    maximum ("a requis vingt ans", "encourt sept ans", "vingt ans requis")."""
    cues = unperformed_cues()
    if row.get("_family") not in cues.families:
        return
    before = _clause_before(row["sentence"], row["_rel_start"], cues.words)
    # "condamné à quinze ans, alors que vingt avaient été requis": a verb that pronounces
    # the term ends what is read before it.
    said = list(cues.pronounced.finditer(before))
    if said:
        before = before[said[-1].end():]
    if cues.before.search(before) or cues.after.search(
            _clause_after(row["sentence"], row["_rel_end"], cues.words)):
        row["_family"] = None
        if row.get("_subject_family") in cues.families:
            row["_subject_family"] = None


def ordered_act(text: str) -> bool:
    """``text``, the sentence up to an act's noun ("l'évacuation de"), ends with a verb of
    ordering, asking, planning or deciding ("a ordonné l'", "l'ordre d'")."""
    cues = unperformed_cues()
    return cues.ordering is not None and cues.ordering.search(text) is not None
