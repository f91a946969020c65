"""Alternations of literal words merged by their common beginnings: ``(?:annonce|annoncé|
indique)`` becomes ``(?:annonc(?:e|é)|indique)``. The ``regex`` module tries a plain
alternation's words one by one at every position it scans; the merged form drops most of them
at their first letter. Private to ``factcheck.context``."""

from __future__ import annotations

import regex


def trie(literals: dict[str, str]) -> str:
    """A pattern matching each literal followed by its continuation (a pattern such as
    ``(?!\\w)``, or ""), as their alternation does. At each branch the longer literals are
    tried before the shorter, so where several match (each then a beginning of the next) the
    longest that lets the whole pattern match is taken first, as in an alternation sorted
    longest first: the same matches, the same spans and groups. For patterns matched case
    by case (without ``IGNORECASE``: with it, the longest-first order holds only between
    literals written in the same case, which a test for a match at all does not need)."""
    if not literals:
        return "(?!)"
    root: dict[str, dict] = {}
    for literal, continuation in literals.items():
        node = root
        for ch in literal:
            node = node.setdefault(ch, {})
        node.setdefault("", {})[continuation] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [regex.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        alts += sorted(node.get("", {}), key=len, reverse=True)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def longest_first(words: list[str] | tuple[str, ...]) -> str:
    """The alternation of ``words`` (literal), longest first, merged (:func:`trie`); "" for
    none, as the plain alternation's empty pattern."""
    return trie(dict.fromkeys(words, "")) if words else ""
