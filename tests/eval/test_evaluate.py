from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd
import pytest
from conftest import GOLD_DIR, SHARED_EVAL, requires_shared_eval
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.eval.evaluate import (
    GoldError,
    Score,
    evaluate,
    format_report,
    load_gold,
    same_source,
    same_subject,
)


def gold(start: int, end: int, kind: str = "count", **kw: Any) -> dict[str, Any]:
    row = {
        "id": kw.pop("id", "a"),
        "surface": kw.pop("surface", "x" * (end - start)),
        "start": start,
        "end": end,
        "kind": kind,
        "value": None,
        "unit": None,
        "approx": "none",
        "low": None,
        "high": None,
        "subject": None,
        "attribution": None,
    }
    row.update(kw)
    return row


def pred(start: int, end: int, kind: str = "count", **kw: Any) -> dict[str, Any]:
    row = {
        "article_id": kw.pop("article_id", "a"),
        "surface": kw.pop("surface", "y" * (end - start)),
        "start": start,
        "end": end,
        "kind": kind,
        "value": math.nan,
        "low": math.nan,
        "high": math.nan,
        "unit": None,
        "approx": "none",
    }
    row.update(kw)
    return row


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    columns = ["article_id", "surface", "start", "end", "kind", "value", "low", "high"]
    return pd.DataFrame(list(rows), columns=[*columns, "unit", "approx"])


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


def test_subject_and_source_accuracy() -> None:
    rows = [
        gold(0, 2, value=46, subject="drone", attribution="Volodymyr Zelensky"),
        gold(10, 12, value=17, subject="soldat", attribution="CSIS"),
        gold(20, 22, value=3, subject=None, attribution=None),
    ]
    claims = frame(pred(0, 2, value=46.0), pred(10, 12, value=17.0), pred(20, 22, value=3.0))
    claims["subject"] = ["Drone", "civil", "x"]
    claims["source"] = ["Zelensky", "Center for Strategic and International Studies", "y"]
    report = evaluate(rows, claims)
    assert (report.subject.correct, report.subject.total) == (1, 2)
    assert (report.source.correct, report.source.total) == (2, 2)
    assert [e.category for e in report.errors] == ["subject"]
    # Without context columns, the accuracies are not evaluated (not zero).
    bare = evaluate(rows, frame(pred(0, 2, value=46.0)))
    assert bare.subject is None and bare.source is None


def test_misses_told_by_kind_and_source_precision() -> None:
    """The misses are counted by kind (nothing given, another one; for a source, how the
    claims and the gold found it, and whether the two names share a word), and a source
    given where the gold has none counts against the precision of the sources given."""
    rows = [
        gold(0, 2, value=46, subject="drone", attribution="Volodymyr Zelensky",
             attribution_mode="explicit"),
        gold(10, 12, value=17, subject="soldat", attribution="ministère de la Défense",
             attribution_mode="inherited"),
        gold(20, 22, value=3, subject="blessé", attribution="Abdulmenam Al-Ghaithi, maire de Derna",
             attribution_mode="explicit"),
        gold(30, 32, value=8, subject="mort", attribution=None, attribution_mode=None),
        gold(40, 42, value=9, subject="mort", attribution="OMS", attribution_mode="explicit"),
    ]
    claims = frame(*(pred(s, s + 2, value=v) for s, v in
                     ((0, 46.0), (10, 17.0), (20, 3.0), (30, 8.0), (40, 9.0))))
    claims["subject"] = ["drone", None, "personne", "mort", "mort"]
    claims["source"] = ["Zelensky", None, "maire de la ville portuaire",
                        "ministère de la Santé", "CGT"]
    claims["source_mode"] = ["explicit", "", "explicit", "inherited", "inherited"]
    report = evaluate(rows, claims)
    assert report.misses["subject"] == {"another, the gold's noun not in its sentence": 1,
                                        "none given, the gold's noun not in its sentence": 1}
    assert report.misses["source"] == {
        "another, given explicit, a word in common": 1,
        "another, given inherited, no word in common": 1,
        "none given, gold inherited": 1,
    }
    assert report.misses["source given"] == {"given inherited": 1}
    # Four sources given to annotated figures, one names the gold's.
    sp = report.source_precision
    assert (sp.correct, sp.total) == (1, 4)
    text = format_report(report)
    assert "source precision: 1/4 (25.0%)" in text
    assert "sources given where the gold has none: given inherited 1" in text


@pytest.mark.parametrize(
    ("predicted", "gold_subject", "sentence", "detail"),
    [
        ("hausse", "loyer", "Les loyers sont en hausse de 3 %.", "a noun of change"),
        ("ville", "loyer", "Les loyers de la ville ont augmenté de 3 %.",
         "the gold's noun in its sentence"),
        ("ville", "loyer", "Dans la ville, ils ont augmenté de 3 %.",
         "the gold's noun not in its sentence"),
        (None, "électeur", "Les électrices et électeurs étaient 1 200.",
         "the gold's noun in its sentence"),
        ("mois", "chômeur", None, "the gold's noun not in its sentence"),
    ],
)
def test_subject_miss_detail(predicted, gold_subject, sentence, detail) -> None:
    from factcheck.eval.compare import subject_miss_detail

    assert subject_miss_detail(predicted, gold_subject, sentence) == detail


