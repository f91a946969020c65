"""``patterns.whole_words``: any of a list of words, longest first, found only as a whole
word, a hyphen counting as part of a word (the place and actor patterns of context)."""

from __future__ import annotations

import pytest
import regex

from factcheck.patterns import whole_words

WORDS = ("Nord", "Pas-de-Calais", "Haute-Savoie", "Savoie")


@pytest.mark.parametrize(("text", "found"), [
    ("Dans le Nord, 40 écoles fermées.", ["Nord"]),
    ("Le Nord-Pas-de-Calais comptait 12 sites.", []),  # inside a hyphenated name
    ("En Haute-Savoie, 3 cols sont fermés.", ["Haute-Savoie"]),  # the longest wins
    ("La Savoie et le Pas-de-Calais", ["Savoie", "Pas-de-Calais"]),
    ("Nordiques et savoie", []),  # a longer word; the case kept
])
def test_whole_words_only(text: str, found: list[str]) -> None:
    assert [m.group(0) for m in whole_words(WORDS).finditer(text)] == found


def test_flags_are_given_to_the_pattern() -> None:
    assert whole_words(WORDS, regex.I).search("la savoie").group(0) == "savoie"
