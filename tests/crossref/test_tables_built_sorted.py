"""The links, facts and reader-links tables are sorted before they are built (no sorted copy
of a large table) and the links read column by column (no row dict per link): the same
tables as building them row by row and sorting them with pandas."""

from __future__ import annotations

import pandas as pd
import pytest
from crossref_helpers import gold_frame

from factcheck.crossref.engine import cross_reference, frame_of, vars_of
from factcheck.crossref.facts import build_facts
from factcheck.crossref.reader_links import reader_links
from factcheck.models import LINK_COLUMNS, Link

#: Unsorted links with a tie on (relation, link_id) and ids beyond ASCII.
LINKS = [
    Link("b2", "c1", "c2", "same", "« 12 » et « douze »"),
    Link("a1", "c3", "c4", "contradiction", "écart de 3 %"),
    Link("é9", "c5", "c6", "same", "même chiffre"),
    Link("a1", "c7", "c8", "contradiction", "un autre écart"),
    Link("Z0", "c9", "c10", "compatible", ""),
]


def _row_by_row(links: list[Link]) -> pd.DataFrame:
    return pd.DataFrame([vars_of(x, LINK_COLUMNS) for x in links], columns=list(LINK_COLUMNS))


@pytest.mark.parametrize("links", [LINKS, LINKS[:1], []], ids=["five", "one", "none"])
def test_frame_of_is_the_row_by_row_table(links: list[Link]) -> None:
    pd.testing.assert_frame_equal(frame_of(links, LINK_COLUMNS), _row_by_row(links))


def test_links_sorted_first_give_the_table_sorted_by_pandas() -> None:
    expected = _row_by_row(LINKS).sort_values(["relation", "link_id"]).reset_index(drop=True)
    ordered = sorted(LINKS, key=lambda x: (x.relation, x.link_id))
    pd.testing.assert_frame_equal(frame_of(ordered, LINK_COLUMNS), expected)
    # The tie keeps its first order, as pandas' multi-column sort does.
    assert list(expected["explanation"][1:3]) == ["écart de 3 %", "un autre écart"]


def test_the_check_tables_come_out_sorted() -> None:
    claims = gold_frame(with_context=False)
    links, _ = cross_reference(claims)
    facts = build_facts(claims, links)
    readers = reader_links(links, facts, claims)
    assert len(links) > 10 and len(facts) > 10 and len(readers) > 10
    pd.testing.assert_frame_equal(
        links, links.sort_values(["relation", "link_id"], kind="stable").reset_index(drop=True))
    pd.testing.assert_frame_equal(facts, facts.sort_values("fact_id").reset_index(drop=True))
    assert facts["fact_id"].is_unique
    pd.testing.assert_frame_equal(
        readers, readers.sort_values("link_id", kind="stable").reset_index(drop=True))
