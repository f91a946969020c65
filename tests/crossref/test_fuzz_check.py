"""Property-based tests of the checker (``pipeline.claims_frame`` then
``crossref.cross_reference``) over a few generated articles of French news fragments and
random unicode, published within days of each other: it never raises; links and flags name
claims and articles of the table, with known relations and severities, content-derived ids
and confidences between 0 and 1; the same articles give the same tables every time, and in
any order the same links and flags (ids are content-derived and copies are found in
publication order, ``docs/crossref.md``). The long run is ``bench/fuzz.py``."""

from __future__ import annotations

from datetime import date

import pandas as pd
from fuzz_text import check_crossref, news_text
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.crossref import cross_reference
from factcheck.models import Article
from factcheck.pipeline import claims_frame

WINDOW = st.dates(min_value=date(2024, 3, 1), max_value=date(2024, 3, 12))


@st.composite
def corpora(draw: st.DrawFn) -> list[Article]:
    n = draw(st.integers(2, 4))
    texts = draw(st.lists(news_text(4), min_size=n, max_size=n))
    dates = draw(st.lists(WINDOW, min_size=n, max_size=n))
    return [Article(f"a{i}", t, published=d)
            for i, (t, d) in enumerate(zip(texts, dates, strict=True))]


def _check(articles: list[Article]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    claims = claims_frame(articles)
    links, flags = cross_reference(claims)
    return claims, links, flags


@settings(max_examples=25, deadline=None)
@given(articles=corpora(), order=st.randoms(use_true_random=False))
def test_links_and_flags_are_well_formed_and_independent_of_order(articles, order) -> None:
    claims, links, flags = _check(articles)
    check_crossref(claims, links, flags)
    again = _check(articles)
    pd.testing.assert_frame_equal(again[1], links)
    pd.testing.assert_frame_equal(again[2], flags)
    shuffled = list(articles)
    order.shuffle(shuffled)
    _, links2, flags2 = _check(shuffled)
    assert set(links2.link_id) == set(links.link_id)
    assert set(flags2.flag_id) == set(flags.flag_id)
