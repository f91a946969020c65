"""Reviews are never lost: concurrent writers, a writer killed mid-save, databases from an older
version (migrated, with a backup) or a newer one (refused untouched)."""

from __future__ import annotations

import hashlib
import multiprocessing
import signal
import sqlite3
import subprocess
import sys
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from factcheck.store import (
    SCHEMA_VERSION,
    Decision,
    ReviewStore,
    StoreError,
    backup_path,
)

# The schema of the first release of the store (commit 1ddf03b, factcheck/store.py), verbatim:
# version 0, no ``user_version`` stamp, rollback journal.
V0_SCHEMA = """
CREATE TABLE IF NOT EXISTS review_history (
    review_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    flag_id     TEXT NOT NULL,
    decision    TEXT NOT NULL
                CHECK (decision IN ('confirmed', 'dismissed', 'reopened', 'note')),
    reviewer    TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
    note        TEXT NOT NULL DEFAULT '',
    decided_at  TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS review_history_flag ON review_history (flag_id, review_id);
CREATE VIEW IF NOT EXISTS review_status AS
SELECT
    f.flag_id AS flag_id,
    CASE (SELECT d.decision FROM review_history d
          WHERE d.flag_id = f.flag_id AND d.decision != 'note'
          ORDER BY d.review_id DESC LIMIT 1)
        WHEN 'confirmed' THEN 'confirmed'
        WHEN 'dismissed' THEN 'dismissed'
        ELSE 'open'
    END AS status,
    (SELECT l.reviewer FROM review_history l WHERE l.flag_id = f.flag_id
     ORDER BY l.review_id DESC LIMIT 1) AS reviewer,
    (SELECT l.decided_at FROM review_history l WHERE l.flag_id = f.flag_id
     ORDER BY l.review_id DESC LIMIT 1) AS decided_at,
    COALESCE((SELECT n.note FROM review_history n
              WHERE n.flag_id = f.flag_id AND n.note != ''
              ORDER BY n.review_id DESC LIMIT 1), '') AS note,
    (SELECT count(*) FROM review_history c WHERE c.flag_id = f.flag_id) AS n_decisions
FROM (SELECT DISTINCT flag_id FROM review_history) AS f;
"""

# flag_id, decision, reviewer, note, decided_at, explanation
V0_REVIEWS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("flag-aide", "confirmed", "Camille", "Le Pentagone parle de millions",
     "2025-01-10T09:00:00+00:00", "Écart d'un facteur 1000 : « 988 millions » contre « 988 "
     "milliards »."),
    ("flag-drones", "note", "Léa", "source à rappeler", "2025-01-10T10:00:00+00:00",
     "« 46 drones » contre « 17 drones »."),
    ("flag-drones", "dismissed", "Léa", "", "2025-01-10T11:00:00+00:00",
     "« 46 drones » contre « 17 drones »."),
    ("flag-soldats", "dismissed", "Hugo", "", "2025-01-11T08:00:00+00:00", ""),
    ("flag-soldats", "reopened", "Camille", "à revoir", "2025-01-12T08:00:00+00:00",
     "« 400 000 soldats » contre « plus de 400 000 soldats »."),
)


def make_v0_database(path: Path, reviews=V0_REVIEWS) -> Path:
    """A review database as the first release of the store wrote it."""
    con = sqlite3.connect(path)
    con.executescript(V0_SCHEMA)
    with con:
        con.executemany(
            "INSERT INTO review_history (flag_id, decision, reviewer, note, decided_at,"
            " explanation) VALUES (?, ?, ?, ?, ?, ?)",
            reviews,
        )
    con.close()
    return path


def _pragma(path: Path, name: str) -> object:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        con.close()


def _history_rows(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT flag_id, decision, reviewer, note, decided_at, explanation"
            " FROM review_history ORDER BY review_id"
        ).fetchall()
    finally:
        con.close()


