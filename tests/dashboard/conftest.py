"""Fixtures of the dashboard's AppTest suites."""

from __future__ import annotations

import dashboard_fakes as fakes
import pytest
import streamlit as st

from factcheck import pipeline
from factcheck.crossref import draft
from factcheck.dashboard import data


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "reviews.sqlite3"))
    monkeypatch.setenv("FACTCHECK_CORPUS_ROOT", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_REVIEWER", raising=False)
    monkeypatch.delenv("FACTCHECK_SEEDS", raising=False)
    monkeypatch.setattr(data, "analyze_with_progress", fakes.fake_analyze)
    monkeypatch.setattr(pipeline, "claims_frame", fakes.fake_claims_frame)
    monkeypatch.setattr(draft, "_default_crossref", fakes.fake_cross_reference)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield tmp_path
    st.cache_data.clear()
    st.cache_resource.clear()
