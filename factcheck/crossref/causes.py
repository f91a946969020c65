"""Who or what caused what happened to the people a figure counts (``[causes]`` of
``crossref.toml``): the subject of the verb right before the figure ("la tempête a privé
d'électricité 20 000 foyers", "le concert a déplacé 30 000 personnes") or a cause linked after
it ("35 000 personnes déplacées par les frappes", "3 morts dans les inondations"), as the
kinds of that cause ("disaster", "gathering", ...). Two figures whose causes share no kind
count two facts (identity.py, link_identity.py); a verb of displacement whose subject is a
gathering is an attendance, not people driven from home (scope.family_from_outcome)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.patterns import _alt, _spaced

__all__ = ["CauseCues", "attendance", "cause_cues", "figure_cause", "two_causes"]

_MARKS = regex.compile(r"[,;:()\[\]«»\"]|\s[-–—]\s|\.\s")


@dataclass(frozen=True, slots=True)
class CauseCues:
    kinds: dict[str, frozenset[str]]  # a cause noun (lower case) -> its kinds
    before: regex.Pattern[str]  # a cause noun as the subject of a verb ending the text
    after: regex.Pattern[str]  # a link then a cause noun, right after a figure
    attendance: frozenset[str]
    #: Kinds read only as the verb's subject: linked after the figure ("8 supporters blessés
    #: lors du match", "3 buts dans le match") they say when it happened, not what caused it.
    occasions: frozenset[str] = frozenset()


def _alternatives(words: list[str]) -> str:
    """Literal phrases, longest first, their spaces any run of spaces (the lexicons' way)."""
    return _alt([_spaced(w) for w in words], escape=False)


def cause_cues(data: dict) -> CauseCues | None:
    """The cues of ``[causes]`` (None when the language gives none)."""
    if not data:
        return None
    kinds: dict[str, set[str]] = {}
    for kind, nouns in data["kinds"].items():
        for noun in nouns:
            kinds.setdefault(str(noun).lower().replace("’", "'"), set()).add(kind)
    nouns = rf"(?P<noun>{_alternatives(list(kinds))})(?![\p{{L}}-])"
    dets = _alternatives(data["determiners"])
    word = r"[\p{L}'’-]+\s+"
    after = (rf"^\s*(?:{word}){{0,{int(data['words_after'])}}}?(?<!\p{{L}})"
             rf"(?:{_alternatives(data['links'])})(?:\s+|(?<=['’]))"
             rf"(?:(?:{dets})(?:\s+|(?<=['’]))){{0,2}}(?:\p{{L}}+\s+)?{nouns}")
    articles = _alternatives(data["subject_articles"])
    verb = (rf"(?:(?:{_alternatives(data['auxiliaries'])})\s+"
            rf"(?:{_alternatives(data['participles'])})|{_alternatives(data['verbs'])})")
    before = (rf"(?<!\p{{L}})(?:{articles})(?:\s+|(?<=['’])){nouns}"
              rf"(?:\s+[\p{{L}}'’-]+){{0,{int(data['words_before'])}}}?\s+{verb}(?!\p{{L}})"
              rf"(?:\s+[\p{{L}}'’-]+){{0,{int(data['words_object'])}}}\s*$")
    return CauseCues(
        kinds={k: frozenset(v) for k, v in kinds.items()},
        before=regex.compile(before, regex.IGNORECASE | regex.V1),
        after=regex.compile(after, regex.IGNORECASE | regex.V1),
        attendance=frozenset(data.get("attendance", ())),
        occasions=frozenset(data.get("occasions", ())))


def _kinds(cues: CauseCues, noun: str) -> frozenset[str]:
    return cues.kinds.get(regex.sub(r"\s+", " ", noun.lower().replace("’", "'")), frozenset())


def figure_cause(sentence: str, start: int, end: int, cues: CauseCues | None) -> frozenset[str]:
    """The kinds of the cause of what the figure at ``start``:``end`` of ``sentence`` counts:
    linked right after it (not an occasion: "blessés lors du match"), else the subject of the
    verb before it in its clause (a cause noun after an article, then the verb: "la crue a
    fait 3 morts"); empty when none is read."""
    if cues is None:
        return frozenset()
    tail = sentence[end:]
    mark = _MARKS.search(tail)
    found = cues.after.match(tail[: mark.start()] if mark else tail)
    linked = _kinds(cues, found.group("noun")) - cues.occasions if found is not None else None
    if linked:
        return linked
    head = sentence[:start]
    marks = [m.end() for m in _MARKS.finditer(head)]
    subject = cues.before.search(head[max(marks, default=0):])
    return _kinds(cues, subject.group("noun")) if subject is not None else frozenset()


def two_causes(a: frozenset[str], b: frozenset[str]) -> bool:
    """Causes read on both figures, of no kind in common."""
    return bool(a and b and not a & b)


def attendance(cause: frozenset[str], cues: CauseCues | None) -> bool:
    """A cause of a kind that makes a verb of displacement an attendance (a concert)."""
    return cues is not None and bool(cause & cues.attendance)
