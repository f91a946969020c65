"""The scanner's prefilters (speed only: the same figures with or without them).

- an identifier pattern with ``needs`` is searched only in a text holding one of them:
  every match holds one, and the identifiers are still found;
- the verbs of approximation are searched only in a text holding one of their stems;
- weekday dates are tried where a weekday's name starts only;
- a mention copy is the copy ``dataclasses.replace`` makes.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract._mention_copy import replace
from factcheck.extract.lexicon import lexicon
from factcheck.extract.scanner import extract_mentions
from factcheck.lang import load_data
from factcheck.models import Approx, Kind, Mention
from factcheck.patterns import Folded

LEX = lexicon()
DATA = tomllib.loads(
    (Path(__file__).parents[1] / "data" / "prefilters.toml").read_text("utf-8")
)
GATED = [
    (p, needs) for p, needs in zip(LEX.identifiers, LEX.identifier_needs, strict=True) if needs
]


@pytest.mark.parametrize("case", DATA["identifier"], ids=lambda c: c["identifier"])
def test_gated_identifiers_are_found(case: dict) -> None:
    found = [m.surface for m in extract_mentions(case["text"]) if m.kind == Kind.IDENTIFIER]
    assert case["identifier"] in found


@pytest.mark.parametrize("case", DATA["identifier"], ids=lambda c: c["identifier"])
def test_every_match_holds_a_need(case: dict) -> None:
    for pattern, needs in GATED:
        if pattern.search(case["text"]):
            assert any(n in case["text"] for n in needs), pattern.pattern


PIECES = sorted({n for _, needs in GATED for n in needs} | {
    " ", "-", ".", "/", "3", "12", "2031", "e ", "I", "X", "V", "n", "N", "o", "O", "°", "]",
    "http", "s://", "a", "A", "7", "0",
})


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=25))
def test_no_match_without_a_need(parts: list[str]) -> None:
    text = "".join(parts)
    for pattern, needs in GATED:
        if not any(n in text for n in needs):
            assert pattern.search(text) is None, (pattern.pattern, text)


def test_each_verb_phrase_holds_a_stem() -> None:
    verbs = load_data("fr", "approximators")["verbs"]
    for phrases in verbs.values():
        for phrase in phrases:
            assert any(stem in phrase.lower() for stem in LEX.approx_verb_words), phrase


@pytest.mark.parametrize(("text", "approx"), [
    ("Les ventes avoisinent désormais les 4 000 unités.", Approx.APPROX),
    ("Le déficit ne dépasse pas 3 %.", Approx.UPPER),
    ("La facture dépassait 12 millions d'euros.", Approx.LOWER),
    ("Les ventes atteignent 4 000 unités.", Approx.NONE),
])
def test_verbs_of_approximation_still_read(text: str, approx: Approx) -> None:
    assert extract_mentions(text)[0].approx == approx


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.sampled_from([
    "samedi", "Samedi", "SAMEDI", "jeudi", " ", "12", "1er", " à ", "Lyon", "lyon", ",", "soir",
    "\n", "x", "3 h",
]), max_size=12))
def test_weekdays_tried_at_their_names(parts: list[str]) -> None:
    folded = Folded("".join(parts))
    pattern = LEX.calendar.weekday_day
    got = folded.finditer_at(pattern, LEX.calendar.weekdays, fold=False)
    assert [m.span() for m in got] == [m.span() for m in pattern.finditer(folded.text)]


def test_mention_copy() -> None:
    m = Mention(3, 9, "12 000", Kind.COUNT, 12000.0, number_start=3, number_end=9, rule="digits")
    for changes in ({}, {"end": 14, "surface": "12 000 euros", "kind": Kind.MONEY, "unit": "EUR"},
                    {"low": 1.0, "high": 2.0, "approx": Approx.RANGE, "role": "change_by"}):
        assert replace(m, **changes) == dataclasses.replace(m, **changes)
    with pytest.raises(TypeError):
        replace(m, colour="red")
