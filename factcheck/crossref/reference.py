"""Curated reference figures (``reference/figures.csv``) and checking claims against them.

See ``reference/README.md`` for the columns and how a newsroom adds its own figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from factcheck.crossref.cells import cell_text
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import (
    ClaimView,
    _norm,
    _num,
    dimension_and_scale,
    precision,
)
from factcheck.crossref.metric_families import family_of

DEFAULT_REFERENCE_PATH = Path(__file__).resolve().parents[2] / "reference" / "figures.csv"
REFERENCE_COLUMNS: tuple[str, ...] = (
    "ref_id", "metric", "subject", "kind", "actor", "actor_aliases", "period_start",
    "period_end", "match_days", "value", "low", "high", "unit", "source_name", "source_url",
    "source_date", "confidence", "note",
)
_REQUIRED = ("ref_id", "metric", "subject", "kind", "period_start", "source_name")
#: A claim is checked against an entry only if its value is within this ratio of it, or a
#: power of 1000 away (a likely scale slip): otherwise it is about something else.
MATCH_RATIO = 2.0
DATE_KINDS = frozenset({"date", "year"})


def load_reference(path: str | Path | None = None) -> pd.DataFrame:
    """Read the reference figures, checking columns, dates and values.

    Raises ``ValueError`` naming the file, the row and the problem."""
    path = Path(path) if path is not None else DEFAULT_REFERENCE_PATH
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ValueError(f"{path}: cannot read the reference figures ({exc})") from exc
    missing = [c for c in REFERENCE_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    for i, row in enumerate(frame.to_dict("records"), start=2):
        where = f"{path}, line {i} ({row.get('ref_id') or '?'})"
        for col in _REQUIRED:
            if not row[col].strip():
                raise ValueError(f"{where}: column {col!r} is empty")
        for col in ("period_start", "period_end", "source_date"):
            if row[col].strip():
                try:
                    date.fromisoformat(row[col].strip())
                except ValueError as exc:
                    raise ValueError(f"{where}: {col} {row[col]!r} is not an ISO date") from exc
        for col in ("value", "low", "high", "match_days"):
            if row[col].strip() and _num(row[col]) is None:
                raise ValueError(f"{where}: {col} {row[col]!r} is not a number")
        if row["kind"] not in DATE_KINDS and not any(row[c].strip()
                                                     for c in ("value", "low", "high")):
            raise ValueError(f"{where}: a {row['kind']} figure needs value or low/high")
    if frame["ref_id"].duplicated().any():
        dup = frame.loc[frame["ref_id"].duplicated(), "ref_id"].tolist()
        raise ValueError(f"{path}: duplicate ref_id {', '.join(dup)}")
    return frame[list(REFERENCE_COLUMNS)].reset_index(drop=True)


@dataclass(frozen=True, slots=True)
class ReferenceCheck:
    claim_id: str
    article_id: str
    surface: str
    sentence: str
    ref: dict
    agrees: bool
    ref_lo: float
    ref_hi: float


def _aliases(ref: dict) -> list[str]:
    names = [ref.get("actor", ""), *str(ref.get("actor_aliases", "")).split(";")]
    return [_norm(n) for n in names if n and n.strip()]


def _actor_matches(ref: dict, *texts: str) -> bool:
    aliases = _aliases(ref)
    if not aliases:
        return True
    haystack = _norm(" ".join(texts))
    return any(alias in haystack for alias in aliases)


def _in_period(ref: dict, view_period: tuple[str, ...], published: str) -> bool:
    start = date.fromisoformat(ref["period_start"])
    end = date.fromisoformat(ref["period_end"]) if ref["period_end"] else start
    days = _num(ref.get("match_days")) or 0.0
    if view_period[0] == "explicit":
        ts, te = view_period[1] or view_period[2], view_period[2] or view_period[1]
        try:
            late = end + timedelta(days=days)
            return date.fromisoformat(ts[:10]) <= late and date.fromisoformat(te[:10]) >= start
        except ValueError:
            return False
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return False
    return start <= pub <= end + timedelta(days=days)


def _ref_interval(ref: dict, scale: float) -> tuple[float, float]:
    value, low, high = _num(ref["value"]), _num(ref["low"]), _num(ref["high"])
    lo = (low if low is not None else value) * scale  # type: ignore[operator]
    hi = (high if high is not None else value) * scale  # type: ignore[operator]
    return lo - precision(lo), hi + precision(hi)


def _plausible(view: ClaimView, lo: float, hi: float) -> bool:
    mid = view.value if view.value is not None else (view.lo + view.hi) / 2
    ref_mid = (lo + hi) / 2
    if not mid or not ref_mid or not math.isfinite(mid):
        return False
    r = max(abs(mid), abs(ref_mid)) / min(abs(mid), abs(ref_mid))
    if r <= MATCH_RATIO:
        return True
    return any(abs(r / 1000**k - 1) <= 0.12 for k in (1, 2, 3))


def check_views(views: list[ClaimView], reference: pd.DataFrame,
                lexicon: Lexicon) -> list[ReferenceCheck]:
    """Measure claims that match a reference entry, with whether they agree."""
    refs = [r for r in reference.to_dict("records") if r["kind"] not in DATE_KINDS]
    prepared = []
    for ref in refs:
        dim = dimension_and_scale(ref["kind"], ref["unit"], lexicon)
        family = family_of(ref["subject"], "", lexicon)
        if dim is not None:
            prepared.append((ref, dim[0], family, *_ref_interval(ref, dim[1])))
    out = []
    for v in views:
        if v.modality != "observed":
            continue
        best = None
        for ref, dim, family, lo, hi in prepared:
            if v.dimension != dim or v.family != family:
                continue
            if not _in_period(ref, v.period, v.published):
                continue
            if not _actor_matches(ref, v.actor, v.source, v.sentence):
                continue
            if not _plausible(v, lo, hi):
                continue
            agrees = v.lo <= hi and lo <= v.hi
            if best is None or (agrees and not best.agrees):
                best = ReferenceCheck(v.claim_id, v.article_id, v.surface, v.sentence, ref,
                                      agrees, lo, hi)
        if best is not None:
            out.append(best)
    return out


def check_dates(claims: pd.DataFrame, reference: pd.DataFrame,
                lexicon: Lexicon) -> list[ReferenceCheck]:
    """Date claims about a reference event ("l'investiture le 20 janvier") against its date.
    When the text gives no year, only the day and month are compared."""
    refs = [r for r in reference.to_dict("records") if r["kind"] in DATE_KINDS]
    if not refs or claims is None or claims.empty:
        return []
    out = []
    dated = claims[claims["kind"].astype(str).isin(DATE_KINDS)]
    for row in dated.to_dict("records"):
        resolved = cell_text(row.get("resolved"))
        family = family_of(cell_text(row.get("subject")), "", lexicon)
        if not resolved or not family:
            continue
        for ref in refs:
            if family_of(ref["subject"], "", lexicon) != family:
                continue
            if not _actor_matches(ref, cell_text(row.get("actor")), cell_text(row.get("source")),
                                  cell_text(row.get("sentence"))):
                continue
            expected = ref["period_start"]
            surface = cell_text(row.get("surface"))
            has_year = any(ch.isdigit() for ch in surface) and any(
                tok.isdigit() and len(tok) == 4 for tok in surface.replace(".", " ").split())
            if has_year:
                n = min(len(resolved), len(expected))
                agrees = resolved[:n] == expected[:n]
            else:
                agrees = resolved[5:10] == expected[5:10] or len(resolved) < 10
            out.append(ReferenceCheck(cell_text(row["claim_id"]), cell_text(row["article_id"]),
                                      surface, cell_text(row.get("sentence")), ref, agrees,
                                      math.nan, math.nan))
    return out
