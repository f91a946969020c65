"""``reference/flagreview/spotcheck.py``: drawing and re-scoring on a tiny invented claims table."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

from conftest import ROOT

_SPEC = importlib.util.spec_from_file_location(
    "spotcheck", ROOT / "reference" / "flagreview" / "spotcheck.py")
assert _SPEC is not None and _SPEC.loader is not None
spotcheck = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(spotcheck)

FIELDS = ["article_id", "start", "end", "surface", "kind", "subject", "source", "source_mode"]
ROWS = [
    ["a", 10, 12, "12", "count", "blessé", "préfecture", "explicit"],
    ["a", 30, 33, "5 %", "percent", "taux", "", ""],
    ["a", 50, 52, "40", "count", "mort", "préfecture", "inherited"],
    ["b", 5, 16, "3 millions", "money", "budget", "mairie", "explicit"],
    ["b", 40, 44, "2024", "date", "", "", ""],
]


def _claims(tmp_path: Path, rows: list[list]) -> dict:
    path = tmp_path / "claims.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        writer.writerows(rows)
    return spotcheck.read_claims(path)


def test_draw_leaves_out_done_figures_and_other_kinds(tmp_path: Path) -> None:
    claims = _claims(tmp_path, ROWS)
    rows = spotcheck.draw(claims, {("a", 10, 12)}, what="subject", sample="t", seed=1, size=10)
    keys = {(row["article_id"], row["start"], row["end"]) for row in rows}
    assert keys == {("a", 30, 33), ("a", 50, 52), ("b", 5, 16)}
    assert [row["n"] for row in rows] == [0, 1, 2]
    assert all(row["part"] == "held_out" and row["verdict"] is None for row in rows)


def test_draw_is_seeded_and_reads_source_and_mode(tmp_path: Path) -> None:
    claims = _claims(tmp_path, ROWS)
    first = spotcheck.draw(claims, set(), what="source", sample="t", seed=7, size=2)
    again = spotcheck.draw(claims, set(), what="source", sample="t", seed=7, size=2)
    assert first == again
    by_key = {(row["article_id"], row["start"]): row for row in
              spotcheck.draw(claims, set(), what="source", sample="t", seed=7, size=4)}
    assert by_key[("a", 50)]["predicted"] == "préfecture"
    assert by_key[("a", 50)]["mode"] == "inherited"
    assert by_key[("a", 30)]["predicted"] is None


def test_rescore_keeps_unchanged_verdicts_and_lists_changed(tmp_path: Path) -> None:
    judged = [
        {"sample": "t", "n": 0, "article_id": "a", "start": 10, "end": 12, "surface": "12",
         "predicted": "blessé", "verdict": "right", "expected": "blessé"},
        {"sample": "t", "n": 1, "article_id": "a", "start": 50, "end": 52, "surface": "40",
         "predicted": "préfecture", "verdict": "wrong", "expected": "mort"},
        {"sample": "other", "n": 0, "article_id": "b", "start": 5, "end": 16,
         "surface": "3 millions", "predicted": "x", "verdict": "wrong", "expected": "budget"},
    ]
    claims = _claims(tmp_path, ROWS)
    changed = spotcheck.rescore(judged, claims, what="subject", sample="t")
    assert [row["n"] for row in changed] == [1]
    assert judged[0]["verdict_after_fixes"] == "right"
    assert judged[1]["predicted_after_fixes"] == "mort"
    assert judged[1]["verdict_after_fixes"] is None
    assert "predicted_after_fixes" not in judged[2]
    assert spotcheck.tally(judged[:2], "verdict") == (1, 2)
    assert spotcheck.tally(judged[:2], "verdict_after_fixes") == (1, 1)


def test_rescore_source_compares_mode_too(tmp_path: Path) -> None:
    judged = [{"sample": "t", "n": 0, "article_id": "a", "start": 10, "end": 12,
               "surface": "12", "predicted": "préfecture", "mode": "inherited",
               "verdict": "right", "expected": "préfecture"}]
    changed = spotcheck.rescore(judged, _claims(tmp_path, ROWS), what="source", sample="t")
    assert changed == judged
    assert judged[0]["mode_after_fixes"] == "explicit"
    assert judged[0]["verdict_after_fixes"] is None
