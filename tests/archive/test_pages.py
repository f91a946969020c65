"""Pages of a store (factcheck.archive.pages): each page one DuckDB query, pages that add up
to the whole table, filters bound as parameters, current facts only."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOLD_DIR, SEEDS_DIR

from factcheck.archive import add_to_store, open_store
from factcheck.archive import pages as P
from factcheck.archive.facts_update import CURRENT_FACTS_SQL
from factcheck.corpus import read_corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    articles = list(read_corpus([SEEDS_DIR, GOLD_DIR / "dev_corpus.jsonl"]).articles)
    folder = tmp_path_factory.mktemp("store")
    add_to_store(folder, articles[::2])
    add_to_store(folder, articles[1::2])  # two batches: facts of the first may be superseded
    return folder


def test_counts(store) -> None:
    with open_store(store) as con:
        counts = P.store_counts(con)
        current = len(con.execute(CURRENT_FACTS_SQL).df())
        all_versions = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert counts.batches == 2 and counts.articles == 28
    assert counts.claims > 50 and counts.flags >= 3
    assert counts.facts == current <= all_versions
    assert counts.first_published <= counts.last_published


def test_pages_add_up_to_the_whole_table_in_a_fixed_order(store) -> None:
    with open_store(store) as con:
        total = con.execute("SELECT count(*) FROM claims").fetchone()[0]
        first = P.figures_page(con, size=7)
        assert first.total == total and first.pages == -(-total // 7) and first.number == 1
        seen = []
        for n in range(1, first.pages + 1):
            page = P.figures_page(con, page=n, size=7)
            assert len(page.rows) == (7 if n < first.pages else total - 7 * (n - 1))
            seen.extend(page.rows["claim_id"])
        assert len(seen) == len(set(seen)) == total
        assert list(P.figures_page(con, page=2, size=7).rows["claim_id"]) == seen[7:14]
        assert P.figures_page(con, page=10_000, size=7).rows.empty
        assert len(P.figures_page(con, size=10_000).rows) == min(total, P.MAX_PAGE_SIZE)


def test_search_is_case_insensitive_and_bound_not_pasted(store) -> None:
    with open_store(store) as con:
        drones = P.figures_page(con, "DRONE", size=500)
        assert drones.total > 0
        assert all("drone" in " ".join(str(v) for v in row).lower()
                   for row in drones.rows[["surface", "subject", "source", "sentence",
                                           "title"]].itertuples(index=False))
        # Wildcards and quotes are text to find, never SQL.
        everything = con.execute("SELECT count(*) FROM claims").fetchone()[0]
        percent = P.figures_page(con, "%", size=500)
        assert 0 < percent.total < everything  # figures in percent, not every figure
        assert all("%" in " ".join(str(v) for v in row)
                   for row in percent.rows[["surface", "subject", "source", "sentence",
                                            "title"]].itertuples(index=False))
        assert P.figures_page(con, "_").total == 0
        assert P.figures_page(con, "'; DROP VIEW claims; --").total == 0
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] > 0


def test_facts_are_current_and_most_reported_first(store) -> None:
    with open_store(store) as con:
        current = set(con.execute(CURRENT_FACTS_SQL).df()["fact_id"])
        every = P.facts_page(con, size=500)
        repeated = P.facts_page(con, min_reports=2, size=500)
        drones = P.facts_page(con, "drone", size=500)
    assert set(every.rows["fact_id"]) == current and every.total == len(current)
    reports = list(repeated.rows["n_reports"])
    assert reports and min(reports) >= 2 and reports == sorted(reports, reverse=True)
    assert 0 < drones.total < every.total


def test_flags_most_trusted_first_and_by_type(store) -> None:
    with open_store(store) as con:
        flags = P.flags_page(con)
        types = P.flag_types(con)
        one = P.flags_page(con, types[0])
        confident = P.flags_page(con, min_confidence=0.9)
    confidence = list(flags.rows["confidence"])
    assert confidence == sorted(confidence, reverse=True)
    assert set(one.rows["type"]) == {types[0]} and 0 < one.total <= flags.total
    assert (confident.rows["confidence"] >= 0.9).all()


def test_timeline_of_a_metric_in_date_order(store) -> None:
    with open_store(store) as con:
        assert P.timeline_page(con, "  ").total == 0
        drones = P.timeline_page(con, "drone", size=500)
    dates = list(drones.rows["date"].astype(str))
    assert drones.total > 2 and dates == sorted(dates)
