"""Turning word lists into regular-expression fragments (shared by the lexicons)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import regex

from factcheck.deadline import checkpoint


def _alt(words: list[str] | tuple[str, ...] | set[str], *, escape: bool = True) -> str:
    """Alternation, longest first so that "millions" wins over "million".

    Literal words (``escape``) are written as a trie ("mil(?:l(?:e|i(?:ard|on)))?...", see
    :func:`_trie`): the same matches, found without trying every word at every position."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    if escape and (trie := _trie([[(c, regex.escape(c)) for c in w] for w in items])) is not None:
        return trie
    return "|".join(regex.escape(w) if escape else w for w in items)


def _spaced_alt(phrases: Iterable[str]) -> str:
    """``_alt`` of ``_spaced`` phrases (any run of spaces where a phrase has one), as a trie
    when it can be one."""
    unique = set(phrases)
    if (trie := _trie([_tokens(p) for p in sorted(unique)])) is not None:
        return trie
    return "|".join(sorted({_spaced(p) for p in unique}, key=lambda w: (-len(w), w)))


_END = (None, "")  # a trie node's mark that a word ends there


def _trie(words: list[list[tuple[str | None, str]]], *, end_anchored: bool = False) -> str | None:
    """The alternation of ``words`` written as a trie: words sharing a beginning share its
    pattern, and a word that ends where a longer one goes on comes after it. A word is a list
    of tokens: a character and its pattern, or None and the pattern of a run of spaces.

    It matches what the flat alternation, longest first, matches: at a given position the
    words that match are each the beginning of the next (two tokens at the same place never
    match the same character, checked below), so the longest, tried first in both, wins.
    None when two tokens at the same place could match the same character whatever the
    pattern's flags (letters alike but for case or case folding, "ß" and "s", a space and a
    run of spaces): the flat alternation is kept then. With ``end_anchored`` (see
    :func:`_elided_alt`) no such check is needed: the trie matches the same texts."""
    root: dict = {}
    for word in words:
        node = root
        for token in word:
            node = node.setdefault(token, {})
        node[_END] = {}
    if not end_anchored and not _distinct(root):
        return None
    return _emit(root)


def _distinct(node: dict) -> bool:
    chars = [c for c, _ in node if c is not None]
    spaces = [t for c, t in node if c is None and t]  # the runs of spaces (not the end mark)
    if spaces and (spaces != [r"\s+"] or any(regex.match(r"\s", c) for c in chars)):
        return False
    for i, a in enumerate(chars):
        for b in chars[i + 1 :]:
            if _alike(a, b):
                return False
    return all(_distinct(child) for child in node.values())


@lru_cache(maxsize=4096)
def _alike(a: str, b: str) -> bool:
    """Whether the characters ``a`` and ``b`` may match the same text under some case
    flag (simple or full case folding). Kept per pair: the lexicons' tries ask about the
    same letters thousands of times, and each answer compiled two patterns."""
    fa, fb = a.casefold(), b.casefold()
    return (
        fa[:1] == fb[:1]
        or a.lower() == b.lower()
        or a.upper() == b.upper()
        or bool(regex.fullmatch(regex.escape(a), b, regex.I | regex.V1))
        or bool(regex.fullmatch(regex.escape(b), a, regex.I | regex.V1))
    )


def _emit(node: dict) -> str:
    tokens = sorted((t for t in node if t != _END), key=lambda t: (t[0] is None, t[0] or "", t[1]))
    parts = [token[1] + _emit(node[token]) for token in tokens]
    if not parts:
        return ""
    if _END in node:
        return "(?:" + "|".join(parts) + ")?"  # greedy: the longer words first
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def guarded_alternation(alternatives: Iterable[tuple[str, str]]) -> str:
    """The alternation of ``alternatives`` (each the first character of what it matches and
    its pattern, in the order they are tried), its branches grouped by first character,
    each group behind a lookahead of its first characters in any case: at a position where
    the text's character opens none of a group's branches, the group is skipped in one test
    instead of each branch being tried (a place list's thousands of names tried after each
    preposition). Groups are the first characters that may match a same character
    (:func:`_alike`, joined transitively), so two branches of different groups never match
    at a same position and the branches that can are tried in their order: the same
    matches as the flat alternation."""
    items = list(alternatives)
    parent: dict[str, str] = {}

    def root(c: str) -> str:
        while parent[c] != c:
            c = parent[c]
        return c

    firsts = list(dict.fromkeys(c for c, _ in items))
    for i, a in enumerate(firsts):
        parent[a] = a
        for b in firsts[:i]:
            if _alike(a, b):
                parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    chars: dict[str, list[str]] = {}
    for c, pattern in items:
        groups.setdefault(root(c), []).append(pattern)
    for c in firsts:
        chars.setdefault(root(c), []).append(c)
    return "|".join(
        "(?=(?i:[" + "".join(regex.escape(c) for c in chars[key]) + "]))(?:"
        + "|".join(branches) + ")"
        for key, branches in groups.items()
    )


def whole_words(words: Iterable[str], flags: int = 0) -> regex.Pattern[str]:
    """One pattern matching any of ``words`` (literal, longest first) as a whole word: no
    letter, digit or hyphen right before or after it ("Nord" is not in "Nord-Pas-de-Calais")."""
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", flags)