@pytest.mark.parametrize(
    ("predicted", "gold_name", "same"),
    [
        ("Zelensky", "Volodymyr Zelensky", True),
        ("M. Zelensky", "Volodymyr Zelensky", True),
        ("le président Zelensky", "Volodymyr Zelensky", True),
        ("CSIS", "Centre for Strategic and International Studies", True),
        ("l'ONU", "Nations unies", True),
        ("la CGT", "Confédération générale du travail", True),
        ("CGT", "CFDT", False),
        ("Institut national de la statistique", "Insee", True),
        ("Ministère russe de la Défense", "ministère russe de la Défense", True),
        ("ministère ukrainien de la Défense", "ministère russe de la Défense", False),
        ("Moscou", "Russie", False),
        ("Donald Trump", "Joe Biden", False),
        (None, "Pentagone", False),
        ("", "Pentagone", False),
    ],
)
def test_same_source(predicted, gold_name, same) -> None:
    assert same_source(predicted, gold_name) is same


@pytest.mark.parametrize(("pred", "gold", "ok"), [
    ("en-cours", "encours", True),                      # a hyphen is a spelling
    ("coup", "coup et blessure", True),                 # the head noun of a coordination
    ("excédent", "excédent brut d'exploitation", True),  # the head noun of a compound
    ("chiffre d'affaires", "chiffre", True),
    ("chiffre d’affaires", "chiffre d'affaires", True),  # typographic apostrophe
    ("aide militaire", "aide humanitaire", False),      # two phrases must be equal
    ("blessure", "coup et blessure", False),            # not the head
    ("affaire", "chiffre d'affaires", False),
    ("dommage", "dommages et intérêts", False),         # lemmas are compared as written
])
def test_same_subject_head_of_several_words(pred: str, gold: str, ok: bool) -> None:
    assert same_subject(pred, gold) is ok


def test_same_subject_ignores_case_and_spaces() -> None:
    assert same_subject("Réfugié", "réfugié")
    assert same_subject(" aide  militaire", "aide militaire")
    assert not same_subject("drones", "drone")
    assert not same_subject(None, "drone")


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


@pytest.mark.parametrize(("pred", "gold", "ok"), [
    ("Paris", "Paris", True), ("ville de Derna", "Derna", True),
    ("Île-de-France", "ile de france", True), ("Lyon", "Marseille", False),
    ("France", "Île-de-France", False), ("Île-de-France", "France", False),
    ("Saint-Denis", "Seine-Saint-Denis", False), ("Seine-Saint-Denis", "Seine-Saint-Denis", True),
    ("Côte d'Ivoire", "côte d’ivoire", True), (None, "Paris", False)])
def test_places_match_when_one_names_the_other(pred, gold, ok) -> None:
    from factcheck.eval.compare import same_place

    assert same_place(pred, gold) is ok


@pytest.mark.parametrize(("start", "end", "gold", "ok"), [
    (None, "2024-09-01", ["2024-09-01", "2024-09-01"], True),
    ("2024-01-01", "2024-12-31", ["2024-01-01", "2024-12-31"], True),
    (None, "2024-12-31", ["2024-01-01", "2024-12-31"], False),
    (None, "2024-09-30", ["2024-09-01", "2024-09-01"], False),
    (None, "2024-09-01", None, False)])
def test_periods_match_on_their_end_and_a_stated_start(start, end, gold, ok) -> None:
    from factcheck.eval.compare import same_period

    assert same_period(start, end, gold) is ok


def test_gold_context_fields_are_scored_when_given() -> None:
    rows = [gold(0, 2, value=12, surface="12", place="Nantes", period=["2025-03-01", "2025-03-01"],
                 qualifiers=["blessés"])]
    claims = pd.DataFrame([{"article_id": "a", "start": 0, "end": 2, "surface": "12",
                            "kind": "count", "value": 12.0, "place": "Nantes",
                            "time_start": None, "time_end": "2025-03-02",
                            "qualifiers": "blessé; graves"}])
    report = evaluate(rows, claims)
    assert {k: (a.correct, a.total) for k, a in report.fields.items()} == {
        "place": (1, 1), "period": (0, 1), "qualifiers": (1, 1)}
    # the wrong period is listed with both values (JSON only), the right fields are not
    assert [(e.category, e.details) for e in report.field_errors] == [
        ("period", "period '[None, 2025-03-02]' ≠ gold ['2025-03-01', '2025-03-01']")]
    assert report.to_dict()["field_errors"][0]["surface"] == "12"
    assert "period '[" not in format_report(report)


@pytest.mark.parametrize(("pred", "gold", "ok"), [
    ("blessés", ["blessé"], True),  # five letters, accents aside
    ("tuées", ["tué"], True),  # a short gold word begins the predicted one
    ("mortes;évacuées", ["mort", "évacué"], True),
    ("morts", ["mortier"], False),
    ("dette", ["de réussite"], False),  # a two-letter word must be met exactly
    ("de réussite", ["de réussite"], True),
    (None, ["tué"], False),
])
def test_qualifiers_match_whatever_their_inflection(pred, gold, ok) -> None:
    from factcheck.eval.compare import has_qualifiers
    assert has_qualifiers(pred, gold) is ok
