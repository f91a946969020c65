"""The shapes cue words take once read from ``factcheck/lang/fr/crossref.toml``: one pattern
for a list of words (longest first, on word boundaries), named sets of cues (outcomes,
sides), the population cues ("chez les 15-24 ans") and the qualifiers of a counted thing
("hospitalisés", "avant rattrapage"), with the builders :mod:`factcheck.crossref.cue_words`
calls. They hold no French word."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

#: Words of a text, for the anchors of :class:`QualifierCues`.
_WORDS = regex.compile(r"\w+")


def _pattern(words: list[str] | tuple[str, ...]) -> regex.Pattern[str]:
    """One case-insensitive pattern matching any of ``words`` on word boundaries.

    Longer cues come first so that "portés disparus" wins over "disparus". Punctuation cues
    (":") have no word boundary."""
    alternatives = []
    for word in sorted(words, key=len, reverse=True):
        escaped = regex.escape(word.strip()) if word.strip() else regex.escape(word)
        left = r"(?<!\w)" if word[:1].isalnum() else ""
        right = r"(?!\w)" if word[-1:].isalnum() else ""
        alternatives.append(f"{left}{escaped}{right}")
    if not alternatives:
        return regex.compile(r"(?!x)x")
    return regex.compile("|".join(alternatives), regex.IGNORECASE | regex.V1)


def verb_family(stems: Iterable[str], endings: Iterable[str]) -> list[str]:
    """Every form of a verb family: each of ``stems`` with each of ``endings`` ("rest" and
    "aient" -> "restaient")."""
    return [stem + ending for stem in stems for ending in endings]


def _any_of(patterns: Iterable[regex.Pattern[str]]) -> regex.Pattern[str] | None:
    """One pattern that matches somewhere in a text exactly when one of ``patterns`` does
    (their alternation: at each position the union tries every alternative), to skip a
    text none of them can match with one search instead of one per pattern. None when the
    patterns do not share their flags (the union would not read them alike)."""
    patterns = list(patterns)
    if not patterns or len({p.flags for p in patterns}) != 1:
        return None
    return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)


@dataclass(frozen=True, slots=True)
class CueSet:
    """Named groups of cues (e.g. outcome → killed/wounded), with one pattern per group;
    ``any_cue`` (the union of the patterns) finds whether there is any cue at all."""

    names: tuple[str, ...]
    patterns: tuple[regex.Pattern[str], ...]
    any_cue: regex.Pattern[str] | None = None
    #: Per name, what right after a cue makes it no cue of that name (None: nothing).
    unless_next: dict[str, regex.Pattern[str]] | None = None

    def _all(self, text: str) -> list[tuple[int, int, str]]:
        if self.any_cue is not None and self.any_cue.search(text) is None:
            return []  # most texts hold no cue: one search instead of one per name
        found: list[tuple[int, int, str]] = []
        unless = self.unless_next or {}
        for name, pattern in zip(self.names, self.patterns, strict=True):
            found.extend((m.start(), m.end(), name) for m in pattern.finditer(text)
                         if name not in unless or not unless[name].match(text, m.end()))
        return found

    @staticmethod
    def _inside(f: tuple[int, int, str], found: list[tuple[int, int, str]]) -> bool:
        return any(s <= f[0] and f[1] <= e and e - s > f[1] - f[0] for s, e, _ in found)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of every cue found in ``text``; a cue inside a longer cue
        of another name is not one ("perdu la vie" is killed, not the "perdu" of lost)."""
        found = self._all(text)
        return sorted(f for f in found if not self._inside(f, found))

    def only_inside(self, text: str) -> frozenset[str]:
        """The names whose cues ``text`` holds only inside a longer cue of another name
        ("perdu" of lost in "ont perdu la vie"), or only followed by what makes them none
        (``unless_next``: "déplacées en car"): a word read out of ``text`` alone (a
        qualifier) that names them names nothing there."""
        found = self._all(text)
        inside = {f[2] for f in found if self._inside(f, found)}
        kept = {f[2] for f in found if not self._inside(f, found)}
        excepted = {name for name in (self.unless_next or {})
                    if name not in kept and name not in inside
                    and self.patterns[self.names.index(name)].search(text)}
        return frozenset((inside - kept) | excepted)


