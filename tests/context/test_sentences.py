"""Sentence spans of a text (``factcheck.text.sentence_spans``); cases in
``tests/context/data/sentence_spans.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.text import sentence_spans

CASES = tomllib.loads((Path(__file__).parent / "data" / "sentence_spans.toml")
                      .read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_sentence_spans(case: dict) -> None:
    text = case["text"]
    assert [text[s:e] for s, e in sentence_spans(text)] == case["sentences"]
