"""The dashboard holds the time budget of one article (``$FACTCHECK_ARTICLE_TIMEOUT``), on
the real engines, in Streamlit's script thread: a long article of real news phrasing with a
tiny budget is left out and named in the sidebar in French, the seed articles are analysed
and shown; a draft over the budget is reported instead of being shown without figures.

The long texts take many times the budget to read, the seeds a small part of it (processor
time); nothing here asserts how long anything takes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st
from conftest import SEEDS_DIR, long_news_text
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")
BUDGET = "0.5"  # seconds of processor time; the long texts need several seconds
LONG_FILE = "fil-depeches.txt"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """One app run on the seeds and a long article, with a tiny budget."""
    corpus = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS_DIR.iterdir():
        shutil.copy(seed, corpus / seed.name)
    (corpus / LONG_FILE).write_text(long_news_text(900_000, seed=5), encoding="utf-8")
    patch = pytest.MonkeyPatch()
    patch.setenv("FACTCHECK_DB", str(corpus.parent / "reviews.sqlite3"))
    patch.setenv("FACTCHECK_SEEDS", str(corpus))
    patch.setenv("FACTCHECK_ARTICLE_TIMEOUT", BUDGET)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=600).run()
    yield at
    patch.undo()
    st.cache_data.clear()
    st.cache_resource.clear()


def test_an_article_over_its_budget_is_named_and_the_others_are_shown(app) -> None:
    assert not app.exception
    label = app.status[0].label
    assert label.startswith("Corpus analysé : 3 articles, ")
    assert label.endswith(", 1 article(s) non analysé(s)")
    (expander,) = [e for e in app.sidebar.expander if "non analysé" in e.label]
    assert expander.label == "⚠️ 1 article(s) non analysé(s)"
    (message,) = [t.value for t in expander.text]
    assert message.endswith(  # named by its file, as the reader's messages are
        f"/{LONG_FILE} : article « fil-depeches » non analysé : la lecture des chiffres a "
        "dépassé le temps de calcul permis pour un article (0,5 s, réglage "
        "FACTCHECK_ARTICLE_TIMEOUT).")
    app.sidebar.radio(key="view").set_value("Articles").run()
    app.selectbox(key="article").set_value("004_65a5d7e65e64810d").run()
    body = next(el.proto.body for el in app.get("html") if 'class="fc-text"' in el.proto.body)
    assert "988 millions de dollars</mark>" in body


def test_a_draft_over_its_budget_is_reported(app) -> None:
    app.sidebar.radio(key="view").set_value("Vérifier un brouillon").run()
    app.text_area(key="draft_text").input(long_news_text(900_000, seed=6))
    app.button[0].click().run()
    assert not app.exception
    assert [w.value for w in app.warning] == [
        "Brouillon non analysé : la lecture des chiffres a dépassé le temps de calcul permis "
        "pour un article (0,5 s, réglage FACTCHECK_ARTICLE_TIMEOUT)."]
    assert not app.success  # never "no inconsistency found" for a draft not read
