"""The dashboard on the real extraction and cross-referencing engines (spaCy included), on
the seed articles: every view opens, figures are highlighted, and a draft that says
"988 milliards" where the seed says "988 millions" is flagged."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from factcheck.dashboard.labels import VIEWS

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")
DRAFT = "Washington débloque 988 milliards de dollars d'aide militaire pour Kiev."


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """One app run on the real engines, shared by the tests of this module."""
    db = tmp_path_factory.mktemp("engines") / "reviews.sqlite3"
    patch = pytest.MonkeyPatch()
    patch.setenv("FACTCHECK_DB", str(db))
    patch.delenv("FACTCHECK_SEEDS", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=300).run()
    yield at
    patch.undo()
    st.cache_data.clear()
    st.cache_resource.clear()


def _text_body(at: AppTest) -> str:
    return next(el.proto.body for el in at.get("html") if 'class="fc-text"' in el.proto.body)


def test_every_view_opens_on_the_seeds(app):
    assert not app.exception
    assert app.status[0].label.startswith("Corpus analysé : 2 articles")
    for view in VIEWS:
        app.sidebar.radio(key="view").set_value(view).run()
        assert not app.exception, (view, app.exception)
        assert not app.error, view
        assert app.header[0].value == view


def test_reference_figures_can_be_left_out(app):
    app.sidebar.checkbox(key="use_reference").uncheck().run()
    app.sidebar.radio(key="view").set_value("Vérifier un brouillon").run()
    app.text_area(key="draft_text").input(DRAFT)
    app.date_input(key="draft_date").set_value(date(2024, 12, 8))
    app.button[0].click().run()
    assert not app.exception
    assert not any("référence" in m.value for m in app.markdown)
    app.sidebar.checkbox(key="use_reference").check().run()


def test_seed_figures_are_highlighted_and_identifiers_are_not(app):
    app.sidebar.radio(key="view").set_value("Articles").run()
    app.selectbox(key="article").set_value("004_65a5d7e65e64810d").run()
    marks = re.findall(r"<mark[^>]*>(.*?)</mark>", _text_body(app))
    assert "988 millions de dollars" in marks
    assert "400 000" in " ".join(marks)
    app.selectbox(key="article").set_value("000_920380b514dee3bb").run()
    marks = re.findall(r"<mark[^>]*>(.*?)</mark>", _text_body(app))
    assert marks and "BM-35" not in marks


def test_draft_saying_milliards_where_the_seed_says_millions_is_flagged(app):
    app.sidebar.radio(key="view").set_value("Vérifier un brouillon").run()
    app.text_area(key="draft_text").input(DRAFT)
    app.date_input(key="draft_date").set_value(date(2024, 12, 8))
    app.button[0].click().run()
    assert not app.exception
    flagged = re.findall(r'<mark[^>]*data-status="flagged"[^>]*>(.*?)</mark>', _text_body(app))
    assert flagged == ["988 milliards de dollars"]
    # Against the seed, and against the curated reference figure (on by default).
    assert any("1 000" in m.value for m in app.markdown)
    assert any("référence" in m.value for m in app.markdown)
    assert any("988 millions de dollars" in el.proto.body for el in app.get("html")
               if 'class="fc-text"' in el.proto.body and DRAFT not in el.proto.body)
