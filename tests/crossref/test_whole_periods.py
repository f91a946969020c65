"""When a sentence says its figure covers the whole of a written span
(``crossref.text_periods.said_whole``): a cue of ``[whole_period]`` a few words before the
span's year ("sur l'ensemble de l'année 2022", "tout au long de la saison 2023-2024"), so the
span was over when an undated article was written; "en 2022" or "au cours de l'année 2022"
alone may be the year so far. Cases in ``tests/crossref/data/whole_periods.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.crossref.text_periods import said_whole

CASES = json.loads((Path(__file__).parent / "data" / "whole_periods.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_said_whole(case: dict) -> None:
    assert said_whole(case["sentence"], case["start"], case["end"]) is case["whole"]
