"""Timeline data: metrics grouped by what they measure, dated claims, intervals as ranges."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from factcheck.crossref.timeline import (
    metric_key,
    metric_label,
    metrics_table,
    timeline_chart,
    timeline_frame,
    use_log_scale,
)


def _claim(cid, article, value, low, high, published, time_end=None, source=None,
           subject="soldat", qualifiers="ukrainien; tué", kind="count", article_source="AFP"):
    return {
        "claim_id": cid, "article_id": article, "surface": f"{value}", "kind": kind,
        "value": value, "low": low, "high": high, "unit": None, "category": "pertes militaires",
        "subject": subject, "actor": None, "qualifiers": qualifiers, "published": published,
        "time_end": time_end, "source": source, "article_source": article_source,
        "sentence": "…", "title": f"Article {article}",
    }


@pytest.fixture
def claims():
    return pd.DataFrame([
        _claim("c1", "a1", 400000, 400000, 400000, "2024-12-08", source="Donald Trump"),
        _claim("c2", "a2", 43000, 43000, 43000, "2024-12-09", source="Volodymyr Zelensky"),
        _claim("c3", "a3", None, 60000, 100000, "2025-02-01"),  # a range
        _claim("c4", "a3", 500000, 500000, None, "2025-02-01", time_end="2025-01-31"),
        _claim("c5", "a4", 120, 120, 120, "2025-02-01", subject="drone", qualifiers=None),
        _claim("c6", "a4", 1949, None, None, "2025-02-01", kind="year"),
        _claim("c7", "a5", 12, 12, 12, None),  # no date at all
    ])


def test_metrics_group_same_subject_and_qualifiers_most_reported_first(claims):
    table = metrics_table(claims)
    assert list(table["n_claims"]) == [5, 1]  # years are not measures
    assert list(table["n_articles"]) == [4, 1]
    assert "soldat ukrainien; tué" in table.iloc[0]["label"]


def test_metric_key_separates_kinds_subjects_and_qualifiers():
    base = _claim("x", "a", 1, 1, 1, None)
    assert metric_key(base) == metric_key(dict(base, value=5, claim_id="y"))
    assert metric_key(base) != metric_key(dict(base, qualifiers="russe; tué"))
    assert metric_key(base) != metric_key(dict(base, kind="money"))
    assert metric_key(dict(base, qualifiers=("ukrainien", "tué"))) == metric_key(
        dict(base, qualifiers="ukrainien, tué")
    )
    assert metric_label(metric_key(base)) == "pertes militaires : soldat ukrainien; tué"


def test_timeline_rows_are_dated_and_intervals_kept(claims):
    metric = metrics_table(claims).iloc[0]["metric_id"]
    frame = timeline_frame(claims, metric)
    assert list(frame["claim_id"]) == ["c1", "c2", "c4", "c3"]  # c7 has no date
    by_id = frame.set_index("claim_id")
    assert by_id.loc["c4", "date"] == pd.Timestamp("2025-01-31")  # end of period first
    assert by_id.loc["c4", "date_basis"] == "time_end"
    assert by_id.loc["c1", "date_basis"] == "published"
    assert (by_id.loc["c3", "low"], by_id.loc["c3", "value"], by_id.loc["c3", "high"]) == (
        60000, 80000, 100000
    )
    assert bool(by_id.loc["c4", "open_high"]) and not bool(by_id.loc["c1", "open_high"])
    assert by_id.loc["c1", "source"] == "Donald Trump"
    assert by_id.loc["c3", "source"] == "AFP"  # falls back on the publication


def test_chart_draws_points_and_interval_rules_by_source(claims):
    metric = metrics_table(claims).iloc[0]["metric_id"]
    spec = timeline_chart(timeline_frame(claims, metric), title="Soldats").to_dict()
    marks = sorted(layer["mark"]["type"] for layer in spec["layer"])
    assert marks == ["point", "rule"]
    rule = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rule")
    assert rule["encoding"]["y"]["field"] == "low" and rule["encoding"]["y2"]["field"] == "high"
    assert {layer["encoding"]["color"]["field"] for layer in spec["layer"]} == {"source"}
    data = next(iter(spec["datasets"].values()))
    assert len(data) == 4
    json.dumps(spec)  # serialisable for the browser


def test_empty_inputs(claims):
    assert metrics_table(claims.iloc[0:0]).empty
    assert timeline_frame(claims, "no such metric").empty


@pytest.mark.parametrize(
    ("values", "log"),
    [((988e6, 988e9), True), ((400000, 500000), False), ((0, 10, 1e6), False)],
)
def test_log_scale_when_values_span_orders_of_magnitude(values, log):
    frame = pd.DataFrame({"low": values, "value": values, "high": values})
    assert use_log_scale(frame) is log


def test_one_point_per_fact_keeps_the_first_report_and_counts_them() -> None:
    import pandas as pd

    from factcheck.crossref.timeline import TIMELINE_COLUMNS, one_point_per_fact

    rows = [
        {"claim_id": "a", "date": pd.Timestamp("2024-12-08"), "value": 46.0},
        {"claim_id": "b", "date": pd.Timestamp("2024-12-09"), "value": 46.0},
        {"claim_id": "c", "date": pd.Timestamp("2024-12-09"), "value": 23.0},
        {"claim_id": "d", "date": pd.Timestamp("2024-12-10"), "value": 50.0},
    ]
    frame = pd.DataFrame(rows).reindex(columns=list(TIMELINE_COLUMNS))
    frame[["claim_id", "date", "value"]] = pd.DataFrame(rows)
    fact_of = {"a": "f1", "b": "f1", "c": "f2"}  # "d" belongs to no fact
    shown = one_point_per_fact(frame, fact_of, {"f1": 3, "f2": 1})
    assert list(shown["claim_id"]) == ["a", "c", "d"]
    assert list(shown["n_reports"]) == [3, 1, 1]
