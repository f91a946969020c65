"""A claims-table cell read as text, whatever pandas or numpy stored in it: a missing value of
any library is empty (never "nan" or "NaT", which would read as a word or a date to compare),
a timestamp its ISO date, any other value its stripped text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from factcheck.crossref.cells import cell_text


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (None, ""),
        (float("nan"), ""),
        (np.float64("nan"), ""),
        (pd.NA, ""),
        (pd.NaT, ""),
        (np.datetime64("NaT"), ""),
        (pd.Timestamp("2026-03-14 18:30"), "2026-03-14"),
        ("  ministère de la Santé ", "ministère de la Santé"),
        (np.int64(2026), "2026"),
        (("préfecture", "police"), "('préfecture', 'police')"),
        ([], "[]"),
    ],
    ids=["none", "nan", "numpy nan", "pandas NA", "pandas NaT", "numpy NaT", "timestamp",
         "text", "numpy integer", "tuple", "empty list"],
)
def test_cell_text(cell: object, expected: str) -> None:
    assert cell_text(cell) == expected
