"""The verb that governs a figure (``factcheck.crossref.predicates``): readings of one figure
and pairs of predicates, from ``tests/crossref/data/predicates.json`` (our own words)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.crossref.predicates import families_apart, predicate_at

DATA = json.loads((Path(__file__).parent / "data" / "predicates.json").read_text("utf-8"))


@pytest.mark.parametrize("case", DATA["readings"], ids=[c["sentence"] for c in DATA["readings"]])
def test_reading(case: dict) -> None:
    start = case["sentence"].index(case["figure"])
    end = start + len(case["figure"])
    assert predicate_at(case["sentence"], start, end) == case["predicate"]


@pytest.mark.parametrize("case", DATA["pairs"], ids=[c["why"] for c in DATA["pairs"]])
def test_pair(case: dict) -> None:
    assert families_apart(case["a"], case["b"]) is case["apart"]
    assert families_apart(case["b"], case["a"]) is case["apart"]
