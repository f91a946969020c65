"""How the evidence of a flag names a period (``crossref.text_periods.period_label``): a
calendar year, a calendar month, a day, else its two ends. Cases in
``tests/crossref/data/period_labels.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.text_periods import period_label

CASES = json.loads((Path(__file__).parent / "data" / "period_labels.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_period_label(case: dict) -> None:
    assert period_label(case["start"], case["end"], load_lexicon()) == case["label"]
