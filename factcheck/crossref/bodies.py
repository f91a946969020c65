"""Which body a figure is about, when two figures name one body and a branch of it.

A company and its national branch or division are written as one name extended by one
capitalised word, a place or a word naming a division (``[body_scope] division_words``):
"Orange" / "Orange France", "Renault Trucks", "EDF Renouvelables", "SNCF Voyageurs". Their
results are two bodies' figures, never one series nor one fact. The names are the runs of
capitalised words of a figure's sentence and of its source (French writes few other
capitals); a word naming the group itself (``group_words``: "Renault Group", "Groupe Renault")
is no extension. A figure is about the branches its names give after a body one of the two
sources names (nothing after it: the body itself); two figures whose branches share none are
about two bodies. Any other word after the body says nothing (a person in apposition, "le
ministre de l'Intérieur Bruno Retailleau"; a partner, "Elabe Berger-Levrault"; a name
capitalised two ways, "Le Nombre Jaune"); nor does a known place as the body ("France" /
"France Travail": the place gate's business), nor a figure whose sentence and source do not
name the body."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from factcheck.crossref.cue_words import Lexicon
    from factcheck.crossref.matching import ClaimView

Name = tuple[str, ...]

_TOKEN = regex.compile(r"\S+")
_ELIDED = regex.compile(r"^\p{L}{1,7}['\u2019](?=\p{Lu})")  # an elided word: "d'Orange"
_EDGE = "«»\"“”()[]{}"
_BREAK = ",;:.!?)]»\"”"


@dataclass(frozen=True, slots=True)
class BodyCues:
    """``[body_scope]``, case-folded: words naming a group itself after or before its name
    ("Renault Group"), words naming a division after a body's name ("EDF Renouvelables"), and
    words capitalised at a sentence's start that name no body ("La", "Selon")."""

    group_words: frozenset[str] = frozenset()
    division_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()


def body_cues(data: dict) -> BodyCues:
    """The cues of ``[body_scope]`` (none when the language gives none)."""
    def folded(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data.get(key, ()))
    return BodyCues(folded("group_words"), folded("division_words"), folded("not_names"))


def name_runs(text: str, group_words: frozenset[str],
              not_names: frozenset[str] = frozenset()) -> tuple[Name, ...]:
    """The runs of capitalised words of ``text``, case-folded, without the group words at
    their ends ("le groupe Orange" -> ("orange",); "Renault Group" -> ("renault",)); a word
    of ``not_names`` capitalised at a sentence's start ("La", "Selon") names nothing."""
    runs: list[Name] = []
    run: list[str] = []

    def close() -> None:
        words = list(run)
        while words and words[0] in group_words:
            words.pop(0)
        while words and words[-1] in group_words:
            words.pop()
        if words:
            runs.append(tuple(words))
        run.clear()

    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0] in "([«\"“":
            close()
        word = _ELIDED.sub("", token.strip(_EDGE + _BREAK))
        if word[:1].isupper() and word.casefold() not in not_names:
            if _ELIDED.match(token.lstrip(_EDGE)):
                close()  # "d'Orange" starts a name
            run.append(word.casefold())
        else:
            close()
        if token[-1] in _BREAK:
            close()
    close()
    return tuple(runs)


def _branches(names: tuple[Name, ...], body: Name, lexicon: Lexicon) -> set[Name]:
    """The branches of ``body`` its runs name: ``()`` where nothing follows it (the body
    itself), ``(word,)`` where a place or a division word alone follows it."""
    n, out = len(body), set()
    for run in names:
        for i in range(len(run) - n + 1):
            if run[i:i + n] != body:
                continue
            rest = run[i + n:]
            if not rest or (len(rest) == 1 and (rest[0] in lexicon.places
                                                or rest[0] in lexicon.bodies.division_words)):
                out.add(rest)
    return out


def two_bodies(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> tuple[str, str] | None:
    """The two bodies of ``a`` and ``b``, when one body named by a source is extended on one
    side and not the other, or by two different extensions ("orange" / "orange france");
    None when nothing says they differ."""
    if not (a.source_names or b.source_names):
        return None
    bodies = {run[:k] for run in (*a.source_names, *b.source_names)
              for k in range(1, len(run) + 1)}
    for body in sorted(bodies, key=len):
        if " ".join(body) in lexicon.places:
            continue
        ea, eb = _branches(a.names, body, lexicon), _branches(b.names, body, lexicon)
        if ea and eb and not ea & eb:
            return (_show(body, ea), _show(body, eb))
    return None


def _show(body: Name, extensions: set[Name]) -> str:
    return " / ".join(sorted(" ".join(body + e) for e in extensions))
