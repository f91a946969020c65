"""The dashboard's logic, without Streamlit: reference figures, statuses of flags and claims,
filters, details and exports (corpus loading is ``loading``, the analysis ``analysis``).

Statuses combine the analysis (which claims carry a flag) with the reviews: a claim is
*flagged* while one of its flags is open, *confirmed* when one was confirmed as an error,
*dismissed* when all its flags were dismissed, *consistent* otherwise.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pandas as pd

from factcheck.crossref.draft import split_ids
from factcheck.dashboard.highlight import Span, SpanStatus
from factcheck.models import Kind, stable_id
from factcheck.store import Status


def load_reference_figures(
    path: str | os.PathLike[str] | None = None,
) -> tuple[pd.DataFrame | None, str | None]:
    """The curated reference figures, or ``(None, message)`` when they cannot be read."""
    from factcheck.crossref import DEFAULT_REFERENCE_PATH, load_reference

    target = Path(path) if path is not None else DEFAULT_REFERENCE_PATH
    if not target.exists():
        return None, f"{target} : fichier des chiffres de référence introuvable."
    try:
        return load_reference(target), None
    except ValueError as exc:
        return None, str(exc)


def frame_key(frame: pd.DataFrame | None) -> str:
    """A content hash of a small table (the reference figures), ``"none"`` for None."""
    if frame is None:
        return "none"
    hashed = pd.util.hash_pandas_object(frame.astype(str), index=False)
    return stable_id(*frame.columns, *hashed.tolist(), length=16)


# --- statuses -------------------------------------------------------------------------


def flags_with_reviews(flags: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """Flags with their review: ``status`` (open/confirmed/dismissed), ``reviewer``,
    ``decided_at``, ``note``."""
    review_cols = ["status", "reviewer", "decided_at", "note"]
    merged = flags.merge(current[["flag_id", *review_cols]], on="flag_id", how="left")
    merged["status"] = merged["status"].fillna(Status.OPEN.value)
    for col in ("reviewer", "decided_at", "note"):
        merged[col] = merged[col].astype(object).where(merged[col].notna(), "")
    return merged


def claim_statuses(flags_reviewed: pd.DataFrame) -> dict[str, SpanStatus]:
    """Status of every claim that carries a flag; claims absent are consistent."""
    seen: dict[str, set[str]] = {}
    for ids, status in zip(flags_reviewed["claim_ids"], flags_reviewed["status"], strict=True):
        for claim_id in split_ids(ids):
            seen.setdefault(claim_id, set()).add(status)
    out: dict[str, SpanStatus] = {}
    for claim_id, statuses in seen.items():
        if Status.CONFIRMED.value in statuses:
            out[claim_id] = SpanStatus.CONFIRMED
        elif Status.OPEN.value in statuses:
            out[claim_id] = SpanStatus.FLAGGED
        else:
            out[claim_id] = SpanStatus.DISMISSED
    return out


def flag_ids_by_claim(flags: pd.DataFrame) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for flag_id, ids in zip(flags["flag_id"], flags["claim_ids"], strict=True):
        for claim_id in split_ids(ids):
            out.setdefault(claim_id, []).append(flag_id)
    return out


def claims_with_status(
    claims: pd.DataFrame, flags_reviewed: pd.DataFrame
) -> pd.DataFrame:
    """Claims plus ``status`` and ``flag_ids`` (joined with ``; ``)."""
    statuses = claim_statuses(flags_reviewed)
    by_claim = flag_ids_by_claim(flags_reviewed)
    out = claims.copy()
    out["status"] = [
        statuses.get(cid, SpanStatus.CONSISTENT).value for cid in out["claim_id"]
    ]
    out["flag_ids"] = ["; ".join(by_claim.get(cid, [])) for cid in out["claim_id"]]
    return out


def spans_for_article(
    claims: pd.DataFrame,
    article_id: str,
    statuses: Mapping[str, SpanStatus],
    selected: str | None = None,
    describe: Callable[[Mapping[str, object]], str] | None = None,
    part: str = "body",
) -> list[Span]:
    """Highlight spans for the figures of one article (identifiers are not figures) in its
    text (``part`` "body") or in its headline given apart ("title"): each part's offsets
    index its own string."""
    rows = claims[(claims["article_id"] == article_id) & (claims["kind"] != Kind.IDENTIFIER)]
    rows = rows[claim_part(rows) == part]
    spans = []
    for row in rows.to_dict("records"):
        cid = str(row["claim_id"])
        spans.append(
            Span(
                int(row["start"]),
                int(row["end"]),
                statuses.get(cid, SpanStatus.CONSISTENT),
                title=describe(row) if describe else str(row.get("surface") or ""),
                key=cid,
                selected=cid == selected,
            )
        )
    return spans


def claim_part(claims: pd.DataFrame) -> pd.Series:
    """Where each figure is, "body" or "title" (a table written before headlines were read
    has no ``part``: all body)."""
    if "part" not in claims.columns:
        return pd.Series("body", index=claims.index, dtype="object")
    return claims["part"].where(claims["part"].isin(["title"]), "body")


# --- filters and details --------------------------------------------------------------


def fold(text: object) -> str:
    """Lower-case, accent-free text for searching ("Kyiv" finds "kyiv", "eleve" "élevé")."""
    decomposed = unicodedata.normalize("NFKD", "" if text is None else str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


SEARCH_COLUMNS: tuple[str, ...] = ("surface", "sentence", "subject", "category", "title", "source")


def filter_claims(
    claims: pd.DataFrame,
    article_ids: Iterable[str] = (),
    categories: Iterable[str] = (),
    kinds: Iterable[str] = (),
    sources: Iterable[str] = (),
    flagged_only: bool = False,
    search: str = "",
) -> pd.DataFrame:
    """Rows of ``claims`` (with a ``status`` column) matching every filter given; an empty
    selection means no filter on that column."""
    mask = pd.Series(True, index=claims.index)
    for column, wanted in (
        ("article_id", article_ids),
        ("category", categories),
        ("kind", kinds),
        ("source", sources),
    ):
        wanted = set(wanted)
        if wanted:
            mask &= claims[column].isin(wanted)
    if flagged_only:
        mask &= claims["status"] != SpanStatus.CONSISTENT.value
    needle = fold(search.strip())
    if needle:
        haystack = claims[list(SEARCH_COLUMNS)].astype(object).fillna("").astype(str)
        text = haystack.agg(" ".join, axis=1).map(fold)
        mask &= text.str.contains(needle, regex=False)
    return claims[mask]


def distinct_values(claims: pd.DataFrame, column: str) -> list[str]:
    return sorted({str(v) for v in claims[column].dropna() if str(v).strip()})


def claim_links(links: pd.DataFrame, claims: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """The links of ``claim_id``, each with the other claim's figure, sentence and article."""
    mine = links[(links["claim_a"] == claim_id) | (links["claim_b"] == claim_id)]
    other = mine["claim_b"].where(mine["claim_a"] == claim_id, mine["claim_a"])
    out = mine.assign(other_claim=other.values)[["link_id", "relation", "explanation",
                                                   "other_claim"]]
    info = claims[["claim_id", "article_id", "surface", "sentence", "title", "published"]]
    return out.merge(info, left_on="other_claim", right_on="claim_id", how="left").drop(
        columns=["claim_id"]
    )