def leading(words: Iterable[str]) -> str:
    """Words before another word: "de " with its space, "d'" and "/" glued or spaced."""
    forms = sorted(words, key=len, reverse=True)
    return (
        "(?:"
        + "|".join(_spaced(w) + (r"\s*" if w.endswith(("'", "/")) else r"\s+") for w in forms)
        + ")"
    )


def _spaced(phrase: str) -> str:
    """A phrase whose spaces may be any run of spaces in the text."""
    return r"\s+".join(regex.escape(p) for p in phrase.split(" "))


def _elided_variants(phrases: list[str]) -> list[str]:
    """ "près de" also matches "près d'" before a vowel ("près d'un milliard"): each variant's
    pattern, flat (what :func:`_elided_alt` writes as a trie; the tests compare the two)."""
    return ["".join(t for _, t in word) for word in _elided_tokens(phrases)]


def _elided_alt(phrases: list[str]) -> str:
    """The alternation of the phrases before a figure and their variants ("près d'" for
    "près de": :func:`_elided_tokens`) as a trie, for a pattern in which it is followed by
    the end of the searched span (``$``) with no group inside: there only whether a variant
    reaches the end counts, not which one does (they all start where the match starts and
    end where the span ends), so any order of the variants finds the same match, and two
    alike first characters need no checking."""
    return _trie(_elided_tokens(phrases), end_anchored=True) or ""


def _elided_tokens(phrases: list[str]) -> list[list[tuple[str | None, str]]]:
    """The tokens of each phrase and its variants: "près de" also before a vowel as "près
    d'", a phrase ending in a letter followed by spaces, else by optional spaces."""
    out: list[list[tuple[str | None, str]]] = []
    for p in phrases:
        word = _tokens(p)
        if p.endswith(" de"):
            out.append(word[: -len("de")] + _tokens("d'"))
        if p.endswith("d'"):
            out.append(word)
            continue
        out.append([*word, (None, r"\s+") if p[-1].isalnum() else (None, r"\s*")])
    return out


def _tokens(phrase: str) -> list[tuple[str | None, str]]:
    """``_spaced(phrase)`` cut into tokens: a character and its pattern, or None and the
    pattern of a run of spaces for a space."""
    return [(None, r"\s+") if c == " " else (c, regex.escape(c)) for c in phrase]


def _lower_map(d: dict[str, Any]) -> dict[str, Any]:
    return {k.lower(): v for k, v in d.items()}


_NO_LETTER_BEFORE = r"(?<![\p{L}])"
_IGNORECASE = int(regex.IGNORECASE)  # a plain int: ``flags & regex.IGNORECASE`` goes through enum


@lru_cache(maxsize=64)
def _without_ignorecase(pattern: regex.Pattern) -> regex.Pattern:
    return regex.compile(pattern.pattern, pattern.flags & ~_IGNORECASE)


@lru_cache(maxsize=64)
def _shortest_anchors(anchors: tuple[str, ...]) -> tuple[str, ...]:
    """``anchors`` without those that start with another one ("iemes" after "ieme"): they
    are found where the shorter one is, so no place is found twice."""
    return tuple(a for a in anchors if not any(b != a and a.startswith(b) for b in anchors))


class Folded:
    """Case-insensitive searches over a text, run case-sensitively over its lower-cased copy
    (much faster with the regex module). Only for patterns whose literals are lower case;
    falls back to the plain search when lower-casing changes the text's length."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else None

    def finditer(self, pattern: regex.Pattern):
        if self.low is None or not pattern.flags & _IGNORECASE:
            return pattern.finditer(self.text)
        return _without_ignorecase(pattern).finditer(self.low)

    def finditer_at(
        self, pattern: regex.Pattern, anchors: tuple[str, ...], *, fold: bool = True
    ) -> list[regex.Match]:
        """``finditer(pattern)`` for a pattern whose matches all start with one of
        ``anchors`` (lower-case literals): a literal search for each anchor, then the pattern
        tried there only. Much faster than a long alternation tried at every position; same
        leftmost, non-overlapping matches. The anchors are found in the lower-cased copy; the
        pattern is tried there too, or, without ``fold``, at the same places of the text
        (a pattern with case-sensitive parts)."""
        if self.low is None:
            return list(self.finditer(pattern) if fold else pattern.finditer(self.text))
        if not fold:
            rx, subject = pattern, self.text
        elif pattern.flags & _IGNORECASE:
            rx, subject = _without_ignorecase(pattern), self.low
        else:
            rx, subject = pattern, self.low
        # A pattern that opens on "no letter before" cannot match right after a letter: such
        # places are skipped without a call (letters of the Latin blocks only, where Python's
        # and the regex module's Unicode tables agree; any other character is left to it).
        after_letter = rx.pattern.startswith(_NO_LETTER_BEFORE)
        low, starts = self.low, []
        for anchor in _shortest_anchors(anchors):  # none starts another: no place twice
            find = low.find
            pos = find(anchor)
            while pos >= 0:
                starts.append(pos)
                pos = find(anchor, pos + 1)
        starts.sort()
        found, end = [], -1
        for pos in starts:
            checkpoint()
            if after_letter and pos and (c := subject[pos - 1]) < "\u0250" and c.isalpha():
                continue
            if pos >= end and (m := rx.match(subject, pos)):
                found.append(m)
                end = m.end()
        return found
