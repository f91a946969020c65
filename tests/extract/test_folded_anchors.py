"""``Folded.finditer_at`` (a literal search for where matches can start, then the pattern
tried there) gives exactly the matches of ``finditer`` for the patterns it speeds up."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.lexicon import lexicon
from factcheck.patterns import Folded

LEX = lexicon()
CASES = {
    "named": (LEX.named, LEX.named_anchors),
    "month_name": (LEX.calendar.month_name, LEX.month_anchors),
    "vague_group_word": (LEX.vague_group_word, LEX.vague_group_anchors),
    "ordinal_suffix_end": (LEX.ordinal_suffix_end, LEX.ordinal_end_anchors),
}
# Pieces the texts are built from: every anchor, in upper and title case too, and the
# glue that makes or breaks a match (spaces, letters, digits, punctuation).
PIECES = sorted(
    {a for _, anchors in CASES.values() for a in anchors}
    | {a.title() for _, anchors in CASES.values() for a in anchors}
    | {"guerre", "mondiale", "nations", "ministre", " ", "  ", "\n", "x", "-", "3", ",", "'"}
)


def _spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


@pytest.mark.parametrize("name", sorted(CASES))
@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=30))
def test_same_matches_as_finditer(name: str, parts: list[str]) -> None:
    pattern, anchors = CASES[name]
    folded = Folded(" ".join(parts))
    assert _spans(folded.finditer_at(pattern, anchors)) == _spans(folded.finditer(pattern))


def test_news_sentence() -> None:
    text = ("Depuis la Seconde Guerre mondiale, des dizaines de milliers de soldats ; le "
            "vingt-cinquième sommet, en mars, puis en Février.")
    folded = Folded(text)
    for pattern, anchors in CASES.values():
        assert _spans(folded.finditer_at(pattern, anchors)) == _spans(folded.finditer(pattern))
