"""How the counted noun of a figure is narrowed ("personnes évacuées" / "personnes relogées",
"élèves de terminale"), read from the context's ``qualifiers`` column, and whether the noun
is written after the figure at all: two figures whose nouns are narrowed apart count two
things (:func:`narrowed_apart`, read by the identity gates)."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context.lexicon import grammar
from factcheck.crossref.cells import WORD, cell_text
from factcheck.crossref.cue_sets import _norm

#: Letters of a word kept to compare narrowings, its plural and feminine endings taken off
#: ("relogées" / "relogés", "tuées" / "tués").
NARROWING_STEM = 5
#: Marks a complement ("de terminale") among the stems of a narrowing.
COMPLEMENT = "de:"


def narrowing(qualifiers: str, de_words: frozenset[str]) -> frozenset[str]:
    """How the context read the counted noun as narrowed (its ``qualifiers`` column: the
    adjectives, participles, bare "de" + noun complements and relative clauses after the noun,
    from the parse): word stems, a complement marked with COMPLEMENT ("élèves de terminale")."""
    out: set[str] = set()
    for q in qualifiers.split(";"):
        words = WORD.findall(_norm(q).replace("'", " ").replace("\u2019", " "))
        if not words:
            continue
        if words[0] in de_words and len(words) > 1:
            out.add(COMPLEMENT + stem(words[1]))
        else:
            out.update(stem(w) for w in words if w not in de_words)
    return frozenset(out)


def stem(word: str) -> str:
    """A word without its plural and feminine endings, cut to NARROWING_STEM letters."""
    for ending in ("s", "e"):
        if len(word) > 3 and word.endswith(ending):
            word = word[: -len(ending)]
    return word[:NARROWING_STEM]


#: Characters after a figure searched for its counted noun (narrowing known, or unknown).
NOUN_REACH = 40
_NOUN_END = regex.compile(r"[,;:()\[\]«»\"]|\.\s")


def noun_stated(sentence: str, rel_end: int, subject: str) -> bool:
    """Whether the figure's counted noun is written right after it ("3 400 élèves", "40 % des
    professeurs"), not left unsaid ("9,5 % selon le ministère": how it is narrowed is then
    unknown, not absent)."""
    stem = _norm(subject).split()[0][:4] if subject.strip() else ""
    if not stem:
        return False
    after = sentence[rel_end : rel_end + NOUN_REACH]
    cut = _NOUN_END.search(after)
    return any(w.lower().startswith(stem) for w in WORD.findall(after[: cut.start()] if cut
                                                                    else after))


def narrowed_apart(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    """Two counted nouns narrowed differently: each narrowed in a way the other is not
    ("personnes évacuées" / "personnes relogées"), or by a complement on one only ("élèves de
    terminale" / "3 400 élèves"). A word on one figure only that is no complement does not tell
    them apart: often what the people counted did ("15 000 personnes réunies" / "8 000
    personnes") or the verb of the sentence ("a enregistré 57 729 défaillances"). ``None``
    (the noun left unsaid: "9,5 % selon le ministère") is unknown and never apart."""
    if a is None or b is None:
        return False
    if a - b and b - a:
        return True
    return any(w.startswith(COMPLEMENT) for w in a ^ b)


#: Words right before a figure where the verb the context gives it stands ("a recensé 12 000").
_VERB_WORDS = 2


def figure_narrowing(row: dict, subject: str) -> frozenset[str] | None:
    """How the figure's counted noun is narrowed (scope.narrowing), without the verb right
    before the figure ("la police a recensé 12 000 manifestants": what the sentence says was
    done, not which manifestants), or None when the noun is left unsaid."""
    before = {w.lower() for w in
              WORD.findall(row["sentence"][max(0, row["_rel_start"] - 40):row["_rel_start"]])
              [-_VERB_WORDS:]}
    kept = ";".join(q for q in cell_text(row.get("qualifiers")).split(";")
                    if q.strip().lower() not in before)
    found = _narrowing(kept)
    if found or noun_stated(row["sentence"], row["_rel_end"], subject):
        return found
    return None


@cache
def _narrowing(qualifiers: str) -> frozenset[str]:
    return narrowing(qualifiers, frozenset(w.rstrip("'\u2019") for w in grammar().de))
