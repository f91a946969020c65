"""The place probe: short news passages written for it (local government, farming, weather,
housing, jobs, courts, sport), read whole by the pipeline as a real article is. Each bracketed
figure's place is checked strictly: a town is not the metropolis or the agglomeration named
after it (``tests/context/data/place_probe.toml``)."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from probe_helpers import load_cases, probe_params, read_field

DATA = Path(__file__).parent / "data" / "place_probe.toml"


def _folded(place: str | None) -> str | None:
    """A place compared case, accents, hyphens and apostrophes aside."""
    if place is None:
        return None
    text = unicodedata.normalize("NFD", place.casefold().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("-", " ").split())


@cache
def _places() -> dict[str, list[str | None]]:
    """Every case's figures' places, the passages read in one pass."""
    return read_field(load_cases(DATA), "place",
                      lambda v: v if isinstance(v, str) and v else None)


def _params() -> list[Any]:
    return probe_params(load_cases(DATA), "places")


def test_probe_is_large_enough() -> None:
    """The probe scores at least 40 figures."""
    assert len(_params()) >= 40


@pytest.mark.parametrize(("case_id", "index", "expected"), _params())
def test_probe_place(case_id: str, index: int, expected: str) -> None:
    got = _places()[case_id][index]
    want = None if expected == "__none__" else expected
    assert _folded(got) == _folded(want), f"{got!r}, not {want!r}"
