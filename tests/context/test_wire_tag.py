"""A wire agency's tag opening a sentence (``factcheck.context._wire_tag``); cases in
``tests/context/data/wire_tags.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.context._wire_tag import wire_tag_end

CASES = tomllib.loads((Path(__file__).parent / "data" / "wire_tags.toml")
                      .read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_wire_tag_end(case: dict) -> None:
    text = case["text"]
    assert text[wire_tag_end(text):] == case["rest"]
