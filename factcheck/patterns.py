"""Turning word lists into regular-expression fragments (shared by the lexicons)."""

from __future__ import annotations

from typing import Any

import regex


def _alt(words: list[str] | tuple[str, ...] | set[str], *, escape: bool = True) -> str:
    """Alternation, longest first so that "millions" wins over "million"."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) if escape else w for w in items)


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
