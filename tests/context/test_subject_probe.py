"""The subject probe: short news passages written for it, every desk (budgets, company
results, health, energy, housing, transport, sport, polls, justice), read whole by the
pipeline (scanner, sentences, context) as a real article is. Each bracketed figure's subject is
checked; ``xfail`` in the data names a figure the rules still miss and why."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from probe_helpers import load_cases, probe_params, read_field

from factcheck.eval.compare import same_subject

# The first round (every desk, short passages) and the second (money, long sentences).
DATA = [Path(__file__).parent / "data" / name
        for name in ("subject_probe.toml", "subject_probe_money.toml")]


def _cases() -> list[dict[str, Any]]:
    return [case for path in DATA for case in load_cases(path)]


@cache
def _subjects() -> dict[str, list[str | None]]:
    """Every case's figures' subjects, the passages read in one pass."""
    return read_field(_cases(), "subject")


def _params() -> list[Any]:
    return probe_params(_cases(), "subjects")


@pytest.mark.parametrize(("case_id", "index", "expected"), _params())
def test_probe_subject(case_id: str, index: int, expected: str) -> None:
    got = _subjects()[case_id][index]
    if expected == "__none__":
        assert got is None
    else:
        assert same_subject(got, expected), f"{got!r}, not {expected!r}"
