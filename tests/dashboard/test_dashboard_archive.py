"""The « Archive » view: a claims store set by configuration, browsed page by page."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from conftest import GOLD_DIR, SEEDS_DIR
from streamlit.testing.v1 import AppTest

from factcheck.archive import add_to_store
from factcheck.corpus import read_corpus

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    articles = list(read_corpus([SEEDS_DIR, GOLD_DIR / "dev_corpus.jsonl"]).articles)
    folder = tmp_path_factory.mktemp("archive")
    add_to_store(folder, articles[:14], with_context=False)
    add_to_store(folder, articles[14:], with_context=False)
    return folder


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "reviews.sqlite3"))
    monkeypatch.delenv("FACTCHECK_STORE", raising=False)
    st.cache_data.clear()

    def run() -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60).run()
        at.sidebar.radio(key="view").set_value("Archive").run()
        assert not at.exception, at.exception
        return at

    return run


def _captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_without_a_configured_store_the_view_says_how_to_set_one(app) -> None:
    at = app()
    assert any("FACTCHECK_STORE" in i.value for i in at.info)
    assert not at.dataframe


def test_an_unreadable_store_is_an_error_in_french(app, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("FACTCHECK_STORE", str(tmp_path / "nothing-here"))
    at = app()
    assert any("Archive illisible" in e.value for e in at.error)


def test_the_store_is_browsed_page_by_page(app, monkeypatch, store) -> None:
    monkeypatch.setenv("FACTCHECK_STORE", str(store))
    at = app()
    assert any("28 articles en 2 lot(s)" in c for c in _captions(at))
    at.radio(key="archive_tab").set_value("Chiffres").run()
    at.select_slider(key="archive_figures_size").set_value(25).run()
    assert any(c.startswith("Lignes 1 à 25 sur ") for c in _captions(at))
    first = list(at.dataframe[0].value["Chiffre (id)"])
    at.number_input(key="archive_figures_page").set_value(2).run()
    assert not at.exception, at.exception
    assert any(c.startswith("Lignes 26 à ") for c in _captions(at))
    second = list(at.dataframe[0].value["Chiffre (id)"])
    assert len(first) == 25 and second and not set(first) & set(second)
    # A search narrows the rows and brings the page back within range.
    at.text_input(key="archive_figure_search").input("drone").run()
    assert not at.exception, at.exception
    shown = at.dataframe[0].value
    assert 0 < len(shown) < 25
    at.radio(key="archive_tab").set_value("Chronologie").run()
    assert any("Indiquez un indicateur" in i.value for i in at.info)
    at.text_input(key="archive_timeline_search").input("drone").run()
    assert not at.exception, at.exception
