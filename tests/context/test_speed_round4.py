"""The fourth round of the context's speed-ups (perf40) gives what the plain computations
give: cases read from ``tests/context/data/speed_round4.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import regex

from factcheck.context import described
from factcheck.extract.lexicon import lexicon

DATA = tomllib.loads((Path(__file__).parent / "data" / "speed_round4.toml").read_text("utf-8"))


def _cases(table: str, *fields: str) -> list[Any]:
    return [pytest.param(*(c[f] for f in fields), id=c["id"]) for c in DATA[table]]


@pytest.mark.parametrize(("name", "text"), _cases("word_spans", "name", "text"))
def test_whole_word_spans_are_the_patterns_matches(name: str, text: str) -> None:
    plain = [m.span() for m in regex.finditer(rf"\b{regex.escape(name)}\b", text)]
    assert list(described._whole_word_spans(name, text)) == plain


@pytest.mark.parametrize(("name", "text"), _cases("word_spans", "name", "text"))
def test_located_and_named_again_read_the_same_spans(name: str, text: str) -> None:
    spans = [m.span() for m in regex.finditer(rf"\b{regex.escape(name)}\b", text)]
    assert described.located(name, text) == any(
        described._LOCATED.search(text[max(0, s - 12) : s]) for s, _ in spans)


@pytest.mark.parametrize(("phrase", "text", "name"), _cases("apposed", "phrase", "text", "name"))
def test_apposed_name(phrase: str, text: str, name: str) -> None:
    assert (described.apposed_name(phrase, text) or "") == name


def test_the_lexicon_is_built_once_whatever_the_call() -> None:
    assert lexicon() is lexicon("fr")
