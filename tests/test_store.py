"""Reviews in SQLite: append-only history, current status, survival across store instances."""

from __future__ import annotations

import sqlite3

import pytest

from factcheck.store import (
    DB_ENV_VAR,
    DEFAULT_DB_PATH,
    ORPHAN_COLUMNS,
    Decision,
    ReviewStore,
    Status,
    StoreError,
    resolve_db_path,
)


@pytest.fixture
def store(tmp_path):
    return ReviewStore(tmp_path / "sub" / "reviews.sqlite3")


def test_creates_parent_directory_and_starts_empty(store):
    assert store.path.exists()
    assert store.history().empty
    assert store.current().empty
    assert store.statuses() == {}


def test_review_survives_a_new_store_on_the_same_file(store):
    store.record("f1", Decision.CONFIRMED, "Camille", note="Vérifié auprès du Pentagone")
    reopened = ReviewStore(store.path)
    assert reopened.statuses() == {"f1": Status.CONFIRMED}
    row = reopened.current().iloc[0]
    assert row["reviewer"] == "Camille"
    assert row["note"] == "Vérifié auprès du Pentagone"
    assert row["decided_at"].endswith("+00:00")  # UTC


@pytest.mark.parametrize(
    ("decisions", "expected"),
    [
        ([Decision.CONFIRMED], Status.CONFIRMED),
        ([Decision.DISMISSED], Status.DISMISSED),
        ([Decision.CONFIRMED, Decision.DISMISSED], Status.DISMISSED),
        ([Decision.DISMISSED, Decision.CONFIRMED], Status.CONFIRMED),
        ([Decision.CONFIRMED, Decision.REOPENED], Status.OPEN),
        ([Decision.DISMISSED, Decision.NOTE], Status.DISMISSED),  # a note keeps the status
        ([Decision.NOTE], Status.OPEN),
    ],
)
def test_current_status_is_the_latest_decision_that_is_not_a_note(store, decisions, expected):
    for i, decision in enumerate(decisions):
        note = "à revoir" if decision is Decision.NOTE else ""
        store.record("f1", decision, f"rédacteur {i}", note=note)
    assert store.current().iloc[0]["status"] == expected.value
    assert store.current().iloc[0]["n_decisions"] == len(decisions)


def test_history_keeps_every_decision_in_order(store):
    store.record("f1", "confirmed", "A", decided_at="2026-01-01T10:00:00+00:00")
    store.record("f2", "dismissed", "B", decided_at="2026-01-01T11:00:00+00:00")
    store.record("f1", "dismissed", "C", note="faux positif", explanation="Écart x1000")
    history = store.history()
    assert list(history["decision"]) == ["confirmed", "dismissed", "dismissed"]
    assert list(store.history("f1")["reviewer"]) == ["A", "C"]
    assert store.history("f1").iloc[1]["explanation"] == "Écart x1000"
    assert set(store.current(["f2", "zzz"])["flag_id"]) == {"f2"}


def test_latest_note_is_kept_when_a_later_decision_has_none(store):
    store.record("f1", Decision.NOTE, "A", note="source à rappeler")
    store.record("f1", Decision.CONFIRMED, "B")
    row = store.current().iloc[0]
    assert (row["note"], row["reviewer"], row["status"]) == ("source à rappeler", "B", "confirmed")


@pytest.mark.parametrize(
    ("flag_id", "decision", "reviewer", "note"),
    [
        ("f1", "confirmed", "   ", ""),
        ("", "confirmed", "A", ""),
        ("f1", "note", "A", "  "),
    ],
)
def test_incomplete_reviews_are_refused(store, flag_id, decision, reviewer, note):
    with pytest.raises(ValueError):
        store.record(flag_id, decision, reviewer, note=note)
    assert store.history().empty


def test_unknown_decision_is_refused(store):
    with pytest.raises(ValueError):
        store.record("f1", "approved", "A")


def test_history_cannot_hold_a_review_without_reviewer_even_through_sql(store):
    con = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.IntegrityError):
        con.execute(
            "INSERT INTO review_history (flag_id, decision, reviewer, decided_at)"
            " VALUES ('f', 'confirmed', ' ', 'now')"
        )
    con.close()


def test_path_resolution_order(monkeypatch, tmp_path):
    monkeypatch.delenv(DB_ENV_VAR, raising=False)
    assert resolve_db_path() == DEFAULT_DB_PATH
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert resolve_db_path() == tmp_path / "env.sqlite3"
    assert resolve_db_path(tmp_path / "x.sqlite3") == tmp_path / "x.sqlite3"
    assert resolve_db_path("  ") == tmp_path / "env.sqlite3"


def test_unusable_path_gives_an_error_naming_the_file(tmp_path):
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="not_a_dir"):
        ReviewStore(blocker / "reviews.sqlite3")


def test_orphaned_lists_reviewed_flags_absent_from_the_analysis_and_deletes_nothing(store):
    store.record("kept", Decision.CONFIRMED, "A", explanation="Écart x1000",
                 decided_at="2026-01-01T10:00:00+00:00")
    store.record("gone", Decision.DISMISSED, "B", note="faux positif",
                 explanation="« 46 drones » contre « 17 drones ».",
                 decided_at="2026-01-01T11:00:00+00:00")
    store.record("gone", Decision.NOTE, "C", note="signalement disparu",
                 decided_at="2026-01-02T09:00:00+00:00")  # a later decision, no explanation
    store.record("old", Decision.CONFIRMED, "D", explanation="Écart de dates",
                 decided_at="2025-12-01T09:00:00+00:00")
    orphans = store.orphaned(["kept", "new-flag"])
    assert list(orphans.columns) == list(ORPHAN_COLUMNS)
    assert list(orphans["flag_id"]) == ["gone", "old"]  # latest decision first
    gone = orphans.iloc[0]
    assert (gone["status"], gone["reviewer"], gone["note"], gone["n_decisions"]) == (
        "dismissed", "C", "signalement disparu", 2
    )
    assert gone["explanation"] == "« 46 drones » contre « 17 drones »."  # latest non-empty
    assert len(store.history()) == 4  # listed, never deleted
    assert store.orphaned(["kept", "gone", "old"]).empty
    assert list(store.orphaned([])["flag_id"]) == ["gone", "kept", "old"]
