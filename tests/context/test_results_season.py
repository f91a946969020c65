"""The results season (``context/results_season.py``): one notion, the year just over within
``report_day_days`` of its end, read by both cues of a company's accounts (an article whose
lead names the year's results, a sentence naming annual results). Cases:
``tests/context/data/results_season.toml``."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factcheck.context.results_season import annual_results_year, results_year, season_year
from factcheck.models import Article
from factcheck.pipeline import claims_frame

DATA = Path(__file__).parent / "data" / "results_season.toml"
with DATA.open("rb") as _fh:
    CASES = tomllib.load(_fh)

#: A results lead naming the year (``{year}``), then a later figure that says no time.
LEAD = ("En {year}, le bénéfice net de la coopérative Valmorel atteint 52 millions d'euros."
        "\n\nLe dividende est relevé de 4 % sur un an.")
#: A sentence naming annual results, its figure one of the accounts.
SENTENCE = ("La coopérative Valmorel a publié ses comptes annuels : son chiffre d'affaires "
            "s'établit à 310 millions d'euros.")


def _year(value: object) -> int | None:
    return None if value == "__none__" else int(value)  # type: ignore[call-overload]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["published"]) for c in CASES["season"]])
def test_season_year(case: dict[str, Any]) -> None:
    assert season_year(date.fromisoformat(case["published"])) == _year(case["year"])


def test_no_publication_date_no_season() -> None:
    assert season_year(None) is None
    assert results_year(None, LEAD.format(year=2025)) is None


def test_a_placeholder_date_is_no_season_for_the_sentence_cue() -> None:
    """The sentence's cue read the year before the publication's without the calendar's
    bounds: a placeholder date (year 1) raised ValueError ("year 0 is out of range")."""
    low = SENTENCE.lower()
    start = low.index("310")
    assert annual_results_year(low, start, start + 3, date(1, 1, 20)) is None
    assert annual_results_year(low, start, start + 3, date(2026, 2, 17)) == (
        "2025-01-01", "2025-12-31")


def _period(text: str, surface: str, published: date) -> tuple[object, object]:
    frame = claims_frame([Article("a", text, published=published)])
    row = frame[frame["surface"].astype(str) == surface].iloc[0]
    return row["time_start"], row["time_end"]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES["cue"]])
def test_both_cues_read_one_season(case: dict[str, Any]) -> None:
    published = date.fromisoformat(case["published"])
    year = _year(case["year"])
    expected = ((f"{year}-01-01", f"{year}-12-31") if year is not None
                else (None, published.isoformat()))
    lead_year = year if year is not None else published.year - 1
    assert _period(LEAD.format(year=lead_year), "4 %", published) == expected
    assert _period(SENTENCE, "310 millions d'euros", published) == expected