def flag_evidence(flag: Mapping[str, object], claims: pd.DataFrame) -> pd.DataFrame:
    """The claims behind a flag with their sentence, article and date, in the flag's order.
    Evidence sentences of the flag not tied to a claim are kept with empty article fields."""
    ids = split_ids(flag.get("claim_ids"))
    by_id = claims.set_index("claim_id", drop=False)
    rows = [by_id.loc[cid].to_dict() for cid in ids if cid in by_id.index]
    frame = pd.DataFrame(rows, columns=list(claims.columns))
    evidence = flag.get("evidence")
    extra = [s for s in _as_list(evidence) if s and s not in set(frame["sentence"])]
    if extra:
        frame = pd.concat([frame, pd.DataFrame({"sentence": extra})], ignore_index=True)
    return frame


def _as_list(value: object) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


# --- exports --------------------------------------------------------------------------


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The "CSV" download: ``export.csv_bytes`` (the bytes of ``export.to_csv``, formulas
    defused)."""
    from factcheck.export import csv_bytes as export_csv_bytes

    return export_csv_bytes(frame)


def excel_fr_bytes(frame: pd.DataFrame) -> bytes:
    """The "CSV Excel (FR)" download: the bytes of ``export.to_french_excel_csv`` (``;``,
    decimal comma, UTF-8 with BOM, formulas defused)."""
    from factcheck.export import csv_bytes as export_csv_bytes

    return export_csv_bytes(frame, french_excel=True)


def links_with_status(links: pd.DataFrame, claims_status: pd.DataFrame) -> pd.DataFrame:
    """Links plus the status of each side's claim."""
    status = claims_status.set_index("claim_id")["status"]
    out = links.copy()
    out["status_a"] = out["claim_a"].map(status)
    out["status_b"] = out["claim_b"].map(status)
    return out


def facts_index(facts: pd.DataFrame) -> tuple[dict[str, str], dict[str, int]]:
    """claim id -> fact id, and fact id -> number of reports, of a facts table
    (:mod:`factcheck.crossref.facts`)."""
    from factcheck.crossref.facts import fact_of_claims

    if facts.empty:
        return {}, {}
    reports = dict(zip(facts["fact_id"].astype(str), facts["n_reports"].astype(int),
                       strict=True))
    return fact_of_claims(facts), reports


def sort_flags(flags: pd.DataFrame) -> pd.DataFrame:
    """Most trusted first: by confidence (highest first), then severity, then id."""
    order = {"high": 0, "medium": 1, "low": 2}
    keyed = flags.assign(
        _conf=-flags["confidence"].fillna(0) if "confidence" in flags else 0,
        _sev=flags["severity"].map(order).fillna(3),
    )
    keys = ["_conf", "_sev"] + (["flag_id"] if "flag_id" in flags else [])
    return keyed.sort_values(keys, kind="stable").drop(columns=["_conf", "_sev"])
