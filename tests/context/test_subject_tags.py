"""Subject rules on sentences tagged by hand (``data/subject_tags.toml``): what a rule does
with the small model's tags, fixed so a new model version cannot hide a regression."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from factcheck.context.nlp import Figure, Tok
from factcheck.context.subject import subjects
from factcheck.models import Approx, Kind, Mention

DATA = Path(__file__).parent / "data" / "subject_tags.toml"


def _cases() -> list[Any]:
    with DATA.open("rb") as fh:
        cases = tomllib.load(fh)["case"]
    return [pytest.param(c, id=c["id"]) for c in cases]


def tagged(line: str) -> tuple[tuple[Tok, ...], list[Figure]]:
    """Tokens and figures of a "word/POS[/lemma]" line; "[surface]/NUM" marks a figure."""
    toks: list[Tok] = []
    figs: list[Figure] = []
    start = 0
    for item in _items(line):
        word, pos, *lemma = item.split("/")
        is_figure = word.startswith("[")
        word = word.strip("[]")
        verbform = "Part" if pos == "VERB" and not word.endswith("er") else ""
        tok = Tok(len(toks), word, word.lower(), lemma[0] if lemma else word.lower(), pos, start,
                  start + len(word), "", "", verbform)
        if is_figure:
            mention = Mention(start, start + len(word), word, Kind.COUNT, None,
                              approx=Approx.NONE)
            figs.append(Figure(mention, len(toks), len(toks) + 1))
        toks.append(tok)
        start += len(word) + 1
    return tuple(toks), figs


def _items(line: str) -> list[str]:
    """Split on spaces outside the brackets of a figure ("[512 000]/NUM")."""
    items, depth, current = [], 0, ""
    for c in line:
        depth += (c == "[") - (c == "]")
        if c == " " and depth == 0:
            items.append(current)
            current = ""
        else:
            current += c
    return [*items, current] if current else items


@pytest.mark.parametrize("case", _cases())
def test_subject_on_hand_tagged_sentence(case: dict[str, Any]) -> None:
    toks, figs = tagged(case["tokens"])
    result = subjects(toks, figs)[case.get("figure", 0)]
    expected = None if case["subject"] == "__none__" else case["subject"]
    assert result.subject == expected
