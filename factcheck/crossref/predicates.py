"""What a figure counts includes the verb that governs it (``[predicates]`` of
``lang/fr/crossref.toml``): "Sanofi va supprimer 400 emplois" and "Sanofi va créer 250
emplois" count cuts and creations; "40 % des TER seront supprimés" and "60 % des TER
circuleront" are complements; "1 500 logements ont été endommagés" and "400 logements rendus
inhabitables" are two measures of one flood. The counted noun and the qualifier lists do not
tell them apart; the predicate does.

The predicate is read after the figure (at most ``words`` words of its noun, not its subject
noun, then an auxiliary and the word after it, a copula and its attribute, or a participle, a
future or an imperfect) or before it (an auxiliary or a modal, the verb, then the figure,
a quantifier between). It is a stem (a family's name when ``[predicates.families]`` lists
it); verbs of counting, of level and of saying (``neutral``) give none. Two figures are told
apart only when both have a predicate and they differ (:func:`predicates_apart`): a predicate
read on one side only says nothing, unknown is not a disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from factcheck.crossref.matching import ClaimView
from factcheck.lang import load_data

#: Where a figure's clause ends.
_CLAUSE_END = regex.compile(r"[,;:()\[\]«»\"]|\.(?:\s|$)")
_WORD = regex.compile(r"[\p{L}][\p{L}'\u2019-]*")
#: Endings cut off a verb form to get its stem, longest first.
_ENDINGS = ("eront", "iront", "aient", "èrent", "ées", "ée", "és", "é", "er", "ir")
#: Endings of a participle read without an auxiliary ("400 logements sinistrés").
_PARTICIPLE = ("é", "ée", "és", "ées")
#: Endings of a future or an imperfect of the third person plural ("circuleront").
_FINITE = ("eront", "iront", "aient")


@dataclass(frozen=True, slots=True)
class PredicateCues:
    words: int
    after_aux: tuple[tuple[str, ...], ...]
    before_aux: tuple[tuple[str, ...], ...]
    quantifiers: tuple[tuple[str, ...], ...]
    adverbs: frozenset[str]
    copulas: frozenset[str]
    between_not: frozenset[str]
    function_words: frozenset[str]
    neutral: tuple[str, ...]
    families: tuple[tuple[str, str], ...]  # (stem prefix, family), longest prefix first


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    split = {tuple(_fold(i).split()) for i in items}
    return tuple(sorted(split, key=len, reverse=True))


def _fold(text: str) -> str:
    return text.lower().replace("\u2019", "'")


@lru_cache(maxsize=4)
def predicate_cues(code: str = "fr") -> PredicateCues:
    data = load_data(code, "crossref").get("predicates", {})
    families = [(_fold(p), name) for name, prefixes in data.get("families", {}).items()
                for p in prefixes]
    return PredicateCues(
        words=int(data.get("words", 3)),
        after_aux=_phrases(data.get("after_auxiliaries", [])),
        before_aux=_phrases(data.get("before_auxiliaries", [])),
        quantifiers=_phrases(data.get("quantifiers", [])),
        adverbs=frozenset(_fold(w) for w in data.get("adverbs", [])),
        copulas=frozenset(_fold(w) for w in data.get("copulas", [])),
        between_not=frozenset(_fold(w) for w in data.get("between_not", [])),
        function_words=frozenset(_fold(w) for w in data.get("function_words", [])),
        neutral=tuple(_fold(w) for w in data.get("neutral", [])),
        families=tuple(sorted(families, key=lambda f: len(f[0]), reverse=True)))


def verb_stem(word: str) -> str:
    """A verb form without its ending: "supprimer", "supprimés" -> "supprim"."""
    word = _fold(word)
    for ending in _ENDINGS:
        if len(word) > len(ending) + 1 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def _key(words: list[str], cues: PredicateCues) -> str:
    """The predicate of a verb (and a copula's attribute): its family, else its stem; "" for
    a neutral verb."""
    stem = verb_stem(words[0])
    if any(stem.startswith(n) or _fold(words[0]).startswith(n) for n in cues.neutral):
        return ""
    if _fold(words[0]) in cues.copulas and len(words) > 1:
        stem = f"{stem} {verb_stem(words[1])}"
    for prefix, family in cues.families:
        if stem.startswith(prefix):
            return family
    return stem


def _starts(tokens: list[str], at: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase of ``phrases`` at ``tokens[at:]``, 0 if none."""
    for phrase in phrases:
        if tuple(tokens[at: at + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _ends(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> int:
    for phrase in phrases:
        if len(tokens) >= len(phrase) and tuple(tokens[-len(phrase):]) == phrase:
            return len(phrase)
    return 0


def _after(text: str, subject: str, cues: PredicateCues) -> str:
    tokens = [_fold(w) for w in _WORD.findall(_CLAUSE_END.split(text, maxsplit=1)[0])]
    subject_stem = verb_stem(subject) if subject else ""
    skipped = 0
    i = 0
    linked = False  # a function word read: a participle after it is a noun's ("dans le privé")
    while i < len(tokens) and skipped <= cues.words:
        word = tokens[i]
        if word in cues.between_not:
            return ""
        aux = _starts(tokens, i, cues.after_aux)
        if aux:
            j = i + aux
            while j < len(tokens) and (tokens[j] in cues.adverbs or tokens[j].endswith("ment")):
                j += 1  # "ont été légèrement blessés"
            if j >= len(tokens) or tokens[j] in cues.function_words:
                return ""  # "étaient des cas importés": no verb after the auxiliary
            return _key(tokens[j: j + 2], cues)
        noun = bool(subject_stem) and verb_stem(word).rstrip("s") == subject_stem.rstrip("s")
        if word in cues.copulas or word.endswith(_FINITE) \
                or (not noun and not linked and word.endswith(_PARTICIPLE)):
            return _key(tokens[i: i + 2], cues)
        linked = linked or word in cues.function_words or "'" in word
        skipped += 1
        i += 1
    return ""


def _before(text: str, cues: PredicateCues) -> str:
    clause = regex.split(r"[,;:()\[\]«»\"]|\.\s", text)[-1]
    tokens = [_fold(w) for w in _WORD.findall(clause)]
    tokens = tokens[: len(tokens) - _ends(tokens, cues.quantifiers)]
    if len(tokens) < 2:
        return ""
    verb = tokens[-1]
    rest = tokens[:-1]
    while rest and rest[-1] in cues.adverbs:
        rest = rest[:-1]
    if not _ends(rest, cues.before_aux):
        return ""
    return _key([verb], cues)


def predicate(v: ClaimView, cues: PredicateCues | None = None) -> str:
    """The predicate that governs figure ``v`` in its sentence ("" when none is read)."""
    if v.sentence_start is None:
        return ""
    cues = cues or predicate_cues()
    rel_start, rel_end = v.start - v.sentence_start, v.end - v.sentence_start
    if rel_start < 0 or rel_end > len(v.sentence):
        return ""
    return _after(v.sentence[rel_end:], v.subject, cues) \
        or _before(v.sentence[:rel_start], cues)


def predicates_apart(a: ClaimView, b: ClaimView) -> tuple[str, str] | None:
    """The two predicates when both figures have one and they differ, else None."""
    pa, pb = predicate(a), predicate(b)
    return (pa, pb) if pa and pb and pa != pb else None
