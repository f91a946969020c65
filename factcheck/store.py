"""Editors' reviews of flags, kept in a local SQLite database.

Every decision is appended to ``review_history`` (nothing is ever updated or deleted), so the
database says who decided what and when. ``review_status`` is a view giving, for each flag,
its current status: the latest confirm / dismiss / reopen decision, the latest note and the
latest reviewer. Reviews are keyed by the stable ``flag_id`` (derived from content), so they
survive restarts and re-analysis of the same corpus.

The database path is, in order: an explicit path, the ``FACTCHECK_DB`` environment variable,
then ``.factcheck/reviews.sqlite3`` in the working directory (next to the corpus the newsroom
works on; ``.factcheck/`` is git-ignored).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import pandas as pd

DB_ENV_VAR = "FACTCHECK_DB"
DEFAULT_DB_PATH = Path(".factcheck") / "reviews.sqlite3"


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

_SCHEMA = """
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


class ReviewStore:
    """Append-only review log in SQLite. One connection per operation, so a store can be
    shared by Streamlit's script threads."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = resolve_db_path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = self._connect()
            try:
                con.executescript(_SCHEMA)
            finally:
                con.close()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the review database ({exc})") from exc

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=10)
        con.row_factory = sqlite3.Row
        return con

    def record(
        self,
        flag_id: str,
        decision: Decision | str,
        reviewer: str,
        note: str = "",
        explanation: str = "",
        decided_at: str | None = None,
    ) -> Review:
        """Append one decision. ``reviewer`` is required; a note decision needs a note."""
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
        try:
            con = self._connect()
            try:
                with con:  # commits, or rolls back on error
                    cur = con.execute(
                        "INSERT INTO review_history"
                        " (flag_id, decision, reviewer, note, decided_at, explanation)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (flag_id, decision.value, reviewer, note, when, explanation or ""),
                    )
                review_id = int(cur.lastrowid or 0)
            finally:
                con.close()
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

    def statuses(self) -> dict[str, Status]:
        """``flag_id -> Status`` for reviewed flags; a flag absent from it is open."""
        cur = self.current()
        return {fid: Status(s) for fid, s in zip(cur["flag_id"], cur["status"], strict=True)}

    def _frame(
        self, query: str, params: tuple[str, ...], columns: tuple[str, ...]
    ) -> pd.DataFrame:
        try:
            con = self._connect()
            try:
                rows = [tuple(r) for r in con.execute(query, params).fetchall()]
            finally:
                con.close()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read reviews ({exc})") from exc
        return pd.DataFrame(rows, columns=list(columns))
