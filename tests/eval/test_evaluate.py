"""Scoring figures against the gold (``factcheck.eval.evaluate``): pairing, the value, interval,
unit and approximation rules, the report and the gold files."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from conftest import GOLD_DIR, SHARED_EVAL, requires_shared_eval
from evaluate_rows import frame, gold, pred
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.eval.evaluate import (
    GoldError,
    Score,
    evaluate,
    format_report,
    load_gold,
)


def test_perfect_match() -> None:
    report = evaluate(
        [gold(0, 2, value=46), gold(10, 16, "percent", value=12.5, unit="%")],
        frame(pred(0, 2, value=46.0), pred(10, 16, "percent", value=12.5, unit="%")),
    )
    assert report.overall == Score(tp=2, fp=0, fn=0)
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (1, 1, 1)
    assert report.per_kind == {"count": Score(1, 0, 0), "percent": Score(1, 0, 0)}
    assert report.errors == ()


def test_gold_identifier_is_a_negative_never_a_target() -> None:
    rows = [gold(0, 5, "identifier", surface="BM-35"), gold(20, 22, value=46)]
    # The extractor reads "35" in "BM-35" as a count: false positive, not a hit.
    report = evaluate(rows, frame(pred(3, 5, value=35.0), pred(20, 22, value=46.0)))
    assert report.overall == Score(tp=1, fp=1, fn=0)
    assert report.span == Score(tp=1, fp=1, fn=0)
    assert [e.category for e in report.errors] == ["identifier"]
    assert "BM-35" in report.errors[0].details
    # Reporting it as an identifier (or not at all) is right: nothing missed, nothing spurious.
    for claims in (
        frame(pred(0, 5, "identifier"), pred(20, 22, value=46.0)),
        frame(pred(20, 22, value=46.0)),
    ):
        assert evaluate(rows, claims).overall == Score(tp=1, fp=0, fn=0)


def test_predicted_identifier_over_a_gold_figure_is_a_miss() -> None:
    report = evaluate([gold(0, 4, value=2024, kind="year")], frame(pred(0, 4, "identifier")))
    assert report.overall == Score(tp=0, fp=0, fn=1)
    assert [e.category for e in report.errors] == ["missed"]


def test_kind_mismatch_is_one_fp_and_one_fn_but_a_span_hit() -> None:
    report = evaluate(
        [gold(0, 23, "money", value=988e6, unit="USD")],
        frame(pred(0, 12, "count", value=988e6, unit="USD")),
    )
    assert report.overall == Score(tp=0, fp=1, fn=1)
    assert report.per_kind["money"] == Score(0, 0, 1)
    assert report.per_kind["count"] == Score(0, 1, 0)
    assert report.span == Score(tp=1, fp=0, fn=0)
    (error,) = report.errors
    assert error.category == "attribute"
    assert "kind count ≠ gold money" in error.details


@pytest.mark.parametrize(
    ("gold_value", "pred_value", "ok"),
    [
        (988000000, 988000000.0, True),
        (988000000, 988000000.5, True),  # within the relative tolerance of 1e-6
        (988000000, 988000, False),  # "millions" read for "milliards" kind of error
        (46, 64, False),
        (46, math.nan, False),
        (None, 12.0, True),  # gold value null (vague amount): not compared
        (0, 0.0, True),
    ],
)
def test_value_rule(gold_value, pred_value, ok) -> None:
    report = evaluate([gold(0, 5, value=gold_value)], frame(pred(0, 5, value=pred_value)))
    assert (report.overall.tp == 1) is ok
    if not ok:
        assert report.errors[0].details.count("value") == 1


@pytest.mark.parametrize(
    ("gold_bounds", "pred_bounds", "ok"),
    [
        ((500000, 600000), (500000.0, 600000.0), True),
        ((500000, 600000), (500000.0, 700000.0), False),
        ((0.5, 1.0), (0.5, math.nan), False),  # "plus de la moitié": capped at 1
        ((2500, None), (2500.0, math.nan), True),  # open interval
        ((None, None), (10.0, 20.0), True),  # gold gives no bounds: not compared
    ],
)
def test_interval_rule(gold_bounds, pred_bounds, ok) -> None:
    g = gold(0, 17, low=gold_bounds[0], high=gold_bounds[1], approx="range")
    p = pred(0, 17, low=pred_bounds[0], high=pred_bounds[1], approx="range")
    assert (evaluate([g], frame(p)).overall.tp == 1) is ok


def test_unit_and_approx_must_match() -> None:
    rows = [
        gold(0, 11, "duration", value=1, unit="week"),
        gold(20, 32, "percent", value=60, unit="%", approx="approx"),
    ]
    report = evaluate(
        rows,
        frame(
            pred(0, 11, "duration", value=1.0, unit="day"),
            pred(20, 32, "percent", value=60.0, unit="%"),
        ),
    )
    assert report.overall == Score(tp=0, fp=2, fn=2)
    details = " | ".join(e.details for e in report.errors)
    assert "unit day ≠ gold week" in details
    assert "approx none ≠ gold approx" in details


def test_pairing_is_one_to_one_by_largest_overlap() -> None:
    # One prediction spans two gold figures: it pairs with the one it overlaps most.
    rows = [gold(0, 3, value=500), gold(6, 20, value=600000)]
    report = evaluate(rows, frame(pred(0, 20, value=600000.0)))
    assert report.overall == Score(tp=1, fp=0, fn=1)
    assert [(e.category, e.start) for e in report.errors] == [("missed", 0)]


def test_articles_are_matched_separately_and_unscored_ones_reported() -> None:
    rows = [gold(0, 2, value=46, id="a"), gold(0, 2, value=17, id="b")]
    claims = frame(pred(0, 2, value=17.0, article_id="a"), pred(0, 2, value=46.0, article_id="c"))
    report = evaluate(rows, claims, article_ids=["a", "c"])
    assert report.articles == ("a",)
    assert report.skipped_articles == ("b",)
    assert report.overall == Score(tp=0, fp=1, fn=1)  # article c is not in the gold


def test_reference_gold_scores_perfectly_against_itself() -> None:
    """The gold read as predictions must score 1.0: checks the loader and every rule on
    the real annotation format (values, units, intervals, identifiers)."""
    rows = load_gold(GOLD_DIR / "seeds_mentions.jsonl") + load_gold(GOLD_DIR / "dev_mentions.jsonl")
    claims = pd.DataFrame(
        [
            {**r, "article_id": r["id"], "source": r["attribution"]}
            for r in rows
            if r["kind"] != "identifier"
        ]
    )
    report = evaluate(rows, claims)
    assert report.overall.fn == report.overall.fp == 0
    assert report.overall.tp == sum(r["kind"] != "identifier" for r in rows)
    assert report.subject.value == 1.0 and report.source.value == 1.0
    assert set(report.articles) == {r["id"] for r in rows}


def test_report_text_and_json() -> None:
    report = evaluate([gold(0, 2, value=46), gold(5, 7, value=9)], frame(pred(0, 2, value=46.0)))
    text = format_report(report)
    for expected in ("overall", "span-only", "[missed]", "precision", "recall", "F1"):
        assert expected in text
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"]["recall"] == 0.5
    assert data["errors"][0]["category"] == "missed"


def test_load_gold_names_file_and_line(tmp_path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "start": 0, "end": 2, "kind": "count"}\n{oops\n', "utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:2: not valid JSON"):
        load_gold(path)
    path.write_text("[1, 2]\n", "utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:1: expected a JSON object"):
        load_gold(path)
    path.write_bytes(b'{"id": "\xe9"}\n')  # latin-1, not UTF-8
    with pytest.raises(GoldError, match=r"gold\.jsonl: cannot read"):
        load_gold(path)
    path.write_text('{"id": "a", "start": 0, "kind": "count"}\n', "utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:1: missing field\(s\) end"):
        load_gold(path)


@requires_shared_eval()
@pytest.mark.parametrize("name", ["seeds_mentions.jsonl", "dev_mentions.jsonl"])
def test_project_gold_copy_matches_shared_eval(name) -> None:
    assert load_gold(GOLD_DIR / name) == load_gold(SHARED_EVAL / name)


_span = st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1]))
_kinds = st.sampled_from(["count", "money", "percent", "identifier"])


@settings(max_examples=100, deadline=None)
@given(
    gold_spans=st.lists(st.tuples(_span, _kinds, st.integers(0, 3)), max_size=8),
    pred_spans=st.lists(st.tuples(_span, _kinds, st.integers(0, 3)), max_size=8),
)
def test_every_figure_is_counted_exactly_once(gold_spans, pred_spans) -> None:
    rows = [gold(s, e, k, value=v) for (s, e), k, v in gold_spans]
    claims = frame(*(pred(s, e, k, value=float(v)) for (s, e), k, v in pred_spans))
    report = evaluate(rows, claims)
    n_gold = sum(k != "identifier" for _, k, _ in gold_spans)
    # Only articles of the gold are scored: without any gold row, nothing is.
    n_pred = sum(k != "identifier" for _, k, _ in pred_spans) if gold_spans else 0
    for score in (report.overall, report.span):
        assert score.tp + score.fn == n_gold
        assert score.tp + score.fp == n_pred
    assert report.overall.tp <= report.span.tp
    assert sum(s.tp + s.fn for s in report.per_kind.values()) == n_gold
    # Scoring the gold against itself is always perfect.
    itself = frame(*(pred(s, e, k, value=float(v)) for (s, e), k, v in gold_spans))
    assert evaluate(rows, itself).overall.fp == evaluate(rows, itself).overall.fn == 0
