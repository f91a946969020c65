"""Pages of a store for readers: figures, facts, flags and a metric's timeline, one page at a
time, by DuckDB queries over the store's Parquet files. Nothing is loaded whole: a page of
50 rows out of ten million reads what DuckDB needs for those 50 rows and the count.

Used by the dashboard's « Archive » view (``factcheck.dashboard.views_archive``); every
function takes an open connection (:func:`factcheck.archive.open_store`) and returns a
:class:`Page`. Filters are bound parameters, never pasted into the SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from factcheck.archive.facts_update import CURRENT_FACTS_SQL

#: Rows per page unless asked otherwise, and the most a page may hold.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class Page:
    """One page of a table: its rows, the number of rows matching the filters, and where the
    page starts (0-based row offset) and how many rows a page holds."""

    rows: pd.DataFrame
    total: int
    offset: int
    size: int

    @property
    def number(self) -> int:
        """1-based page number."""
        return self.offset // self.size + 1

    @property
    def pages(self) -> int:
        """How many pages the matching rows fill (at least one)."""
        return max(1, -(-self.total // self.size))


@dataclass(frozen=True)
class StoreCounts:
    """What a store holds, for the header of the view."""

    batches: int
    articles: int
    claims: int
    facts: int
    flags: int
    first_published: str | None
    last_published: str | None


def store_counts(con: duckdb.DuckDBPyConnection) -> StoreCounts:
    """Counts of the store's tables (current facts only: superseded versions left out)."""
    def one(sql: str) -> object:
        return con.execute(sql).fetchone()[0]  # type: ignore[index]

    return StoreCounts(
        batches=int(one("SELECT count(DISTINCT batch) FROM articles")),  # type: ignore[arg-type]
        articles=int(one("SELECT count(*) FROM articles")),  # type: ignore[arg-type]
        claims=int(one("SELECT count(*) FROM claims")),  # type: ignore[arg-type]
        facts=int(one(f"SELECT count(*) FROM ({CURRENT_FACTS_SQL})")),  # type: ignore[arg-type]
        flags=int(one("SELECT count(*) FROM flags")),  # type: ignore[arg-type]
        first_published=_text(one("SELECT min(published) FROM articles")),
        last_published=_text(one("SELECT max(published) FROM articles")),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _bounds(page: int, size: int) -> tuple[int, int]:
    size = min(max(int(size), 1), MAX_PAGE_SIZE)
    return max(int(page) - 1, 0) * size, size


def _like(search: str | None) -> str | None:
    """A case-insensitive substring pattern for ILIKE (its wildcards escaped)."""
    text = (search or "").strip()
    if not text:
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _matches(columns: tuple[str, ...], pattern: str) -> tuple[str, list[object]]:
    """A condition true when one of ``columns`` holds ``pattern`` (from :func:`_like`), and its
    parameters."""
    clause = " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns)
    return f"({clause})", [pattern] * len(columns)


def _page(con: duckdb.DuckDBPyConnection, base: str, where: list[str], params: list[object],
          order: str, page: int, size: int) -> Page:
    offset, size = _bounds(page, size)
    condition = (" WHERE " + " AND ".join(where)) if where else ""
    total = con.execute(f"SELECT count(*) FROM ({base}) t{condition}", params).fetchone()[0]  # type: ignore[index]
    rows = con.execute(f"SELECT * FROM ({base}) t{condition} ORDER BY {order} "
                       "LIMIT ? OFFSET ?", [*params, size, offset]).df()
    return Page(rows.reset_index(drop=True), int(total), offset, size)


_FIGURES = """
SELECT c.claim_id, c.article_id, a.title, a.source AS outlet, a.published, c.surface,
       c.kind, c.value, c.unit, c.subject, c.place, c.source, c.sentence, c.start
FROM claims c JOIN articles a USING (article_id)
"""


def figures_page(con: duckdb.DuckDBPyConnection, search: str | None = None,
                 page: int = 1, size: int = DEFAULT_PAGE_SIZE) -> Page:
    """Stored figures, newest articles first; ``search`` matches the figure, its subject, its
    source, its sentence or the article's title (case-insensitive)."""
    where: list[str] = []
    params: list[object] = []
    pattern = _like(search)
    if pattern:
        clause, values = _matches(("surface", "subject", "source", "sentence", "title"), pattern)
        where.append(clause)
        params += values
    return _page(con, _FIGURES, where, params,
                 "published DESC NULLS LAST, article_id, start", page, size)


def facts_page(con: duckdb.DuckDBPyConnection, search: str | None = None,
               min_reports: int = 1, page: int = 1,
               size: int = DEFAULT_PAGE_SIZE) -> Page:
    """Current facts, most reported first; ``search`` matches the metric, subject, place,
    sources or variants; ``min_reports`` keeps facts reported at least that often."""
    base = ("SELECT fact_id, metric, subject, place, period_start, period_end, value, low, "
            "high, n_reports, n_articles, sources, outlets, first_article, first_outlet, "
            f"first_published, variants FROM ({CURRENT_FACTS_SQL})")
    where: list[str] = ["n_reports >= ?"]
    params: list[object] = [max(int(min_reports), 1)]
    pattern = _like(search)
    if pattern:
        clause, values = _matches(("metric", "subject", "place", "sources", "variants"), pattern)
        where.append(clause)
        params += values
    return _page(con, base, where, params, "n_reports DESC, first_published, fact_id",
                 page, size)


def flags_page(con: duckdb.DuckDBPyConnection, flag_type: str | None = None,
               min_confidence: float = 0.0, page: int = 1,
               size: int = DEFAULT_PAGE_SIZE) -> Page:
    """Stored flags, most trusted first; ``flag_type`` keeps one type."""
    base = ("SELECT flag_id, type, severity, confidence, explanation, "
            "array_to_string(article_ids, '; ') AS articles, "
            "array_to_string(claim_ids, '; ') AS claims, batch FROM flags")
    where: list[str] = ["coalesce(confidence, 0) >= ?"]
    params: list[object] = [float(min_confidence)]
    if flag_type:
        where.append("type = ?")
        params.append(flag_type)
    return _page(con, base, where, params,
                 "confidence DESC NULLS LAST, CASE severity WHEN 'high' THEN 0 "
                 "WHEN 'medium' THEN 1 ELSE 2 END, flag_id", page, size)


def flag_types(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The flag types present in the store, sorted."""
    return [str(r[0]) for r in con.execute(
        "SELECT DISTINCT type FROM flags WHERE type IS NOT NULL ORDER BY 1").fetchall()]


def timeline_page(con: duckdb.DuckDBPyConnection, search: str,
                  page: int = 1, size: int = DEFAULT_PAGE_SIZE) -> Page:
    """A metric over time: the current facts whose metric, subject or place matches
    ``search``, one row per fact at its first report, oldest first. An empty search gives
    no rows (a timeline of everything says nothing)."""
    pattern = _like(search)
    if not pattern:
        return Page(pd.DataFrame(), 0, 0, _bounds(page, size)[1])
    base = ("SELECT first_published AS date, metric, subject, place, value, low, high, "
            "n_reports, first_outlet, first_article, variants, fact_id "
            f"FROM ({CURRENT_FACTS_SQL}) WHERE first_published IS NOT NULL")
    clause, values = _matches(("metric", "subject", "place"), pattern)
    return _page(con, base, [clause], values, "date, fact_id", page, size)
