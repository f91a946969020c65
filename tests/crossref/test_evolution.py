"""An evolution needs positive evidence of one series (series.series_blockers): cases of
tests/crossref/data/evolution.json, each a pair that is or is not one series at two dates,
with the gate the evaluation names for a pair left unlinked."""

from __future__ import annotations

from dataclasses import replace

import pytest
from crossref_helpers import case_ids, frame_from_articles, load_cases, ref_id, relation_of

from factcheck.crossref.comparisons import _introduced
from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.gates import unlinked_gates

CASES = load_cases("evolution")


def test_a_term_named_by_its_noun_is_joined_by_the_links_of_the_lexicon() -> None:
    """"contre une perte de 900 millions": the link before the figure ("de") is a word of
    ``named_links`` (crossref.toml), not of the engine."""
    case = next(c for c in CASES if c["name"] == "a_loss_set_against_a_profit_is_one_result")
    text = case["articles"][0]["text"]
    start = text.index(case["articles"][0]["claims"][1]["surface"])
    lexicon = load_lexicon()
    assert _introduced(text, start, lexicon, named=True)
    assert not _introduced(text, start, replace(lexicon, comparison_named_links=()), named=True)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_evolution_needs_evidence_of_one_series(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, flags = cross_reference(frame)
    assert flags.empty  # no case here is an inconsistency
    for a, b, expected in case["links"]:
        got = relation_of(links, ref_id(frame, a), ref_id(frame, b))
        assert got == (None if expected == "none" else expected), (
            case["why"], links.to_dict("records"))


@pytest.mark.parametrize("case", [c for c in CASES if c["blocker"]],
                         ids=case_ids([c for c in CASES if c["blocker"]]))
def test_the_gate_names_what_is_missing(case: dict) -> None:
    frame = frame_from_articles(case["articles"])
    links, _ = cross_reference(frame)
    pairs = [(ref_id(frame, a), ref_id(frame, b)) for a, b, expected in case["links"]
             if expected == "none"]
    gates = unlinked_gates(frame, pairs, links)
    for gate in gates.values():
        if case["blocker"] == "value":
            assert gate == "value: too far apart for one series", gate
        else:
            assert gate.startswith("evolution: not one series ("), gate
            assert case["blocker"] in gate.split("(")[1].rstrip(")").split("/"), gate


def test_every_blocker_has_a_case() -> None:
    blockers = {c["blocker"] for c in CASES}
    assert {"outcome", "part", "whole", "span", "date", "one date", "value", None} <= blockers
