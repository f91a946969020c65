"""Editors' reviews of flags, kept in a local SQLite database.

Every decision is appended to ``review_history`` (nothing is ever updated or deleted), so the
database says who decided what and when. ``review_status`` is a view giving, for each flag,
its current status: the latest confirm / dismiss / reopen decision, the latest note and the
latest reviewer. Reviews are keyed by the stable ``flag_id`` (derived from content), so they
survive restarts and re-analysis of the same corpus; reviews of flags that a new analysis no
longer raises are listed by ``ReviewStore.orphaned``, never deleted.

Durability: the database is in WAL mode with a busy timeout, every save is one transaction
(``BEGIN IMMEDIATE``) retried while another process holds the lock, so concurrent writers lose
nothing and a process killed mid-save leaves the previous state. The schema carries a version
(``PRAGMA user_version``); an older database is copied to ``<name>.bak-v<N>`` and migrated in
one transaction, a newer one is refused untouched.

The database path is, in order: an explicit path, the ``FACTCHECK_DB`` environment variable,
then ``.factcheck/reviews.sqlite3`` in the working directory (next to the corpus the newsroom
works on; ``.factcheck/`` is git-ignored).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

import pandas as pd

T = TypeVar("T")

DB_ENV_VAR = "FACTCHECK_DB"
DEFAULT_DB_PATH = Path(".factcheck") / "reviews.sqlite3"
BUSY_TIMEOUT_S = 30.0  # how long a connection waits for another process's write lock
LOCK_RETRIES = 6  # then whole operations are retried, with a growing pause


class Decision(StrEnum):
    CONFIRMED = "confirmed"  # the flag is a real error
    DISMISSED = "dismissed"  # the flag is a false alarm
    REOPENED = "reopened"  # back to open, undoing a previous decision
    NOTE = "note"  # a comment only: does not change the status


class Status(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class StoreError(RuntimeError):
    """The review database cannot be opened or written; the message names the file."""


@dataclass(frozen=True, slots=True)
class Review:
    review_id: int
    flag_id: str
    decision: Decision
    reviewer: str
    note: str
    decided_at: str  # ISO 8601, UTC
    explanation: str  # the flag's explanation when it was reviewed, for orphaned reviews


HISTORY_COLUMNS: tuple[str, ...] = (
    "review_id",
    "flag_id",
    "decision",
    "reviewer",
    "note",
    "decided_at",
    "explanation",
)
STATUS_COLUMNS: tuple[str, ...] = (
    "flag_id",
    "status",
    "reviewer",
    "decided_at",
    "note",
    "n_decisions",
)
ORPHAN_COLUMNS: tuple[str, ...] = (*STATUS_COLUMNS, "explanation")

# Schema versions (``PRAGMA user_version``):
#   0  review_history and review_status, no version stamp (the first release of the store);
#   1  review_status also gives each flag's latest explanation, for orphaned reviews.
SCHEMA_VERSION = 1

_HISTORY_TABLE = """
CREATE TABLE review_history (
    review_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    flag_id     TEXT NOT NULL,
    decision    TEXT NOT NULL
                CHECK (decision IN ('confirmed', 'dismissed', 'reopened', 'note')),
    reviewer    TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
    note        TEXT NOT NULL DEFAULT '',
    decided_at  TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT ''
)"""
_HISTORY_INDEX = "CREATE INDEX review_history_flag ON review_history (flag_id, review_id)"
_STATUS_VIEW = """
CREATE VIEW review_status AS
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
    (SELECT count(*) FROM review_history c WHERE c.flag_id = f.flag_id) AS n_decisions,
    COALESCE((SELECT e.explanation FROM review_history e
              WHERE e.flag_id = f.flag_id AND e.explanation != ''
              ORDER BY e.review_id DESC LIMIT 1), '') AS explanation