def _schema(path: Path) -> list[tuple[str, str, str]]:
    """Tables, indexes and views with their SQL, whitespace-normalised."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        return [(t, n, " ".join((sql or "").replace("IF NOT EXISTS ", "").split()))
                for t, n, sql in rows]
    finally:
        con.close()


def test_new_database_is_stamped_with_the_current_version_and_in_wal_mode(tmp_path):
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    assert _pragma(store.path, "user_version") == SCHEMA_VERSION
    assert _pragma(store.path, "journal_mode") == "wal"
    assert store.backup is None  # nothing to back up
    assert not list(tmp_path.glob("*.bak-*"))


# --- two or more processes writing at once -------------------------------------------------

N_WRITERS = 4
N_RECORDS = 200


def _write_reviews(path: str, writer: int, start: Barrier) -> None:
    start.wait()  # every writer opens the (new) database and writes at the same moment
    store = ReviewStore(path)
    for i in range(N_RECORDS):
        decision = (Decision.CONFIRMED, Decision.DISMISSED, Decision.NOTE)[i % 3]
        store.record(f"flag-{writer}-{i}", decision, f"relecteur {writer}", note=f"n°{i}")


def test_concurrent_writers_lose_no_review(tmp_path):
    path = tmp_path / "reviews.sqlite3"  # created by the writers themselves, concurrently
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(N_WRITERS)
    writers = [ctx.Process(target=_write_reviews, args=(str(path), w, start))
               for w in range(N_WRITERS)]
    for p in writers:
        p.start()
    for p in writers:
        p.join()
    assert [p.exitcode for p in writers] == [0] * N_WRITERS
    history = ReviewStore(path).history()
    assert len(history) == N_WRITERS * N_RECORDS
    assert set(history["flag_id"]) == {
        f"flag-{w}-{i}" for w in range(N_WRITERS) for i in range(N_RECORDS)
    }
    assert history["review_id"].is_unique
    assert _pragma(path, "integrity_check") == "ok"


def test_a_save_goes_through_while_another_connection_is_in_the_middle_of_a_read(tmp_path):
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    store.record("f1", Decision.CONFIRMED, "Camille")
    reader = sqlite3.connect(store.path, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM review_history").fetchone()[0] == 1
    # With a rollback journal this save would wait for the reader, then fail as locked.
    store.record("f2", Decision.DISMISSED, "Léa")
    assert reader.execute("SELECT count(*) FROM review_history").fetchone()[0] == 1  # snapshot
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM review_history").fetchone()[0] == 2
    reader.close()


# --- a writer killed in the middle of its saves --------------------------------------------

_KILLED_WRITER = """
import sys
from factcheck.store import ReviewStore
store = ReviewStore(sys.argv[1])
i = 0
while True:
    review = store.record(f"flag-{i}", "confirmed", "Camille", note="x" * 2000,
                          explanation="Écart d'un facteur 1000.")
    print(review.review_id, flush=True)  # printed only once committed
    i += 1
