"""The flags view lists orphaned reviews (of flags a new analysis no longer raises) through
Streamlit's AppTest, with the stand-in engines of ``dashboard_fakes``."""

from __future__ import annotations

from pathlib import Path

import dashboard_fakes as fakes
import pytest
from streamlit.testing.v1 import AppTest

from factcheck.dashboard.views_review import ORPHANS_LABEL
from factcheck.store import Decision, ReviewStore

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")


@pytest.fixture
def env(monkeypatch, tmp_path, fake_dashboard_engines):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "reviews.sqlite3"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "Camille")
    monkeypatch.setenv("FACTCHECK_CORPUS_ROOT", str(tmp_path))  # folders are read below it
    monkeypatch.delenv("FACTCHECK_SEEDS", raising=False)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "washington.txt").write_text(fakes.CONTRADICTING_ARTICLE.text, encoding="utf-8")
    return tmp_path


def _flags_view(folder: Path | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if folder is not None:
        at.sidebar.text_input(key="folder").input(str(folder)).run()
    at.sidebar.radio(key="view").set_value("Signalements").run()
    assert not at.exception, at.exception
    return at


def _orphan_expanders(at: AppTest) -> list:
    return [e for e in at.expander if e.label.startswith(ORPHANS_LABEL)]


def test_reviews_of_flags_gone_from_the_analysis_are_listed_not_deleted(env):
    store = ReviewStore(env / "reviews.sqlite3")
    store.record("flag-disparu", Decision.DISMISSED, "Léa", note="faux positif",
                 explanation="« 46 drones » contre « 17 drones ».")
    at = _flags_view(env / "extra")
    current = next(b.key for b in at.button if b.key and b.key.startswith("confirm-"))
    at.button(key=current).click().run()  # a review of a flag the analysis still raises

    (orphans,) = _orphan_expanders(at)
    assert orphans.label == f"{ORPHANS_LABEL} : 1"
    table = orphans.dataframe[0].value
    assert list(table["Signalement"]) == ["flag-disparu"]
    assert list(table["Statut"]) == ["écarté"]
    assert list(table["Explication"]) == ["« 46 drones » contre « 17 drones »."]

    # Without the added article its flag disappears too: its review becomes orphaned.
    seeds_only = _flags_view(None)
    (orphans,) = _orphan_expanders(seeds_only)
    table = orphans.dataframe[0].value
    assert set(table["Signalement"]) == {"flag-disparu", current.removeprefix("confirm-")}
    assert "confirmé" in set(table["Statut"])
    assert len(store.history()) == 2  # nothing deleted


def test_no_orphan_listing_when_every_review_has_its_flag(env):
    at = _flags_view(env / "extra")
    assert not _orphan_expanders(at)
