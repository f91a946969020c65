"""A term of comparison at an earlier moment ("contre 9 000 lors de la précédente journée de
mobilisation") is read at that moment, not at the sentence's period: it is no rival value of
the same metric and period in its sentence (``crossref/rivals.py``), so it does not withhold
the real same_source flag between two articles giving one body's two counts for one day.
Articles in our own words."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from crossref_helpers import ACCUSATIONS

from factcheck.crossref.engine import cross_reference
from factcheck.models import Article
from factcheck.pipeline import claims_frame

# A Friday: "jeudi" is 13 March 2025.
PUBLISHED = "2025-03-14"
OTHER = "Selon la préfecture, 7 500 personnes ont défilé à Rennes jeudi."

EARLIER_TERMS = [
    "lors de la précédente journée de mobilisation",
    "lors du précédent rassemblement",
    "lors de la dernière manifestation",
]


def _frame(first: str) -> pd.DataFrame:
    day = date.fromisoformat(PUBLISHED)
    return claims_frame([Article("r1", first, published=day, title="Mobilisation à Rennes"),
                         Article("r2", OTHER, published=day, title="Manifestation à Rennes")])


@pytest.mark.parametrize("term", EARLIER_TERMS)
def test_the_earlier_term_does_not_withhold_the_real_same_source_flag(term: str) -> None:
    first = f"Selon la préfecture, 6 000 personnes ont défilé à Rennes jeudi, contre 4 000 {term}."
    claims = _frame(first)
    earlier = claims[claims["surface"] == "4 000"].iloc[0]
    assert earlier["time_start"] != "2025-03-13"
    _, flags = cross_reference(claims)
    assert list(flags["type"]) == ["same_source"]
    values = set(claims.set_index("claim_id").loc[list(flags.iloc[0]["claim_ids"]), "surface"])
    assert values == {"6 000", "7 500"}


def test_the_earlier_term_itself_gets_no_accusation() -> None:
    first = ("Selon la préfecture, 7 500 personnes ont défilé à Rennes jeudi, contre 4 000 "
             "lors de la précédente journée de mobilisation.")
    _, flags = cross_reference(_frame(first))
    raised = flags[flags["type"].isin(ACCUSATIONS)] if len(flags) else flags
    assert raised.empty, raised.to_dict("records")
