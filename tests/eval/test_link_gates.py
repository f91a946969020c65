"""Missed links told by gate (``factcheck eval --relations``, "missed links by gate"): each
pair of one fact left unlinked is counted under the gate of the cross-referencing that stopped
it, so that a frozen set says which gate to work on without anyone reading its texts. Cases
from ``tests/crossref/data/link_recall.json`` (those kept apart name their gate)."""

from __future__ import annotations

import pytest
from crossref_helpers import case_ids, frame_from_articles, load_cases

from factcheck.crossref import cross_reference
from factcheck.eval.links import format_relation_report, score_relations

CASES = [c for c in load_cases("link_recall") if c["gate"]]


def _gold(frame, article: str, surface: str) -> dict:
    row = frame[(frame.article_id == article) & (frame.surface == surface)].iloc[0]
    return {"id": article, "surface": surface, "occurrence": 0, "start": int(row.start),
            "end": int(row.end), "kind": str(row.kind)}


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_a_missed_link_is_counted_under_its_gate(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    a, b, _ = case["links"][0]
    gold = [_gold(frame, *a[:2]), _gold(frame, *b[:2])]
    relations = [{"a": [a[0], a[1], 0], "b": [b[0], b[1], 0], "relation": "evolution"}]
    report = score_relations(gold, relations, frame, links, flags,
                             [x["id"] for x in case["articles"]])
    where = "within one article" if a[0] == b[0] else "across articles"
    assert report.missed_link_gates == {f"{case['gate']}, {where}": 1}
    assert report.to_dict()["missed_link_gates"] == report.missed_link_gates
    assert f"missed links by gate: {case['gate']}, {where} 1" in format_relation_report(report)


def test_a_figure_the_claims_do_not_hold_is_not_found() -> None:
    case = CASES[0]
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    a, _, _ = case["links"][0]
    gold = [_gold(frame, *a[:2]),
            {"id": a[0], "surface": "zzz", "occurrence": 0, "start": 0, "end": 3,
             "kind": "count"}]
    relations = [{"a": [a[0], a[1], 0], "b": [a[0], "zzz", 0], "relation": "same"}]
    report = score_relations(gold, relations, frame, links, flags, [a[0]])
    assert report.missed_link_gates == {"figure not found, within one article": 1}


def test_nothing_missed_nothing_counted() -> None:
    case = next(c for c in load_cases("link_recall") if c["name"] == "tickets_and_billets")
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    a, b, _ = case["links"][0]
    relations = [{"a": [a[0], a[1], 0], "b": [b[0], b[1], 0], "relation": "same"}]
    report = score_relations([_gold(frame, *a[:2]), _gold(frame, *b[:2])], relations, frame,
                             links, flags, ["f1", "f2"])
    assert report.link_recall.hits == 1 and report.missed_link_gates == {}


@pytest.mark.parametrize(("misread", "expected"), [
    (0, "subject: two families: both read as the gold's"),
    (1, "subject: two families: one side misread"),
    (2, "subject: two families: both misread"),
])
def test_a_pair_stopped_by_a_subject_gate_says_whether_a_subject_was_misread(
        misread: int, expected: str) -> None:
    case = next(c for c in CASES if c["name"] == "two_names_two_values")
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    a, b, _ = case["links"][0]
    gold = [_gold(frame, *a[:2]), _gold(frame, *b[:2])]
    for i, row in enumerate(gold):
        claim = frame[(frame.article_id == row["id"]) & (frame.surface == row["surface"])]
        row["subject"] = "zzz" if i < misread else claim.iloc[0]["subject"]
    relations = [{"a": [a[0], a[1], 0], "b": [b[0], b[1], 0], "relation": "evolution"}]
    report = score_relations(gold, relations, frame, links, flags,
                             [x["id"] for x in case["articles"]])
    assert report.missed_link_subjects == {expected: 1}
    assert f"missed links at a subject gate: {expected} 1" in format_relation_report(report)
