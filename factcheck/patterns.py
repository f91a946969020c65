"""Turning word lists into regular-expression fragments (shared by the lexicons)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import regex

from factcheck.deadline import checkpoint


def _alt(words: list[str] | tuple[str, ...] | set[str], *, escape: bool = True) -> str:
    """Alternation, longest first so that "millions" wins over "million"."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) if escape else w for w in items)


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
    """ "près de" also matches "près d'" before a vowel ("près d'un milliard")."""
    out: list[str] = []
    for p in phrases:
        rx = _spaced(p)
        if p.endswith(" de"):
            out.append(rx[: -len("de")] + "d'")
        if p.endswith("d'"):
            out.append(rx)
            continue
        out.append(rx + r"\s+" if p[-1].isalnum() else rx + r"\s*")
    return out


def _lower_map(d: dict[str, Any]) -> dict[str, Any]:
    return {k.lower(): v for k, v in d.items()}


@lru_cache(maxsize=64)
def _without_ignorecase(pattern: regex.Pattern) -> regex.Pattern:
    return regex.compile(pattern.pattern, pattern.flags & ~regex.IGNORECASE)


class Folded:
    """Case-insensitive searches over a text, run case-sensitively over its lower-cased copy
    (much faster with the regex module). Only for patterns whose literals are lower case;
    falls back to the plain search when lower-casing changes the text's length."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else None

    def finditer(self, pattern: regex.Pattern):
        if self.low is None or not pattern.flags & regex.IGNORECASE:
            return pattern.finditer(self.text)
        return _without_ignorecase(pattern).finditer(self.low)

    def finditer_at(self, pattern: regex.Pattern, anchors: tuple[str, ...]) -> list[regex.Match]:
        """``finditer(pattern)`` for a pattern whose matches all start with one of
        ``anchors`` (lower-case literals): a literal search for each anchor, then the pattern
        tried there only. Much faster than a long alternation tried at every position; same
        leftmost, non-overlapping matches."""
        if self.low is None:
            return list(self.finditer(pattern))
        rx = _without_ignorecase(pattern) if pattern.flags & regex.IGNORECASE else pattern
        low, starts = self.low, set()
        for anchor in anchors:
            pos = low.find(anchor)
            while pos >= 0:
                starts.add(pos)
                pos = low.find(anchor, pos + 1)
        found, end = [], -1
        for pos in sorted(starts):
            checkpoint()
            if pos >= end and (m := rx.match(low, pos)):
                found.append(m)
                end = m.end()
        return found
