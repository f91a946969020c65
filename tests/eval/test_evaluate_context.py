"""Scoring the context of figures against the gold (``factcheck.eval.evaluate``): subjects,
sources, places, periods and qualifiers, and the detail of their misses."""

from __future__ import annotations

import pandas as pd
import pytest
from evaluate_rows import frame, gold, pred

from factcheck.eval.evaluate import (
    evaluate,
    format_report,
    same_source,
    same_subject,
)


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