"""


def test_writer_killed_mid_save_leaves_every_committed_review_readable(tmp_path):
    path = tmp_path / "reviews.sqlite3"
    ReviewStore(path).record("before", Decision.DISMISSED, "Léa", note="déjà là")
    child = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(path)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    committed = [int(child.stdout.readline()) for _ in range(100)]
    child.send_signal(signal.SIGKILL)  # while it is saving the next ones
    child.wait()
    tail = [int(line) for line in child.stdout.read().split()]  # printed before the kill
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    assert _pragma(path, "integrity_check") == "ok"
    store = ReviewStore(path)
    history = store.history()
    ids = set(history["review_id"])
    assert set(committed + tail) <= ids  # nothing committed is lost
    assert len(ids) <= 1 + len(committed) + len(tail) + 1  # at most the save in flight
    assert store.current(["before"]).iloc[0]["note"] == "déjà là"
    assert (history["note"].iloc[1:] == "x" * 2000).all()  # no half-written review
    store.record("after", Decision.CONFIRMED, "Hugo")  # and the database still takes saves
    assert store.statuses()["after"] == "confirmed"


# --- a database from an older version --------------------------------------------------------

def test_version_0_database_is_backed_up_and_migrated_with_its_reviews(tmp_path):
    path = make_v0_database(tmp_path / "reviews.sqlite3")

    store = ReviewStore(path)
    assert _pragma(path, "user_version") == SCHEMA_VERSION
    assert _pragma(path, "journal_mode") == "wal"
    assert _history_rows(path) == list(V0_REVIEWS)  # every review, unchanged, in order
    assert store.statuses() == {
        "flag-aide": "confirmed", "flag-drones": "dismissed", "flag-soldats": "open"
    }
    assert store.current(["flag-drones"]).iloc[0]["note"] == "source à rappeler"

    assert store.backup == tmp_path / "reviews.sqlite3.bak-v0"
    assert _pragma(store.backup, "user_version") == 0
    assert _history_rows(store.backup) == list(V0_REVIEWS)
    assert _schema(store.backup) == _schema(make_v0_database(tmp_path / "fresh-v0.sqlite3"))


def test_migrated_database_has_the_same_schema_as_a_new_one(tmp_path):
    migrated = ReviewStore(make_v0_database(tmp_path / "old.sqlite3"))
    new = ReviewStore(tmp_path / "new.sqlite3")
    assert _schema(migrated.path) == _schema(new.path)


def test_migration_runs_once_and_never_overwrites_a_backup(tmp_path):
    path = make_v0_database(tmp_path / "reviews.sqlite3")
    first = ReviewStore(path)
    again = ReviewStore(path)  # already at the current version: no second backup
    assert first.backup is not None and again.backup is None
    assert sorted(p.name for p in tmp_path.glob("*.bak-*")) == ["reviews.sqlite3.bak-v0"]
    assert backup_path(path, 0) == tmp_path / "reviews.sqlite3.bak-v0-2"


def test_orphaned_reviews_of_a_migrated_database_keep_their_explanation(tmp_path):
    store = ReviewStore(make_v0_database(tmp_path / "reviews.sqlite3"))
    orphans = store.orphaned(["flag-aide"])
    assert list(orphans["flag_id"]) == ["flag-soldats", "flag-drones"]  # latest first
    assert list(orphans["explanation"]) == [
        "« 400 000 soldats » contre « plus de 400 000 soldats ».",
        "« 46 drones » contre « 17 drones ».",
    ]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_newer_than_the_code_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "reviews.sqlite3"
    ReviewStore(path).record("f1", Decision.CONFIRMED, "Camille")
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.execute("PRAGMA journal_mode = DELETE")  # as a future version might leave it
    con.close()
    digest, files = _sha(path), sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(StoreError, match=rf"reviews\.sqlite3.*version {SCHEMA_VERSION + 1}, "
                       "newer than this factcheck.*left untouched"):
        ReviewStore(path)
    assert _sha(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # no backup, no WAL file


def test_sqlite_file_that_is_not_a_review_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE articles (id TEXT)")
    con.close()
    digest = _sha(path)
    with pytest.raises(StoreError, match=r"other\.sqlite3: not a review database"):
        ReviewStore(path)
    assert _sha(path) == digest


def _open_store(path: str, start: Barrier) -> None:
    start.wait()
    ReviewStore(path).record("flag-new", Decision.NOTE, "Hugo", note="après migration")


def test_processes_opening_an_old_database_together_migrate_it_once(tmp_path):
    path = make_v0_database(tmp_path / "reviews.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(3)
    openers = [ctx.Process(target=_open_store, args=(str(path), start)) for _ in range(3)]
    for p in openers:
        p.start()
    for p in openers:
        p.join()
    assert [p.exitcode for p in openers] == [0, 0, 0]
    assert sorted(p.name for p in tmp_path.glob("*.bak-*")) == ["reviews.sqlite3.bak-v0"]
    rows = _history_rows(path)
    assert rows[: len(V0_REVIEWS)] == list(V0_REVIEWS)
    assert [r[0] for r in rows[len(V0_REVIEWS):]] == ["flag-new"] * 3
