"""The dashboard's downloads (Exports view: claims, links, flags, review history, each as CSV
and as CSV for French Excel) are safe to open in a spreadsheet: text that would run as a
formula, from the articles, their metadata or a reviewer's note, gets a leading apostrophe;
numbers do not change. The tables are built as the app builds them, with the real pipeline."""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd
import pytest
from csv_safety_helpers import CRAFTED_ARTICLES, check_csv_bytes

from factcheck.dashboard import data, loading
from factcheck.dashboard.analysis import analyze_with_progress
from factcheck.store import Decision, ReviewStore

DOWNLOADS: dict[str, tuple[Callable[[pd.DataFrame], bytes], bool]] = {
    "CSV": (data.csv_bytes, False),
    "CSV Excel (FR)": (data.excel_fr_bytes, True),
}


@pytest.fixture(scope="module")
def export_tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    """The four tables the Exports view offers, from uploaded crafted articles."""
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CRAFTED_ARTICLES)
    loaded = loading.load_uploads([("crafted.jsonl", payload.encode("utf-8"))])
    assert loaded.errors == () and len(loaded.articles) == len(CRAFTED_ARTICLES)
    analysis = analyze_with_progress(loaded.articles).analysis
    assert len(analysis.flags) > 0
    store = ReviewStore(tmp_path_factory.mktemp("reviews") / "r.sqlite3")
    flag_id = str(analysis.flags["flag_id"].iloc[0])
    store.record(flag_id, Decision.NOTE, "@Camille", note='=HYPERLINK("http://x","y")')
    store.record(flag_id, Decision.DISMISSED, "-Dominique", note="+cmd|' /C calc'!A0")
    flags = data.flags_with_reviews(analysis.flags, store.current())
    claims = data.claims_with_status(analysis.claims, flags)
    return {
        "claims": claims,
        "links": data.links_with_status(analysis.links, claims),
        "flags": flags,
        "reviews": store.history(),
    }


@pytest.mark.slow
@pytest.mark.parametrize("download", DOWNLOADS)
@pytest.mark.parametrize("table", ["claims", "links", "flags", "reviews"])
def test_every_download_defuses_formulas(export_tables, table: str, download: str) -> None:
    to_bytes, french_excel = DOWNLOADS[download]
    frame = export_tables[table]
    defused = check_csv_bytes(to_bytes(frame), frame, french_excel=french_excel)
    if table != "links":  # link cells are ids and French explanations opening with «
        assert defused > 0


@pytest.mark.slow
def test_a_reviewer_note_comes_back_with_only_an_apostrophe(export_tables) -> None:
    raw = data.csv_bytes(export_tables["reviews"]).decode("utf-8")
    assert "'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")" in raw
    assert "'@Camille" in raw and "'-Dominique" in raw
