"""What a figure counts includes the verb that governs it (``[predicates]`` of
``lang/fr/crossref.toml``): "Sanofi va supprimer 400 emplois" and "Sanofi va créer 250
emplois" count cuts and creations; "40 % des TER seront supprimés" and "60 % des TER
circuleront" are complements; "1 500 logements ont été endommagés" and "400 logements rendus
inhabitables" are two measures of one flood. The counted noun and the qualifier lists do not
tell them apart; the predicate does.

The predicate is read after the figure (at most ``words`` words of its noun, not its subject
noun, then an auxiliary and the word after it, a copula and its attribute, or a participle, a
future or an imperfect) or before it (an auxiliary or a modal, the verb, then the figure,
a quantifier between). It is a family's name when ``[predicates.families]`` lists it (whole
words, each a stem and one of its listed endings, never the start of a word: "crédités" is
not "créés"; a phrase of several words matched word by word on the words from the verb on;
a verb of two senses gives both families, "arrested|removed"), else the verb's stem;
verbs of counting, of level and of saying (``neutral``) give none. Two figures are told
apart only when both predicates are families and share none (:func:`predicates_apart`): a
predicate read on one side only says nothing, and a verb outside every family (a synonym
not listed: "ont perdu la vie" and "ont été tuées" once) is unknown, not a disagreement.
French endings (of a stem, a participle, a finite verb, an adverb, a family's verb) are data
of ``[predicates]`` too.
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


@dataclass(frozen=True, slots=True)
class FamilyWord:
    """A word of a family's phrase: its stem and the endings it takes ("tu", {"er", "é", ...})."""
    stem: str
    endings: frozenset[str]

    def matches(self, word: str) -> bool:
        """``word`` is the stem and one of its endings, as a whole word ("tués", not "tuiles")."""
        return word.startswith(self.stem) and word[len(self.stem):] in self.endings


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
    #: (phrase's words, each a stem and the endings it takes; family), longest phrase first
    families: tuple[tuple[tuple[FamilyWord, ...], str], ...]
    stem_endings: tuple[str, ...]  # longest first
    participle_endings: tuple[str, ...]
    finite_endings: tuple[str, ...]
    adverb_endings: tuple[str, ...]
    family_names: frozenset[str]


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    split = {tuple(_fold(i).split()) for i in items}
    return tuple(sorted(split, key=len, reverse=True))


def _fold(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def _family_word(word: str, inflections: dict[str, list[str]]) -> FamilyWord:
    """A family's word: "stem+class" (the endings of ``[predicates.inflections]`` class), or
    a form written out, with the endings of class ``agree`` ("mort", "morts")."""
    stem, _, kind = word.partition("+")
    return FamilyWord(stem, frozenset(_fold(e) for e in inflections[kind or "agree"]))


@lru_cache(maxsize=4)
def predicate_cues(code: str = "fr") -> PredicateCues:
    data = load_data(code, "crossref").get("predicates", {})
    inflections = data.get("inflections", {"agree": [""]})
    families = [(tuple(_family_word(w, inflections) for w in _fold(p).split()), name)
                for name, phrases in data.get("families", {}).items() for p in phrases]

    def endings(key: str) -> tuple[str, ...]:
        return tuple(sorted((_fold(e) for e in data.get(key, [])), key=len, reverse=True))

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
        families=tuple(sorted(families, key=lambda f: len(f[0]), reverse=True)),
        stem_endings=endings("stem_endings"),
        participle_endings=endings("participle_endings"),
        finite_endings=endings("finite_endings"),
        adverb_endings=endings("adverb_endings"),
        family_names=frozenset(name for _, name in families))


def verb_stem(word: str, cues: PredicateCues | None = None) -> str:
    """A verb form without its ending: "supprimer", "supprimés" -> "supprim"."""
    cues = cues or predicate_cues()
    word = _fold(word)
    for ending in cues.stem_endings:
        if len(word) > len(ending) + 1 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def _family(words: list[str], cues: PredicateCues) -> str:
    """The families whose phrase the words from the verb on begin with, the longest phrase
    read ("" if none), each word of the phrase a whole word of the text ("mis à l'abri",
    "ont perdu la vie", "tués"; not "tuiles"). A verb of two families gives both, joined by
    "|" ("arrêtés": "arrested|removed")."""
    found: set[str] = set()
    length = 0
    for phrase, family in cues.families:
        if found and len(phrase) < length:
            break
        if len(words) >= len(phrase) \
                and all(p.matches(w) for p, w in zip(phrase, words[: len(phrase)], strict=True)):
            found.add(family)
            length = len(phrase)
    return "|".join(sorted(found))


def _key(words: list[str], cues: PredicateCues) -> str:
    """The predicate of a verb (the words from it on; a copula read with its attribute): its
    family, else its stem; "" for a neutral verb. A copula comes first: "déclarés inaptes"
    is an attribute, not "déclarer" said of a figure."""
    words = [_fold(w) for w in words]
    if words[0] in cues.copulas and len(words) > 1:
        return _family(words, cues) \
            or f"{verb_stem(words[0], cues)} {verb_stem(words[1], cues)}"
    stem = verb_stem(words[0], cues)
    if any(stem.startswith(n) or words[0].startswith(n) for n in cues.neutral):
        return ""
    return _family(words, cues) or stem


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
    subject_stem = verb_stem(subject, cues) if subject else ""
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
            while j < len(tokens) and (tokens[j] in cues.adverbs
                                       or tokens[j].endswith(cues.adverb_endings)):
                j += 1  # "ont été légèrement blessés"
            if j >= len(tokens) or tokens[j] in cues.function_words:
                return ""  # "étaient des cas importés": no verb after the auxiliary
            return _key(tokens[j:], cues)
        noun = bool(subject_stem) \
            and verb_stem(word, cues).rstrip("s") == subject_stem.rstrip("s")
        if word in cues.copulas or word.endswith(cues.finite_endings) \
                or (not noun and not linked and word.endswith(cues.participle_endings)):
            return _key(tokens[i:], cues)
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


@lru_cache(maxsize=8192)
def predicate_at(sentence: str, start: int, end: int, subject: str = "") -> str:
    """The predicate of the figure at ``sentence[start:end]`` (its counted noun ``subject``),
    read once per figure, not once per pair of figures."""
    cues = predicate_cues()
    return _after(sentence[end:], subject, cues) or _before(sentence[:start], cues)


def families_apart(pa: str, pb: str) -> bool:
    """Two predicates tell their figures apart: both are families, and none is common to both
    (a verb of two senses, "arrested|removed", is apart only from a figure of neither)."""
    known = predicate_cues().family_names
    fa, fb = set(pa.split("|")), set(pb.split("|"))
    return fa <= known and fb <= known and not fa & fb


def predicate(v: ClaimView) -> str:
    """The predicate that governs figure ``v`` in its sentence ("" when none is read)."""
    if v.sentence_start is None:
        return ""
    rel_start, rel_end = v.start - v.sentence_start, v.end - v.sentence_start
    if rel_start < 0 or rel_end > len(v.sentence):
        return ""
    return predicate_at(v.sentence, rel_start, rel_end, v.subject or "")


def predicates_apart(a: ClaimView, b: ClaimView) -> tuple[str, str] | None:
    """The two predicates when both are families of ``[predicates.families]`` sharing none,
    else None: a verb outside every family never tells two figures apart."""
    pa, pb = predicate(a), predicate(b)
    return (pa, pb) if families_apart(pa, pb) else None