def _dashes(text: str) -> str:
    return regex.sub(r"\s*[-–]\s*", "-", " ".join(text.lower().replace("’", "'").split()))


@dataclass(frozen=True, slots=True)
class PopulationCues:
    """Population groups after an introducer ("chez les 15-24 ans", "le taux d'emploi des
    femmes"); weak introducers ("des", "les") count only after a word that is not in
    ``not_after`` ("dont des femmes" is part of a toll) and never for ``strict`` groups."""

    pattern: regex.Pattern[str]  # groups "intro" and "group"
    weak: frozenset[str]
    strict: frozenset[str]
    not_after: frozenset[str]
    #: Every group named (lower case): the people counted in a breakdown ("dont 659 enfants").
    groups: frozenset[str] = frozenset()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, group)`` of every population group in ``text``; the group is in a
        normal form ("15-24 ans", "femmes")."""
        found = []
        for m in self.pattern.finditer(text):
            group = _dashes(m.group("group"))
            if _dashes(m.group("intro")) in self.weak:
                if group in self.strict:
                    continue
                before = text[: m.start()].rstrip()
                if not before or not (before[-1].isalnum() or before[-1] == "%"):
                    continue  # "Des jeunes ont...", "12 morts, des femmes pour la plupart"
                words = before.lower().split()
                if words[-1] in self.not_after or " ".join(words[-2:]) in self.not_after:
                    continue
            found.append((m.start(), m.end(), group))
        return found


@dataclass(frozen=True, slots=True)
class QualifierCues:
    """Words that qualify a counted thing (``[scope.qualifiers]``): each cue names a value of a
    set ("soins" → "hospitalisés", "en réanimation"). One pattern for all of them, longest
    first, so that "budget supplémentaire" is read as a budget and not as an increment, and
    "non détenues" not as "détenues"."""

    pattern: regex.Pattern[str]
    #: Cue in normal form → (set, value); None for a phrase that says something else.
    values: dict[str, tuple[str, str] | None]
    #: The longest word of each cue: a text holding none of them holds no cue, which one set
    #: lookup tells for most sentences (the pattern, an alternation of some 200 phrases, is
    #: several times slower to run over a sentence).
    anchors: frozenset[str] = frozenset()
    #: Sets said once for a whole sentence ("En données CVS, ..."; scope.assign_qualifiers).
    whole_sentence: frozenset[str] = frozenset()

    def find(self, text: str) -> list[tuple[int, int, tuple[str, str]]]:
        """``(start, end, (set, value))`` of every qualifier in ``text``."""
        text = text.replace("\u2019", "'")
        if self.anchors and self.anchors.isdisjoint(_WORDS.findall(text.lower())):
            return []
        # Every cue at every position; of those of one set that overlap, the one reaching
        # furthest right, then the longest: the words after a noun narrow it ("Dans les écoles
        # maternelles", "des enseignants des écoles élémentaires" name a part of the first
        # degree, not any school), and "brevet des collèges" (no value) still hides
        # "collèges". Cues of two sets overlap freely ("dans les lycées professionnels": a
        # level and a track).
        cues = sorted(((m.start(), m.end(), self.values[_norm(m.group())])
                       for m in self.pattern.finditer(text, overlapped=True)),
                      key=lambda c: (-c[1], c[0]))
        kept: list[tuple[int, int, tuple[str, str] | None]] = []
        for s, e, value in cues:
            if all(e <= ks or s >= ke or (value is not None and kv is not None
                                          and kv[0] != value[0]) for ks, ke, kv in kept):
                kept.append((s, e, value))
        found = [(s, e, value) for s, e, value in sorted(kept, key=lambda c: c[:2])
                 if value is not None]
        return found


def _qualifiers(table: dict[str, dict[str, list[str]]], exclusions: list[str],
                whole_sentence: list[str] = ()) -> QualifierCues:
    values: dict[str, tuple[str, str] | None] = {
        _norm(word): (kind, value) for kind, named in table.items()
        for value, words in named.items() for word in words}
    values.update({_norm(word): None for word in exclusions})
    anchors = frozenset(max(_WORDS.findall(cue), key=len) for cue in values
                        if _WORDS.search(cue))
    if any(not _WORDS.search(cue) for cue in values):
        anchors = frozenset()  # a cue without a word: no anchor tells it is absent
    return QualifierCues(_pattern(list(values)), values, anchors, frozenset(whole_sentence))


def _population(table: dict[str, list[str]]) -> PopulationCues:
    def alternation(words: list[str]) -> str:
        return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))

    intros = alternation([*table["introducers"], *table["weak_introducers"]])
    groups = alternation([*table["groups"], *table["strict"]])
    ages = "|".join(table["ages"])
    pattern = regex.compile(rf"(?<!\w)(?P<intro>{intros})\s+(?P<group>{ages}|{groups})(?!\w)",
                            regex.IGNORECASE | regex.V1)
    return PopulationCues(pattern, frozenset(_dashes(w) for w in table["weak_introducers"]),
                          frozenset(_dashes(w) for w in table["strict"]),
                          frozenset(_dashes(w) for w in table["not_after"]),
                          frozenset(w.lower() for w in [*table["groups"], *table["strict"]]))


def _cue_set(table: dict[str, list[str]],
             unless_next: dict[str, list[str]] | None = None) -> CueSet:
    """``unless_next``: per name, the words that, right after one of its cues (after spaces),
    make that cue none of that name."""
    names = tuple(table)
    patterns = tuple(_pattern(table[n]) for n in names)
    unless = {n: regex.compile(rf"\s+(?:{_pattern(words).pattern})", regex.IGNORECASE | regex.V1)
              for n, words in (unless_next or {}).items() if words}
    return CueSet(names, patterns, _any_of(patterns), unless or None)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


@dataclass(frozen=True, slots=True)
class RestatementCues:
    """The cues of ``[restated_figure]`` (crossref/sentence_restatements.py): what ends the
    text between two figures when the second restates the first (``openers``: "soit", a
    dash), what follows the second after a bare comma (``precise``: "selon", "exactement"),
    and the words of a label opening a parenthesis ("min-max :")."""

    openers: regex.Pattern[str]
    precise: regex.Pattern[str]
    attribution: regex.Pattern[str]  # "selon", "d'après": a source of the first figure
    label: regex.Pattern[str]


def restatement_cues(data: dict) -> RestatementCues | None:
    """The cues of ``[restated_figure]`` (None when the language gives none)."""
    if not data:
        return None
    openers = _pattern(data["openers"]).pattern
    dashes = "".join(regex.escape(d) for d in data["dashes"])
    max_words = int(data["label_words"])
    return RestatementCues(
        # The cue ends the text between, after a space, a comma or the first figure itself.
        openers=regex.compile(rf"(?:(?:^|[\s,;])(?:{openers})|\s[{dashes}])\s*$",
                              regex.V1 | regex.IGNORECASE),
        precise=regex.compile(rf"^\s*(?:{_pattern(data['precise']).pattern})",
                              regex.V1 | regex.IGNORECASE),
        attribution=_pattern(data["attribution"]),
        label=regex.compile(rf"\(\s*(?:[\p{{L}}'’-]+\s*){{1,{max_words}}}:\s*$", regex.V1),
    )


def stretch_cues(table: dict) -> list[str]:
    """The phrases of a count over a stretch of several days (``[span.stretch]``: "sur les
    quatre jours", "en trois jours", "pendant les cinq journées"): each opener, number and
    unit of the table."""
    return [f"{o} {n} {u}" for o in table.get("before", ()) for n in table.get("numbers", ())
            for u in table.get("units", ())]


def day_cues(table: dict) -> list[str]:
    """The phrases opening a count since a day of the month (``[cumulative.since_day]``:
    "depuis le 1er", "depuis le 14"): each opener before each day's number."""
    days = [*table.get("first", ()), *(str(d) for d in range(2, 32))] if table else []
    return [f"{o} {d}" for o in table.get("openers", ()) for d in days]
