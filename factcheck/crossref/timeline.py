"""How one metric was reported over time: data for the timeline view and its altair chart.

A *metric* groups the claims that measure the same thing: same kind and unit, same category,
subject, actor and qualifiers (e.g. Ukrainian soldiers killed). Each claim is dated by the end
of the period it describes when the context gives one (``time_end``), else by the article's
publication date. Intervals (``low``/``high``) are drawn as ranges, so "plus de 400 000"
shows as a rule starting at 400 000.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

import altair as alt
import pandas as pd

from factcheck.models import MEASURE_KINDS

METRIC_FIELDS: tuple[str, ...] = ("kind", "unit", "category", "subject", "actor", "qualifiers")
METRIC_COLUMNS: tuple[str, ...] = ("metric_id", "label", "n_claims", "n_articles", "n_sources")
TIMELINE_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "article_id",
    "date",
    "date_basis",
    "value",
    "low",
    "high",
    "open_high",
    "source",
    "surface",
    "sentence",
    "title",
)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value if v)
    return str(value).strip()


def metric_key(row: Mapping[str, object]) -> str:
    """A readable key naming what a claim measures; equal keys mean the same metric."""
    return " | ".join(_text(row.get(name)) for name in METRIC_FIELDS)


def metric_label(key: str) -> str:
    kind, unit, category, subject, actor, qualifiers = (key.split(" | ") + [""] * 6)[:6]
    what = " ".join(p for p in (subject, qualifiers) if p) or category or kind
    extra = ", ".join(p for p in (actor, unit) if p)
    label = f"{category} : {what}" if category and category != what else what
    return f"{label} ({extra})" if extra else label


def _measures(claims: pd.DataFrame) -> pd.DataFrame:
    if claims.empty:
        return claims.assign(metric_id=pd.Series(dtype=str))
    kinds = {k.value for k in MEASURE_KINDS}
    measures = claims[claims["kind"].astype(str).isin(kinds)]
    keys = [metric_key(row) for row in measures.to_dict("records")]
    return measures.assign(metric_id=keys)


def metrics_table(claims: pd.DataFrame, min_claims: int = 1) -> pd.DataFrame:
    """The metrics found in the claims, most reported first."""
    measures = _measures(claims)
    if measures.empty:
        return pd.DataFrame(columns=list(METRIC_COLUMNS))
    sources = measures.apply(_source_of, axis=1)
    grouped = measures.assign(_source=sources).groupby("metric_id", sort=False)
    table = pd.DataFrame(
        {
            "n_claims": grouped.size(),
            "n_articles": grouped["article_id"].nunique(),
            "n_sources": grouped["_source"].nunique(),
        }
    ).reset_index()
    table["label"] = table["metric_id"].map(metric_label)
    table = table[table["n_claims"] >= min_claims]
    table = table.sort_values(["n_articles", "n_claims", "label"], ascending=[False, False, True])
    return table[list(METRIC_COLUMNS)].reset_index(drop=True)


def _source_of(row: pd.Series) -> str:
    return _text(row.get("source")) or _text(row.get("article_source")) or "non précisée"


def _claim_date(row: pd.Series) -> tuple[pd.Timestamp | None, str]:
    for column in ("time_end", "published"):
        text = _text(row.get(column))
        if text:
            stamp = pd.to_datetime(text[:10], errors="coerce", format="%Y-%m-%d")
            if not pd.isna(stamp):
                return stamp, column
    return None, ""


def _number(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if pd.isna(number) else number


def timeline_frame(claims: pd.DataFrame, metric_id: str) -> pd.DataFrame:
    """One row per dated claim of ``metric_id``, oldest first. ``value`` falls back to the
    middle of the interval for ranges; ``open_high`` marks intervals with no upper bound."""
    measures = _measures(claims)
    rows = []
    for _, row in measures[measures["metric_id"] == metric_id].iterrows():
        stamp, basis = _claim_date(row)
        if stamp is None:
            continue
        value, low, high = (_number(row.get(c)) for c in ("value", "low", "high"))
        if value is None and low is not None and high is not None:
            value = (low + high) / 2
        if value is None:
            value = low if low is not None else high
        if value is None:
            continue
        rows.append(
            {
                "claim_id": row["claim_id"],
                "article_id": row["article_id"],
                "date": stamp,
                "date_basis": basis,
                "value": value,
                "low": low if low is not None else value,
                "high": high if high is not None else value,
                "open_high": high is None and low is not None,
                "source": _source_of(row),
                "surface": _text(row.get("surface")),
                "sentence": _text(row.get("sentence")),
                "title": _text(row.get("title")),
            }
        )
    frame = pd.DataFrame(rows, columns=list(TIMELINE_COLUMNS))
    return frame.sort_values(["date", "source"]).reset_index(drop=True)


def one_point_per_report(frame: pd.DataFrame, fact_of: Mapping[str, str],
                         titles: Set[str]) -> pd.DataFrame:
    """``frame`` (from :func:`timeline_frame`) with one row per report: a headline figure
    (claim id in ``titles``, ``crossref.headlines.title_ids``) whose own article's body
    gives a figure of the same fact in ``frame`` is one report with it, as the facts count
    it (``crossref.facts.report_count``): its row is left out and the body's first row of
    that fact notes it in ``headline`` (the headline figure's surface). ``headline`` is ""
    on every other row; a figure of no fact (not in ``fact_of``) stays as it is."""
    keys = [(str(a), fact_of.get(str(c), f"claim:{c}"))
            for a, c in zip(frame["article_id"], frame["claim_id"], strict=True)]
    title = [str(c) in titles for c in frame["claim_id"]]
    body: dict[tuple[str, str], int] = {}  # (article, fact) -> its body's first row
    for n, (key, is_title) in enumerate(zip(keys, title, strict=True)):
        if not is_title:
            body.setdefault(key, n)
    noted: dict[int, list[str]] = {}
    for n, (key, is_title) in enumerate(zip(keys, title, strict=True)):
        if is_title and key in body:
            noted.setdefault(body[key], []).append(str(frame["surface"].iloc[n]))
    out = frame.assign(headline=[" ; ".join(dict.fromkeys(noted.get(n, [])))
                                 for n in range(len(frame))])
    kept = pd.Series([not (t and k in body) for k, t in zip(keys, title, strict=True)],
                     index=out.index, dtype=bool)
    return out[kept].reset_index(drop=True)


def one_point_per_fact(frame: pd.DataFrame, fact_of: Mapping[str, str],
                       reports: Mapping[str, int]) -> pd.DataFrame:
    """``frame`` (from :func:`timeline_frame`) with one row per fact: its earliest report
    (the frame is sorted by date), with ``n_reports``, how many figures report that fact in
    the corpus (``fact_of``: claim id -> fact id; ``reports``: fact id -> reports). A figure
    of no fact stays, with one report."""
    facts = frame["claim_id"].map(lambda c: fact_of.get(str(c), f"claim:{c}"))
    kept = frame.assign(_fact=facts).drop_duplicates("_fact", keep="first")
    n_reports = kept["_fact"].map(lambda f: int(reports.get(f, 1)))
    return kept.drop(columns="_fact").assign(n_reports=n_reports).reset_index(drop=True)


def use_log_scale(frame: pd.DataFrame) -> bool:
    """A log scale when positive values span more than two orders of magnitude (so that
    "988 millions" and "988 milliards" are both readable)."""
    values = pd.concat([frame["low"], frame["value"], frame["high"]]).dropna()
    if values.empty or values.min() <= 0:
        return False
    return bool(values.max() / values.min() > 100)


def timeline_chart(frame: pd.DataFrame, title: str = "") -> alt.Chart:
    """Points for the values, vertical rules for the low–high intervals, one colour per
    source; open upper bounds drawn as triangles. French axis titles: the chart is shown to
    editors."""
    scale = alt.Scale(type="log") if use_log_scale(frame) else alt.Scale(zero=False)
    data = frame.assign(bound=frame["open_high"].map({True: "borne basse (« plus de »)",
                                                      False: "valeur ou fourchette"}))
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title="Date (fin de période ou publication)",
                axis=alt.Axis(format="%d/%m/%Y")),
        color=alt.Color("source:N", title="Source"),
    )
    tooltip = [
        alt.Tooltip("date:T", title="Date", format="%d/%m/%Y"),
        alt.Tooltip("source:N", title="Source"),
        alt.Tooltip("surface:N", title="Chiffre"),
        alt.Tooltip("value:Q", title="Valeur", format=",.6~g"),
        alt.Tooltip("low:Q", title="Bas", format=",.6~g"),
        alt.Tooltip("high:Q", title="Haut", format=",.6~g"),
        alt.Tooltip("title:N", title="Article"),
    ]
    if "headline" in frame.columns:  # the headline figure one report with this one
        tooltip.append(alt.Tooltip("headline:N", title="Au titre"))
    y_title = "Valeur (échelle logarithmique)" if scale.type == "log" else "Valeur"
    ranges = base.mark_rule(strokeWidth=3, opacity=0.6).encode(
        y=alt.Y("low:Q", title=y_title, scale=scale), y2="high:Q"
    )
    points = base.mark_point(filled=True, size=80).encode(
        y=alt.Y("value:Q", title=y_title, scale=scale),
        shape=alt.Shape("bound:N", title="Chiffre",
                        scale=alt.Scale(domain=["valeur ou fourchette",
                                                "borne basse (« plus de »)"],
                                        range=["circle", "triangle-up"])),
        tooltip=tooltip,
    )
    return (ranges + points).properties(title=title, height=360)
