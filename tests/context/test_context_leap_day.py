"""A date without a year on 29 February must not stop the analysis of a whole corpus."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.models import Article
from factcheck.pipeline import claims_frame


@pytest.mark.parametrize("published", [date(2024, 2, 21), date(2025, 3, 10), date(2024, 3, 1)])
def test_29_february_without_a_year(published: date) -> None:
    text = "Le sommet s'est tenu le 29 février, avec 12 délégations."
    frame = claims_frame([Article("a", text, published=published)])
    row = frame[frame.surface == "12"].iloc[0]
    assert row["time_end"] is None or row["time_end"][:4].isdigit()
