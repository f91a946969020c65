"""Typed reading of one field of a context data file (``lang/<code>/context_*.toml``): a list
of words, the four forms of past participles, a table; a wrong type is a
:class:`~factcheck.lang.LanguageDataError` naming the file and the key."""

from __future__ import annotations

from typing import Any

from factcheck.lang import LanguageDataError


def _words(data: dict[str, Any], key: str, file: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LanguageDataError(f"{file}.toml: '{key}' must be a list of strings")
    return frozenset(v.lower() for v in value)


def _participles(data: dict[str, Any], key: str, file: str) -> frozenset[str]:
    """The four forms of each past participle ("avancé", "avancée", "avancés", "avancées")."""
    return frozenset(w + end for w in _words(data, key, file) for end in ("", "e", "s", "es"))


def _table(data: dict[str, Any], key: str, file: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise LanguageDataError(f"{file}.toml: '{key}' must be a table")
    return value
