"""The dashboard on the real extraction and cross-referencing engines (spaCy included), on
the seed articles: every view opens, figures are highlighted, and a draft that says
"988 milliards" where the seed says "988 millions" is flagged, against the curated reference
figure and, worded like the seed, against the seed itself."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from factcheck.dashboard.labels import VIEWS

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")
DRAFT = "Washington débloque 988 milliards de dollars d'aide militaire pour Kiev."
# The seed's own wording with "milliards": the cross-referencer pairs it with the seed.
SEED_WORDED = ("L'administration Biden a annoncé une nouvelle aide militaire à l'Ukraine, "
               "d'un montant de 988 milliards de dollars.")


def _shown(at: AppTest) -> list[str]:
    """Markdown and escaped-HTML text of the page (explanations are shown as HTML)."""
    return [m.value for m in at.markdown] + [h.proto.body for h in at.get("html")]


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
    assert _check_draft(app, DRAFT, reference=False) == []
    assert not any("référence" in t for t in _shown(app))
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


def _check_draft(app: AppTest, text: str, reference: bool) -> list[str]:
    app.sidebar.checkbox(key="use_reference").set_value(reference).run()
    app.sidebar.radio(key="view").set_value("Vérifier un brouillon").run()
    app.text_area(key="draft_text").input(text)
    app.date_input(key="draft_date").set_value(date(2024, 12, 8))
    app.button[0].click().run()
    assert not app.exception
    shown = html.escape(text, quote=True)
    body = next(el.proto.body for el in app.get("html")
                if re.sub(r"<[^>]+>", "", el.proto.body) == shown)
    return re.findall(r'<mark[^>]*data-status="flagged"[^>]*>(.*?)</mark>', body)


def test_draft_saying_milliards_is_flagged_against_the_reference_figure(app):
    assert _check_draft(app, DRAFT, reference=True) == ["988 milliards de dollars"]
    assert any("référence" in t for t in _shown(app))


def test_draft_saying_milliards_is_flagged_against_the_seed(app):
    assert _check_draft(app, SEED_WORDED, reference=False) == ["988 milliards de dollars"]
    assert any("1 000" in t for t in _shown(app))  # a factor of a thousand
    evidence = [el.proto.body for el in app.get("html") if 'class="fc-text"' in el.proto.body]
    assert any("988 millions de dollars" in body for body in evidence)  # the seed's sentence
    app.sidebar.checkbox(key="use_reference").check().run()