FROM (SELECT DISTINCT flag_id FROM review_history) AS f"""

# A new database gets the latest schema at once.
_CREATE: tuple[str, ...] = (_HISTORY_TABLE, _HISTORY_INDEX, _STATUS_VIEW)
# _MIGRATIONS[n] takes a database from version n to n + 1. Steps may add tables, columns and
# views, never drop data; they run in one transaction with the version stamp.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    ("DROP VIEW review_status", _STATUS_VIEW),  # 0 -> 1: the view gains ``explanation``
)
assert len(_MIGRATIONS) == SCHEMA_VERSION


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The database to use: ``path`` if given, else ``$FACTCHECK_DB``, else the default."""
    if path is not None and str(path).strip():
        return Path(path).expanduser()
    env = os.environ.get(DB_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return DEFAULT_DB_PATH


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _is_lock_error(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _retrying(operation: Callable[[], T]) -> T:
    """``operation()``, run again while another process keeps the database locked beyond the
    busy timeout. Safe because every operation is one transaction: it committed or it did not."""
    for attempt in range(LOCK_RETRIES):
        try:
            return operation()
        except sqlite3.Error as exc:
            if not _is_lock_error(exc) or attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


def backup_path(path: Path, version: int) -> Path:
    """A free name for the copy of ``path`` taken before migrating it from ``version``:
    ``reviews.sqlite3.bak-v0``, then ``.bak-v0-2``... (an earlier copy is never overwritten)."""
    candidate = path.with_name(f"{path.name}.bak-v{version}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-v{version}-{n}")
        n += 1
    return candidate


class ReviewStore:
    """Append-only review log in SQLite. One connection per operation, so a store can be
    shared by Streamlit's script threads and by several processes."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = resolve_db_path(path)
        self.backup: Path | None = None  # the copy taken before a migration, if one ran
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _retrying(self._open)
        except StoreError:
            raise
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the review database ({exc})") from exc

    def _connect(self, isolation_level: str | None = "IMMEDIATE") -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=isolation_level)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA synchronous = FULL")  # a commit survives a crash of the machine
        return con

    def _open(self) -> None:
        """Check the version; create, or back up and migrate, in one write transaction; then
        switch to WAL. A newer database is refused before anything is written to it."""
        con = self._connect(isolation_level=None)  # explicit transactions below
        try:
            self._refuse_newer(_user_version(con))
            if _user_version(con) < SCHEMA_VERSION:
                con.execute("BEGIN IMMEDIATE")
                try:
                    self._create_or_migrate(con)
                    con.execute("COMMIT")
                except BaseException:
                    if con.in_transaction:
                        con.execute("ROLLBACK")
                    raise
            mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{self.path}: cannot switch the review database to WAL mode")
        finally:
            con.close()

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: the review database has schema version {version}, newer than "
                f"this factcheck (version {SCHEMA_VERSION}); it was left untouched. Update "
                "factcheck to use it, or choose another database (FACTCHECK_DB)."
            )

    def _create_or_migrate(self, con: sqlite3.Connection) -> None:
        """Inside a write transaction, so another process cannot migrate at the same time."""
        version = _user_version(con)  # again: another process may have migrated meanwhile
        self._refuse_newer(version)
        if version == SCHEMA_VERSION:
            return
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        if not tables - {"sqlite_sequence"}:
            for statement in _CREATE:
                con.execute(statement)
        elif "review_history" in tables:
            self.backup = backup_path(self.path, version)
            self._copy_to(self.backup)
            for step in _MIGRATIONS[version:]:
                for statement in step:
                    con.execute(statement)
        else:
            raise StoreError(f"{self.path}: not a review database (no review_history table)")
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _copy_to(self, target: Path) -> None:
        """A consistent copy through SQLite's backup API (a second connection can read while
        the first holds the write lock)."""
        source = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()

    def record(
        self,
        flag_id: str,
        decision: Decision | str,
        reviewer: str,
        note: str = "",
        explanation: str = "",
        decided_at: str | None = None,
    ) -> Review:
        """Append one decision, in one transaction. ``reviewer`` is required; a note decision
        needs a note."""
        decision = Decision(decision)
        reviewer = reviewer.strip()
        note = note.strip()
        if not flag_id:
            raise ValueError("flag_id is required")
        if not reviewer:
            raise ValueError("a reviewer name is required")
        if decision is Decision.NOTE and not note:
            raise ValueError("a note decision needs a note")
        when = decided_at or utc_now()
        row = (flag_id, decision.value, reviewer, note, when, explanation or "")

        def insert() -> int:
            con = self._connect()
            try:
                with con:  # BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error
                    cur = con.execute(
                        "INSERT INTO review_history"
                        " (flag_id, decision, reviewer, note, decided_at, explanation)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        row,
                    )
                return int(cur.lastrowid or 0)
            finally:
                con.close()

        try:
            review_id = _retrying(insert)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot save the review ({exc})") from exc
        return Review(review_id, flag_id, decision, reviewer, note, when, explanation or "")

    def history(self, flag_id: str | None = None) -> pd.DataFrame:
        """Every decision, oldest first (only those of ``flag_id`` if given)."""
        query = f"SELECT {', '.join(HISTORY_COLUMNS)} FROM review_history"
        params: tuple[str, ...] = ()
        if flag_id is not None:
            query += " WHERE flag_id = ?"
            params = (flag_id,)
        return self._frame(query + " ORDER BY review_id", params, HISTORY_COLUMNS)

    def current(self, flag_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """Current status of every reviewed flag (or of ``flag_ids`` among them)."""
        frame = self._frame(
            f"SELECT {', '.join(STATUS_COLUMNS)} FROM review_status ORDER BY flag_id",
            (),
            STATUS_COLUMNS,
        )
        if flag_ids is not None:
            frame = frame[frame["flag_id"].isin(set(flag_ids))].reset_index(drop=True)
        return frame

    def orphaned(self, current_flag_ids: Iterable[str]) -> pd.DataFrame:
        """Reviewed flags absent from ``current_flag_ids`` (gone after a re-analysis, or from
        articles not loaded), with their status and the explanation they had when reviewed;
        latest decision first. Their reviews stay in the database."""
        frame = self._frame(
            f"SELECT {', '.join(ORPHAN_COLUMNS)} FROM review_status"
            " ORDER BY decided_at DESC, flag_id",
            (),
            ORPHAN_COLUMNS,
        )
        gone = ~frame["flag_id"].isin(set(current_flag_ids))
        return frame[gone].reset_index(drop=True)

    def statuses(self) -> dict[str, Status]:
        """``flag_id -> Status`` for reviewed flags; a flag absent from it is open."""
        cur = self.current()
        return {fid: Status(s) for fid, s in zip(cur["flag_id"], cur["status"], strict=True)}

    def _frame(
        self, query: str, params: tuple[str, ...], columns: tuple[str, ...]
    ) -> pd.DataFrame:
        def read() -> list[tuple[object, ...]]:
            con = self._connect()
            try:
                return [tuple(r) for r in con.execute(query, params).fetchall()]
            finally:
                con.close()

        try:
            rows = _retrying(read)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read reviews ({exc})") from exc
        return pd.DataFrame(rows, columns=list(columns))


def _user_version(con: sqlite3.Connection) -> int:
    return int(con.execute("PRAGMA user_version").fetchone()[0])
